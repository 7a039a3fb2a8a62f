/**
 * DfE Explore Education Statistics tidy CSV: one row per time period, geography
 * and combination of filters, then a column per indicator. Known DfE column names
 * land on the app's indicator ids (known-columns.ts); other numeric columns become
 * new indicators labelled with their column name. A filter with more than one
 * value (characteristic, population_type, …) splits a column into one indicator
 * per value; the "Total" rows keep the plain id.
 */
import { parsePeriod } from '../model/period';
import { SeriesBuilder, type ObservationSeries } from '../model/series';
import type { AreaCode, Indicator } from '../model/types';
import { UNKNOWN_PREFIX, type AreaResolver } from './area-match';
import { CellReader } from './cells';
import { finishSeries, newIndicator, warnRepeats } from './collect';
import { GBP_THOUSANDS, guessUnit, slugId, variantId } from './indicator-ids';
import type { IssueList } from './issues';
import { EES_COLUMNS, matchesWhere, type EesColumn } from './known-columns';
import type { EesPlan, KnownData } from './plan';
import { parseCell } from '../model/status';
import type { EesMeta } from './ees-zip';
import { describeLeftOutValues, FilterGate, filterChoices, labelled, TOTAL_VALUE, type FilterChoice } from './ees-filters';
import { IMPORT_LIMITS, limitMessages } from './limits';

/** Columns every EES file has, and the geography and time columns that are never figures. */
const REQUIRED = ['time_period', 'time_identifier', 'geographic_level'];
const NOT_FIGURES = new Set([
  'time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code', 'region_name',
  'old_la_code', 'new_la_code', 'la_name', 'lad_code', 'lad_name', 'pcon_code', 'pcon_name', 'ward_code', 'ward_name',
  'lep_code', 'lep_name', 'lsip_code', 'lsip_name', 'mcr_code', 'mcr_name', 'english_devolved_area_code', 'english_devolved_area_name',
  'opportunity_area_code', 'opportunity_area_name', 'rsc_region_lead_name', 'school_urn', 'school_laestab', 'school_name',
  'trust_id', 'trust_name', 'sponsor_id', 'sponsor_name', 'provider_ukprn', 'provider_name', 'institution_id', 'institution_name',
  'planning_area_code', 'planning_area_name', 'local_enterprise_partnership_code', 'local_enterprise_partnership_name',
]);

/** Periods the app compares: years. Quarters, months and weeks are left out with a warning. */
const ANNUAL = /^(reporting|financial|academic|calendar|tax|fiscal) year$|^(spring|summer|autumn) term$/i;

export function isEesHeader(header: string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return REQUIRED.every((r) => names.has(r));
}

function index(header: string[], name: string): number {
  return header.findIndex((h) => h.trim().toLowerCase() === name);
}

/**
 * Decides which columns are figures and which are filters, from the header and the first
 * rows; the filters' values are listed from `rows` (the sample when not given), which
 * are every row of the file when `whole`.
 */
export function planEes(header: string[], sample: string[][], meta?: EesMeta, values: { rows: string[][]; whole: boolean } = { rows: sample, whole: false }): EesPlan {
  const filters: number[] = [];
  const indicators: number[] = [];
  header.forEach((h, c) => {
    const name = h.trim();
    if (NOT_FIGURES.has(name.toLowerCase()) || name === '') return;
    // The publisher's metadata says which columns are filters and which are figures.
    if (meta?.indicators[name]) return void indicators.push(c);
    if (meta?.filters[name]) return void filters.push(c);
    if (knownColumn(name).length > 0) {
      indicators.push(c);
      return;
    }
    // A figure column holds only numbers and symbols; a filter holds words.
    const looksNumeric = sample.every((r) => r.length !== header.length || parseCell(r[c] ?? '') !== null);
    (looksNumeric ? indicators : filters).push(c);
  });
  // The .meta.csv's label says what the filter is ("Age of child" for `characteristic`).
  const choices = labelled(filterChoices(header, filters, values.rows, values.whole), meta);
  return { header, filters, indicators, ...(meta ? { meta } : {}), ...(choices.length ? { choices } : {}) };
}

function knownColumn(name: string): EesColumn[] {
  const lower = name.toLowerCase();
  return EES_COLUMNS.filter((k) => k.column.toLowerCase() === lower);
}


const enum Level {
  National,
  Regional,
  LocalAuthority,
  Other,
}
const LEVELS: Record<string, Level> = { national: Level.National, regional: Level.Regional, 'local authority': Level.LocalAuthority };

export class EesTidyReader {
  private readonly h: string[];
  private readonly iTime: number;
  private readonly iIdent: number;
  private readonly iLevel: number;
  private readonly geo: Record<'country' | 'countryName' | 'region' | 'regionName' | 'newLa' | 'oldLa' | 'laName', number>;
  /** Per figure column: builders by filter key. */
  private readonly builders: Map<string, SeriesBuilder>[];
  private readonly cells = new CellReader();
  private readonly periodCache = new Map<string, number>();
  private readonly identCache = new Map<string, boolean>();
  private readonly areaCache = new Map<string, AreaCode>();
  private readonly gate: FilterGate;
  /** Series begun, against the import's limit. */
  private seriesBegun = 0;
  rows = 0;

