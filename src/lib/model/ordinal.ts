/**
 * Ordinal measures: ordered words, not numbers (Ofsted judgements). An observation
 * holds a category's code so that it travels through series, backups, links and
 * exports like any figure; what may be done with it is decided here: shown as a word
 * with a symbol (never colour alone), compared by order, counted by category. Never
 * averaged: the distance from Good to Requires improvement is not a number.
 */
import type { Indicator } from './types';

export interface OrdinalCategory {
  /** Stored value; codes rise with the order of the scale. */
  code: number;
  /** As the publisher writes it: "Requires improvement to be good". */
  label: string;
  /** For narrow cells: "RI". */
  short: string;
  /** A text symbol that tells the categories apart without colour. */
  symbol: string;
}

export interface OrdinalScale {
  id: string;
  label: string;
  /** Lowest code first. Whether higher is better is the indicator's polarity. */
  categories: OrdinalCategory[];
}

/** Ofsted's four-point judgement scale; the indicator's polarity is higher_is_better. */
export const OFSTED_JUDGEMENT: OrdinalScale = {
  id: 'ofsted_judgement',
  label: 'Ofsted judgement',
  categories: [
    { code: 1, label: 'Inadequate', short: 'Inadequate', symbol: '✕' },
    { code: 2, label: 'Requires improvement to be good', short: 'RI', symbol: '△' },
    { code: 3, label: 'Good', short: 'Good', symbol: '★' },
    { code: 4, label: 'Outstanding', short: 'Outstanding', symbol: '★★' },
  ],
};

export type OrdinalIndicator = Indicator & { unit: 'ordinal'; scale: OrdinalScale };

export function isOrdinal(indicator: Pick<Indicator, 'unit' | 'scale'>): indicator is OrdinalIndicator {
  return indicator.unit === 'ordinal' && indicator.scale !== undefined;
}

export function categoryOf(scale: OrdinalScale, code: number): OrdinalCategory | undefined {
  return scale.categories.find((c) => c.code === code);
}

/** The code of a category written as its label or short form (any case, spacing); null if none. */
export function parseCategory(scale: OrdinalScale, text: string): number | null {
  const key = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!key) return null;
  const hit = scale.categories.find((c) => c.label.toLowerCase() === key || c.short.toLowerCase() === key);
  return hit ? hit.code : null;
}

/** "★ Good": the symbol and the word, as tables show it. A code outside the scale is said to be one. */
export function formatCategory(scale: OrdinalScale, code: number, { short = false }: { short?: boolean } = {}): string {
  const c = categoryOf(scale, code);
  if (!c) return `not a ${scale.label.toLowerCase()} (${code})`;
  return `${c.symbol} ${short ? c.short : c.label}`;
}

/** How many areas had each category, lowest code first: what may be said of a group instead of an average. */
export function countByCategory(scale: OrdinalScale, codes: Iterable<number>): { category: OrdinalCategory; count: number }[] {
  const counts = new Map(scale.categories.map((c) => [c.code, 0]));
  for (const v of codes) if (counts.has(v)) counts.set(v, counts.get(v)! + 1);
  return scale.categories.map((c) => ({ category: c, count: counts.get(c.code)! }));
}

/**
 * Whether `a` is better than, the same as, or worse than `b` given the polarity:
 * the only comparison two judgements allow.
 */
export function compareCategories(indicator: Pick<Indicator, 'polarity'>, a: number, b: number): 'better' | 'same' | 'worse' | 'different' {
  if (a === b) return 'same';
  if (indicator.polarity === 'neither') return 'different';
  const higherBetter = indicator.polarity === 'higher_is_better';
  return a > b === higherBetter ? 'better' : 'worse';
}
