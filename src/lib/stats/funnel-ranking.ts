/**
 * A year's ranking as a funnel plot: which authorities can be placed (a figure and
 * a denominator), England's value as the centre line, and, when no funnel can be
 * drawn, the reason in words for the place where the chart would be.
 */
import { ratePer } from '../model/format';
import type { Indicator } from '../model/types';
import { buildFunnel, type Funnel, type FunnelStatistic, type Overdispersion } from './funnel';
import type { Ranking, RankingRow } from './ranking';

/** Below this many authorities with a denominator, limits and overdispersion say nothing useful. */
export const MIN_FUNNEL_AUTHORITIES = 3;

/**
 * Chance alone puts 0.2% of authorities outside 99.8% limits (about one in 500). Past
 * 5% of them, the spread is plainly wider than chance, and the note says so.
 */
export const WIDER_THAN_CHANCE = 0.05;

export type FunnelOutcome =
  | {
      kind: 'funnel';
      funnel: Funnel;
      /** What the horizontal axis counts, e.g. "Children aged 0–17". */
      denominatorLabel: string;
      /** Chosen authorities on the funnel, in the order chosen. */
      chosen: RankingRow[];
      /** Authorities with a figure but no denominator, or neither, for the year: not drawn. */
      leftOut: RankingRow[];
    }
  | { kind: 'none'; reason: string };

/** How a unit is placed on a funnel: a rate per so many as a Poisson rate, a percentage as a proportion. */
function statisticOf(unit: Indicator['unit']): { statistic: FunnelStatistic; multiplier: number; denominator: string } | null {
  if (unit === 'percent') return { statistic: 'proportion', multiplier: 100, denominator: 'Base count' };
  const per = ratePer(unit);
  if (per === null) return null;
  return { statistic: 'rate', multiplier: per, denominator: unit === 'rate_per_10000' ? 'Children aged 0–17' : 'Population (denominator)' };
}

const NOT_A_SHARE: Partial<Record<Indicator['unit'], string>> = {
  count: 'is a count, not a rate or a percentage of a population',
  gbp_thousands: 'is an amount of money, not a rate or a percentage of a population',
  mean: 'is an average, not a rate or a percentage of a population',
  ordinal: 'is a judgement in words, not a rate or a percentage of a population',
};

export function funnelOfRanking(ranking: Ranking, indicator: Pick<Indicator, 'unit' | 'shortLabel'>, overdispersion: Overdispersion, formatPeriod: (p: number) => string): FunnelOutcome {
  const kind = statisticOf(indicator.unit);
  if (!kind) {
    return {
      kind: 'none',
      reason: `A funnel plot places each authority’s rate or percentage against the size of its population. ${indicator.shortLabel} ${NOT_A_SHARE[indicator.unit] ?? 'is not a rate or a percentage'}, so there is no denominator to place it against and no control limits to draw. The ranked chart shows every authority.`,
    };
  }
  const placed = ranking.ranked.filter((r) => r.value !== null && r.denominator !== undefined && r.denominator > 0);
  if (placed.length < MIN_FUNNEL_AUTHORITIES) {
    return {
      kind: 'none',
      reason: `A funnel plot needs each authority’s count and denominator (${kind.denominator.toLowerCase()}), and the figures held for ${indicator.shortLabel} in ${formatPeriod(ranking.year)} give them for ${placed.length === 0 ? 'no authority' : `only ${placed.length}`}: the published file has the rate or percentage alone. Without them the limits cannot be worked out. The ranked chart shows every authority.`,
    };
  }
  const england = ranking.benchmarks.find((b) => b.role === 'england')?.value ?? null;
  if (england === null) {
    return { kind: 'none', reason: `England’s figure for ${formatPeriod(ranking.year)} is not held, so the funnel has no centre line. The ranked chart shows every authority.` };
  }
  const funnel = buildFunnel(
    { statistic: kind.statistic, multiplier: kind.multiplier, target: england },
    placed.map((r) => ({ code: r.code, name: r.name, value: r.value!, denominator: r.denominator! })),
    overdispersion,
  );
  const onFunnel = new Set(placed.map((r) => r.code));
  return {
    kind: 'funnel',
    funnel,
    denominatorLabel: kind.denominator,
    chosen: ranking.chosen.filter((r) => onFunnel.has(r.code)),
    leftOut: [...ranking.ranked, ...ranking.unranked].filter((r) => !onFunnel.has(r.code)),
  };
}

/** Whether so many authorities lie outside the unadjusted 99.8% limits that chance alone cannot explain the spread. */
export function widerThanChance(funnel: Funnel): boolean {
  return !funnel.adjusted && funnel.points.length > 0 && funnel.outside998 > WIDER_THAN_CHANCE * funnel.points.length;
}
