/**
 * Tables out of the app: CSV for a file (RFC 4180: fields with commas, quotes or
 * line breaks are quoted, quotes doubled) and tab-separated text for the clipboard,
 * which spreadsheets and word processors paste as a table. Both neutralise cells a
 * spreadsheet would run as formulas (model/spreadsheet-cell.ts).
 *
 * Cells are read from the rendered table, so every table can be exported the same
 * way, with the values table-export.ts puts in `data-value`. Loaded when a reader first
 * downloads or copies a table (TableTools): most readers never do.
 */
import { spreadsheetCell } from '../model/spreadsheet-cell';

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

