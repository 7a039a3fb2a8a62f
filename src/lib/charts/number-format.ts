import { formatValue } from '../model/format';
import type { Indicator } from '../model/types';
import type { Interval } from '../stats/confidence';
import { formatRank, type Ranked } from '../stats/rank';
import { noIntervalNote, type NoInterval } from '../stats/significance';

/**
 * A difference as a table shows it: "+2.3", "−1.0" (a true minus sign), "0.0";
 * percentages differ in percentage points.
 */
export function formatDifference(indicator: Pick<Indicator, 'unit' | 'decimals'>, d: number): string {
  const rounded = Number(d.toFixed(indicator.decimals));
  const abs = formatValue({ unit: indicator.unit === 'gbp_thousands' ? 'gbp_thousands' : 'count', decimals: indicator.decimals }, Math.abs(rounded));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${abs}${indicator.unit === 'percent' ? ' pts' : ''}`;
}

/** "39.8 to 47.4" (one more decimal than the value would hide nothing the interval means). */
export function formatInterval(indicator: Pick<Indicator, 'unit' | 'decimals'>, ci: Interval): string {
  const f = (v: number) => formatValue({ unit: 'count', decimals: Math.max(1, indicator.decimals) }, v);
  return `${f(ci.lower)} to ${f(ci.upper)}${indicator.unit === 'percent' ? '%' : ''}`;
}

/** An interval cell: the interval, or "–", with why there is none where an import's figure came without its count. */
export function intervalCell(indicator: Pick<Indicator, 'unit' | 'decimals'>, ci: Interval | null | undefined, noInterval: NoInterval | null | undefined): string {
  return ci ? formatInterval(indicator, ci) : `–${noIntervalNote(noInterval)}`;
}

/**
 * A rank cell's "joint 116 of 151": it may wrap after its first words (the `wraps` cell
 * class), so a table of many columns stays a table, but "of 151" stays together.
 */
export function rankOf(rank: Ranked, of: number): string {
  return `${formatRank(rank)} of\u00a0${of}`;
}
