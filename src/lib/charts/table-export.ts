/**
 * Tables out of the app: CSV for a file (RFC 4180: fields with commas, quotes or
 * line breaks are quoted, quotes doubled) and tab-separated text for the clipboard,
 * which spreadsheets and word processors paste as a table. Both neutralise cells a
 * spreadsheet would run as formulas (model/spreadsheet-cell.ts).
 *
 * Cells are read from the rendered table, so every table can be exported the same
 * way. A cell may carry the unformatted number in `data-value` (1234.5 rather than
 * "1,234.5"); otherwise its text is used, so suppressed cells keep their DfE symbol.
 */
import { spreadsheetCell } from '../model/spreadsheet-cell';
import type { StatusCode } from '../model/status';

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: neutralised, then quoted when it holds a comma, a quote or a line break. */
export function csvField(s: string): string {
  const safe = spreadsheetCell(s);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  // Tabs and line breaks inside a cell would split it; they go before the cell is neutralised.
  return rows.map((r) => r.map((c) => spreadsheetCell(c.replace(/[\t\r\n]+/g, ' '))).join('\t')).join('\n') + '\n';
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

/**
 * The rows of a rendered table: header rows first, then body rows, cells as text or
 * `data-value`. A cell showing only a dash (no figure) is left empty, as DfE leaves it.
 *
 * A table may add columns for files only: each header in a `data-export-column…`
 * attribute on the table, each row's text in the `data-export-cell…` attribute of the
 * same ending on the row (`data-export-column-sources`, `data-export-cell-sources`).
 * The verdict sentences travel this way (the page shows them as a list above the
 * table, a spreadsheet gets them beside each area's figures), and so do the figures of
 * other sources where sources differ (the page shows them in the cell, while the file's
 * value column keeps one number that a spreadsheet reads as a number).
 */
export function tableRows(table: HTMLTableElement): string[][] {
  const rows: string[][] = [];
  const extras = Object.keys(table.dataset)
    .filter((k) => k.startsWith('exportColumn'))
    .sort();
  for (const tr of Array.from(table.rows)) {
    const cells = Array.from(tr.cells).map((c) => cellText(c.dataset.value ?? c.textContent ?? ''));
    for (const k of extras) cells.push(tr.parentElement?.tagName === 'THEAD' ? table.dataset[k]! : cellText(tr.dataset[k.replace('exportColumn', 'exportCell')] ?? ''));
    rows.push(cells);
  }
  return rows;
}

export function cellText(raw: string): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  return s === '–' ? '' : s;
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
