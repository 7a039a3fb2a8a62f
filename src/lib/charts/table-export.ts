/**
 * What a table's cells carry for its files: a cell may carry the unformatted number in
 * `data-value` (1234.5 rather than "1,234.5"); otherwise its text is used, so suppressed
 * cells keep their DfE symbol. The files themselves are written by table-file.ts, loaded
 * when a reader first downloads or copies a table.
 */
import type { ConflictCell } from '../model/source-conflicts';
import type { StatusCode } from '../model/status';

/** The export column where sources differ (tableRows' `data-export-column-sources`). */
export const SOURCES_COLUMN = 'Sources differ';

/**
 * A row's `data-export-cell-sources` text: each of its cells where sources differ,
 * every figure with its source, the drawn one first. A cell is named by its column
 * when a row has several that can differ ("2017-18: 60.7 (your import …); 60.9 (LAIT
 * …). 2024-25: …"). Undefined when none differ, so the row's cell stays empty.
 */
export function sourcesText(cells: readonly { column?: string; cell: ConflictCell }[]): string | undefined {
  const text = cells.map(({ column, cell }) => (column ? `${column}: ` : '') + cell.figures.map((f) => `${f.text} (${f.source})`).join('; '));
  return text.length ? text.join('. ') : undefined;
}

/**
 * What a numeric cell carries in `data-value`: the number unformatted, rounded past
 * floating-point noise (0.30000000000000004 is written 0.3); nothing for no number.
 * A figure the app worked out (an average, a difference) passes the indicator's
 * decimal places, so the file says 36.1 as the table does, not 36.088889.
 */
export function dataValue(v: number | null | undefined, decimals?: number): string | undefined {
  if (v == null) return undefined;
  // `+ 0` turns -0 (a difference that rounds to nothing) into 0.
  return String(Number(v.toFixed(decimals ?? 6)) + 0);
}

/**
 * `data-value` of a figure cell that may hold a status instead: the number, or the
 * symbol as DfE writes it (`c`, `x`, `low`; an empty cell for no value), so a
 * spreadsheet reads the file as the published one.
 */
export function figureValue(v: number | null | undefined, status: StatusCode | null | undefined, decimals?: number): string {
  if (v != null) return dataValue(v, decimals)!;
  return status && status !== 'blank' ? status : '';
}

/** A file name from a title: lower case, hyphens, nothing a file system dislikes. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'table'
  );
}