  constructor(
    private readonly plan: EesPlan,
    private readonly resolver: AreaResolver,
    private readonly issues: IssueList,
  ) {
    this.h = plan.header.map((x) => x.trim());
    this.iTime = index(this.h, 'time_period');
    this.iIdent = index(this.h, 'time_identifier');
    this.iLevel = index(this.h, 'geographic_level');
    this.geo = {
      country: index(this.h, 'country_code'),
      countryName: index(this.h, 'country_name'),
      region: index(this.h, 'region_code'),
      regionName: index(this.h, 'region_name'),
      newLa: index(this.h, 'new_la_code'),
      oldLa: index(this.h, 'old_la_code'),
      laName: index(this.h, 'la_name'),
    };
    this.builders = plan.indicators.map(() => new Map());
    this.gate = new FilterGate(plan.filters.map((f) => this.h[f]!), plan.choices);
  }

  /** Reads a batch of rows; `firstRow` is the file row number of rows[0]. */
  addRows(rows: string[][], firstRow: number): void {
    const width = this.h.length;
    const { filters, indicators } = this.plan;
    const nInd = indicators.length;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const rowNo = firstRow + i;
      if (r.length === 1 && r[0] === '') continue;
      if (r.length !== width) {
        this.issues.error(`this row has ${r.length} cells but the header has ${width}: check for a stray comma or quote`, rowNo);
        if (this.issues.full) return;
        continue;
      }
      const period = this.period(r[this.iTime]!, r[this.iIdent]!, rowNo);
      if (period < 0) continue;
      let key = '';
      if (filters.length === 1) key = r[filters[0]!]!;
      else if (filters.length > 1) key = filters.map((f) => r[f]).join('\u001f');
      if (!this.gate.admits(key, () => splitKey(key, filters.length))) continue;
      const area = this.area(r, rowNo);
      if (area === '') continue;
      this.rows++;
      for (let j = 0; j < nInd; j++) {
        const c = indicators[j]!;
        const value = this.cells.read(r[c]!);
        if (this.cells.status < 0) {
          this.issues.error(`“${short(r[c]!)}” is not a number or a DfE symbol (c, x, z, low, u, :, .., -, or blank)`, rowNo, this.h[c]);
          if (this.issues.full) return;
          continue;
        }
        const map = this.builders[j]!;
        let b = map.get(key);
        if (!b) {
          // Checked as each breakdown begins, not after a million rows: the message says what to choose.
          if (++this.seriesBegun > IMPORT_LIMITS.indicators) {
            const names = filters.map((f) => this.h[f]!).join(', ');
            this.issues.error(filters.length ? limitMessages.breakdowns(names) : limitMessages.indicators(this.seriesBegun), rowNo);
            return;
          }
          b = new SeriesBuilder('', '', 1024);
          map.set(key, b);
        }
        b.push(area, period, value, this.cells.status);
      }
    }
  }

  private period(raw: string, ident: string, rowNo: number): number {
    // Files are sorted by period, so the last answer is usually the answer.
    if (raw === this.lastPeriodRaw && ident === this.lastIdent) return this.lastPeriod;
    let annual = this.identCache.get(ident);
    if (annual === undefined) {
      annual = ANNUAL.test(ident.trim());
      this.identCache.set(ident, annual);
    }
    if (!annual) {
      this.issues.warn(`ident:${ident}`, (n) => `${n.toLocaleString('en-GB')} rows for “${short(ident)}” periods were left out: the app compares years.`);
      return -1;
    }
    let p = this.periodCache.get(raw);
    if (p === undefined) {
      p = parsePeriod(raw) ?? -1;
      this.periodCache.set(raw, p);
    }
    if (p < 0) {
      this.issues.error(`“${short(raw)}” is not a year the app can read (such as 2024, 202324 or 2023-24)`, rowNo, this.h[this.iTime]);
      return p;
    }
    this.lastPeriodRaw = raw;
    this.lastIdent = ident;
    this.lastPeriod = p;
    return p;
  }

  private lastPeriodRaw = '';
  private lastIdent = '';
  private lastPeriod = -1;
  private readonly levelCache = new Map<string, Level>();

  /** The row's area code, '' when the row is at a level the app does not compare. */
  private area(r: string[], rowNo: number): AreaCode {
    const raw = r[this.iLevel]!;
    let level = this.levelCache.get(raw);
    if (level === undefined) {
      level = LEVELS[raw.trim().toLowerCase()] ?? Level.Other;
      this.levelCache.set(raw, level);
    }
    const g = this.geo;
    let code: string;
    if (level === Level.LocalAuthority) code = g.newLa >= 0 ? r[g.newLa]! : '';
    else if (level === Level.Regional) code = g.region >= 0 ? r[g.region]! : '';
    else if (level === Level.National) code = g.country >= 0 ? r[g.country]! : '';
    else {
      this.issues.warn(`level:${raw}`, (n) => `${n.toLocaleString('en-GB')} rows at the “${short(raw)}” level were left out: the app compares England, regions and local authorities.`);
      return '';
    }
    if (code) {
      const hit = this.areaCache.get(code);
      if (hit !== undefined) return hit;
    }
    const at = (c: number) => (c >= 0 ? r[c]! : '');
    const name = level === Level.LocalAuthority ? at(g.laName) : level === Level.Regional ? at(g.regionName) : at(g.countryName) || 'England';
    const found = this.resolver.resolve(code, level === Level.LocalAuthority ? at(g.oldLa) : '', name, rowNo);
    if (code && found.charCodeAt(0) !== UNKNOWN_PREFIX.charCodeAt(0)) this.areaCache.set(code, found);
    return found;
  }

  /** Series and new indicators, named now that every filter value has been seen. */
  finish(importId: string, fileName: string, known: KnownData): { series: ObservationSeries[]; indicators: Indicator[] } {
    const { filters, indicators } = this.plan;
    // Filters with a single value in the whole file do not split anything.
    const distinct = filters.map(() => new Set<string>());
    for (const map of this.builders) {
      for (const key of map.keys()) {
        const parts = splitKey(key, filters.length);
        parts.forEach((v, k) => distinct[k]!.add(v));
      }
    }
    const splitting = filters.map((_, k) => distinct[k]!.size > 1);
    const by = filters.filter((_, k) => splitting[k]).map((f) => this.h[f]!).join(', ');
    for (const [column, left] of this.gate.leftOut()) this.issues.warn(`filter:${column}`, () => describeLeftOutValues(column, left.rows, left.values));
    const knownIds = new Set(known.indicators.map((i) => i.id));
    const used = new Set<string>();
    const series: ObservationSeries[] = [];
    const created: Indicator[] = [];
    const labels = new Map<string, string>();

    indicators.forEach((c, j) => {
      const column = this.h[c]!;
      const knowns = knownColumn(column);
      for (const [key, builder] of this.builders[j]!) {
        const parts = splitKey(key, filters.length);
        const value = (name: string) => {
          const k = filters.findIndex((f) => this.h[f]!.toLowerCase() === name.toLowerCase());
          return k >= 0 ? parts[k] : undefined;
        };
        const variantParts = parts.filter((v, k) => splitting[k] && !TOTAL_VALUE.test(v.trim()));
        const match = knowns.find((m) => matchesWhere(m.where, value));
        let id: string;
        let label: string;
        let shift = 0;
        let of: string;
        let broken: string[];
        if (match) {
          // A known column with a `where` names its filter values; any others are a breakdown of it.
          const whereCols = new Set(Object.keys(match.where ?? {}).map((w) => w.toLowerCase()));
          const extra = parts.filter((v, k) => splitting[k] && !TOTAL_VALUE.test(v.trim()) && !whereCols.has(this.h[filters[k]!]!.toLowerCase()));
          id = extra.length ? variantId(match.id, extra.join(' ')) : match.id;
          label = extra.length ? `${match.label} (${extra.join(', ')})` : match.label;
          of = match.id;
          broken = extra;
          shift = match.periodShift ?? 0;
        } else {
          const named = this.plan.meta?.indicators[column]?.label ?? column;
          id = variantParts.length ? variantId(column, variantParts.join(' ')) : slugId(column);
          label = variantParts.length ? `${named} (${variantParts.join(', ')})` : named;
          of = slugId(column);
          broken = variantParts;
        }
        id = unique(id, used);
        const s = finishSeries(builder, importId, id, shift);
        series.push(s);
        labels.set(id, label);
        if (!knownIds.has(id)) {
          const meta = this.plan.meta?.indicators[column];
          const unit = match?.unit ?? unitFromMeta(meta?.unit, `${column} ${meta?.label ?? ''}`);
          const definition = match && !match.where && !variantParts.length ? match.definition : (this.plan.meta?.guidance ?? '');
          const made: Indicator = newIndicator(id, label, unit, fileName, s.values, definition);
          if (meta?.decimals != null && !match) made.decimals = meta.decimals;
          if (broken.length) made.breakdown = { of, by, value: broken.join(', ') };
          created.push(made);
        }
      }
    });
    warnRepeats(series, labels, this.issues);
    return { series, indicators: created };
  }
}

/** EES writes units as "%", "£", "£m", "pp" or nothing; a rate's unit is in its name. */
function unitFromMeta(unit: string | undefined, name: string) {
  if (unit === '%' || unit === 'pp') return 'percent' as const;
  if (unit && /£/.test(unit)) return GBP_THOUSANDS.test(`${unit} ${name}`) || /^£\s*(k|000s?)$/i.test(unit) ? ('gbp_thousands' as const) : ('count' as const);
  return guessUnit(name);
}

function splitKey(key: string, filters: number): string[] {
  return filters === 0 ? [] : filters === 1 ? [key] : key.split('\u001f');
}

function unique(id: string, used: Set<string>): string {
  let out = id;
  for (let n = 2; used.has(out); n++) out = `${id.slice(0, 60)}_${n}`;
  used.add(out);
  return out;
}

export function short(s: string): string {
  const t = s.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}
