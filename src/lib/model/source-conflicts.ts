/**
 * Two sources of one figure that disagree. Imports may land on a bundled measure (a
 * DfE first-release table mapped onto LAIT's revised CP plan rate, say), and the charts
 * draw one figure per area and year in precedence (mergeSeries: the latest import over
 * earlier ones and over the bundle). Where the sources give different figures, the
 * tables show every one with its source instead of silently keeping one.
 */
import { formatValue } from './format';
import type { ObservationSeries } from './series';
import { byteToStatus, statusSymbol, type StatusCode } from './status';
import type { AreaCode, DataSource, ImportRecord, Indicator, Period } from './types';

/** One source's figure for an area and year: a value or a status symbol. */
export interface SourceFigure {
  importId: string;
  value: number | null;
  status: StatusCode | null;
}

export interface SourceConflict {
  areaCode: AreaCode;
  period: Period;
  /** The figure the charts draw (the last in precedence). */
  shown: SourceFigure;
  /** Other sources' figures that differ from it, latest import first. */
  others: SourceFigure[];
}

/**
 * The area-and-year cells where the series (in precedence order, as mergeSeries reads
 * them) disagree. Figures are compared at `decimals` places, as the tables show them:
 * 45.90 and 45.9 are one figure, and so are 45.94 and 45.9 at one place, since a
 * reader could not tell them apart. An empty cell gives no figure, so it disagrees with
 * nothing; one import's repeated rows are that import's last figure, as mergeSeries
 * reads them.
 */
export function sourceConflicts(
  seriesInOrder: readonly ObservationSeries[],
  opts: { areaFilter?: ReadonlySet<AreaCode>; from?: Period; to?: Period; decimals?: number } = {},
): SourceConflict[] {
  // One source alone cannot disagree with itself (most measures: only the bundle).
  if (new Set(seriesInOrder.map((s) => s.importId)).size < 2) return [];
  const from = opts.from ?? -Infinity;
  const to = opts.to ?? Infinity;
  // Per cell, each import's figure, in precedence order (a Map keeps insertion order).
  const byKey = new Map<string, { areaCode: AreaCode; period: Period; figures: Map<string, SourceFigure> }>();
  for (const s of seriesInOrder) {
    for (let i = 0; i < s.periods.length; i++) {
      const areaCode = s.areaCodes[s.areaIndex[i]!]!;
      const period = s.periods[i]!;
      if (period < from || period > to || (opts.areaFilter && !opts.areaFilter.has(areaCode))) continue;
      const key = `${areaCode}|${period}`;
      const cell = byKey.get(key) ?? { areaCode, period, figures: new Map() };
      byKey.set(key, cell);
      const value = s.values[i]!;
      cell.figures.delete(s.importId);
      cell.figures.set(s.importId, Number.isNaN(value) ? { importId: s.importId, value: null, status: byteToStatus(s.statuses[i]!) } : { importId: s.importId, value, status: null });
    }
  }
  const out: SourceConflict[] = [];
  for (const { areaCode, period, figures } of byKey.values()) {
    if (figures.size < 2) continue;
    const inOrder = [...figures.values()];
    const shown = inOrder[inOrder.length - 1]!;
    const others = inOrder
      .slice(0, -1)
      .reverse()
      .filter((f) => f.status !== 'blank' && !sameFigure(f, shown, opts.decimals));
    if (others.length) out.push({ areaCode, period, shown, others });
  }
  return out;
}

function sameFigure(a: SourceFigure, b: SourceFigure, decimals = 6): boolean {
  if (a.value !== null && b.value !== null) return a.value.toFixed(decimals) === b.value.toFixed(decimals);
  return a.value === b.value && a.status === b.status;
}

/** A conflict as a table shows it: each figure formatted, with its source; the drawn one first. */
export interface ConflictCell {
  figures: { text: string; source: string }[];
  /** "Walsall, 2017-18: 60.7 from your import … (drawn); 60.9 from LAIT, …" */
  sentence: string;
}

/** The longest edition an import keeps: a line of a source note, not a document. */
export const EDITION_MAX_CHARS = 200;

/**
 * Names a figure's source for a reader: the bundled figures by their edition ("LAIT,
 * revised populations, April 2026 release"), an import by its file, the edition the
 * user gave it if any (a file says nothing of its edition), and the day it was imported.
 */
export function sourceLabel(importId: string, indicator: Pick<Indicator, 'vintage'>, source: DataSource | undefined, imports: ReadonlyMap<string, ImportRecord>, bundledId: string): string {
  if (importId === bundledId) return indicator.vintage ?? source?.title ?? 'the figures bundled with the app';
  const record = imports.get(importId);
  if (!record) return 'an import';
  return `your import ${record.fileName}${record.edition ? ` (${record.edition})` : ''}, ${importDay(record)}`;
}

/** The day an import was taken in, as the app writes it ("2 Dec 2026"). */
const importDay = (record: Pick<ImportRecord, 'importedAt'>): string =>
  new Date(record.importedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** An import holding figures of a measure, as "About this indicator" names it. */
export interface ImportedEdition {
  fileName: string;
  /** The edition the user gave it (setImportEdition); undefined until given. */
  edition: string | undefined;
  /** "2 Dec 2026". */
  importedOn: string;
}

/**
 * The imports holding figures of a measure (`holders`, the catalog's ids of them), the
 * bundled figures left out, latest first: where two give a figure for the same area
 * and year, the latest one's is drawn, so it is read first. `imports` are as
 * listImports gives them, oldest first.
 */
export function importedEditions(imports: readonly ImportRecord[], holders: ReadonlySet<string> | undefined, bundledId: string): ImportedEdition[] {
  if (!holders) return [];
  return imports
    .filter((r) => r.id !== bundledId && holders.has(r.id))
    .reverse()
    .map((r) => ({ fileName: r.fileName, edition: r.edition, importedOn: importDay(r) }));
}

/** A trend table's key for a cell: its area and year. */
export const cellKey = (code: AreaCode, period: Period): string => `${code}|${period}`;

/**
 * Each conflict as a cell, for one indicator: by area code for a table of one year (the
 * ranked and profile tables), or by `cellKey` when `byYear` for a table of many (the trend tables).
 */
export function conflictCells(
  conflicts: readonly SourceConflict[],
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'scale'>,
  labelOf: (importId: string) => string,
  nameOf: (code: AreaCode) => string,
  formatPeriod: (p: Period) => string,
  byYear?: boolean,
): Map<string, ConflictCell> {
  const text = (f: SourceFigure) => (f.value !== null ? formatValue(indicator, f.value) : statusSymbol(f.status ?? 'blank'));
  const out = new Map<string, ConflictCell>();
  for (const c of conflicts) {
    const figures = [c.shown, ...c.others].map((f) => ({ text: text(f), source: labelOf(f.importId) }));
    const [drawn, ...rest] = figures;
    const sentence =
      `${nameOf(c.areaCode)}, ${formatPeriod(c.period)}: ${drawn!.text} from ${drawn!.source} (drawn in the charts); ` + rest.map((f) => `${f.text} from ${f.source}`).join('; ') + '.';
    out.set(byYear ? cellKey(c.areaCode, c.period) : c.areaCode, { figures, sentence });
  }
  return out;
}
