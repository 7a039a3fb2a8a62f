/**
 * Everything an area's page shows, read live from the database: the area and its
 * region, its statistical neighbours, its profile (every rate and percentage in its
 * latest year, against England, region, neighbours and every authority), the trend
 * of one indicator, its themes over time and its documents, with the sentences that
 * describe the charts. The page renders it and hands changes to `go`.
 */
import { spineRow, type SpineRow } from '../../charts/spine-data';
import { buildTrendData, type TrendData } from '../../charts/trend-data';
import { trendSummary } from '../../charts/trend-summary';
import { liveCatalog, type Catalog } from '../../db/catalog.svelte';
import type { LensDb } from '../../db/database';
import { live, type Live } from '../../db/live.svelte';
import { BUNDLED } from '../../db/bundled';
import { getObservations, getSourceConflicts, listDocuments, listImports, listInspections } from '../../db/queries';
import { ENGLAND } from '../../model/england';
import { conflictCells, importedEditions, sourceLabel, type ConflictCell, type ImportedEdition, type SourceConflict } from '../../model/source-conflicts';
import { listPriorities, listThemeMentions } from '../../db/theme-queries';
import { breakdownControl, linkOf, measuresOf, pickerIndicators, resolveIndicator, TOTAL_CHOICE, type BreakdownControl } from '../../model/breakdown';
import { profileIndicators as profileIndicatorsOf } from '../../model/indicator-groups';
import { formatPeriod } from '../../model/period';
import type { Area, AreaCode, DataSource, ImportRecord, Indicator, Observation, Period, Priority, SourceDocument, ThemeMention } from '../../model/types';
import type { ConfidenceLevel } from '../../stats/confidence';
import { profileRow } from '../../stats/profile';
import { rankAuthorities } from '../../stats/ranking';
import { recentTrend, type Trend } from '../../stats/trend';
import { getObservationsOfMany } from '../../db/observations-of-many';
import { trendLineSpecs } from '../../state/compare-selection';
import { totalsComparable } from '../../model/benchmark-scope';
import { DEFAULT_INDICATOR, encodeHash, type AreaView } from '../../state/url-codec';
import { loadThemeLabels, type ThemeLabel } from '../../themes/theme-labels';
import { NeighboursModel } from '../neighbours-model.svelte';
import { SaidSeenModel } from '../said-seen/said-seen-model.svelte';
import type { InspectionMarkInput } from '../../charts/inspection-marks';
import { type Inspection } from '../../model/inspections';
import { categoryOf, OFSTED_JUDGEMENT } from '../../model/ordinal';
import { exportSourceLine } from '../source-line';
import { themesOverTime, type ThemesOverTime } from './themes-over-time';

export interface AreaDeps {
  view: AreaView;
  /** Writes a changed view to the URL. */
  onchange?: ((view: AreaView) => void) | undefined;
}

