import type { AreaCode, Indicator, Period } from '../model/types';
import type { QuartileCuts } from './quartiles';
import type { Ranking, RankingRow } from './ranking';
import { judge, type Judgement } from './significance';

/**
 * One indicator for one area, read against its benchmarks: its figure and
 * comparison with England (judged by the indicator's polarity), England, its
 * region, its neighbours' average, and the spread of every authority.
 */
export interface ProfileRow {
  indicator: Indicator;
  period: Period;
  row: RankingRow | null;
  judgement: Judgement;
  england: number | null;
  region: { label: string; value: number } | null;
  neighbours: { label: string; value: number } | null;
  cuts: QuartileCuts | null;
  /** How many authorities were ranked. */
  of: number;
}

/** The profile row of `code` from that indicator's ranking. */
export function profileRow(indicator: Indicator, ranking: Ranking, code: AreaCode): ProfileRow {
  const row = [...ranking.ranked, ...ranking.unranked].find((r) => r.code === code) ?? null;
  const benchmark = (role: 'region' | 'neighbours') => {
    const b = ranking.benchmarks.find((x) => x.role === role);
    return b && b.value !== null ? { label: b.label, value: b.value } : null;
  };
  return {
    indicator,
    period: ranking.year,
    row,
    judgement: row ? judge(row.comparison, indicator.polarity) : 'not_compared',
    england: ranking.benchmarks.find((b) => b.role === 'england')?.value ?? null,
    region: benchmark('region'),
    neighbours: benchmark('neighbours'),
    cuts: ranking.cuts,
    of: ranking.ranked.length,
  };
}
