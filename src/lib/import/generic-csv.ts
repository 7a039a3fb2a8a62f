/**
 * Generic tables (CSV or a worksheet): long (area, year, indicator, value) or wide
 * (a column per year), as spreadsheets, LAIT exports and DfE main tables lay them
 * out. guessMapping() proposes a mapping from the header and the first rows; the
 * user corrects it in the mapping step; TableReader reads the rows with it.
 */
import { areaNameKey } from '../model/area-names';
import { parsePeriod } from '../model/period';
import { SeriesBuilder, type ObservationSeries } from '../model/series';
import { OFSTED_JUDGEMENT, parseCategory } from '../model/ordinal';
import { parseCell, parseStatus, statusToByte } from '../model/status';
import type { Indicator } from '../model/types';
import type { AreaLookup, AreaResolver } from './area-match';
import { CellReader } from './cells';
import { concatSeries, finishSeries, newIndicator, warnRepeats } from './collect';
import { short } from './ees-tidy';
import { figureColumns, type FigureColumn, type KnownIndicatorName } from './figure-columns';
import { parseYearHeader } from './header-row';
import { guessUnit, slugId } from './indicator-ids';
import type { IssueList } from './issues';
import { EES_COLUMNS, LAIT_ALIASES, LAIT_MEASURES } from './known-columns';
import type { KnownData, TableMapping } from './plan';
import { emptyCounts, rowKind, type RowColumns, type RowCounts } from './table-rows';
import { proposePeriod, titlePeriods } from './title-period';

const isLait = (header: string[]) => ['short desc', 'years', 'la and regions', 'values'].every((h) => header.some((x) => x.trim().toLowerCase() === h));

export function isLaitHeader(header: string[]): boolean {
  return isLait(header);
}

function share(values: string[], test: (v: string) => boolean): number {
  const filled = values.filter((v) => v.trim() !== '');
  return filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
}

export interface GuessOptions {
  /** Indicators the app has, so that a column named like one adds to it. */
  indicators?: readonly KnownIndicatorName[];
  /** The worksheet's name, which may give the year. */
  sheetName?: string;
}

