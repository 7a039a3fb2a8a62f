/**
 * The CSV export: one figure per row, statuses written as the DfE symbol in the
 * value column (as published files do) with their meaning beside it, so the file
 * reads in a spreadsheet and imports back through the generic CSV path.
 */
import Papa from 'papaparse';
import { categoryOf } from '../model/ordinal';
import { formatPeriod } from '../model/period';
import { spreadsheetCell } from '../model/spreadsheet-cell';
import { STATUS_MEANING } from '../model/status';
import type { Area, Indicator, Observation } from '../model/types';

export const CSV_COLUMNS = ['area_code', 'area_name', 'year', 'indicator', 'value', 'status_meaning', 'numerator', 'denominator', 'indicator_label'];

export function observationsToCsv(observations: Observation[], areas: Area[], indicators: Indicator[]): string {
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  const label = new Map(indicators.map((i) => [i.id, i.label]));
  const scales = new Map(indicators.flatMap((i) => (i.unit === 'ordinal' && i.scale ? [[i.id, i.scale] as const] : [])));
  // A judgement is written as the publisher writes it ("Good"), not as its code.
  const value = (o: Observation) => {
    const scale = scales.get(o.indicatorId);
    return (scale && o.value !== null && categoryOf(scale, o.value)?.label) || String(o.value);
  };
  const rows = observations.map((o) => [
    o.areaCode,
    areaName.get(o.areaCode) ?? '',
    formatPeriod(o.period),
    o.indicatorId,
    o.value !== null ? value(o) : o.status === 'blank' || o.status === null ? '' : o.status,
    o.value === null && o.status ? STATUS_MEANING[o.status] : '',
    o.numerator !== undefined ? String(o.numerator) : '',
    o.denominator !== undefined ? String(o.denominator) : '',
    label.get(o.indicatorId) ?? '',
  ]);
  // A leading BOM makes Excel read the file as UTF-8 (names with accents, the en dash).
  return `\uFEFF${Papa.unparse({ fields: CSV_COLUMNS, data: rows.map((r) => r.map(spreadsheetCell)) }, { newline: '\r\n' })}\r\n`;
}
