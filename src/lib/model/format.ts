import { format } from 'd3-format';
import { formatCategory } from './ordinal';
import { STATUS_MEANING, statusSymbol, type StatusCode } from './status';
import type { Indicator, IndicatorUnit } from './types';

const formatters = new Map<string, (n: number) => string>();
function fmt(spec: string): (n: number) => string {
  let f = formatters.get(spec);
  if (!f) {
    f = format(spec);
    formatters.set(spec, f);
  }
  return f;
}

/** A value as a table shows it: 43.5, 24.5%, 1,234, "★ Good" (an ordinal category in words). */
export function formatValue(indicator: Pick<Indicator, 'unit' | 'decimals' | 'scale'>, value: number): string {
  if (indicator.unit === 'ordinal' && indicator.scale) return formatCategory(indicator.scale, value);
  const s = fmt(`,.${indicator.decimals}f`)(value);
  if (indicator.unit === 'percent') return `${s}%`;
  // "£1,234k": the figure as published, in thousands, with its unit in the cell.
  if (indicator.unit === 'gbp_thousands') return s.startsWith('−') ? `−£${s.slice(1)}k` : `£${s}k`;
  return s;
}

/** How many people a rate is per, or null when the unit is not a rate. */
export function ratePer(unit: IndicatorUnit): number | null {
  return unit === 'rate_per_10000' ? 10_000 : unit === 'rate_per_1000' ? 1_000 : unit === 'rate_per_100000' ? 100_000 : null;
}

const RATE_PHRASES: Partial<Record<IndicatorUnit, string>> = {
  rate_per_10000: 'per 10,000 children',
  rate_per_1000: 'per 1,000',
  rate_per_100000: 'per 100,000',
};

/** What a rate is per, said after a figure ("per 10,000 children"); '' for other units, whose cells say their unit. */
export function ratePhrase(unit: IndicatorUnit): string {
  return RATE_PHRASES[unit] ?? '';
}

/** " (per 10,000 children)" after a chart's subject; '' when the unit is not a rate. */
export function rateInBrackets(unit: IndicatorUnit): string {
  const p = ratePhrase(unit);
  return p ? ` (${p})` : '';
}

/** A value in a sentence: "43.5 per 10,000 children", "24.5%". */
export function describeValue(indicator: Pick<Indicator, 'unit' | 'decimals' | 'scale'>, value: number | null, status: StatusCode | null): string {
  if (value === null) return status ? `no figure (${STATUS_MEANING[status]})` : 'no figure';
  const s = formatValue(indicator, value);
  if (indicator.unit === 'gbp_thousands') return `${s.slice(0, -1)} thousand`;
  const per = ratePhrase(indicator.unit);
  return per ? `${s} ${per}` : s;
}

const UNIT_LABELS: Record<IndicatorUnit, string> = {
  rate_per_10000: 'Rate per 10,000 children',
  rate_per_1000: 'Rate per 1,000',
  rate_per_100000: 'Rate per 100,000',
  percent: 'Per cent',
  count: 'Number',
  gbp_thousands: '£ thousand',
  mean: 'Average',
  ordinal: 'Judgement (ordered categories, not a number)',
};

export function unitLabel(unit: IndicatorUnit): string {
  return UNIT_LABELS[unit];
}