/** Guesses the mapping of a table whose header is at `headerRow` (1-based). */
export function guessMapping(rows: string[][], headerRow: number, lookup: AreaLookup, fileName: string, opts: GuessOptions = {}): TableMapping {
  const header = (rows[headerRow - 1] ?? []).map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase().replace(/[_.]+/g, ' ').trim());
  const find = (re: RegExp, exclude: (number | null)[] = []) => {
    const i = lower.findIndex((h, k) => re.test(h) && !exclude.includes(k));
    return i >= 0 ? i : null;
  };

  const yearColumns: TableMapping['yearColumns'] = [];
  const seen = new Set<number>();
  header.forEach((h, c) => {
    const p = parseYearHeader(h);
    // Only the first block of a year: a second "Number"/"Rate" block repeats them.
    if (p !== null && !seen.has(p)) {
      seen.add(p);
      yearColumns.push({ column: c, period: p });
    }
  });
  const yearCols = new Set(yearColumns.map((y) => y.column));
  const layout: TableMapping['layout'] = yearColumns.length >= 2 ? 'wide' : 'long';
  // Data rows only: footnotes and notes below a main table would skew what columns look like.
  const data = rows
    .slice(headerRow, headerRow + 200)
    .filter((r) => (layout === 'wide' ? yearColumns.some((y) => (r[y.column] ?? '').trim() !== '') : r.filter((c) => c.trim() !== '').length >= 2));
  const col = (c: number) => data.map((r) => r[c] ?? '');
  const candidates = header.map((_, c) => c).filter((c) => !yearCols.has(c));

  // Area columns: by name, then by what the values look like.
  let areaCode = find(/^(new la code|(local authority |la )?(area )?code|(la )?gss( la)?( code)?|ons( la)?( area)? code|geography code|la code \(gss\)|e-? ?code|areacd|lad\d* ?cd)$/);
  if (areaCode === null) areaCode = candidates.find((c) => share(col(c), (v) => /^[EWSNK]\d{8}$/i.test(v.trim())) > 0.6) ?? null;
  let oldLaCode = find(/^(old la code|la number|la num|la no|la code|lea|lea code|la|dfe la (number|code)|la estab)$/, [areaCode]);
  if (oldLaCode === null) oldLaCode = candidates.find((c) => c !== areaCode && share(col(c), (v) => lookup.byOldLa[v.trim().replace(/\.0+$/, '')] !== undefined) > 0.6) ?? null;
  let areaName = find(/^(la and regions|la name|local authority|local authorities|authority|area|area name|name|region|geography|la and region|areanm|lad\d* ?nm|local authority name|local authority area name)$/, [areaCode, oldLaCode]);
  if (areaName === null) {
    let bestShare = 0.2;
    for (const c of candidates) {
      if (c === areaCode || c === oldLaCode) continue;
      const s = share(col(c), (v) => lookup.byName[areaNameKey(v)] !== undefined);
      if (s > bestShare) {
        bestShare = s;
        areaName = c;
      }
    }
  }
  const taken = [areaCode, oldLaCode, areaName];
  let period: number | null = null;
  let value: number | null = null;
  let fixedPeriod: number | null = null;
  if (layout === 'long') {
    period = find(/^(year|years|period|time period|time|reporting year|financial year|academic year|date)$/, taken);
    if (period === null) period = periodByValues(header, candidates.filter((c) => !taken.includes(c)), col, opts.indicators ?? []);
    if (period === null) fixedPeriod = proposePeriod(titlePeriods(rows, headerRow, opts.sheetName)).period;
    taken.push(period);
  }
  const indicator = find(/^(indicator|indicator id|measure|short desc|measure code|variable|metric|series|indicator code)$/, taken);
  taken.push(indicator);
  const indicatorLabel = indicator === null ? null : find(/^(data item|indicator name|indicator label|label|measure name|description)$/, taken);
  taken.push(indicatorLabel);
  let figures: FigureColumn[] = [];
  if (layout === 'long') {
    if (indicator !== null) {
      value = find(/^(value|values|figure|amount|obs value|observation|data)$/, taken);
      if (value === null) {
        // The last column of figures.
        const numeric = candidates.filter((c) => !taken.includes(c) && col(c).length > 0 && share(col(c), (v) => parseCell(v) !== null) > 0.9);
        value = numeric.length ? numeric[numeric.length - 1]! : null;
      }
    } else {
      const exclude = new Set(taken.filter((c): c is number => c !== null));
      const areaCols = [areaCode, oldLaCode, areaName];
      const tableRows = data.filter((r) => areaCols.some((c) => c !== null && (r[c] ?? '').trim() !== ''));
      const named = find(/^(value|values|figure|amount|obs value|observation)$/, taken);
      const oneFigure = (column: number): FigureColumn => {
        // One column called "value": the indicator is what the table is, named from its title or the file.
        const label = titleAbove(rows, headerRow) ?? fileName.replace(/\.[^.]+$/, '');
        return { column, label, unit: guessUnit(label), polarity: 'neither' };
      };
      if (named !== null) figures = [oneFigure(named)];
      else {
        figures = figureColumns(rows, headerRow, tableRows, exclude, opts.indicators);
        if (figures.length === 1 && /^(value|values|figures?|amount|data|n|count|number|column \d+)$/i.test(figures[0]!.label)) figures = [oneFigure(figures[0]!.column)];
      }
    }
  }

  return {
    headerRow,
    layout,
    areaCode,
    areaName,
    oldLaCode,
    period,
    fixedPeriod,
    indicator,
    indicatorLabel,
    value,
    figures,
    yearColumns: layout === 'wide' ? yearColumns : [],
    target: indicator === null && layout === 'wide' ? { kind: 'new', label: titleAbove(rows, headerRow) ?? fileName.replace(/\.[^.]+$/, '') } : null,
  };
}

/** Words that make a header the name of a measure: its column holds figures, even when they look like years. */
const MEASURE_WORDS = /\b(number|numbers|count|counts|total|totals|rate|rates|per|percent|percentage|proportion|average|mean|median|value|values|amount|spend|spending|expenditure|cost|budget|children|child|referrals?|assessments?|plans?|episodes?|cases?|enquiries|conferences|population|estimate|fte|headcount|starters|leavers|vacancies|[a-z]+_(count|rate|pct|percent))\b|%|£/i;

