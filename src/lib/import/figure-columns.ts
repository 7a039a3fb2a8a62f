/**
 * The columns of figures in a table with one row per area (DfE main tables, Ofsted's
 * outcome sheets), each a possible indicator: which columns hold figures (numbers and
 * DfE symbols) or ordered words (Ofsted judgements), and a short default name for
 * each from its header, not from the table's 200-character title. Main tables put a
 * group header above the header row ("Children who became the subject of a plan
 * during the year" over "Number" and "Rate per 10,000 children²"); the two are joined.
 */
import { OFSTED_JUDGEMENT, parseCategory } from '../model/ordinal';
import { parseCell } from '../model/status';
import type { IndicatorUnit, Polarity } from '../model/types';
import { GBP_THOUSANDS, guessUnit } from './indicator-ids';

/** One column of figures read as one indicator. */
export interface FigureColumn {
  column: number;
  /** The indicator's name; the user can change it. */
  label: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  /** An indicator the app has: the figures are added to it instead of making a new one. */
  existingId?: string;
  /** The column holds the words of an ordered scale, not numbers. */
  scale?: 'ofsted_judgement';
}

export interface KnownIndicatorName {
  id: string;
  label: string;
  shortLabel: string;
}

/** Takes footnote marks and the year out of a header: "Rate per 10,000 children3" → "Rate per 10,000 children". */
export function cleanHeader(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/\s*\[(note|x)[^\]]*\]/gi, '')
    .replace(/\s*\((r|p|revised|provisional)\)/gi, '')
    .replace(/([a-z)])\d{1,2}(?=\s|$|[,:;)])/gi, '$1')
    .replace(/,?\s*(?:ending|as at|at)?\s*31(?:st)? march \d{4}/gi, (m) => (/\bat\b/i.test(m) ? ' at 31 March' : ''))
    .replace(/,?\s*\b\d{4}\s*[-/–]\s*\d{2,4}\b/g, '')
    .replace(/\s+([,:;)])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Headers that say only which kind of figure: they need the group header above them to mean anything. */
const GENERIC = /^(number|numbers|count|rate|rates|rate per 10,?000( children)?|per 10,?000( children)?|percent(age)?|%|proportion|total|value|n)$/i;

/** The header of column `c`, joined with its group header when the row above has one. */
export function columnLabel(rows: string[][], headerRow: number, c: number): string {
  const own = cleanHeader(rows[headerRow - 1]?.[c] ?? '');
  const group = groupHeader(rows, headerRow, c);
  if (!group) return own;
  if (!own) return group;
  return GENERIC.test(own) || own.length < 40 ? `${group}: ${lowerFirst(own)}` : own;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * A spanning header over column `c` in the one or two rows above the header: the
 * nearest text at or to the left of `c` in a row with at least two headers (a row
 * with one is a title).
 */
function groupHeader(rows: string[][], headerRow: number, c: number): string {
  for (let r = headerRow - 2; r >= Math.max(0, headerRow - 3); r--) {
    const row = rows[r] ?? [];
    const filledCount = row.filter((x) => x.trim() !== '').length;
    if (filledCount === 0) continue;
    if (filledCount < 2) return '';
    for (let k = c; k >= 0; k--) {
      const text = (row[k] ?? '').trim();
      if (text) return cleanHeader(text);
    }
    return '';
  }
  return '';
}

/** How much of a column's non-blank cells pass a test; 0 when all are blank. */
function share(values: string[], test: (v: string) => boolean): number {
  let n = 0;
  let hit = 0;
  for (const v of values) {
    if (v.trim() === '') continue;
    n++;
    if (test(v)) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

/** A known indicator this header names: its label or short label, or "Ofsted ILACS judgement: overall effectiveness" for "Overall effectiveness". */
function knownByHeader(label: string, known: readonly KnownIndicatorName[]): string | undefined {
  const key = label.toLowerCase();
  if (key.length < 4) return undefined;
  return known.find((i) => {
    const l = i.label.toLowerCase();
    return l === key || i.shortLabel.toLowerCase() === key || (key.length >= 12 && l.endsWith(`: ${key}`));
  })?.id;
}

/**
 * Every column other than `exclude` whose cells below the header are figures or
 * judgements, in order. `data` is the rows of data (not notes) below the header.
 */
export function figureColumns(rows: string[][], headerRow: number, data: string[][], exclude: ReadonlySet<number>, known: readonly KnownIndicatorName[] = []): FigureColumn[] {
  const width = Math.max(rows[headerRow - 1]?.length ?? 0, ...data.slice(0, 50).map((r) => r.length));
  // Spending tables say "£ thousand" once, in the title, for every column below it.
  const moneyInTitle = rows.slice(0, Math.max(0, headerRow - 1)).some((r) => GBP_THOUSANDS.test(r.join(' ')));
  const unitOf = (label: string) => {
    const unit = guessUnit(label);
    return unit === 'count' && moneyInTitle ? 'gbp_thousands' : unit;
  };
  const out: FigureColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (exclude.has(c)) continue;
    const values = data.map((r) => r[c] ?? '');
    if (values.every((v) => v.trim() === '')) continue;
    const label = columnLabel(rows, headerRow, c) || `Column ${c + 1}`;
    if (share(values, (v) => parseCategory(OFSTED_JUDGEMENT, v) !== null) >= 0.6) {
      const existingId = knownByHeader(label, known);
      out.push({ column: c, label, unit: 'ordinal', polarity: 'higher_is_better', scale: 'ofsted_judgement', ...(existingId ? { existingId } : {}) });
    } else if (share(values, (v) => parseCell(v) !== null) >= 0.6 && share(values, (v) => parseCell(v)?.status === null) > 0) {
      // Mostly figures: a stray word in one is an error to report when reading, not a reason to drop the column.
      const existingId = knownByHeader(label, known);
      out.push({ column: c, label, unit: unitOf(label), polarity: 'neither', ...(existingId ? { existingId } : {}) });
    }
  }
  return out;
}
