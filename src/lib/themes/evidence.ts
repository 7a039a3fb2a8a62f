/** Pure helpers that arrange stored mentions and priorities for the views. */
import type { AreaCode, EvidenceSnippet, Period, Priority, SourceDocument, ThemeMention } from '../model/types';

export type DocumentHead = Omit<SourceDocument, 'text'>;

/** The evidence for one area and theme, by document (newest first), sentences in text order. */
export function evidenceFor(
  mentions: readonly ThemeMention[],
  docs: readonly DocumentHead[],
  areaCode: AreaCode,
  themeId: string,
): { doc: DocumentHead; evidence: EvidenceSnippet[] }[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return mentions
    .filter((m) => m.areaCode === areaCode && m.themeId === themeId && byId.has(m.documentId))
    .map((m) => ({ doc: byId.get(m.documentId)!, evidence: [...m.evidence].sort((a, b) => a.start - b.start) }))
    .sort((a, b) => b.doc.period - a.doc.period || a.doc.title.localeCompare(b.doc.title));
}

/** Priorities keyed by `${areaCode}|${period}`, for the timeline. */
export function prioritiesByCell(priorities: readonly Priority[]): Map<string, Priority[]> {
  const out = new Map<string, Priority[]>();
  for (const p of priorities) {
    const k = `${p.areaCode}|${p.period}`;
    out.set(k, [...(out.get(k) ?? []), p]);
  }
  return out;
}

/** Years a theme was named as a priority in each area: the markers beside the figures. */
export function priorityYears(priorities: readonly Priority[], themeId: string): Map<AreaCode, { period: Period; labels: string[] }[]> {
  const out = new Map<AreaCode, Map<Period, string[]>>();
  for (const p of priorities) {
    if (p.removed || !p.themeIds.includes(themeId)) continue;
    const years = out.get(p.areaCode) ?? new Map<Period, string[]>();
    years.set(p.period, [...(years.get(p.period) ?? []), p.label]);
    out.set(p.areaCode, years);
  }
  return new Map([...out].map(([a, ys]) => [a, [...ys].sort((x, y) => x[0] - y[0]).map(([period, labels]) => ({ period, labels }))]));
}

/** First and last year of a set of dated records, or null when there are none. */
export function yearExtent(records: readonly { period: Period }[]): [Period, Period] | null {
  if (records.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of records) {
    lo = Math.min(lo, r.period);
    hi = Math.max(hi, r.period);
  }
  return [lo, hi];
}