export class AreaModel {
  areasByCode: ReadonlyMap<AreaCode, Area>;
  /** The area the link names (or one that had its code before); undefined while loading or when none has it. */
  area: Area | undefined;
  /** True once the areas are read and none has the link's code. */
  notFound: boolean;
  region: Area | undefined;
  neighbours: NeighboursModel;
  /** "Neighbours’ average: average of …: Herefordshire (very close), …" */
  neighboursSentence: string;
  spineRows: SpineRow[];
  spineSummary: string;
  /** Level of the profile's intervals and comparisons with England (the link's `level`). */
  level: ConfidenceLevel;
  /** Each profile indicator's recent trend for the area, up to its latest year; empty until read. */
  profileTrends: ReadonlyMap<string, Trend>;
  /** Profile measures held but not shown: the profile is bounded (model/indicator-groups.ts PROFILE_LIMIT). */
  profileLeftOut: number;
  /** The profile mixes sources (LAIT, EES files): its export names each, with its edition. */
  profileExportSource: string;
  trendIndicator: Indicator | undefined;
  /** The trend picker's choices: each measure once, not its breakdowns. */
  pickerIndicators: Indicator[];
  /** The trend picker's value: the measure of the trend's indicator. */
  measureId: string;
  /** The breakdown control beside the trend picker; undefined when the measure has no breakdowns. */
  breakdown: BreakdownControl | undefined;
  /** Why the trend shows another indicator than the link asks for. */
  trendProblems: string[];
  /** First and last year of the trend indicator. */
  extent: [Period, Period] | undefined;
  trend: TrendData | null;
  trendSummary: string;
  /** Trend table cells where two sources give different figures, by `cellKey` (area and year). Empty when all agree. */
  trendConflicts: ReadonlyMap<string, ConflictCell>;
  readonly #trendConflicts: Live<Map<string, SourceConflict[]>>;
  /** The imports holding figures of the trend's indicator, latest first, for About this indicator. */
  trendImports: ImportedEdition[];
  themesOverTime: ThemesOverTime | null;
  /** What the area's documents said beside what its linked figures show, one row per theme. */
  saidSeen: SaidSeenModel;
  /**
   * Profile cells where two sources give different figures (the area's value or
   * England's, in the indicator's latest year), by indicator id: each figure with its
   * source, the drawn one first. Empty when all sources agree.
   */
  profileConflicts: ReadonlyMap<string, { value?: ConflictCell; england?: ConflictCell }>;
  readonly #conflicts: Live<Map<string, SourceConflict[]>>;
  readonly #imports: Live<ImportRecord[]>;
  readonly #deps: () => AreaDeps;
  readonly #catalog: Catalog;
  readonly #documents: Live<SourceDocument[]>;
  readonly #profile: Live<Observation[][]>;
  readonly #profileSeries: Live<Map<string, Observation[]>>;
  readonly #trend: Live<Observation[]>;
  readonly #themes: Live<{ mentions: ThemeMention[]; priorities: Priority[]; rates: Observation[] }>;
  readonly #inspections: Live<{ asAt: string; source: string; inspections: Inspection[] }>;

