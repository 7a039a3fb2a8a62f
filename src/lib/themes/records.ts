/**
 * Turns a tagged document into the records the database keeps: one ThemeMention per
 * theme named (present or only in passing, so the evidence view can show both) and
 * one Priority per stated priority. Ids are derived from the document and the
 * priority's words, so tagging the same document again gives the same ids and a
 * user's edits to a priority (kept under its id) survive a re-import.
 */
import type { Period, Priority, SourceDocument, ThemeMention } from '../model/types';
import type { TagResult } from './tagger';

/** FNV-1a, 32 bits, as 8 hex digits: short stable ids, not security. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function priorityId(documentId: string, period: Period, label: string): string {
  return `${documentId}:p:${period}:${shortHash(label.toLowerCase().replace(/\s+/g, ' ').trim())}`;
}

export interface DocumentRecords {
  mentions: ThemeMention[];
  priorities: Priority[];
}

/** Records for a document from a tagging result (computed in the worker or the CLI). */
export function recordsFromResult(doc: SourceDocument, result: TagResult): DocumentRecords {
  const total = Math.max(1, result.bodySentences);
  const mentions: ThemeMention[] = result.themes.map((t) => ({
    id: `${doc.id}:${t.id}`,
    documentId: doc.id,
    themeId: t.id,
    areaCode: doc.areaCode,
    period: doc.period,
    count: t.sentences,
    share: Math.round((t.sentences / total) * 1000) / 1000,
    present: t.present,
    score: t.score,
    evidence: t.evidence.map((e) => ({ start: e.start, end: e.end, sentence: e.text, weight: e.weight, ...(e.note ? { note: e.note } : {}) })),
    importId: doc.importId,
  }));
  const seen = new Set<string>();
  const priorities: Priority[] = [];
  for (const p of result.priorities) {
    const period = p.period ?? doc.period;
    const id = priorityId(doc.id, period, p.label);
    if (seen.has(id)) continue;
    seen.add(id);
    const s = result.sentences[p.sentence]!;
    priorities.push({
      id,
      areaCode: doc.areaCode,
      period,
      label: p.label,
      themeIds: p.themeIds,
      documentId: doc.id,
      evidence: { start: s.start, end: s.end, sentence: s.text },
      importId: doc.importId,
    });
  }
  return { mentions, priorities };
}
