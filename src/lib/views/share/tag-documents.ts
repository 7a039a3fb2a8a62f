/** Theme mentions of carried documents, worked out by the themes worker as for an imported document. */
import type { SourceDocument, ThemeMention } from '../../model/types';
import { analyseFile } from '../../themes/client';
import { recordsFromResult } from '../../themes/records';

export async function tagDocuments(docs: SourceDocument[]): Promise<ThemeMention[]> {
  const out: ThemeMention[] = [];
  for (const doc of docs) {
    // As plain text, so the offsets of the evidence point into the document's text as carried.
    const r = await analyseFile(new File([doc.text], `${doc.id}.txt`, { type: 'text/plain' }), []);
    out.push(...recordsFromResult(doc, r.result).mentions);
  }
  return out;
}