/**
 * A year column found by its values, when no header says "year": never a column whose
 * header is itself a year ("2019": that year's figures) or names a measure (a count of
 * 2,013 referrals looks like a year), and among several, the one whose values are
 * written as periods ("2016-17", "201617") rather than as bare numbers.
 */
function periodByValues(header: string[], candidates: number[], col: (c: number) => string[], known: readonly KnownIndicatorName[]): number | null {
  const knownLabels = new Set(known.flatMap((k) => [k.label.toLowerCase(), k.shortLabel.toLowerCase()]));
  let best: number | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    const h = (header[c] ?? '').trim();
    if (h !== '' && (parseYearHeader(h) !== null || MEASURE_WORDS.test(h.replace(/_/g, ' ')) || knownLabels.has(h.toLowerCase()))) continue;
    const values = col(c);
    if (share(values, (v) => parsePeriod(v) !== null) <= 0.8) continue;
    // Written as a period, not a bare number: "2016-17", "2016/17", "201617".
    const written = share(values, (v) => /^\s*\d{4}\s*[-/–]\s*\d{2,4}\s*$|^\s*\d{6}\s*$/.test(v));
    const score = 1 + written + (/year|yr|period|time|date|when/i.test(h) ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** The first line of a title above the header, as DfE main tables have. */
function titleAbove(rows: string[][], headerRow: number): string | null {
  for (let i = 0; i < headerRow - 1; i++) {
    const cells = rows[i]!.map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length === 1 && cells[0]!.length > 3) return cells[0]!;
  }
  return null;
}

/** What is missing before the mapping can be read; empty when it can. */
export function mappingProblems(m: TableMapping, header: string[]): string[] {
  const out: string[] = [];
  const width = header.length;
  const bad = (c: number | null) => c !== null && (c < 0 || c >= width);
  if (m.areaCode === null && m.areaName === null && m.oldLaCode === null) out.push('Choose the column that names or codes the area.');
  if (m.layout === 'long') {
    if (m.period === null && m.fixedPeriod === null) out.push('Choose the column that gives the year, or give the year of the whole table.');
    if (m.indicator !== null && m.value === null) out.push('Choose the column that holds the figures.');
    if (m.indicator === null) {
      if (m.figures.length === 0) out.push('Choose at least one column of figures.');
      else if (m.figures.some((f) => f.label.trim() === '' && !f.existingId)) out.push('Give each chosen column of figures a name.');
    }
  } else {
    if (m.yearColumns.length === 0) out.push('No column has a year as its header: pick the header row with the years, or choose the long layout.');
    if (m.indicator === null && (!m.target || (m.target.kind === 'new' && m.target.label.trim() === '') || (m.target.kind === 'existing' && !m.target.id))) out.push('Say which indicator the figures are.');
  }
  const chosen = [m.areaCode, m.areaName, m.oldLaCode, m.period, m.indicator, m.indicatorLabel, m.layout === 'long' && m.indicator !== null ? m.value : null];
  if (chosen.some(bad) || m.yearColumns.some((y) => y.column >= width) || (m.layout === 'long' && m.indicator === null && m.figures.some((f) => f.column >= width && width > 0))) {
    out.push('A chosen column is not in the header row.');
  }
  return out;
}

/** Reads rows of a table with a mapping, into one builder per indicator. */
export class TableReader {
  private readonly builders = new Map<string, SeriesBuilder>();
  private readonly labels = new Map<string, string>();
  private readonly cells = new CellReader();
  private readonly periodCache = new Map<string, number>();
  private readonly header: string[];
  private readonly targetKey: string;
  private readonly columns: RowColumns;
  /** Long layout without an indicator column: each figure column is an indicator. */
  private readonly byFigure: boolean;
  /** Rows read as data, and the rows left out by kind. */
  readonly counts: RowCounts = emptyCounts();
  rows = 0;

  constructor(
    private readonly m: TableMapping,
    header: string[],
    private readonly resolver: AreaResolver,
    private readonly issues: IssueList,
  ) {
    this.header = header.map((h, c) => h.trim() || `column ${columnLetter(c)}`);
    this.targetKey = m.target?.kind === 'existing' ? m.target.id : (m.target?.label ?? '');
    this.byFigure = m.layout === 'long' && m.indicator === null;
    this.columns = {
      area: [m.areaCode, m.oldLaCode, m.areaName],
      figures: m.layout === 'wide' ? m.yearColumns.map((y) => y.column) : this.byFigure ? m.figures.map((f) => f.column) : [m.value ?? -1, m.period ?? -1],
    };
  }

  addRows(rows: string[][], firstRow: number): void {
    const m = this.m;
    const cell = (r: string[], c: number | null) => (c === null ? '' : (r[c] ?? ''));
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const rowNo = firstRow + i;
      if (rowNo <= m.headerRow) continue;
      const kind = rowKind(r, this.columns);
      if (kind !== 'data') {
        this.counts[kind]++;
        continue;
      }
      this.counts.data++;
      const code = cell(r, m.areaCode);
      const oldLa = cell(r, m.oldLaCode);
      const name = cell(r, m.areaName);
      if (m.layout === 'long') {
        const period = m.period === null ? (m.fixedPeriod ?? -1) : this.period(cell(r, m.period), rowNo);
        if (period < 0) continue;
        if (this.byFigure) {
          const area = this.resolver.resolve(code, oldLa, name, rowNo);
          this.rows++;
          m.figures.forEach((f, k) => {
            const raw = r[f.column] ?? '';
            const b = this.builder(`\u0000${k}`, r);
            if (f.scale) {
              const code = parseCategory(OFSTED_JUDGEMENT, raw);
              if (code !== null) b.push(area, period, code, 0);
              else if (raw.trim() === '' || parseStatus(raw) !== null) b.push(area, period, NaN, statusToByte(parseStatus(raw) ?? 'blank'));
              else this.issues.error(`“${short(raw)}” is not an Ofsted judgement (Outstanding, Good, Requires improvement to be good, Inadequate) or a DfE symbol`, rowNo, this.header[f.column]);
              return;
            }
            const value = this.cells.read(raw);
            if (this.cells.status < 0) this.valueError(raw, rowNo, f.column);
            else b.push(area, period, value, this.cells.status);
          });
          if (this.issues.full) return;
          continue;
        }
        const indicatorKey = cell(r, m.indicator).trim();
        if (indicatorKey === '') {
          this.issues.error('the indicator is blank', rowNo, this.header[m.indicator!]);
          continue;
        }
        const rawValue = cell(r, m.value);
        const area = this.resolver.resolve(code, oldLa, name, rowNo);
        const value = this.cells.read(rawValue);
        if (this.cells.status < 0) {
          this.valueError(rawValue, rowNo, m.value!);
          continue;
        }
        this.rows++;
        this.builder(indicatorKey, r).push(area, period, value, this.cells.status);
      } else {
        const indicatorKey = m.indicator === null ? this.targetKey : cell(r, m.indicator).trim();
        if (indicatorKey === '' && m.indicator !== null) {
          this.issues.error('the indicator is blank', rowNo, this.header[m.indicator]);
          continue;
        }
        const area = this.resolver.resolve(code, oldLa, name, rowNo);
        const b = this.builder(indicatorKey, r);
        this.rows++;
        for (const y of m.yearColumns) {
          const raw = r[y.column] ?? '';
          const value = this.cells.read(raw);
          if (this.cells.status < 0) {
            this.valueError(raw, rowNo, y.column);
            continue;
          }
          b.push(area, y.period, value, this.cells.status);
        }
      }
      if (this.issues.full) return;
    }
  }

  private valueError(raw: string, rowNo: number, column: number): void {
    this.issues.error(`“${short(raw)}” is not a number or a DfE symbol (c, x, z, low, u, :, .., -, or blank)`, rowNo, this.header[column]);
  }

  private period(raw: string, rowNo: number): number {
    let p = this.periodCache.get(raw);
    if (p === undefined) {
      p = parsePeriod(raw) ?? -1;
      this.periodCache.set(raw, p);
    }
    if (p < 0) this.issues.error(`“${short(raw)}” is not a year the app can read (such as 2024, 202324 or 2023-24)`, rowNo, this.header[this.m.period!]);
    return p;
  }

  private builder(key: string, r: string[]): SeriesBuilder {
    let b = this.builders.get(key);
    if (!b) {
      b = new SeriesBuilder('', '', 1024);
      this.builders.set(key, b);
    }
    if (this.m.indicatorLabel !== null && !this.labels.get(key)) {
      const label = (r[this.m.indicatorLabel] ?? '').trim();
      if (label) this.labels.set(key, label);
    }
    return b;
  }

  finish(importId: string, fileName: string, known: KnownData): { series: ObservationSeries[]; indicators: Indicator[] } {
    const byId = new Map<string, { series: ObservationSeries; label: string; existing: boolean; figure?: FigureColumn }>();
    for (const [key, builder] of this.builders) {
      const figure = this.byFigure ? this.m.figures[Number(key.slice(1))] : undefined;
      const { id, existing } = figure ? this.figureIndicator(figure, known) : this.indicatorFor(key, known);
      const s = finishSeries(builder, importId, id);
      const prior = byId.get(id);
      if (prior) {
        // Two names in the file for one indicator (a LAIT code and the app's id, say).
        this.issues.warn(`same:${id}`, () => `Several indicator names in the file mean “${prior.label}”; their figures were read together.`);
        prior.series = concatSeries(prior.series, s);
        continue;
      }
      byId.set(id, { series: s, label: existing?.label ?? figure?.label.trim() ?? this.labels.get(key) ?? key, existing: existing !== undefined, ...(figure ? { figure } : {}) });
    }
    const series = [...byId.values()].map((e) => e.series);
    const indicators = [...byId.entries()]
      .filter(([, e]) => !e.existing)
      .map(([id, e]) => {
        const f = e.figure;
        if (!f) return newIndicator(id, e.label, guessUnit(`${id} ${e.label}`), fileName, e.series.values);
        const made = newIndicator(id, e.label, f.unit, fileName, e.series.values);
        return { ...made, polarity: f.polarity, ...(f.scale ? { unit: 'ordinal' as const, scale: OFSTED_JUDGEMENT, decimals: 0 } : {}) };
      });
    warnRepeats(series, new Map([...byId].map(([id, e]) => [id, e.label])), this.issues);
    return { series, indicators };
  }

  /** A figure column's indicator: the one the user chose, one the app has by that name, or a new one. */
  private figureIndicator(f: FigureColumn, known: KnownData): { id: string; existing?: { id: string; label: string } } {
    if (f.existingId) {
      const k = known.indicators.find((i) => i.id === f.existingId);
      return k ? { id: k.id, existing: k } : { id: slugId(f.existingId) };
    }
    const lower = f.label.trim().toLowerCase();
    const byLabel = known.indicators.find((i) => i.label.toLowerCase() === lower);
    if (byLabel) return { id: byLabel.id, existing: byLabel };
    const id = slugId(f.label);
    const bySlug = known.indicators.find((i) => i.id === id);
    return bySlug ? { id, existing: bySlug } : { id };
  }

  /** An indicator name in the file → the app's id: its own id, a LAIT code, an EES column, a label, or a new id. */
  private indicatorFor(key: string, known: KnownData): { id: string; existing?: { id: string; label: string } } {
    const t = this.m.target;
    if (this.m.indicator === null && t?.kind === 'existing') {
      const k = known.indicators.find((i) => i.id === t.id);
      return k ? { id: k.id, existing: k } : { id: slugId(t.id) };
    }
    const byId = known.indicators.find((i) => i.id === key);
    if (byId) return { id: byId.id, existing: byId };
    const mapped = LAIT_MEASURES.find((l) => l.lait === key)?.id ?? LAIT_ALIASES[key] ?? EES_COLUMNS.find((e) => !e.where && e.column === key)?.id;
    if (mapped) {
      const k = known.indicators.find((i) => i.id === mapped);
      return { id: mapped, ...(k ? { existing: k } : {}) };
    }
    const lower = key.toLowerCase();
    const byLabel = known.indicators.find((i) => i.label.toLowerCase() === lower || i.shortLabel.toLowerCase() === lower);
    if (byLabel) return { id: byLabel.id, existing: byLabel };
    const id = slugId(key);
    const bySlug = known.indicators.find((i) => i.id === id);
    return bySlug ? { id, existing: bySlug } : { id };
  }
}

export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
