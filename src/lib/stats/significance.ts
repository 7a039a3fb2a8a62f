import { ratePer } from '../model/format';
import type { IndicatorUnit, Polarity } from '../model/types';
import { rateInterval, wilsonInterval, zFor, type ConfidenceLevel, type Interval } from './confidence';

/**
 * Comparison with a benchmark as Fingertips makes it: an area is significantly
 * higher (lower) than England when its whole 95% confidence interval lies above
 * (below) England's value, and similar when the interval contains it. England's
 * own interval is not used: with some 12 million children it is negligibly narrow,
 * and Fingertips compares against the benchmark's value.
 */
export type Comparison = 'higher' | 'lower' | 'similar' | 'not_compared';

/** What a comparison means once polarity is known: Fingertips' better / worse. */
export type Judgement = 'better' | 'worse' | 'higher' | 'lower' | 'similar' | 'not_compared';

export function compareWithBenchmark(interval: Interval | null, benchmark: number | null): Comparison {
  if (!interval || benchmark === null || !Number.isFinite(benchmark)) return 'not_compared';
  if (interval.lower > benchmark) return 'higher';
  if (interval.upper < benchmark) return 'lower';
  return 'similar';
}

export function judge(comparison: Comparison, polarity: Polarity): Judgement {
  if (comparison === 'higher' || comparison === 'lower') {
    if (polarity === 'neither') return comparison;
    return (comparison === 'higher') === (polarity === 'higher_is_better') ? 'better' : 'worse';
  }
  return comparison;
}

/** "Significantly higher than England (worse)", "Similar to England", … */
export function comparisonLabel(comparison: Comparison, polarity: Polarity, benchmarkName = 'England'): string {
  const j = judge(comparison, polarity);
  switch (comparison) {
    case 'higher':
    case 'lower':
      return `Significantly ${comparison} than ${benchmarkName}${j === 'better' || j === 'worse' ? ` (${j})` : ''}`;
    case 'similar':
      return `Similar to ${benchmarkName}`;
    case 'not_compared':
      return 'Not compared';
  }
}

/** A short symbol for tables and markers, so the comparison never rests on colour. */
export const COMPARISON_SYMBOL: Record<Comparison, string> = { higher: '▲', lower: '▼', similar: '●', not_compared: '○' };

export interface ValueWithCounts {
  value: number | null;
  numerator?: number | undefined;
  denominator?: number | undefined;
}

/**
 * The 95% interval shown around a published figure, or null when the figure has no
 * counts behind it (or is a count itself).
 *
 * The published value is kept as the point estimate and the interval is built from
 * the counts: for a rate, the count's Byar (or exact) limits scaled to the
 * published rate; for a percentage, Wilson's interval for the published proportion
 * with the published denominator. Why not the recomputed count ÷ population? LAIT
 * publishes rates on re-based populations, so numerator ÷ denominator can differ a
 * little from the figure DfE publishes (under 0.3% in the bundled 2016–2025 data).
 * The uncertainty comes from the count, not the population, so centring its interval
 * on the published figure keeps the interval consistent with the number people see
 * in LAIT and DfE's tables, and the interval always contains it.
 */
export function intervalAroundPublished(unit: IndicatorUnit, obs: ValueWithCounts, level: ConfidenceLevel = 95): Interval | null {
  const { value, numerator, denominator } = obs;
  if (value === null || numerator === undefined || denominator === undefined || !(denominator > 0)) return null;
  const per = ratePer(unit);
  if (per !== null) {
    const ci = rateInterval(numerator, denominator, per, level);
    if (!ci) return null;
    const recomputed = (numerator / denominator) * per;
    if (recomputed === 0) return value === 0 ? ci : null;
    const k = value / recomputed;
    return { lower: ci.lower * k, upper: ci.upper * k, method: ci.method };
  }
  if (unit === 'percent') {
    const ci = wilsonInterval(Math.min(1, Math.max(0, value / 100)), denominator, zFor(level));
    return ci && { lower: ci.lower * 100, upper: ci.upper * 100, method: ci.method };
  }
  return null;
}

/** Why a rate or percentage has no interval, so is not compared. */
export type NoInterval = 'no_count_in_import' | 'no_counts_published';

export const NO_INTERVAL_TEXT: Record<NoInterval, string> = {
  no_count_in_import: 'no count in the import',
  no_counts_published: 'no counts are published',
};

/**
 * Why a figure has no interval where its measure would have one (a rate or a
 * percentage): for want of its count or denominator; none for a figure with both, or
 * of a unit that never has an interval.
 * A user's import that brings a figure without its count is named apart from the
 * published files: it may stand over a bundled figure that had a count, and that
 * count belongs to another edition, so it is not borrowed for the imported figure.
 * `bundledId` is the bundled figures' importId (db/bundled.ts's BUNDLED, passed in as
 * sourceLabel takes it, so the statistics' chunk holds no database module); without
 * it no figure is taken for an import's.
 */
export function noIntervalReason(unit: IndicatorUnit, obs: ValueWithCounts & { importId?: string | undefined }, bundledId: string | undefined): NoInterval | null {
  if (obs.value === null || (ratePer(unit) === null && unit !== 'percent')) return null;
  if (obs.numerator !== undefined && obs.denominator !== undefined) return null;
  return bundledId !== undefined && obs.importId !== undefined && obs.importId !== bundledId ? 'no_count_in_import' : 'no_counts_published';
}

/** What a table adds after "Not compared" and after an empty interval ("–") where an import's figure came without its count; "" otherwise (a measure without counts says so once, under its table). */
export function noIntervalNote(noInterval: NoInterval | null | undefined): string {
  return noInterval === 'no_count_in_import' ? ` (${NO_INTERVAL_TEXT[noInterval]})` : '';
}
