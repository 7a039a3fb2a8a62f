/**
 * Everything the Compare view shows, read live from the database: the selection
 * the link names (checked against the data held), the trend with its benchmark and
 * neighbours' lines, the ranking of every authority for the year, the markers of
 * a theme's priority years, the source, the sentences that describe the
 * charts, and each area's verdict (recent trend and comparison with England at the
 * level the link asks) in a table column and in words. The view renders it and hands user changes to `update`.
 */
import type { RankedData } from '../../charts/ranked-data';
import { buildTrendData, type LineSpec, type TrendData } from '../../charts/trend-data';
import { trendSummary } from '../../charts/trend-summary';
import { liveCatalog, type Catalog } from '../../db/catalog.svelte';
import type { LensDb } from '../../db/database';
import { live, type Live } from '../../db/live.svelte';
import { BUNDLED } from '../../db/bundled';
import { getObservations, getSourceConflicts, listImports, listInspections } from '../../db/queries';
import { trackWork } from '../../model/activity';
import { asError } from '../../model/errors';
import { conflictCells, importedEditions, sourceLabel, type ConflictCell, type ImportedEdition, type SourceConflict } from '../../model/source-conflicts';
import { totalsComparable } from '../../model/benchmark-scope';
import { breakdownControl, linkOf, measuresOf, pickerIndicators, TOTAL_CHOICE, type BreakdownControl, type Measure } from '../../model/breakdown';
import type { Inspection } from '../../model/inspections';
import { formatPeriod, periodRange } from '../../model/period';
import type { Area, AreaCode, DataSource, ImportRecord, Indicator, Observation, Period } from '../../model/types';
import type { ConfidenceLevel } from '../../stats/confidence';
import { verdictFor, type AreaVerdict } from '../../stats/verdict';
import { ENGLAND } from '../../model/england';
import { resolveCompareSelection, trendLineSpecs, type CompareSelection } from '../../state/compare-selection';
import type { CompareView } from '../../state/url-codec';
import { NeighboursModel } from '../neighbours-model.svelte';
import { exportSourceLine } from '../source-line';
import { themeMarkers, type ThemeMarkerRow } from './theme-markers.svelte';

export interface CompareDeps {
  view: CompareView;
  /** Writes a changed view to the URL. */
  onchange: (view: CompareView) => void;
}

export class CompareModel {
  areasByCode: ReadonlyMap<AreaCode, Area>;
  /** Every area, for the area picker (which puts its matches in order). */
  areas: readonly Area[];
  /** The link's selection checked against the data held; null until the catalog is read. */
  selection: CompareSelection | null;
  /** Every year the indicator has, for the year pickers. */
  years: Period[];
  /** The indicator picker's choices: each measure once, not its breakdowns. */
  pickerIndicators: Indicator[];
  /** The picker's value: the measure of the indicator shown. */
  measureId: string;
  /** The breakdown control beside the picker; undefined when the measure has no breakdowns. */
  breakdown: BreakdownControl | undefined;
  readonly #measures: ReadonlyMap<string, Measure>;
  neighbours: NeighboursModel;
  /** The area the comparison is about: whose neighbours are shown (the first chosen authority unless the link says). */
  focus: AreaCode | undefined;
  trend: TrendData | null;
  trendSummary: string;
  /** Every authority ranked for the year, with the benchmarks; null until read. */
  ranked: RankedData | null;
  source: DataSource | undefined;
  /** The imports holding figures of the indicator shown, latest first, for About this indicator. */
  importedEditions: ImportedEdition[];
  exportSource: string;
  /** The selection in words, for presentation mode. */
  selectionText: [string, string][];
  /** One click adds the neighbours not yet chosen. */
  quickAdds: { label: string; codes: AreaCode[] }[];
  readonly #deps: () => CompareDeps;
  readonly #catalog: Catalog;
  readonly #observations: Live<Observation[]>;
  readonly #rankYears: Live<Observation[]>;
  /** The ranking's code, loaded after the first view: a shared link opens on the trend chart. */
  #rankingError = $state.raw<Error | undefined>(undefined);
  #ranking = $state.raw<{ rankAuthorities: typeof import('../../stats/ranking').rankAuthorities; rankedChartData: typeof import('../../charts/ranked-data').rankedChartData } | null>(null);
  readonly #marks: { readonly current: ThemeMarkerRow[]; readonly error: Error | undefined };
  readonly #inspections: Live<{ inspections: Inspection[] }>;
  /** Level of the intervals and every comparison with England (the link's `level`). */
  level: ConfidenceLevel;
  /**
   * The verdict for the ranking year of each chosen area, England and the chosen
   * areas' regions: recent trend, comparison with England at `level`, the sentence.
   * Empty until their figures are read.
   */
  verdicts: ReadonlyMap<AreaCode, AreaVerdict>;
  /** The chosen areas' verdicts in the order chosen, for "In words". */
  sentences: AreaVerdict[];
  readonly #history: Live<Observation[]>;
  /**
   * Where two sources give different figures in the ranking year for the chosen areas,
   * England or their regions (an import beside the bundled figures): each figure with
   * its source, the drawn one first, by area code. Empty when all sources agree.
   */
  conflicts: ReadonlyMap<AreaCode, ConflictCell>;
  /** The same for the trend table, in every year it shows, by `cellKey` (area and year). */
  trendConflicts: ReadonlyMap<string, ConflictCell>;
  readonly #conflicts: Live<Map<string, SourceConflict[]>>;
  readonly #imports: Live<ImportRecord[]>;

