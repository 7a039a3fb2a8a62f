/**
 * What a table's cells carry for its files: a cell may carry the unformatted number in
 * `data-value` (1234.5 rather than "1,234.5"); otherwise its text is used, so suppressed
 * cells keep their DfE symbol. The files themselves are written by table-file.ts, loaded
 * when a reader first downloads or copies a table.
 */
import type { StatusCode } from '../model/status';

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
