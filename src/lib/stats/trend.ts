/**
 * Recent trend as OHID Fingertips computes its trend marker (the legacy
 * TrendMarkerCalculator, kept in dhsc-govuk/FingertipsNext
 * `trend-analysis/TrendAnalysisApp/Calculator/Legacy/`):
 *
 * 1. Take the five most recent points that have a value and a 95% interval (years
 *    need not be consecutive: a suppressed year is skipped, as Fingertips does).
 * 2. Each point's standard error is (upper − lower) / 3.92; its weight 1 / SE².
 * 3. Fit a weighted least-squares line of value on time, time being 1…5 in order.
 *    slope = (Σw·Σwxy − Σwx·Σwy) / (Σw·Σwx² − (Σwx)²),
 *    SE(slope) = √(Σw / (Σw·Σwx² − (Σwx)²)).
 * 4. The trend is significant when (slope / SE)² > 9.5495 (χ² on 1 degree of
 *    freedom at the 99.8% level, i.e. 3.0902²) and the slope keeps its sign when the
 *    line is refitted leaving out each of the five points in turn (six fits; a slope
 *    of exactly 0 counts as positive, as in the original).
 *
 * The words follow Fingertips: increasing / decreasing, with "and getting better /
 * worse" where the indicator has a polarity, "no significant change", or "cannot be
 * calculated" with the reason.
 */
import type { Indicator, Period, Polarity } from '../model/types';
import type { StatusCode } from '../model/status';
import { formatPeriod } from '../model/period';
import { listJoin } from '../model/words';
import { intervalAroundPublished, NO_INTERVAL_TEXT, noIntervalReason } from './significance';

/** How many recent points the trend uses. */
export const TREND_POINTS = 5;

/** χ² critical value on one degree of freedom at 99.8%: qnorm(0.999)², as Fingertips writes it. */
export const TREND_CHI_SQUARE = 9.54953570608324;

/** One year's figure with its 95% interval. */
export interface TrendPoint {
  period: Period;
  value: number;
  lower: number;
  upper: number;
}

export type TrendDirection = 'increasing' | 'decreasing' | 'no_change';

/**
 * Why a trend cannot be calculated:
 * - `ordinal`: the measure is ordered categories (Ofsted judgements), not a number.
 * - `count` / `mean`: counts and averages have no interval to weight by.
 * - `fewer_than_five_points`: the area has figures for fewer than five years.
 * - `suppressed`: five years or more, but with suppressed or missing values fewer than
 *   five have a figure.
 * - `no_counts`: five figures or more, but fewer than five with the counts behind
 *   them that an interval needs.
 * - `whole_denominator`: a year where the count equals its base (100%), which
 *   Fingertips declines to fit.
 */
export type TrendReason = 'ordinal' | 'count' | 'mean' | 'fewer_than_five_points' | 'suppressed' | 'no_counts' | 'whole_denominator';

export interface TrendCalculated {
  kind: 'calculated';
  direction: TrendDirection;
  /** Fingertips' "getting better / worse", where the indicator has a polarity and the trend is significant. */
  judgement: 'better' | 'worse' | null;
  /** The periods fitted, oldest first (five). */
  periods: Period[];
  /** Change in value per point (per year when the years are consecutive). */
  slope: number;
  slopeSe: number;
  chiSquare: number;
  /** Whether every leave-one-out refit kept the slope's sign. */
  stable: boolean;
  /** Years after the first one fitted that were left out because an import gave their figure without its count (oldest first); absent when none were. */
  importedWithoutCount?: Period[];
}

export interface TrendNotCalculated {
  kind: 'cannot_calculate';
  reason: TrendReason;
  /** With `no_counts`: the years whose figure an import gave without its count (oldest first), which would otherwise have counted; absent when none. */
  importedWithoutCount?: Period[];
}

export type Trend = TrendCalculated | TrendNotCalculated;

interface Weighted {
  w: number;
  x: number;
  y: number;
}

function fit(points: readonly Weighted[]): { slope: number; se: number } {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  for (const { w, x, y } of points) {
    s1 += w;
    s2 += w * x * y;
    s3 += w * x;
    s4 += w * y;
    s5 += w * x * x;
  }
  const d = s1 * s5 - s3 * s3;
  return { slope: (s1 * s2 - s3 * s4) / d, se: Math.sqrt(s1 / d) };
}

