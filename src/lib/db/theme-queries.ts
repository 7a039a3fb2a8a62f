/**
 * Queries and writes for documents, theme mentions and priorities: what the Themes
 * view, the document import and the theme markers on Compare and Area need.
 */
import type { AreaCode, ImportRecord, Period, Priority, SourceDocument, ThemeMention } from '../model/types';
import { documentIdentity } from '../model/document-identity';
import { USER_EDITS } from './bundled';
import { IMPORT_OWNED_TABLES, type LensDb } from './database';
import { estimateBytes } from './record-size';

export interface RangeFilter {
  areas?: readonly AreaCode[];
  from?: Period;
  to?: Period;
}

function inRange(r: RangeFilter, x: { areaCode: AreaCode; period: Period }): boolean {
  return (r.from === undefined || x.period >= r.from) && (r.to === undefined || x.period <= r.to) && (!r.areas || r.areas.includes(x.areaCode));
}

/** Theme mentions of documents in the areas and years given. */
export async function listThemeMentions(db: LensDb, r: RangeFilter = {}): Promise<ThemeMention[]> {
  const rows = r.areas ? await db.themeMentions.where('areaCode').anyOf([...r.areas]).toArray() : await db.themeMentions.toArray();
  return rows.filter((m) => inRange(r, m));
}

/** Priorities the user sees: stated in documents or added by the user, not removed. */
export async function listPriorities(db: LensDb, r: RangeFilter = {}): Promise<Priority[]> {
  const rows = r.areas ? await db.priorities.where('areaCode').anyOf([...r.areas]).toArray() : await db.priorities.toArray();
  return rows.filter((p) => !p.removed && inRange(r, p)).sort((a, b) => a.period - b.period || a.label.localeCompare(b.label));
}

/** Documents without their text (the list views do not need it). */
export async function listDocumentHeads(db: LensDb, r: RangeFilter = {}): Promise<Omit<SourceDocument, 'text'>[]> {
  const rows = r.areas ? await db.documents.where('areaCode').anyOf([...r.areas]).toArray() : await db.documents.toArray();
  return rows.filter((d) => inRange(r, d)).map(({ text: _text, ...head }) => head);
}

export async function getDocument(db: LensDb, id: string): Promise<SourceDocument | undefined> {
  return db.documents.get(id);
}

/** Adds a priority or saves the user's change to one; either way it is the user's from now on. */
export async function savePriority(db: LensDb, p: Priority): Promise<void> {
  await db.priorities.put({ ...p, label: p.label.trim(), userEdited: true, editedAt: new Date().toISOString(), importId: USER_EDITS });
}

/** Removes a priority, keeping a tombstone so that tagging its document again does not bring it back. */
export async function removePriority(db: LensDb, id: string): Promise<void> {
  await db.transaction('rw', db.priorities, async () => {
    const p = await db.priorities.get(id);
    if (p) await db.priorities.put({ ...p, removed: true, userEdited: true, editedAt: new Date().toISOString(), importId: USER_EDITS });
  });
}

export interface DocumentImport {
  record: ImportRecord;
  document: SourceDocument;
  mentions: ThemeMention[];
  priorities: Priority[];
}

export class DuplicateDocumentError extends Error {
  constructor(
    readonly fileName: string,
    readonly existing: string,
  ) {
    super(`${fileName} has already been taken in (as “${existing}”), so it was not imported again.`);
  }
}

/**
 * Stores an imported document with its themes, priorities and import record in one
 * transaction: all of it or none. Priorities the user has edited or removed keep
 * their edit.
 */
export async function storeDocumentImport(db: LensDb, imp: DocumentImport): Promise<void> {
  await db.transaction('rw', [db.documents, db.themeMentions, db.priorities, db.imports], async () => {
    // By the hash of the words (themes/analyse.ts); documents stored before it was (bundled seeds, hashed
    // by bytes) are compared by their words.
    const words = documentIdentity(imp.document.text);
    const same = (await db.documents.where('hash').equals(imp.document.hash).first()) ?? (await db.documents.filter((d) => documentIdentity(d.text) === words).first());
    if (same) throw new DuplicateDocumentError(imp.record.fileName, same.title);
    await db.documents.add(imp.document);
    await db.themeMentions.bulkPut(imp.mentions);
    const edited = new Set(await db.priorities.where('importId').equals(USER_EDITS).primaryKeys());
    await db.priorities.bulkPut(imp.priorities.filter((p) => !edited.has(p.id)));
    await db.imports.add({ ...imp.record, storedBytes: estimateBytes([imp.document, imp.mentions, imp.priorities]) });
  });
}

/** Undoes an import whole: every record it brought in, and the import record itself. */
export async function undoImport(db: LensDb, importId: string): Promise<void> {
  await db.transaction('rw', [...IMPORT_OWNED_TABLES, 'imports'], async () => {
    for (const table of IMPORT_OWNED_TABLES) await db.table(table).where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}

export async function listDocumentImports(db: LensDb): Promise<ImportRecord[]> {
  return (await db.imports.orderBy('importedAt').toArray()).filter((i) => i.kind === 'document');
}