  constructor(db: LensDb, deps: () => AreaDeps) {
    this.#deps = deps;
    const catalog = (this.#catalog = liveCatalog(db));
    const code = () => deps().view.code;
    this.areasByCode = $derived(new Map((catalog.areas.current ?? []).map((a) => [a.code, a])));
    this.area = $derived(this.areasByCode.get(code()) ?? [...this.areasByCode.values()].find((a) => a.previousCodes?.includes(code())));
    this.notFound = $derived(catalog.areas.current !== undefined && !this.area);
    this.region = $derived(this.area?.regionCode ? this.areasByCode.get(this.area.regionCode) : undefined);
    this.neighbours = new NeighboursModel(db, () => ({ view: deps().view, chosen: this.area ? [this.area] : [] }));
    this.neighboursSentence = $derived.by(() => {
      const g = this.neighbours.group;
      if (!g) return '';
      const names = g.links.map((l) => `${this.areasByCode.get(l.code)?.name ?? l.code} (${l.closeness.toLowerCase()})`);
      return `Neighbours’ average: ${g.description}: ${names.join(', ')}.`;
    });

    // The profile: every rate and percentage in its latest year (model/indicator-groups.ts says which).
    const profileIndicators: Indicator[] = $derived(profileIndicatorsOf(catalog.indicators.current ?? [], (id) => catalog.extents.current?.has(id) ?? false));
    this.profileLeftOut = $derived(profileIndicatorsOf(catalog.indicators.current ?? [], (id) => catalog.extents.current?.has(id) ?? false, Infinity).length - profileIndicators.length);
    const latest = (id: string) => catalog.extents.current!.get(id)![1];
    this.#profile = live(
      () => profileIndicators.map((i) => ({ id: i.id, year: latest(i.id) })),
      (list) => Promise.all(list.map((d) => getObservations(db, d.id, { from: d.year - 1, to: d.year }))),
    );
    this.level = $derived(deps().view.level ?? 95);
    this.spineRows = $derived.by(() => {
      const obs = this.#profile.current;
      const area = this.area;
      const areas = catalog.areas.current;
      if (!area || !obs || !areas || obs.length !== profileIndicators.length) return [];
      return profileIndicators.map((ind, k) => {
        const ranking = rankAuthorities({
          indicator: ind,
          year: latest(ind.id),
          areas,
          observations: obs[k]!,
          chosen: [area.code],
          neighbours: this.neighbours.group,
          level: this.level,
          bundledId: BUNDLED,
        });
        return spineRow(profileRow(ind, ranking, area.code));
      });
    });
    // Every year of the area's profile indicators, for their recent trends (five years with figures, however far back).
    this.#profileSeries = live(
      () => (this.area ? { ids: profileIndicators.map((i) => i.id), code: this.area.code } : null),
      (d) => (d ? getObservationsOfMany(db, d.ids, [d.code]) : Promise.resolve(new Map<string, Observation[]>())),
    );
    this.profileTrends = $derived.by(() => {
      const series = this.#profileSeries.current;
      if (!series || !catalog.extents.current) return new Map();
      return new Map(profileIndicators.map((ind) => [ind.id, recentTrend(ind, (series.get(ind.id) ?? []).filter((o) => o.period <= latest(ind.id)), BUNDLED)]));
    });
    this.#conflicts = live(
      () => (this.area ? { asked: profileIndicators.map((i) => ({ indicatorId: i.id, from: latest(i.id), to: latest(i.id), decimals: i.decimals })), code: this.area.code } : null),
      (d) => (d ? getSourceConflicts(db, d.asked, [d.code, ENGLAND]) : Promise.resolve(new Map<string, SourceConflict[]>())),
    );
    this.#imports = live(
      () => null,
      () => listImports(db),
    );
    const importsById = $derived(new Map((this.#imports.current ?? []).map((i) => [i.id, i])));
    // The profile's cells and the trend table's (by area and year) name sources the same way.
    const cellsOf = (ind: Indicator, found: readonly SourceConflict[], byYear = false) =>
      conflictCells(found, ind, (id) => sourceLabel(id, ind, this.sourceOf(ind.source), importsById, BUNDLED), (c) => this.areasByCode.get(c)?.name ?? c, formatPeriod, byYear);
    this.profileConflicts = $derived.by(() => {
      const found = this.#conflicts.current;
      const area = this.area;
      if (!found || !area) return new Map();
      const out = new Map<string, { value?: ConflictCell; england?: ConflictCell }>();
      for (const ind of profileIndicators) {
        const list = found.get(ind.id);
        if (!list?.length) continue;
        const cells = cellsOf(ind, list);
        const value = cells.get(area.code);
        const england = area.code === ENGLAND ? undefined : cells.get(ENGLAND);
        out.set(ind.id, { ...(value ? { value } : {}), ...(england ? { england } : {}) });
      }
      return out;
    });
    this.spineSummary = $derived(this.area ? profileSummary(this.area, this.spineRows) : '');
    this.profileExportSource = $derived.by(() => {
      const named = new Map<string, string>();
      for (const i of profileIndicators) {
        const s = this.sourceOf(i.source);
        if (s && !named.has(s.id)) named.set(s.id, `${s.publisher}, ${s.title}${i.vintage ? ` (${i.vintage})` : ''}`);
      }
      return named.size ? `Sources: ${[...named.values()].join('; ')}. Open Government Licence v3.0.` : 'Source: as stated in Safeguarding Lens.';
    });

    // The trend of one indicator, or of one value of a measure's breakdown.
    const measures = $derived(measuresOf(catalog.indicators.current ?? []));
    const resolved = $derived(resolveIndicator(catalog.indicators.current ?? [], measures, deps().view.indicator ?? DEFAULT_INDICATOR, deps().view.breakdown));
    const asked = $derived(resolved?.indicator);
    // A trend chart draws numbers; a judgement is ordered words, which it cannot draw yet.
    this.trendIndicator = $derived(asked && asked.unit !== 'ordinal' ? asked : catalog.indicators.current?.find((i) => i.id === DEFAULT_INDICATOR));
    this.trendProblems = $derived([
      ...(resolved?.problems ?? []),
      ...(asked?.unit === 'ordinal' ? [`“${asked.shortLabel}” is a judgement in words, not a number, and the trend chart cannot draw it yet, so the CP plan rate is shown.`] : []),
    ]);
    this.pickerIndicators = $derived(pickerIndicators(catalog.indicators.current ?? [], measures));
    this.measureId = $derived(this.trendIndicator ? linkOf(this.trendIndicator).indicator : '');
    this.breakdown = $derived(this.trendIndicator ? breakdownControl(measures, this.trendIndicator) : undefined);
    this.extent = $derived(this.trendIndicator ? catalog.extents.current?.get(this.trendIndicator.id) : undefined);
    const areaSpecs = $derived(this.area && this.trendIndicator ? trendLineSpecs([this.area], this.areasByCode, undefined, totalsComparable(this.trendIndicator.unit)) : []);
    this.#trend = live(
      () => (this.trendIndicator ? { id: this.trendIndicator.id, codes: [...areaSpecs.map((s) => s.code), ...this.neighbours.codes] } : null),
      (d) => (d ? getObservations(db, d.id, { areas: d.codes }) : Promise.resolve([])),
    );
    this.trend = $derived.by(() => {
      if (!this.extent || !this.trendIndicator) return null;
      const specs = this.neighbours.lineSpec ? [...areaSpecs, this.neighbours.lineSpec] : areaSpecs;
      return buildTrendData(this.neighbours.withAverage(this.#trend.current ?? [], this.trendIndicator.id), specs, this.extent[0], this.extent[1], deps().view.axis);
    });
    this.trendSummary = $derived(this.trend && this.trendIndicator && this.extent ? trendSummary(this.trend, this.trendIndicator, this.extent[1]) : '');
    this.#trendConflicts = live(
      () => (this.trendIndicator && this.extent ? { indicatorId: this.trendIndicator.id, from: this.extent[0], to: this.extent[1], decimals: this.trendIndicator.decimals, codes: areaSpecs.map((s) => s.code) } : null),
      (d) => (d ? getSourceConflicts(db, [d], d.codes) : Promise.resolve(new Map<string, SourceConflict[]>())),
    );
    this.trendConflicts = $derived.by(() => {
      const ind = this.trendIndicator;
      const found = ind ? this.#trendConflicts.current?.get(ind.id) : undefined;
      if (!ind || !found?.length) return new Map();
      return cellsOf(ind, found, true);
    });
    this.trendImports = $derived(
      this.trendIndicator ? importedEditions(this.#imports.current ?? [], catalog.holders.current?.get(this.trendIndicator.id), BUNDLED) : [],
    );

    this.#documents = live(code, (c) => listDocuments(db, c));
    this.#inspections = live(
      () => this.area?.code ?? code(),
      (c) => listInspections(db, c),
    );
    this.saidSeen = new SaidSeenModel(db, () => ({
      areas: this.area ? [this.area] : [],
      neighbourModel: this.neighbours.choice.modelId,
      level: this.level,
      average: deps().view.average,
    }));
    let themeLabels = $state.raw<ThemeLabel[]>([]);
    void loadThemeLabels().then((t) => (themeLabels = t));
    this.#themes = live(
      () => this.area?.code ?? code(),
      async (c) => {
        const [mentions, priorities, rates] = await Promise.all([
          listThemeMentions(db, { areas: [c] }),
          listPriorities(db, { areas: [c] }),
          getObservations(db, 'cpp_rate', { areas: [c] }),
        ]);
        return { mentions, priorities, rates };
      },
    );
    this.themesOverTime = $derived.by(() => {
      const t = this.#themes.current;
      return t ? themesOverTime(t.mentions, t.priorities, t.rates, themeLabels) : null;
    });
  }

  get models(): { id: string; label: string }[] {
    return this.#catalog.models.current ?? [];
  }
  /** The area's minutes and reports; undefined until read. */
  get documents(): SourceDocument[] | undefined {
    return this.#documents.current;
  }
  /** Ofsted's inspections and visits of the area since 2018, oldest first, with the edition they come from; undefined until read. */
  get inspections(): { asAt: string; source: string; inspections: Inspection[] } | undefined {
    return this.#inspections.current;
  }
  /** The inspections as marks on the trend timeline: the overall judgement in a symbol and words, visits bare. */
  get inspectionMarks(): InspectionMarkInput[] {
    return (this.#inspections.current?.inspections ?? []).map((i) => {
      const c = i.judgements?.overall === undefined ? undefined : categoryOf(OFSTED_JUDGEMENT, i.judgements.overall);
      // "RI" is Ofsted's shorthand, not words a reader knows.
      return { date: i.date, judgement: c ? `${c.symbol} ${c.short === 'RI' ? 'Requires improvement' : c.short}` : undefined };
    });
  }
  get profileLoading(): boolean {
    return this.#profile.isLoading;
  }

  /** The first query that failed, if any: the page says so once. */
  get error(): Error | undefined {
    const c = this.#catalog;
    return (
      c.areas.error ??
      c.indicators.error ??
      c.extents.error ??
      c.sources.error ??
      c.models.error ??
      this.neighbours.error ??
      this.#profile.error ??
      this.#profileSeries.error ??
      this.#trend.error ??
      this.#documents.error ??
      this.#themes.error ??
      this.#inspections.error ??
      this.saidSeen.error ??
      this.#conflicts.error ??
      this.#trendConflicts.error ??
      this.#imports.error
    );
  }

  sourceOf(id: string): DataSource | undefined {
    return this.#catalog.sources.current?.find((s) => s.id === id);
  }
  /** The export source line of an indicator: its source and edition. */
  exportSourceOf(indicator: Pick<Indicator, 'source' | 'vintage'>): string {
    return exportSourceLine(this.sourceOf(indicator.source), indicator);
  }

  /** This page with the trend of another indicator (the profile's, none a breakdown). */
  trendHref = (indicatorId: string): string => encodeHash({ ...this.#deps().view, indicator: indicatorId, breakdown: undefined });

  /** Compare with this area chosen and the trend's indicator, and its breakdown. */
  get compareHref(): string {
    return encodeHash({ name: 'compare', areas: this.area ? [this.area.code] : [], ...(this.trendIndicator ? linkOf(this.trendIndicator) : { indicator: DEFAULT_INDICATOR }) });
  }

  /** Another measure's trend, shown as its total (or its first value when no total is held). */
  chooseIndicator(id: string): void {
    this.go({ indicator: id, breakdown: undefined });
  }

  /** Another value of the trend measure's breakdown; TOTAL_CHOICE for its total. */
  chooseBreakdown(value: string): void {
    const { indicator } = this.trendIndicator ? linkOf(this.trendIndicator) : { indicator: DEFAULT_INDICATOR };
    this.go({ indicator, breakdown: value === TOTAL_CHOICE ? undefined : value });
  }

  go(patch: Partial<AreaView>): void {
    const { view, onchange } = this.#deps();
    onchange?.({ ...view, ...patch });
  }
}

/** The sentence that labels the profile: how many measures, and how many differ from England. */
function profileSummary(area: Area, rows: readonly SpineRow[]): string {
  if (!rows.length) return '';
  const count = (j: string[]) => rows.filter((r) => r.row && j.includes(r.row.comparison)).length;
  const latest = Math.max(...rows.map((r) => r.period));
  const fromImport = rows.filter((r) => r.row?.comparison === 'not_compared' && r.row.noInterval === 'no_count_in_import').length;
  if (area.level !== 'local_authority')
    return `${area.name} on ${rows.length} measures of children’s social care, latest year each (to ${formatPeriod(latest)}), against England and the spread of every local authority.`;
  return (
    `${area.name} on ${rows.length} measures of children’s social care, latest year each (to ${formatPeriod(latest)}), against England. ` +
    `Significantly higher than England on ${count(['higher'])}, lower on ${count(['lower'])}, similar on ${count(['similar'])}; ` +
    `${count(['not_compared']) - fromImport} not tested (no counts published)${fromImport ? ` and ${fromImport} not tested (no count in the import)` : ''}.`
  );
}
