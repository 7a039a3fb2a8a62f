import type { IndicatorUnit } from './types';

/**
 * Whether England's and the regions' figures can share an axis with an authority's.
 * Rates, shares and means can; totals cannot: England's count of children is hundreds
 * of times an authority's, and drawn together the authorities' lines lie on the floor.
 * The neighbours' average is an average of authorities, so it is always comparable.
 */
export function totalsComparable(unit: IndicatorUnit): boolean {
  return unit !== 'count';
}

/** What a chart of a count says about the benchmarks it leaves out. */
export const TOTALS_LEFT_OUT = 'This is a count, so England’s and the regions’ totals (far larger populations) are not drawn; the summary table gives them.';
