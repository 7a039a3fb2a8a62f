import { describeValue, formatValue, rateInBrackets } from '../model/format';
import { formatPeriod } from '../model/period';
import type { Indicator } from '../model/types';
import { listJoin } from '../model/words';
import type { TrendData } from './trend-data';

/**
 * The sentence that labels a trend chart: what it shows, over which years, and the
 * latest values, chosen areas highest first, then the benchmarks.
 */
export function trendSummary(data: TrendData, indicator: Pick<Indicator, 'shortLabel' | 'unit' | 'decimals'>, year: number): string {
  const first = data.periods[0];
  const last = data.periods[data.periods.length - 1];
  if (first === undefined || last === undefined) return `${indicator.shortLabel}: no years selected.`;
  const at = (line: TrendData['lines'][number]) => line.points.find((p) => p.period === year);
  const areas = data.lines
    .filter((l) => l.role === 'area')
    .map((l) => ({ label: l.label, point: at(l) }))
    .sort((a, b) => (b.point?.value ?? -Infinity) - (a.point?.value ?? -Infinity));
  const benchmarks = data.lines.filter((l) => l.role !== 'area').map((l) => ({ label: l.label, point: at(l) }));
  const say = (x: { label: string; point: ReturnType<typeof at> }) =>
    x.point?.value != null ? `${x.label} ${formatValue(indicator, x.point.value)}` : `${x.label} ${describeValue(indicator, null, x.point?.status ?? null)}`;
  const range = first === last ? formatPeriod(first) : `${formatPeriod(first)} to ${formatPeriod(last)}`;
  const unit = rateInBrackets(indicator.unit);
  let sentence = `${indicator.shortLabel}${unit}, ${range}.`;
  if (areas.length) sentence += ` In ${formatPeriod(year)}: ${listJoin(areas.map(say))}`;
  if (benchmarks.length) sentence += `${areas.length ? '; ' : ` In ${formatPeriod(year)}: `}${listJoin(benchmarks.map(say))}`;
  return areas.length || benchmarks.length ? `${sentence}.` : sentence;
}
