/**
 * Which rows of a published table are its data. Main tables end in source lines and
 * footnotes ("1. Rates per 10,000 children…", "Source: …"), separate blocks with blank
 * rows, and put subtotals that are not areas between authorities ("Inner London").
 * These are left out and counted, never read as figures and never fatal; a row that
 * names an area and has figures is data, and a bad figure in it is still an error.
 */
import { areaNameKey } from '../model/area-names';

export type RowKind = 'data' | 'blank' | 'notes' | 'subtotal' | 'no figures';

// What notes, sources and footnotes begin with; a long sentence is a note too.
const NOTE_START = /^(\d{1,2}\s*[.):]\s|\(\d{1,2}\)|\[note|notes?\b|sources?\b|footnotes?\b|\*|please\b|figures\b|data\b|this (table|worksheet|sheet)\b|the\b|totals?\b may|rates?\b.*\bper\b|see\b|for\b|includes?\b|excludes?\b|excluding\b|c\s*=|x\s*=|z\s*=|u\s*=|low\s*=|\.\.\s*=)/i;
// Totals and groups of authorities that are not areas the app holds.
const SUBTOTAL = /^(inner london|outer london|london \(inner\)|london \(outer\)|england excluding\b.*|.*\bsub-?total\b.*|total\b.*|all local authorities|unknown|not known|other)$/;

export interface RowColumns {
  /** Columns naming or coding the area. */
  area: (number | null)[];
  /** Columns holding figures (or, in the long layout, the year and the figures). */
  figures: number[];
}

const filled = (c: string | undefined) => c !== undefined && c.trim() !== '';

/** A row with nothing in any cell (a blank line, or one of commas only): never data, never shown. */
export function isBlankRow(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** What one row is, given which columns name the area and which hold figures. */
export function rowKind(row: string[], cols: RowColumns): RowKind {
  let nonBlank = 0;
  let first = '';
  for (const c of row) {
    if (c.trim() === '') continue;
    if (nonBlank++ === 0) first = c.trim();
  }
  // isBlankRow's test, counted in the pass the rest needs: this runs for every row of an import.
  if (nonBlank === 0) return 'blank';
  const hasFigure = cols.figures.some((c) => filled(row[c]));
  const areaCells = cols.area.filter((c): c is number => c !== null).map((c) => (row[c] ?? '').trim());
  const area = areaCells.find((c) => c !== '') ?? '';
  if (!hasFigure) {
    // One cell of text, or a sentence beginning as notes do: a title, heading or footnote.
    if (nonBlank === 1 || NOTE_START.test(first) || first.length > 60 || area === '') return 'notes';
    return 'no figures';
  }
  if (area === '') return 'notes';
  if (SUBTOTAL.test(areaNameKey(area)) || SUBTOTAL.test(area.toLowerCase())) return 'subtotal';
  return 'data';
}

export type RowCounts = Record<Exclude<RowKind, 'data'>, number> & { data: number };

export function emptyCounts(): RowCounts {
  return { data: 0, blank: 0, notes: 0, subtotal: 0, 'no figures': 0 };
}

/** "not imported: 12 notes rows, 2 subtotal rows (Inner London …)": what was left out, for the preview and the result. */
export function describeLeftOut(counts: RowCounts): string | null {
  const parts: string[] = [];
  const n = (k: number, what: string) => `${k.toLocaleString('en-GB')} ${what} row${k === 1 ? '' : 's'}`;
  if (counts.notes) parts.push(n(counts.notes, 'notes'));
  if (counts.subtotal) parts.push(n(counts.subtotal, 'subtotal'));
  if (counts['no figures']) parts.push(n(counts['no figures'], 'empty'));
  if (counts.blank) parts.push(n(counts.blank, 'blank'));
  return parts.length ? `not imported: ${parts.join(', ')}` : null;
}