function judgementOf(direction: TrendDirection, polarity: Polarity): 'better' | 'worse' | null {
  if (direction === 'no_change' || polarity === 'neither') return null;
  return (direction === 'increasing') === (polarity === 'higher_is_better') ? 'better' : 'worse';
}

/**
 * The Fingertips trend test on points that already have intervals. Uses the five
 * most recent; fewer than five cannot be calculated. A point whose interval has no
 * width cannot be weighted and is left out, as a point without an interval is.
 */
export function fingertipsTrend(points: readonly TrendPoint[], polarity: Polarity = 'neither'): Trend {
  const usable = points.filter((p) => Number.isFinite(p.value) && p.upper - p.lower > 0);
  if (usable.length < TREND_POINTS) return { kind: 'cannot_calculate', reason: 'fewer_than_five_points' };
  const recent = [...usable].sort((a, b) => a.period - b.period).slice(-TREND_POINTS);
  const weighted = recent.map((p, i) => {
    const se = (p.upper - p.lower) / 3.92;
    return { w: 1 / (se * se), x: i + 1, y: p.value };
  });
  const all = fit(weighted);
  const chiSquare = (all.slope / all.se) ** 2;
  // A fit whose slope is zero to rounding (|slope / SE| < 1e-9) keeps no sign. Without this, a flat
  // refit's sign was floating-point noise, and reversing a series could change its verdict.
  const sign = (f: { slope: number; se: number }) => (Math.abs(f.slope / f.se) < 1e-9 ? 0 : Math.sign(f.slope));
  const overall = sign(all);
  const stable = overall !== 0 && weighted.every((_, leave) => sign(fit(weighted.filter((__, i) => i !== leave))) === overall);
  const significant = stable && chiSquare > TREND_CHI_SQUARE;
  const direction: TrendDirection = !significant || all.slope === 0 ? 'no_change' : all.slope > 0 ? 'increasing' : 'decreasing';
  return {
    kind: 'calculated',
    direction,
    judgement: judgementOf(direction, polarity),
    periods: recent.map((p) => p.period),
    slope: all.slope,
    slopeSe: all.se,
    chiSquare,
    stable,
  };
}

/** One area's figure for a year, as stored. */
export interface TrendObservation {
  period: Period;
  value: number | null;
  status: StatusCode | null;
  numerator?: number | undefined;
  denominator?: number | undefined;
  /** The import the figure comes from, so that one an import gave without its count is named as such (noIntervalReason). */
  importId?: string | undefined;
}

/**
 * The recent trend of one area's series of an indicator, with the 95% intervals the
 * app shows (Byar for rates, Wilson for percentages, around the published figure).
 * Pass the observations up to the year being read; later years are the caller's to
 * leave out.
 * A year whose figure an import gave without its count has no interval, so is skipped
 * like a suppressed year; unlike one, it had a figure, and the trend records it
 * (`importedWithoutCount`) so that its words can say why the year is missing.
 * `bundledId` is the bundled figures' importId, as noIntervalReason takes it; without
 * it no figure is taken for an import's.
 */
export function recentTrend(indicator: Pick<Indicator, 'unit' | 'polarity'>, observations: readonly TrendObservation[], bundledId?: string): Trend {
  const { unit } = indicator;
  if (unit === 'ordinal' || unit === 'count' || unit === 'mean') return { kind: 'cannot_calculate', reason: unit };
  const withValue = observations.filter((o) => o.value !== null && Number.isFinite(o.value));
  const points: (TrendPoint & { whole: boolean })[] = [];
  const withoutCount: Period[] = [];
  for (const o of withValue) {
    const ci = intervalAroundPublished(unit, o);
    if (ci) points.push({ period: o.period, value: o.value!, lower: ci.lower, upper: ci.upper, whole: unit === 'percent' && o.numerator === o.denominator });
    else if (noIntervalReason(unit, o, bundledId) === 'no_count_in_import') withoutCount.push(o.period);
  }
  withoutCount.sort((a, b) => a - b);
  if (points.length < TREND_POINTS) {
    const years = new Set(observations.map((o) => o.period)).size;
    const reason: TrendReason = years < TREND_POINTS ? 'fewer_than_five_points' : withValue.length < TREND_POINTS ? 'suppressed' : 'no_counts';
    // Only for want of counts would the import's years have made the difference: with too few years or figures, they would not.
    return reason === 'no_counts' && withoutCount.length ? { kind: 'cannot_calculate', reason, importedWithoutCount: withoutCount } : { kind: 'cannot_calculate', reason };
  }
  const recent = points.sort((a, b) => a.period - b.period).slice(-TREND_POINTS);
  if (recent.some((p) => p.whole)) return { kind: 'cannot_calculate', reason: 'whole_denominator' };
  const trend = fingertipsTrend(recent, indicator.polarity);
  // A year before the first one fitted would not have been among the five had it had its count.
  const leftOut = withoutCount.filter((p) => p > recent[0]!.period);
  return trend.kind === 'calculated' && leftOut.length ? { ...trend, importedWithoutCount: leftOut } : trend;
}

