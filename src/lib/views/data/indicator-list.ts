/**
 * Which imported indicators the Data view lists. A file of 500 breakdowns brings 500
 * indicators, each an editable row (a name box, a select, a button): listed at once,
 * they took about a second to lay out (measured December 2026 with the import bench)
 * and a long scroll to get past. So a long list shows its first rows and a search box
 * finds the others.
 */
import type { Indicator } from '../../model/types';

export const LISTED_AT_ONCE = 50;

export interface IndicatorList {
  shown: Indicator[];
  /** How many match the search (all of them when it is empty). */
  matching: number;
}

/** The indicators whose name, breakdown or source contains every word of `query`, the first `limit` of them. */
export function listIndicators(all: readonly Indicator[], query: string, limit = LISTED_AT_ONCE): IndicatorList {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = words.length === 0 ? all : all.filter((i) => {
    const text = [i.label, i.breakdown?.by, i.breakdown?.value, i.source].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return { shown: hits.slice(0, limit), matching: hits.length };
}

/** What the list shows, in words, for the status line under the search box. */
export function listSummary(total: number, list: IndicatorList, query: string): string {
  const q = query.trim();
  if (q === '') return list.matching > list.shown.length ? `Showing ${list.shown.length} of ${total} imported indicators: search to find the others.` : '';
  if (list.matching === 0) return `No imported indicator matches “${q}”.`;
  const of = list.matching > list.shown.length ? `the first ${list.shown.length} of ` : '';
  return `Showing ${of}${list.matching} of ${total} imported indicators matching “${q}”.`;
}
