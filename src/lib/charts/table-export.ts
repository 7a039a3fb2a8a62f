/**
 * Tables out of the app: CSV for a file (RFC 4180: fields with commas, quotes or
 * line breaks are quoted, quotes doubled) and tab-separated text for the clipboard,
 * which spreadsheets and word processors paste as a table.
 *
 * Cells are read from the rendered table, so every table can be exported the same
 * way. A cell may carry the unformatted number in `data-value` (1234.5 rather than
 * "1,234.5"); otherwise its text is used, so suppressed cells keep their DfE symbol.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(s: string): string {
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula (CSV injection);
  // signed numbers such as -3.2 or +1.5 are safe and left alone.
  const guarded = /^[=@\t\r]/.test(s) || /^[+-](?!\d)/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
}

/**
 * What a numeric cell carries in `data-value`: the number unformatted, rounded past
 * floating-point noise (0.30000000000000004 is written 0.3); nothing for no number.
 */
export function dataValue(v: number | null | undefined): string | undefined {
  return v == null ? undefined : String(Number(v.toFixed(6)));
}

/** The rows of a rendered table: header rows first, then body rows, cells as text or `data-value`. */
export function tableRows(table: HTMLTableElement): string[][] {
  const rows: string[][] = [];
  for (const tr of Array.from(table.rows)) {
    rows.push(Array.from(tr.cells).map((c) => (c.dataset.value ?? c.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }
  return rows;
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