/** "2024-25", "2023-24 and 2024-25": the years a trend left out for want of an import's count. */
function yearsText(periods: readonly Period[]): string {
  return listJoin(periods.map((p) => formatPeriod(p)));
}

/**
 * Which years a calculated trend left out because an import gave their figure without
 * its count, as a sentence clause: "2024-25 is left out of the trend (no count in the
 * import)"; "" when none were.
 */
export function leftOutText(trend: Trend): string {
  const years = trend.importedWithoutCount;
  if (trend.kind !== 'calculated' || !years?.length) return '';
  return `${yearsText(years)} ${years.length === 1 ? 'is' : 'are'} left out of the trend (${NO_INTERVAL_TEXT.no_count_in_import})`;
}

/**
 * Why a trend that could not be calculated for want of counts lacked them, where an
 * import gave figures without theirs: "2024-25 has no count in the import"; "" otherwise.
 */
export function withoutCountText(trend: Trend): string {
  const years = trend.importedWithoutCount;
  if (trend.kind !== 'cannot_calculate' || !years?.length) return '';
  return `${yearsText(years)} ${years.length === 1 ? 'has' : 'have'} ${NO_INTERVAL_TEXT.no_count_in_import}`;
}

/** The same, short, for a table's trend cell: "2024-25 left out: no count in the import"; null when none were. */
function leftOutShort(trend: Trend): string | null {
  const years = trend.importedWithoutCount;
  return years?.length ? `${yearsText(years)} left out: ${NO_INTERVAL_TEXT.no_count_in_import}` : null;
}

const REASON_TEXT: Record<TrendReason, string> = {
  ordinal: 'it does not apply to judgements',
  count: 'it does not apply to counts',
  mean: 'an average has no interval to weight by',
  fewer_than_five_points: 'fewer than five years of figures',
  suppressed: 'fewer than five years with a published figure (some are suppressed or missing)',
  no_counts: 'fewer than five years with the counts an interval needs',
  whole_denominator: 'a year counts every child (100%)',
};

/** Why, in words: "fewer than five years of figures". */
export function trendReasonText(reason: TrendReason): string {
  return REASON_TEXT[reason];
}

/**
 * The trend in Fingertips' words: "increasing and getting worse", "decreasing",
 * "no significant change", "cannot be calculated (fewer than five years of figures)";
 * with the years an import gave without their count, where the trend left any out:
 * "no significant change (2024-25 left out: no count in the import)".
 */
export function trendWords(trend: Trend): string {
  const leftOut = leftOutShort(trend);
  if (trend.kind === 'cannot_calculate') return `cannot be calculated (${[trendReasonText(trend.reason), leftOut].filter(Boolean).join('; ')})`;
  const words = trend.direction === 'no_change' ? 'no significant change' : trend.judgement ? `${trend.direction} and getting ${trend.judgement}` : trend.direction;
  return leftOut ? `${words} (${leftOut})` : words;
}

/** A symbol for tables, so the trend does not rest on colour or on reading the words. */
export const TREND_SYMBOL: Record<TrendDirection | 'cannot_calculate', string> = {
  increasing: '↑',
  decreasing: '↓',
  no_change: '→',
  cannot_calculate: '–',
};

export function trendSymbol(trend: Trend): string {
  return trend.kind === 'cannot_calculate' ? TREND_SYMBOL.cannot_calculate : TREND_SYMBOL[trend.direction];
}
