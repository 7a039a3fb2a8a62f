/**
 * Using carried data: as an import into the library ("Save to my library"), or into
 * a temporary database beside it ("View only", db/view-only.ts). Both go through the
 * same steps as an import of the app's data file (import/app-data.ts) and the same
 * one-transaction write (db/imports.ts), so carried data is held to the import's rules.
 */
import type { LensDb } from '../db/database';
import { commitImport, DuplicateImportError, storageMessage, type PreparedImport } from '../db/imports';
import { ensureBundledData } from '../db/instance';
import { listAreas, listIndicators } from '../db/queries';
import { openViewOnlyDb, type ViewOnlyDb } from '../db/view-only';
import { readAppData } from '../import/app-data';
import { buildAreaLookup } from '../import/area-match';
import { resolveUnknownAreas } from '../import/custom-areas';
import { IssueList } from '../import/issues';
import { errorMessage } from '../model/errors';
import type { ImportRecord, SourceDocument, ThemeMention } from '../model/types';
import type { Carried } from './carry-format';
import { count } from './carry-scope';

export interface TagOptions {
  /** What is being done, in words, and the share done (0–1). */
  onProgress?: (doing: string, fraction: number) => void;
  /** Aborting it stops the tagging: the carried data is then neither viewed nor saved. */
  signal?: AbortSignal;
}

/** Tags documents for their theme mentions; the app passes the themes worker, tests a stand-in. */
export type TagDocuments = (docs: SourceDocument[], opts?: TagOptions) => Promise<ThemeMention[]>;

export type Outcome<T> = { ok: true; value: T; warnings: string[] } | { ok: false; message: string; cancelled?: true };

const CANCELLED = { ok: false, cancelled: true, message: 'Opening the carried data was cancelled: nothing was saved.' } as const;

/** The carried data as an import for `db`, checked against what `db` holds. */
export async function prepareCarried(db: LensDb, carried: Carried, tag: TagDocuments, opts: TagOptions = {}): Promise<Outcome<PreparedImport>> {
  const importId = crypto.randomUUID();
  const [areas, indicators] = await Promise.all([listAreas(db), listIndicators(db)]);
  const known = { areas: buildAreaLookup(areas), indicators: indicators.map((i) => ({ id: i.id, label: i.label, shortLabel: i.shortLabel })) };
  const issues = new IssueList();
  // readAppData resolves area codes in place; the carried copy must stay as it came for a second use.
  const parsed = readAppData(structuredClone(carried.data), known, importId, issues);
  if (!parsed) {
    const first = issues.list().find((i) => i.severity === 'error');
    return { ok: false, message: `The carried data cannot be used: ${first?.message ?? 'it does not fit the figures this app holds.'}` };
  }
  const resolved = resolveUnknownAreas(parsed.series, parsed.unknownAreas, false, new Set(areas.map((a) => a.code)));
  const warnings = parsed.warnings.filter((w) => w.severity === 'warning').map((w) => w.message);
  if (resolved.dropped > 0) {
    warnings.push(`${count(resolved.dropped, 'figure')} for ${count(parsed.unknownAreas.length, 'area')} this app does not know ${resolved.dropped === 1 ? 'was' : 'were'} left out: ${parsed.unknownAreas.map((u) => u.name).join(', ')}.`);
  }
  let mentions: ThemeMention[] = [];
  if (parsed.documents.length) {
    try {
      mentions = await tag(
        parsed.documents.map((d) => ({ ...d, importId })),
        opts,
      );
    } catch (e) {
      if (opts.signal?.aborted) return CANCELLED;
      warnings.push(`The themes of the carried documents could not be worked out (${errorMessage(e)}); the documents are there, without themes.`);
    }
  }
  const name = carried.source.kind === 'file' ? carried.source.name : `Shared link${carried.description ? ` (${carried.description})` : ''}`;
  return {
    ok: true,
    warnings,
    value: {
      record: { id: importId, fileName: name, hash: carried.hash, kind: 'app_json', importedAt: new Date().toISOString(), warnings },
      areas: [...parsed.areas, ...resolved.areas],
      indicators: parsed.indicators,
      series: resolved.series,
      documents: parsed.documents,
      priorities: parsed.priorities,
      ...(parsed.themeLinks ? { themeLinks: parsed.themeLinks } : {}),
      mentions,
    },
  };
}

/** "Save to my library": a normal import. A second save of the same data is recognised and not added again. */
export async function saveCarried(
  library: LensDb,
  carried: Carried,
  tag: TagDocuments,
  opts: TagOptions = {},
): Promise<{ ok: true; record: ImportRecord; already: boolean; warnings: string[] } | { ok: false; message: string; cancelled?: true }> {
  const prepared = await prepareCarried(library, carried, tag, opts);
  if (!prepared.ok) return prepared;
  try {
    return { ok: true, record: await commitImport(library, prepared.value), already: false, warnings: prepared.warnings };
  } catch (e) {
    if (e instanceof DuplicateImportError) return { ok: true, record: e.existing, already: true, warnings: [] };
    return { ok: false, message: `The carried data was not saved: ${storageMessage(e)}` };
  }
}

/**
 * "View only": a temporary database with the bundled figures and the carried ones.
 * The library is neither read nor written, so the view shows what the sender's did.
 */
export async function viewCarried(carried: Carried, tag: TagDocuments, opts: TagOptions = {}): Promise<Outcome<ViewOnlyDb>> {
  let temp: ViewOnlyDb | undefined;
  try {
    temp = await openViewOnlyDb();
    await ensureBundledData(temp.db);
    const prepared = await prepareCarried(temp.db, carried, tag, opts);
    if (!prepared.ok) {
      await temp.discard();
      return prepared;
    }
    await commitImport(temp.db, prepared.value);
    return { ok: true, value: temp, warnings: prepared.warnings };
  } catch (e) {
    await temp?.discard().catch(() => undefined);
    if (opts.signal?.aborted) return CANCELLED;
    return { ok: false, message: `The carried data could not be opened: ${storageMessage(e)}` };
  }
}
