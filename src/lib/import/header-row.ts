/**
 * DfE "main tables" saved from Excel put titles and notes above the header and
 * footnotes below the data. This finds the header row: the first row that looks
 * like column names and is followed by rows of figures. The user can pick another.
 */
import { parseCell } from '../model/status';
import { parsePeriod } from '../model/period';
import type { Period } from '../model/types';
import { isBlankRow } from './table-rows';

/** A year in a column header, forgiving the footnote marks spreadsheets add: "2023 1", "20231", "2022-23 (r)", "2024 [note 3]". */
export function parseYearHeader(raw: string): Period | null {
  const s = raw.trim();
  const direct = parsePeriod(s);
  if (direct !== null) return direct;
  const cleaned = s
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+\d{1,2}$/, '')
    .replace(/^(year( ending)?|ye|at)\s+/i, '')
    .trim();
  if (cleaned !== s) return parseYearHeader(cleaned);
  // A footnote digit glued to a year: "20231" is 2023 with note 1 (never a six-digit period).
  const m = /^(\d{4})\d$/.exec(s);
  return m ? parsePeriod(m[1]!) : null;
}

const HEADER_WORDS = /\b(area|authority|local|la|region|code|name|year|period|time|indicator|measure|value|values|desc|number|rate|geography)\b/i;

/** Scores rows as header candidates; returns the 1-based row number of the best. */
export function findHeaderRow(rows: string[][]): number {
  const limit = Math.min(rows.length, 40);
  let best = 1;
  let bestScore = -Infinity;
  for (let i = 0; i < limit; i++) {
    const score = headerScore(rows, i);
    if (score > bestScore) {
      bestScore = score;
      best = i + 1;
    }
  }
  return best;
}

function headerScore(rows: string[][], i: number): number {
  const row = rows[i]!;
  const cells = row.map((c) => c.trim());
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2) return -1000 + filled.length;
  let score = filled.length;
  let numbers = 0;
  for (const c of filled) {
    if (parseYearHeader(c) !== null) score += 2;
    else if (parseCell(c)?.status === null) numbers++;
    else if (HEADER_WORDS.test(c.replace(/_/g, ' '))) score += 2;
  }
  // Headers are words and years; a row of figures is data.
  score -= numbers * 3;
  // The rows below should be data of about the same width, with figures in them.
  const below = rows.slice(i + 1, i + 6).filter((r) => !isBlankRow(r));
  if (below.length === 0) return score - 50;
  const withFigures = below.filter((r) => r.some((c) => parseCell(c)?.status === null && c.trim() !== '')).length;
  score += withFigures * 2;
  const width = Math.max(...cells.map((c, k) => (c !== '' ? k + 1 : 0)));
  const similar = below.filter((r) => Math.abs(r.length - row.length) <= 1 || r.filter((c) => c.trim() !== '').length >= width - 1).length;
  score += similar;
  // Prefer the earliest of equally good rows: titles sit above headers, never below.
  return score - i * 0.01;
}
