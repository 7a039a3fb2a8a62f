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
  return indicator.unit === 'percent' ? `${s}%` : s;
}

/** A value in a sentence: "43.5 per 10,000 children", "24.5%". */
export function describeValue(indicator: Pick<Indicator, 'unit' | 'decimals' | 'scale'>, value: number | null, status: StatusCode | null): string {
  if (value === null) return status ? `no figure (${STATUS_MEANING[status]})` : 'no figure';
  const s = formatValue(indicator, value);
  return indicator.unit === 'rate_per_10000' ? `${s} per 10,000 children` : s;
}

const UNIT_LABELS: Record<IndicatorUnit, string> = {
  rate_per_10000: 'Rate per 10,000 children',
  percent: 'Per cent',
  count: 'Number',
  mean: 'Average',
  ordinal: 'Judgement (ordered categories, not a number)',
};

export function unitLabel(unit: IndicatorUnit): string {
  return UNIT_LABELS[unit];
}
