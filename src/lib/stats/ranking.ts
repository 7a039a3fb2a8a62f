import { ENGLAND } from '../model/england';
import type { StatusCode } from '../model/status';
import type { Area, AreaCode, Indicator, Observation, Period } from '../model/types';
import { benchmarksFor, changeOnPrevious, type Benchmark, type NeighbourGroup } from './benchmarks';
import type { ConfidenceLevel, Interval } from './confidence';
import { band, bandKind, quarterRanges, quartileCuts, valueQuarter, type Band, type BandKind, type QuarterRange, type QuartileCuts } from './quartiles';
import { rankDirection, rankValues, type RankDirection, type Ranked } from './rank';
import { compareWithBenchmark, intervalAroundPublished, noIntervalReason, type Comparison, type NoInterval } from './significance';

/** One local authority in the ranking for a year. */
export interface RankingRow {
  code: AreaCode;
  name: string;
  value: number | null;
  status: StatusCode | null;
  numerator?: number | undefined;
  denominator?: number | undefined;
  rank: Ranked | null;
  band: Band | null;
  /** Value quarter, 0 = lowest, whatever the polarity (what a map shades). */
  quarter: 0 | 1 | 2 | 3 | null;
  previous: number | null;
  change: number | null;
  diffEngland: number | null;
  interval: Interval | null;
  /** Why a rate or percentage has no interval (so is not compared): its import brought no count, or none is published. */
  noInterval: NoInterval | null;
  comparison: Comparison;
  /** Position among the chosen areas (their colour and marker in every chart), or -1. */
  chosenIndex: number;
  /** DfE closeness band when the area is one of the statistical neighbours shown. */
  neighbour: string | null;
}

export interface Ranking {
  year: Period;
  /** The level of the intervals and of the comparison with England. */
  level: ConfidenceLevel;
  /** Authorities with a figure, in rank order (rank 1 first). */
  ranked: RankingRow[];
  /** Authorities with a status instead of a figure this year. */
  unranked: RankingRow[];
  /** Chosen authorities, in the order chosen (ranked or not). */
  chosen: RankingRow[];
  /** England, the chosen areas' regions and the neighbours' average. */
  benchmarks: Benchmark[];
  direction: RankDirection;
  bandKind: BandKind;
  cuts: QuartileCuts | null;
  /** Each value quarter's range and band, lowest first ([] without figures). */
  quarters: QuarterRange[];
}

export interface RankingInput {
  indicator: Pick<Indicator, 'unit' | 'polarity'>;
  year: Period;
  areas: readonly Area[];
  /** Observations of the indicator for `year` and `year - 1`, every area. */
  observations: readonly Observation[];
  /** Chosen area codes, in order. */
  chosen: readonly AreaCode[];
  /** Statistical neighbours to mark and average. */
  neighbours?: NeighbourGroup | undefined;
  /** Level of the intervals and the comparison with England; 95 unless asked. */
  level?: ConfidenceLevel | undefined;
  /** The bundled figures' importId, so that a figure an import brought without its count is named as such (noIntervalReason). */
  bundledId?: string | undefined;
}

/**
 * Every local authority with an observation in the year, ranked and banded, with
 * its interval and comparison with England at the level asked (95% or 99.8%); plus England, the chosen
 * authorities' regions and the neighbours' average as benchmarks. Authorities
 * that did not exist that year (no observation at all) are left out.
 */
export function rankAuthorities(input: RankingInput): Ranking {
  const { indicator, year, areas, observations } = input;
  const level = input.level ?? 95;
  const now = new Map<AreaCode, Observation>();
  const before = new Map<AreaCode, Observation>();
  for (const o of observations) {
    if (o.period === year) now.set(o.areaCode, o);
    else if (o.period === year - 1) before.set(o.areaCode, o);
  }
  const england = now.get(ENGLAND)?.value ?? null;
  const chosenIndex = new Map(input.chosen.map((c, i) => [c, i]));
  const neighbourOf = new Map((input.neighbours?.links ?? []).map((l) => [l.code, l.closeness]));

  const las = areas.filter((a) => a.level === 'local_authority' && now.has(a.code));
  const values = las.map((a) => now.get(a.code)!.value);
  const direction = rankDirection(indicator.polarity);
  const { ranks } = rankValues(values, direction);
  const cuts = quartileCuts(values);

  const rows: RankingRow[] = las.map((a, i) => {
    const o = now.get(a.code)!;
    const interval = intervalAroundPublished(indicator.unit, o, level);
    const previous = before.get(a.code)?.value ?? null;
    return {
      code: a.code,
      name: a.name,
      value: o.value,
      status: o.status,
      numerator: o.numerator,
      denominator: o.denominator,
      rank: ranks[i] ?? null,
      band: o.value !== null && cuts ? band(o.value, cuts, indicator.polarity) : null,
      quarter: o.value !== null && cuts ? valueQuarter(o.value, cuts) : null,
      previous,
      change: changeOnPrevious(o.value, previous),
      diffEngland: o.value !== null && england !== null ? o.value - england : null,
      interval,
      noInterval: noIntervalReason(indicator.unit, o, input.bundledId),
      comparison: compareWithBenchmark(interval, england),
      chosenIndex: chosenIndex.get(a.code) ?? -1,
      neighbour: neighbourOf.get(a.code) ?? null,
    };
  });
  const ranked = rows.filter((r) => r.rank).sort((a, b) => a.rank!.rank - b.rank!.rank || a.name.localeCompare(b.name));
  const unranked = rows.filter((r) => !r.rank).sort((a, b) => a.name.localeCompare(b.name));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const chosen = input.chosen.map((c) => byCode.get(c)).filter((r): r is RankingRow => r !== undefined);
  const benchmarks = benchmarksFor({ areas, chosen: input.chosen, now, before, neighbours: input.neighbours });
  return {
    year,
    level,
    ranked,
    unranked,
    chosen,
    benchmarks,
    direction,
    bandKind: bandKind(indicator.polarity),
    cuts,
    quarters: cuts ? quarterRanges(cuts, indicator.polarity) : [],
  };
}
