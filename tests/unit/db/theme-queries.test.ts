import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED, loadBundle, USER_EDITS } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { DuplicateDocumentError, storeDocumentImport, type DocumentImport } from '../../../src/lib/db/document-store';
import { undoImport } from '../../../src/lib/db/imports';
import { listPriorities, listThemeMentions, removePriority, savePriority } from '../../../src/lib/db/theme-queries';
import type { Bundle } from '../../../src/lib/model/bundle';
import type { SourceDocument } from '../../../src/lib/model/types';
import { documentRecords } from '../../../src/lib/themes/tag-document';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-themes-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A document as the import builds it: its id comes from its content, so importing it again gives the same ids. */
function minutes(importId: string, text = 'Dudley Safeguarding Children Partnership Annual Report 2022/23\n\nThe priorities for 2022/23 were neglect, exploitation and early help. Neglect audits found better practice.'): DocumentImport {
  const document: SourceDocument = { id: `doc-${text.length}`, areaCode: 'E08000027', period: 2023, title: 'Dudley annual report', source: 'dudley.txt', text, hash: `hash-of-${text.length}`, importId };
  const { mentions, priorities } = documentRecords(document);
  return {
    document,
    mentions,
    priorities,
    record: { id: importId, fileName: 'dudley.txt', hash: document.hash, kind: 'document', importedAt: new Date().toISOString(), counts: { areas: 0, indicators: 0, observations: 0, documents: 1, priorities: priorities.length }, warnings: [] },
  };
}

describe('bundled themes and priorities', () => {
  it('are loaded with the bundle, for the seed partnerships', async () => {
    await loadBundle(db, bundle);
    const herefordshire = await listThemeMentions(db, { areas: ['E06000019'] });
    expect(herefordshire.filter((m) => m.present).map((m) => m.themeId)).toContain('home_education');
    const pri = await listPriorities(db, { areas: ['E08000029'] });
    expect(pri.map((p) => [p.period, p.themeIds[0]])).toEqual([
      [2022, 'exploitation'],
      [2022, 'neglect'],
    ]);
  });

  it('keep the user’s edits and removals when a new bundle replaces the old one', async () => {
    await loadBundle(db, bundle);
    const [first, second] = await listPriorities(db, { areas: ['E08000029'] });
    await savePriority(db, { ...first!, label: 'Exploitation (all forms)' });
    await removePriority(db, second!.id);
    await savePriority(db, { id: 'user-1', areaCode: 'E08000029', period: 2023, label: 'Domestic abuse', themeIds: ['domestic_abuse'], importId: USER_EDITS });

    const revised: Bundle = { ...bundle, hash: 'revised' };
    expect(await loadBundle(db, revised)).toBe('replaced');
    const after = await listPriorities(db, { areas: ['E08000029'] });
    expect(after.map((p) => p.label)).toEqual(['Exploitation (all forms)', 'Domestic abuse']);
    expect(await db.priorities.get(second!.id)).toMatchObject({ removed: true });
    expect((await db.themeMentions.where('importId').equals(BUNDLED).count()) > 0).toBe(true);
  });
});

describe('storeDocumentImport and undoImport', () => {
  it('stores the document, its themes, priorities and the import record together, and undoes them together', async () => {
    const imp = minutes('imp-doc');
    await storeDocumentImport(db, imp);
    expect(await db.documents.count()).toBe(1);
    expect((await listThemeMentions(db, { areas: ['E08000027'] })).filter((m) => m.present).map((m) => m.themeId)).toEqual(
      expect.arrayContaining(['neglect', 'exploitation', 'early_help', 'quality_assurance']),
    );
    expect((await listPriorities(db)).map((p) => p.label)).toEqual(['early help', 'exploitation', 'neglect']);
    await undoImport(db, 'imp-doc');
    expect(await db.documents.count()).toBe(0);
    expect(await db.themeMentions.count()).toBe(0);
    expect(await db.priorities.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('refuses the same file twice and writes nothing the second time', async () => {
    await storeDocumentImport(db, minutes('imp-a'));
    await expect(storeDocumentImport(db, minutes('imp-b'))).rejects.toBeInstanceOf(DuplicateDocumentError);
    expect(await db.imports.count()).toBe(1);
    expect(await db.themeMentions.where('importId').equals('imp-b').count()).toBe(0);
  });

  it('refuses the same words stored under another hash (a copy saved as a web page, or a document hashed by its bytes before)', async () => {
    await storeDocumentImport(db, minutes('imp-txt'));
    const html = minutes('imp-html', 'DUDLEY SAFEGUARDING CHILDREN PARTNERSHIP ANNUAL REPORT 2022/23\n\n• The priorities for 2022/23 were: neglect, exploitation and early help.  Neglect audits found “better practice”.');
    const dup = { ...html, document: { ...html.document, hash: 'another-hash' }, record: { ...html.record, hash: 'another-hash' } };
    await expect(storeDocumentImport(db, dup)).rejects.toThrow('dudley.txt has already been taken in (as “Dudley annual report”)');
    expect(await db.documents.count()).toBe(1);
    expect(await db.imports.count()).toBe(1);
    // Other words are another document.
    await storeDocumentImport(db, minutes('imp-other', 'Dudley Safeguarding Children Partnership Annual Report 2023/24\n\nThe priorities were neglect and exploitation.'));
    expect(await db.documents.count()).toBe(2);
  });

  it('writes nothing when any part fails', async () => {
    const imp = minutes('imp-c');
    await db.imports.put({ ...imp.record });
    await expect(storeDocumentImport(db, imp)).rejects.toThrow();
    expect(await db.documents.count()).toBe(0);
    expect(await db.themeMentions.count()).toBe(0);
  });

  it('keeps an edited priority when the document is undone and imported again', async () => {
    await storeDocumentImport(db, minutes('imp-d'));
    const neglect = (await listPriorities(db)).find((p) => p.label === 'neglect')!;
    await savePriority(db, { ...neglect, label: 'Neglect, with the graded care profile' });
    await undoImport(db, 'imp-d');
    await storeDocumentImport(db, minutes('imp-e'));
    const labels = (await listPriorities(db)).map((p) => p.label);
    expect(labels).toContain('Neglect, with the graded care profile');
    expect(labels).not.toContain('neglect');
  });
});
