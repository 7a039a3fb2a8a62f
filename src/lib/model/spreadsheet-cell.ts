/**
 * Every text cell that leaves the app for a spreadsheet (CSV files, copied tables, the
 * data export's CSV form) passes through `spreadsheetCell`, so that what a file or a
 * shared link brought in cannot run as a formula when the export is opened.
 *
 * As OWASP recommends for CSV injection: a cell beginning with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading apostrophe, which spreadsheets read as "this is
 * text" and do not show. A cell that is a plain number (`-3.2`, `+1.5`, `1e-3`) is left
 * alone, so numbers stay numbers; `-1+HYPERLINK(…)` is not a number and is defused. So
 * is DfE's lone `-` (not available), which no spreadsheet can run. Unicode minus signs
 * become hyphen-minus first: Excel reads `−1.2` as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function spreadsheetCell(text: string): string {
  const s = text.replace(/\u2212/g, '-');
  return FORMULA_START.test(s) && s !== '-' && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}
