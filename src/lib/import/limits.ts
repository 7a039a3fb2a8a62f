/**
 * How much one import may bring, checked before anything is stored and, where the
 * file says it early (its header, a workbook's directory), before it is read at all.
 * Real files are far inside them: DfE's widest CSV has 51 columns, the million-row
 * benchmark file 7 columns and 503 filter values. A file past one is refused with a
 * message naming the limit, so the views never have to draw what no one could read.
 */
export const IMPORT_LIMITS = {
  /** Columns in a table's header. */
  columns: 1_000,
  /** Indicators one import brings (new or not). */
  indicators: 1_000,
  /** Cells read: rows × columns. */
  cells: 100_000_000,
  /** What a workbook's archive says its files unpack to, all together. */
  workbookUnpackedBytes: 100 * 1024 * 1024,
  /** What an EES data set zip says its files unpack to: the CSV is then read as any CSV is. */
  dataZipUnpackedBytes: 512 * 1024 * 1024,
} as const;

const n = (x: number) => x.toLocaleString('en-GB');
const mb = (bytes: number) => `${n(Math.round(bytes / (1024 * 1024)))} MB`;

export const limitMessages = {
  columns: (got: number) => `it has ${n(got)} columns, more than the ${n(IMPORT_LIMITS.columns)} columns an import may have, so it was not read. Nothing was stored.`,
  breakdowns: (filters: string) =>
    `the values chosen of ${filters} bring more than ${n(IMPORT_LIMITS.indicators)} breakdowns, the most one import may bring. Nothing was stored: choose fewer values (the total, or a few groups) in the mapping step.`,
  indicators: (got: number) => `it brings ${n(got)} indicators, more than the ${n(IMPORT_LIMITS.indicators)} indicators one import may bring. Nothing was stored.`,
  cells: () => `it has more than ${n(IMPORT_LIMITS.cells)} cells (rows × columns), the most one import may read. Nothing was stored.`,
  workbook: (bytes: number) =>
    `the workbook unpacks to ${mb(bytes)} (as its own directory says), more than the ${mb(IMPORT_LIMITS.workbookUnpackedBytes)} the app reads, so it was not opened. Nothing was stored.`,
  dataZip: (bytes: number) =>
    `the zip unpacks to ${mb(bytes)} (as its own directory says), more than the ${mb(IMPORT_LIMITS.dataZipUnpackedBytes)} the app reads, so it was not opened. Nothing was stored.`,
};
