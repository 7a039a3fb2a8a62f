import { formatValue } from '../model/format';
import type { StatusCode } from '../model/status';
import type { Area, AreaCode, Indicator, NeighbourLink, Observation, Period } from '../model/types';
import { changeOnPrevious, neighbourAverage } from '../stats/benchmarks';
import type { Interval } from '../stats/confidence';
import { band, bandKind, quartileCuts, type Band, type BandKind, type QuartileCuts } from '../stats/quartiles';
import { rankDirection, rankValues, type RankDirection, type Ranked } from '../stats/rank';
import { compareWithBenchmark, intervalAroundPublished, type Comparison } from '../stats/significance';

export const ENGLAND_CODE: AreaCode = 'E92000001';

/** One local authority in the ranking for a year. */
export interface RankedRow {
  code: AreaCode;
  name: string;
  value: number | null;
  status: StatusCode | null;
  numerator?: number | undefined;
  denominator?: number | undefined;
  rank: Ranked | null;
  band: Band | null;
  previous: number | null;
  change: number | null;
  diffEngland: number | null;
  interval: Interval | null;
  comparison: Comparison;
  /** Position among the chosen areas, as in the trend chart (colour and marker), or -1. */
  styleIndex: number;
  /** DfE closeness band when the area is one of the statistical neighbours shown. */
  neighbour: string | null;
}

export type BenchmarkRole = 'england' | 'region' | 'neighbours';

export interface Benchmark {
  id: string;
  label: string;
  role: BenchmarkRole;
  value: number | null;
  status: StatusCode | null;
  previous: number | null;
  /** What the benchmark is, where the label does not say it all. */
  description?: string;
  /** e.g. "average of the 9 of 10 neighbours with a figure". */
  note?: string;
}

export interface RankedData {
  year: Period;
  /** Authorities with a figure, in rank order (rank 1 first). */
  ranked: RankedRow[];
  /** Authorities with a status instead of a figure this year. */
  unranked: RankedRow[];
  /** Chosen authorities, in the order chosen (ranked or not). */
  chosen: RankedRow[];
  /** Chosen areas that are not local authorities (England, regions), shown as benchmarks instead. */
  benchmarks: Benchmark[];
  direction: RankDirection;
  bandKind: BandKind;
  cuts: QuartileCuts | null;
  valueDomain: [number, number];
}

export interface RankedInput {
  indicator: Pick<Indicator, 'unit' | 'polarity'>;
  year: Period;
  areas: readonly Area[];
  /** Observations of the indicator for `year` and `year - 1`, every area. */
  observations: readonly Observation[];
  /** Chosen area codes, in order. */
  chosen: readonly AreaCode[];
  /** Statistical neighbours to mark and average, with whose they are. */
  neighbours?: { of: Area; links: readonly NeighbourLink[]; label: string; description?: string } | undefined;
}

/**
 * Every local authority with an observation in the year, ranked and banded, with
 * its interval and comparison with England; plus England, the chosen
 * authorities' regions and the neighbours' average as benchmarks. Authorities
 * that did not exist that year (no observation at all) are left out.
 */
