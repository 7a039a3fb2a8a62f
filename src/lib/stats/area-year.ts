import { ENGLAND } from '../model/england';
import type { StatusCode } from '../model/status';
import type { AreaCode, IndicatorUnit, Observation, Period } from '../model/types';
import { neighbourAverage, type AverageMethod } from './benchmarks';
import type { ConfidenceLevel, Interval } from './confidence';
import { compareWithBenchmark, intervalAroundPublished, type Comparison } from './significance';

/**
 * One area's figure for one indicator and year, read against England and against its
 * statistical neighbours' average, by the same test as the ranking and profile use
 * (the area's interval, at the level the link chose, against the benchmark's value,
 * as Fingertips does). What
 * the said-and-seen rows show for each linked measure, without ranking every
 * authority: it needs only the area's, England's and the neighbours' observations.
 */
export interface AreaYear {
  period: Period;
  value: number | null;
  status: StatusCode | null;
  interval: Interval | null;
  /** The level of `interval` and of both comparisons. */
  level: ConfidenceLevel;
  england: number | null;
  vsEngland: Comparison;
  /** The neighbours' average (the mean or median of those with a figure), how it was taken, and how many of them had one. */
  neighbours: { value: number; n: number; of: number; average: AverageMethod } | null;
  vsNeighbours: Comparison;
}

/** How a figure is read: the level of its interval (default 95%) and the neighbours' average (default the mean, as LAIT). */
export interface ReadingOptions {
  level?: ConfidenceLevel | undefined;
  average?: AverageMethod | undefined;
}

/**
 * `observations` may hold any years and areas: those of `code`, England and the
 * neighbours in `period` are read. Null when the area has no observation that year.
 */
export function readAreaYear(
  unit: IndicatorUnit,
  observations: readonly Observation[],
  code: AreaCode,
  period: Period,
  neighbourCodes: readonly AreaCode[] = [],
  { level = 95, average = 'mean' }: ReadingOptions = {},
): AreaYear | null {
  const now = new Map<AreaCode, Observation>();
  for (const o of observations) if (o.period === period) now.set(o.areaCode, o);
  const own = now.get(code);
  if (!own) return null;
  const interval = intervalAroundPublished(unit, own, level);
  const england = now.get(ENGLAND)?.value ?? null;
  const avg = neighbourCodes.length ? neighbourAverage(neighbourCodes.map((c) => now.get(c)?.value ?? null), average) : null;
  return {
    period,
    value: own.value,
    status: own.status,
    interval,
    level,
    england,
    vsEngland: compareWithBenchmark(interval, england),
    neighbours: avg && { value: avg.value, n: avg.n, of: avg.of, average },
    vsNeighbours: compareWithBenchmark(interval, avg?.value ?? null),
  };
}

/** The years in which `code` has an observation of the series (a value or a status), oldest first. */
export function yearsHeld(observations: readonly Observation[], code: AreaCode): Period[] {
  return [...new Set(observations.filter((o) => o.areaCode === code).map((o) => o.period))].sort((a, b) => a - b);
}
