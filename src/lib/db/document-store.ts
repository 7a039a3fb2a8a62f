/**
 * Storing an imported document (minutes, an annual report) with its theme mentions
 * and priorities, and listing the documents imported. Undoing one is db/imports.ts's
 * undoImport, as for every import.
 */
import { documentIdentity } from '../model/document-identity';
import type { ImportRecord, Priority, SourceDocument, ThemeMention } from '../model/types';
import { USER_EDITS } from './bundled';
import type { LensDb } from './database';
import { estimateBytes } from './record-size';

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

export async function listDocumentImports(db: LensDb): Promise<ImportRecord[]> {
  return (await db.imports.orderBy('importedAt').toArray()).filter((i) => i.kind === 'document');
}
