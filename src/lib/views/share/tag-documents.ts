/** Theme mentions of carried documents, worked out by the themes worker as for an imported document. */
import type { SourceDocument, ThemeMention } from '../../model/types';
import type { TagOptions } from '../../share/carry-receive';
import { analyseFile } from '../../themes/client';
import { recordsFromResult } from '../../themes/records';

export async function tagDocuments(docs: SourceDocument[], opts: TagOptions = {}): Promise<ThemeMention[]> {
  const out: ThemeMention[] = [];
  for (const [i, doc] of docs.entries()) {
    const which = docs.length > 1 ? `document ${i + 1} of ${docs.length}` : 'the document';
    // As plain text, so the offsets of the evidence point into the document's text as carried.
    const r = await analyseFile(new File([doc.text], `${doc.id}.txt`, { type: 'text/plain' }), [], {
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (p) => opts.onProgress?.(`Finding the themes of ${which}: ${p.stage.toLowerCase()}`, (i + p.fraction) / docs.length),
    });
    out.push(...recordsFromResult(doc, r.result).mentions);
  }
  return out;
}
