/**
 * .xlsx workbooks, read with read-excel-file. This module is loaded with a dynamic
 * import only when a workbook arrives, so the library stays out of the app's
 * initial download and out of CSV imports.
 */
export interface Workbook {
  sheets: { name: string; rows: string[][] }[];
}

/** Cells as the text a CSV save would give: numbers in full, dates as yyyy-mm-dd. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

export async function readWorkbook(data: ArrayBuffer): Promise<Workbook> {
  // The universal build: no nested workers, so it runs the same in the import worker and in tests.
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  const sheets = await readXlsxFile(data, { trim: false });
  return { sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map(cellText)) })) };
}
