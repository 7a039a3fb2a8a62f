/**
 * Writing and undoing imports. Everything a file brings is written in one
 * transaction (all of it or none of it), and every record carries the import's
 * id, so that undo removes exactly that import's records.
 */
import type { ObservationSeries } from '../model/series';
import type { Area, ImportRecord, Indicator, Priority, SourceDocument, ThemeLinkEdit, ThemeMention } from '../model/types';
import { BUNDLED, USER_EDITS } from './bundled';
import type { LensDb } from './database';
import { estimateBytes } from './record-size';
import { packSeries, unpack } from './series-packs';
import { isQuotaError } from './storage';
import { errorMessage } from '../model/errors';
import { EDITION_MAX_CHARS } from '../model/source-conflicts';

export interface PreparedImport {
  record: Omit<ImportRecord, 'counts'>;
  areas: Area[];
  indicators: Indicator[];
  series: ObservationSeries[];
  documents: SourceDocument[];
  priorities: Priority[];
  /** Theme mentions of the documents, when they were tagged before saving (carried documents). */
  mentions?: ThemeMention[];
  /**
   * Theme links the data brings (carried with a shared view, or in an app file): kept as
   * the user's own choices, like links made here, where no later choice of the user's
   * on the same link exists. Undoing the import leaves them, as it leaves a priority edit.
   */
  themeLinks?: ThemeLinkEdit[];
}

export class DuplicateImportError extends Error {
  constructor(readonly existing: ImportRecord) {
    super(`This file was imported already (${existing.fileName}, ${existing.importedAt}).`);
  }
}

export async function findImportByHash(db: LensDb, hash: string): Promise<ImportRecord | undefined> {
  return db.imports.where('hash').equals(hash).first();
}

/** Explains a failed write in words a user can act on. */
export function storageMessage(e: unknown): string {
  if (isQuotaError(e)) {
    return 'the browser has no room left to store it. Free some space (undo an import you no longer need, or clear other sites’ data) and try again. Nothing was stored.';
  }
  return `it could not be stored (${errorMessage(e)}). Nothing was stored.`;
}

/**
 * Writes an import in one transaction. Areas, indicators, documents and priorities
 * the database already has are left as they are (they belong to the import that
 * brought them); the import's own figures go in as its series.
 */
export async function commitImport(db: LensDb, p: PreparedImport): Promise<ImportRecord> {
  const id = p.record.id;
  const tables = ['areas', 'indicators', 'series', 'documents', 'themeMentions', 'priorities', 'themeLinks', 'imports'] as const;
  return db.transaction('rw', tables, async () => {
    const existing = await db.imports.where('hash').equals(p.record.hash).first();
    if (existing) throw new DuplicateImportError(existing);
    const [haveAreas, haveIndicators, haveDocs, havePriorities] = await Promise.all([
      db.areas.bulkGet(p.areas.map((a) => a.code)),
      db.indicators.bulkGet(p.indicators.map((i) => i.id)),
      db.documents.bulkGet(p.documents.map((d) => d.id)),
      db.priorities.bulkGet(p.priorities.map((x) => x.id)),
    ]);
    const areas = p.areas.filter((_, i) => !haveAreas[i]).map((a) => ({ ...a, importId: id }));
    const indicators = p.indicators.filter((_, i) => !haveIndicators[i]).map((x) => ({ ...x, importId: id }));
    const documents = p.documents.filter((_, i) => !haveDocs[i]).map((x) => ({ ...x, importId: id }));
    const priorities = p.priorities.filter((_, i) => !havePriorities[i]).map((x) => ({ ...x, importId: id }));
    const series = packSeries(id, p.series.map((s) => ({ ...s, importId: id, id: `${id}:${s.indicatorId}` })));
    const record: ImportRecord = {
      ...p.record,
      counts: {
        areas: areas.length,
        indicators: indicators.length,
        observations: p.series.reduce((n, s) => n + s.periods.length, 0),
        documents: documents.length,
        priorities: priorities.length,
      },
      storedBytes: estimateBytes([areas, indicators, series, documents, priorities]),
    };
    await db.areas.bulkAdd(areas);
    await db.indicators.bulkAdd(indicators);
    await db.series.bulkPut(series);
    await db.documents.bulkAdd(documents);
    const added = new Set(documents.map((d) => d.id));
    await db.themeMentions.bulkPut((p.mentions ?? []).filter((m) => added.has(m.documentId)).map((m) => ({ ...m, importId: id })));
    await db.priorities.bulkAdd(priorities);
    if (p.themeLinks?.length) {
      const have = await db.themeLinks.bulkGet(p.themeLinks.map((l) => l.id));
      await db.themeLinks.bulkPut(p.themeLinks.filter((l, i) => !have[i] || have[i]!.editedAt < l.editedAt).map((l) => ({ ...l, importId: USER_EDITS })));
    }
    await db.imports.add(record);
    return record;
  });
}

