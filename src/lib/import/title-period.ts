/**
 * The year of a table that has no year column. DfE main tables and Ofsted's outcome
 * sheets give it once, in the title rows ("Year: 2017-18", "… as at 31 March 2025"),
 * in a header ("Children who were the subject of a plan at 31 March 2018") or in the
 * sheet's name ("Table_D1_2024-25"). This lists every year found, with where, so that
 * the mapping step can propose one and show the user when two places disagree.
 */
import { parsePeriod } from '../model/period';
import type { Period } from '../model/types';

export interface PeriodHint {
  period: Period;
  /** "title row 2", "the header of column D", "the sheet name". */
  where: string;
  /** The text it was read from, shortened. */
  text: string;
}

// A span of one year ("2017-18", "2017/18", "2017 to 2018" is a range, not matched),
// "31 March 2018" (with "at" or "ending" before it), or a reporting year written out.
const SPAN = /(?<!\d)(\d{4})\s*[-/–]\s*(\d{2}|\d{4})(?!\d)/g;
const MARCH = /31(?:st)?\s+march\s+(\d{4})(?!\d)/gi;
const YEAR_LABEL = /\b(?:year|period|reporting year)\s*:\s*(\d{4}(?:\s*[-/–]\s*\d{2,4})?)/i;

/** Every period a piece of text names, strongest first; a range ("2013 to 2024") names none. */
export function periodsInText(text: string): Period[] {
  const out: Period[] = [];
  const label = YEAR_LABEL.exec(text);
  if (label) {
    const p = parsePeriod(label[1]!.replace(/\s+/g, ''));
    if (p !== null) out.push(p);
  }
  for (const m of text.matchAll(SPAN)) {
    const p = parsePeriod(`${m[1]}-${m[2]}`);
    if (p !== null) out.push(p);
  }
  for (const m of text.matchAll(MARCH)) {
    const p = parsePeriod(m[1]!);
    if (p !== null) out.push(p);
  }
  return [...new Set(out)];
}

const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);

/**
 * Years named above the table and in its header row (1-based `headerRow`), and in
 * the sheet's name. Rows of data are not read: a year there is a figure's, not the table's.
 */
export function titlePeriods(rows: string[][], headerRow: number, sheetName?: string): PeriodHint[] {
  const hints: PeriodHint[] = [];
  for (let i = 0; i < headerRow - 1 && i < rows.length; i++) {
    for (const cell of rows[i]!) {
      const text = cell.trim();
      if (!text) continue;
      for (const period of periodsInText(text)) hints.push({ period, where: `title row ${i + 1}`, text: clip(text) });
    }
  }
  (rows[headerRow - 1] ?? []).forEach((cell, c) => {
    const text = cell.trim();
    // A header that is only a year is a year column, not the table's year.
    if (!text || parsePeriod(text) !== null) return;
    for (const period of periodsInText(text)) hints.push({ period, where: `the header of column ${c + 1}`, text: clip(text) });
  });
  if (sheetName) {
    for (const period of periodsInText(sheetName.replace(/_/g, ' '))) hints.push({ period, where: 'the sheet name', text: sheetName });
  }
  return hints;
}

/**
 * The year to propose: the one named most often, the title's first on a tie. And
 * whether the places disagree, so that the step says so instead of guessing silently.
 */
export function proposePeriod(hints: PeriodHint[]): { period: Period | null; mixed: boolean } {
  if (hints.length === 0) return { period: null, mixed: false };
  const counts = new Map<Period, number>();
  for (const h of hints) counts.set(h.period, (counts.get(h.period) ?? 0) + 1);
  let best = hints[0]!.period;
  for (const [p, n] of counts) if (n > counts.get(best)!) best = p;
  return { period: best, mixed: counts.size > 1 };
}
