/**
 * Ids, units and decimals for indicators a file brings that the app does not
 * know yet. Ids go into links, so they are short, lower-case and URL-safe.
 */
import type { IndicatorUnit } from '../model/types';

const MAX_ID = 64;

/** "No_Further_Action percent" → "no_further_action_percent". */
export function slugId(name: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' pct ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!s) s = 'indicator';
  if (s.length > MAX_ID) s = `${s.slice(0, MAX_ID - 9)}_${shortHash(name)}`;
  return s;
}

/** An id for a breakdown of an indicator: "referral_rate__age_10_to_15". */
export function variantId(base: string, variant: string): string {
  const id = `${slugId(base)}__${slugId(variant)}`;
  return id.length > MAX_ID ? `${id.slice(0, MAX_ID - 9)}_${shortHash(id)}` : id;
}

function shortHash(s: string): string {
  // FNV-1a: stable, and enough to tell long names apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** "£ thousand", "£000s", "(£'000)", "£k", "thousand pounds": money published in thousands. */
export const GBP_THOUSANDS = /£\s*(thousands?\b|'?000'?s?\b|k\b)|\bthousands? (of )?pounds\b|\bgbp ?(thousands?|000s?|k)\b/i;

/**
 * A unit from what the column or measure is called. A rate says what it is per ("per
 * 1,000", "per thousand", "per 100,000"); one that does not is per 10,000 children,
 * as rates in DfE's children's social care files are.
 */
export function guessUnit(name: string): IndicatorUnit {
  const s = name.toLowerCase().replace(/_/g, ' ');
  if (/%|percent|\bpct\b|proportion|percentage/.test(s)) return 'percent';
  if (GBP_THOUSANDS.test(s)) return 'gbp_thousands';
  if (/per\s*100,?000\b|per\s*100k\b|per\s*hundred thousand/.test(s)) return 'rate_per_100000';
  if (/per\s*10,?000\b|per\s*10k\b|per\s*ten thousand/.test(s)) return 'rate_per_10000';
  if (/per\s*1,?000\b|per\s*1k\b|per\s*(a |one )?thousand\b/.test(s)) return 'rate_per_1000';
  if (/10,?000|10k|\brates?\b/.test(s)) return 'rate_per_10000';
  return 'count';
}

/** Decimal places that show every value (up to 3), from a sample of values. */
export function guessDecimals(values: Float64Array, unit: IndicatorUnit): number {
  let decimals = 0;
  const n = Math.min(values.length, 20000);
  for (let i = 0; i < n && decimals < 3; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    while (decimals < 3 && Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) > 1e-6) decimals++;
  }
  return unit === 'count' ? decimals : Math.max(decimals, 1);
}