/**
 * Removes one import's records in one transaction. An indicator or custom area it
 * created that a later import still uses is handed to that import instead of
 * being deleted, so no one else's figures lose their label.
 */
/**
 * Records which edition of its publication an import is ('' forgets it), on the import
 * and as the vintage of the indicators it brought, in one transaction. Bundled
 * indicators that the import added figures to keep their own edition.
 */
export async function setImportEdition(db: LensDb, importId: string, edition: string): Promise<void> {
  if (importId === BUNDLED) throw new Error('the bundled figures keep their publisher’s edition.');
  const text = edition.replace(/\s+/g, ' ').trim();
  if (text.length > EDITION_MAX_CHARS) throw new Error(`an edition is at most ${EDITION_MAX_CHARS} characters.`);
  await db.transaction('rw', db.imports, db.indicators, async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error('the import is no longer held (it was undone).');
    const { edition: _old, ...rest } = record;
    await db.imports.put(text ? { ...rest, edition: text } : rest);
    await db.indicators
      .where('importId')
      .equals(importId)
      .modify((i) => {
        if (text) i.vintage = text;
        else delete i.vintage;
      });
  });
}

export async function undoImport(db: LensDb, importId: string): Promise<void> {
  if (importId === BUNDLED) throw new Error('The bundled data cannot be undone.');
  const tables = ['areas', 'indicators', 'series', 'documents', 'themeMentions', 'priorities', 'neighbourModels', 'imports'] as const;
  await db.transaction('rw', tables, async () => {
    await db.series.where('importId').equals(importId).delete();
    const remaining = unpack(await db.series.toArray());
    const usedIndicator = new Map<string, string>();
    const usedArea = new Map<string, string>();
    for (const s of remaining) {
      usedIndicator.set(s.indicatorId, s.importId);
      for (const c of s.areaCodes) usedArea.set(c, s.importId);
    }
    for (const ind of await db.indicators.where('importId').equals(importId).toArray()) {
      const heir = usedIndicator.get(ind.id);
      if (heir) await db.indicators.update(ind.id, { importId: heir });
      else await db.indicators.delete(ind.id);
    }
    for (const area of await db.areas.where('importId').equals(importId).toArray()) {
      const heir = usedArea.get(area.code);
      if (heir) await db.areas.update(area.code, { importId: heir });
      else await db.areas.delete(area.code);
    }
    for (const t of ['documents', 'themeMentions', 'priorities', 'neighbourModels'] as const) await db.table(t).where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}

/** How many areas, indicators, series (not packs), figures and imports are held: checked by tests. */
export async function recordCounts(db: LensDb): Promise<Record<'areas' | 'indicators' | 'series' | 'observations' | 'imports', number>> {
  return db.transaction('r', ['areas', 'indicators', 'series', 'imports'], async () => {
    let series = 0;
    let observations = 0;
    await db.series.each((pack) => {
      series += pack.series.length;
      for (const s of pack.series) observations += s.periods.length;
    });
    return { areas: await db.areas.count(), indicators: await db.indicators.count(), series, observations, imports: await db.imports.count() };
  });
}