  constructor(db: LensDb, deps: () => CompareDeps) {
    this.#deps = deps;
    const catalog = (this.#catalog = liveCatalog(db));
    this.#measures = $derived(measuresOf(catalog.indicators.current ?? []));
    this.areasByCode = $derived(new Map((catalog.areas.current ?? []).map((a) => [a.code, a])));
    this.areas = $derived(catalog.areas.current ?? []);
    this.selection = $derived.by(() => {
      const { areas, indicators, extents } = catalog;
      if (!areas.current || !indicators.current || !extents.current) return null;
      const extentOf = extents.current;
      return resolveCompareSelection(deps().view, this.areasByCode, indicators.current, (id) => extentOf.get(id) ?? null, this.#measures);
    });
    this.pickerIndicators = $derived(pickerIndicators(catalog.indicators.current ?? [], this.#measures));
    this.measureId = $derived(this.selection ? linkOf(this.selection.indicator).indicator : '');
    this.breakdown = $derived(this.selection ? breakdownControl(this.#measures, this.selection.indicator) : undefined);
    this.years = $derived.by(() => {
      const s = this.selection;
      if (!s) return [];
      const [first, last] = catalog.extents.current?.get(s.indicator.id) ?? [s.from, s.to];
      return periodRange(first, last);
    });
    this.neighbours = new NeighboursModel(db, () => ({ view: deps().view, chosen: this.selection?.areas ?? [] }));

    this.focus = $derived(this.neighbours.choice.of?.code);
    const areaSpecs: LineSpec[] = $derived(this.selection ? trendLineSpecs(this.selection.areas, this.areasByCode, this.focus, totalsComparable(this.selection.indicator.unit)) : []);
    this.#observations = live(
      () => {
        const s = this.selection;
        return s ? { indicator: s.indicator.id, codes: [...areaSpecs.map((l) => l.code), ...this.neighbours.codes], from: s.from, to: s.to } : null;
      },
      (d) => (d ? getObservations(db, d.indicator, { areas: d.codes, from: d.from, to: d.to }) : Promise.resolve([])),
    );
    this.trend = $derived.by(() => {
      const s = this.selection;
      // Drawn once its figures are read: an empty frame first would be a second layout.
      if (!s || !this.#observations.current) return null;
      const specs = this.neighbours.lineSpec ? [...areaSpecs, this.neighbours.lineSpec] : areaSpecs;
      return buildTrendData(this.neighbours.withAverage(this.#observations.current ?? [], s.indicator.id), specs, s.from, s.to, deps().view.axis);
    });
    this.trendSummary = $derived(this.selection && this.trend ? trendSummary(this.trend, this.selection.indicator, this.selection.year) : '');

    this.level = $derived(deps().view.level ?? 95);

    // Every authority in the ranking year and the year before (for the change).
    this.#rankYears = live(
      () => (this.selection ? { indicator: this.selection.indicator.id, year: this.selection.year } : null),
      (d) => (d ? getObservations(db, d.indicator, { from: d.year - 1, to: d.year }) : Promise.resolve([])),
    );
    void trackWork(Promise.all([import('../../stats/ranking'), import('../../charts/ranked-data')])).then(
      ([{ rankAuthorities }, { rankedChartData }]) => (this.#ranking = { rankAuthorities, rankedChartData }),
      (e: unknown) => (this.#rankingError = asError(e)),
    );
    this.ranked = $derived.by(() => {
      const s = this.selection;
      const areas = catalog.areas.current;
      const observations = this.#rankYears.current;
      if (!s || !areas || !observations || !this.#ranking) return null;
      const { rankAuthorities, rankedChartData } = this.#ranking;
      return rankedChartData(
        rankAuthorities({ indicator: s.indicator, year: s.year, areas, observations, chosen: s.areas.map((a) => a.code), neighbours: this.neighbours.group, level: this.level, bundledId: BUNDLED }),
        totalsComparable(s.indicator.unit),
      );
    });
    // The recent trend reads the five latest years with figures up to the ranking year, whatever years the chart shows.
    const verdictCodes = $derived.by(() => {
      const s = this.selection;
      if (!s) return [];
      const regions = s.areas.map((a) => a.regionCode).filter((c): c is AreaCode => c !== undefined);
      return [...new Set([...s.areas.map((a) => a.code), ENGLAND, ...regions])];
    });
    this.#history = live(
      () => (this.selection ? { indicator: this.selection.indicator.id, year: this.selection.year, codes: verdictCodes } : null),
      (d) => (d ? getObservations(db, d.indicator, { areas: d.codes, to: d.year }) : Promise.resolve([])),
    );
    this.verdicts = $derived.by(() => {
      const s = this.selection;
      const history = this.#history.current;
      if (!s || !history) return new Map();
      const byArea = new Map<AreaCode, Observation[]>();
      for (const o of history) byArea.set(o.areaCode, [...(byArea.get(o.areaCode) ?? []), o]);
      const england = byArea.get(ENGLAND)?.find((o) => o.period === s.year)?.value ?? null;
      const out = new Map<AreaCode, AreaVerdict>();
      for (const code of verdictCodes) {
        const area = this.areasByCode.get(code);
        if (area) out.set(code, verdictFor({ area, indicator: s.indicator, year: s.year, observations: byArea.get(code) ?? [], england, level: this.level, bundledId: BUNDLED }));
      }
      return out;
    });
    // One query for the ranking year and the trend's years (the trend's lines are among verdictCodes; the neighbours' average is worked out, so has one source).
    this.#conflicts = live(
      () => (this.selection ? { indicatorId: this.selection.indicator.id, from: Math.min(this.selection.from, this.selection.year), to: Math.max(this.selection.to, this.selection.year), decimals: this.selection.indicator.decimals, codes: verdictCodes } : null),
      (d) => (d ? getSourceConflicts(db, [d], d.codes) : Promise.resolve(new Map<string, SourceConflict[]>())),
    );
    this.#imports = live(
      () => null,
      () => listImports(db),
    );
    const cells = (keep: (c: SourceConflict, s: CompareSelection) => boolean, byYear?: boolean) => {
      const s = this.selection;
      const found = s ? this.#conflicts.current?.get(s.indicator.id)?.filter((c) => keep(c, s)) : undefined;
      if (!s || !found?.length) return new Map<string, ConflictCell>();
      const imports = new Map((this.#imports.current ?? []).map((i) => [i.id, i]));
      return conflictCells(
        found,
        s.indicator,
        (id) => sourceLabel(id, s.indicator, this.source, imports, BUNDLED),
        (code) => this.areasByCode.get(code)?.name ?? code,
        formatPeriod,
        byYear,
      );
    };
    this.conflicts = $derived(cells((c, s) => c.period === s.year));
    this.trendConflicts = $derived(cells((c, s) => c.period >= s.from && c.period <= s.to, true));
    this.sentences = $derived((this.selection?.areas ?? []).map((a) => this.verdicts.get(a.code)).filter((v): v is AreaVerdict => v !== undefined));

    this.source = $derived(this.selection ? catalog.sources.current?.find((s) => s.id === this.selection!.indicator.source) : undefined);
    this.importedEditions = $derived(
      this.selection ? importedEditions(this.#imports.current ?? [], catalog.holders.current?.get(this.selection.indicator.id), BUNDLED) : [],
    );
    this.exportSource = $derived(exportSourceLine(this.source, this.selection?.indicator));
    this.selectionText = $derived.by(() => {
      const s = this.selection;
      if (!s) return [];
      return [
        ['Areas', s.areas.map((a) => a.name).join(', ') || 'none chosen'],
        ['Indicator', s.indicator.label],
        ['Years', `${formatPeriod(s.from)} to ${formatPeriod(s.to)}`],
        ['Year for the ranking', formatPeriod(s.year)],
        ['Compared with England at', `${this.level}%`],
        ['Neighbours’ average', deps().view.average ?? 'mean'],
      ];
    });
    this.quickAdds = $derived.by(() => {
      const { of } = this.neighbours.choice;
      const links = this.neighbours.links;
      const chosen = new Set(this.selection?.areas.map((a) => a.code));
      return of && links.some((l) => !chosen.has(l.code)) ? [{ label: `Add ${of.name}’s ${links.length} statistical neighbours`, codes: links.map((l) => l.code) }] : [];
    });
    this.#inspections = live(
      () => null,
      () => listInspections(db),
    );
    this.#marks = themeMarkers(() => ({ db, lines: this.trend?.lines ?? [], theme: deps().view.theme, from: this.selection?.from ?? 0, to: this.selection?.to ?? 0 }));
  }

  get models() {
    return this.#catalog.models.current ?? [];
  }
  /** Every Ofsted inspection held, for the ranking's latest-judgement column; undefined until read. */
  get inspections(): readonly Inspection[] | undefined {
    return this.#inspections.current?.inspections;
  }
  /** The years each chosen area named the link's theme as a priority. */
  get marks(): ThemeMarkerRow[] {
    return this.#marks.current;
  }

  /** The first query that failed, if any: the view says so once. */
  get error(): Error | undefined {
    const c = this.#catalog;
    return c.areas.error ?? c.indicators.error ?? c.extents.error ?? c.sources.error ?? c.models.error ?? this.neighbours.error ?? this.#observations.error ?? this.#rankYears.error ?? this.#marks.error ?? this.#inspections.error ?? this.#history.error ?? this.#conflicts.error ?? this.#imports.error ?? this.#rankingError;
  }

  /** Writes a change, carrying over what the user had set explicitly, as resolved. */
  update(patch: Partial<CompareView>): void {
    const s = this.selection;
    if (!s) return;
    const { view, onchange } = this.#deps();
    onchange({
      name: 'compare',
      areas: s.areas.map((a) => a.code),
      // A breakdown is written as its measure and value, whichever form the link had.
      ...linkOf(s.indicator),
      ...(view.from !== undefined ? { from: s.from } : {}),
      ...(view.to !== undefined ? { to: s.to } : {}),
      ...(view.year !== undefined ? { year: s.year } : {}),
      ...(view.neighbours !== undefined ? { neighbours: view.neighbours } : {}),
      ...(view.neighboursOf !== undefined ? { neighboursOf: view.neighboursOf } : {}),
      ...(view.map ? { map: true } : {}),
      ...(view.theme !== undefined ? { theme: view.theme } : {}),
      ...(view.level !== undefined ? { level: view.level } : {}),
      ...(view.average !== undefined ? { average: view.average } : {}),
      ...(view.chart !== undefined ? { chart: view.chart } : {}),
      ...(view.overdispersion !== undefined ? { overdispersion: view.overdispersion } : {}),
      ...(view.axis !== undefined ? { axis: view.axis } : {}),
      ...patch,
    });
  }

  /** Another measure, shown as its total (or its first value when no total is held). */
  chooseIndicator(id: string): void {
    this.update({ indicator: id, breakdown: undefined });
  }

  /** Another value of the measure's breakdown; TOTAL_CHOICE for its total. */
  chooseBreakdown(value: string): void {
    this.update({ breakdown: value === TOTAL_CHOICE ? undefined : value });
  }

  /** A new first year; the last year and the ranking year follow it when it passes them. */
  setFrom(p: Period): void {
    const s = this.selection;
    if (s) this.update({ from: p, ...(p > s.to ? { to: p } : {}), ...(s.year < p ? { year: p } : {}) });
  }

  setTo(p: Period): void {
    const s = this.selection;
    if (s) this.update({ to: p, ...(p < s.from ? { from: p } : {}), ...(s.year > p ? { year: p } : {}) });
  }
}