export function buildRankedData(input: RankedInput): RankedData {
  const { indicator, year, areas, observations } = input;
  const now = new Map<AreaCode, Observation>();
  const before = new Map<AreaCode, Observation>();
  for (const o of observations) {
    if (o.period === year) now.set(o.areaCode, o);
    else if (o.period === year - 1) before.set(o.areaCode, o);
  }
  const prevValue = (code: AreaCode) => before.get(code)?.value ?? null;
  const england = now.get(ENGLAND_CODE)?.value ?? null;
  const chosenIndex = new Map(input.chosen.map((c, i) => [c, i]));
  const neighbourOf = new Map((input.neighbours?.links ?? []).map((l) => [l.code, l.closeness]));

  const las = areas.filter((a) => a.level === 'local_authority' && now.has(a.code));
  const values = las.map((a) => now.get(a.code)!.value);
  const direction = rankDirection(indicator.polarity);
  const { ranks } = rankValues(values, direction);
  const cuts = quartileCuts(values);

  const rows: RankedRow[] = las.map((a, i) => {
    const o = now.get(a.code)!;
    const interval = intervalAroundPublished(indicator.unit, o);
    const previous = prevValue(a.code);
    return {
      code: a.code,
      name: a.name,
      value: o.value,
      status: o.status,
      numerator: o.numerator,
      denominator: o.denominator,
      rank: ranks[i] ?? null,
      band: o.value !== null && cuts ? band(o.value, cuts, indicator.polarity) : null,
      previous,
      change: changeOnPrevious(o.value, previous),
      diffEngland: o.value !== null && england !== null ? o.value - england : null,
      interval,
      comparison: compareWithBenchmark(interval, england),
      styleIndex: chosenIndex.get(a.code) ?? -1,
      neighbour: neighbourOf.get(a.code) ?? null,
    };
  });
  const ranked = rows.filter((r) => r.rank).sort((a, b) => a.rank!.rank - b.rank!.rank || a.name.localeCompare(b.name));
  const unranked = rows.filter((r) => !r.rank).sort((a, b) => a.name.localeCompare(b.name));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const chosen = input.chosen.map((c) => byCode.get(c)).filter((r): r is RankedRow => r !== undefined);

  const benchmarks: Benchmark[] = [];
  const bench = (id: AreaCode, label: string, role: BenchmarkRole) => {
    const o = now.get(id);
    benchmarks.push({ id, label, role, value: o?.value ?? null, status: o?.status ?? null, previous: prevValue(id) });
  };
  const byArea = new Map(areas.map((a) => [a.code, a]));
  const englandArea = byArea.get(ENGLAND_CODE);
  if (englandArea) bench(ENGLAND_CODE, englandArea.name, 'england');
  const regions = new Set<AreaCode>();
  for (const c of input.chosen) {
    const a = byArea.get(c);
    if (a?.level === 'regional') regions.add(a.code);
    else if (a?.level === 'local_authority' && a.regionCode) regions.add(a.regionCode);
  }
  for (const r of regions) {
    const a = byArea.get(r);
    if (a) bench(r, a.name, 'region');
  }
  if (input.neighbours && input.neighbours.links.length) {
    const codes = input.neighbours.links.map((l) => l.code);
    const avg = neighbourAverage(codes.map((c) => now.get(c)?.value ?? null));
    const prev = neighbourAverage(codes.map((c) => before.get(c)?.value ?? null));
    benchmarks.push({
      id: `neighbours:${input.neighbours.of.code}`,
      label: input.neighbours.label,
      role: 'neighbours',
      value: avg?.mean ?? null,
      status: avg ? null : 'blank',
      previous: prev?.mean ?? null,
      ...(input.neighbours.description ? { description: input.neighbours.description } : {}),
      ...(avg && avg.n < avg.of ? { note: `average of the ${avg.n} of ${avg.of} neighbours with a figure` } : {}),
    });
  }

  let max = 0;
  for (const r of ranked) if (r.value! > max) max = r.value!;
  for (const b of benchmarks) if (b.value !== null && b.value > max) max = b.value;
  return { year, ranked, unranked, chosen, benchmarks, direction, bandKind: bandKind(indicator.polarity), cuts, valueDomain: [0, max > 0 ? max : 1] };
}

/** The sentence that labels the ranked chart. */
export function rankedSummary(data: RankedData, indicator: Pick<Indicator, 'shortLabel' | 'unit' | 'decimals'>, formatPeriod: (p: Period) => string): string {
  const unit = indicator.unit === 'rate_per_10000' ? ' (per 10,000 children)' : '';
  const dir = data.direction === 'highest_first' ? 'highest' : 'lowest';
  let s = `${indicator.shortLabel}${unit} in ${formatPeriod(data.year)} for ${data.ranked.length} local authorities, ranked from the ${dir} (rank 1).`;
  const said = data.chosen.map((r) =>
    r.value !== null && r.rank && r.band ? `${r.name} ${formatValue(indicator, r.value)} (rank ${r.rank.rank}, ${r.band.code})` : `${r.name} has no figure`,
  );
  if (said.length) s += ` ${listJoin(said)}.`;
  const eng = data.benchmarks.find((b) => b.role === 'england');
  if (eng?.value != null) s += ` England ${formatValue(indicator, eng.value)}.`;
  if (data.cuts && data.ranked.length >= 4) s += ` The middle half of authorities lie between ${formatValue(indicator, data.cuts.q1)} and ${formatValue(indicator, data.cuts.q3)}.`;
  return s;
}

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Runs of consecutive ranked rows in the same quartile band, for the chart's background bands. */
export function bandSegments(ranked: readonly RankedRow[]): { code: string; label: string; start: number; end: number }[] {
  const out: { code: string; label: string; start: number; end: number }[] = [];
  ranked.forEach((r, i) => {
    if (!r.band) return;
    const last = out[out.length - 1];
    if (last && last.code === r.band.code && last.end === i) last.end = i + 1;
    else out.push({ code: r.band.code, label: r.band.label, start: i, end: i + 1 });
  });
  return out;
}

/** What the keyboard readout says about one authority. */
export function describeRankedRow(row: RankedRow, data: RankedData, indicator: Pick<Indicator, 'unit' | 'decimals' | 'polarity'>, comparisonText: string): string {
  if (row.value === null || !row.rank) return `${row.name}: no figure`;
  const unit = indicator.unit === 'rate_per_10000' ? ' per 10,000 children' : '';
  const dir = data.direction === 'highest_first' ? '1 = highest' : '1 = lowest';
  const parts = [`${row.name}: ${formatValue(indicator, row.value)}${unit}`, `rank ${row.rank.tied ? 'joint ' : ''}${row.rank.rank} of ${data.ranked.length} (${dir})`];
  if (row.band) parts.push(row.band.label);
  if (row.comparison !== 'not_compared') parts.push(comparisonText.charAt(0).toLowerCase() + comparisonText.slice(1));
  if (row.neighbour) parts.push(`statistical neighbour (${row.neighbour.toLowerCase()})`);
  return parts.join('; ');
}
