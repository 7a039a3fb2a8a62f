import { formatValue, rateInBrackets, ratePhrase } from '../model/format';
import type { Indicator, Period } from '../model/types';
import type { Ranking, RankingRow } from '../stats/ranking';
import { comparisonLabel } from '../stats/significance';
import { listJoin } from '../model/words';

/** The sentence that labels the ranked chart. */
export function rankedSummary(data: Ranking, indicator: Pick<Indicator, 'shortLabel' | 'unit' | 'decimals'>, formatPeriod: (p: Period) => string): string {
  const unit = rateInBrackets(indicator.unit);
  const dir = data.direction === 'highest_first' ? 'highest' : 'lowest';
  let s = `${indicator.shortLabel}${unit} in ${formatPeriod(data.year)} for ${data.ranked.length} local authorities, ranked from the ${dir} (rank 1).`;
  const said = data.chosen.map((r) =>
    r.value !== null && r.rank && r.band ? `${r.name} ${formatValue(indicator, r.value)} (rank ${r.rank.rank}, ${r.band.code})` : `${r.name} has no figure`,
  );
  if (said.length) s += ` ${listJoin(said)}.`;
  const eng = data.benchmarks.find((b) => b.role === 'england');
  if (eng?.value != null) s += ` England ${formatValue(indicator, eng.value)}.`;
  if (data.cuts && data.ranked.length >= 4) s += ` The middle half of authorities lie between ${formatValue(indicator, data.cuts.q1)} and ${formatValue(indicator, data.cuts.q3)}.`;
  return s;
}

/** What the keyboard readout says about one authority. */
export function describeRankedRow(row: RankingRow, data: Ranking, indicator: Pick<Indicator, 'unit' | 'decimals' | 'polarity'>): string {
  if (row.value === null || !row.rank) return `${row.name}: no figure`;
  const unit = ratePhrase(indicator.unit) ? ` ${ratePhrase(indicator.unit)}` : '';
  const dir = data.direction === 'highest_first' ? '1 = highest' : '1 = lowest';
  const parts = [`${row.name}: ${formatValue(indicator, row.value)}${unit}`, `rank ${row.rank.tied ? 'joint ' : ''}${row.rank.rank} of ${data.ranked.length} (${dir})`];
  if (row.band) parts.push(row.band.label);
  if (row.comparison !== 'not_compared') {
    const said = comparisonLabel(row.comparison, indicator.polarity);
    parts.push(said.charAt(0).toLowerCase() + said.slice(1));
  }
  if (row.neighbour) parts.push(`statistical neighbour (${row.neighbour.toLowerCase()})`);
  return parts.join('; ');
}
