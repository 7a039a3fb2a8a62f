import type { Period } from './types';

/**
 * Parses a reporting period into the calendar year it ends in.
 * Accepts 201617, 2016-17, 2016/17, 2016/2017, 2016-2017, 2017 and "31 March 2017".
 * Returns null for anything else, including spans that are not one year long.
 */
export function parsePeriod(raw: string | number): Period | null {
  const s = String(raw).trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return plausible(Number(m[1]));

  // Six digits: DfE's time_period for financial and academic years (201617).
  m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return spanEnd(Number(m[1]), m[2]!);

  m = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) return spanEnd(Number(m[1]), m[2]!);

  m = /^(?:at\s+)?31(?:st)?\s+march\s+(\d{4})$/i.exec(s);
  if (m) return plausible(Number(m[1]));

  return null;
}

function spanEnd(start: number, end: string): Period | null {
  const endYear = end.length === 4 ? Number(end) : Math.floor((start + 1) / 100) * 100 + Number(end);
  if (endYear !== start + 1) return null;
  return plausible(endYear);
}

function plausible(year: number): Period | null {
  return year >= 1900 && year <= 2100 ? year : null;
}

/** 2017 → "2016-17". */
export function formatPeriod(period: Period): string {
  return `${period - 1}-${String(period % 100).padStart(2, '0')}`;
}

/** Every period from `from` to `to`, inclusive. */
export function periodRange(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}
