import type { Ranking, RankingRow } from '../stats/ranking';

/** A ranking as the ranked chart draws it: the value axis runs from 0 past every bar and benchmark. */
export interface RankedData extends Ranking {
  valueDomain: [number, number];
}

export function rankedChartData(ranking: Ranking): RankedData {
  let max = 0;
  for (const r of ranking.ranked) if (r.value! > max) max = r.value!;
  for (const b of ranking.benchmarks) if (b.value !== null && b.value > max) max = b.value;
  return { ...ranking, valueDomain: [0, max > 0 ? max : 1] };
}

/** Runs of consecutive ranked rows in the same quartile band, for the chart's background bands. */
export function bandSegments(ranked: readonly RankingRow[]): { code: string; label: string; start: number; end: number }[] {
  const out: { code: string; label: string; start: number; end: number }[] = [];
  ranked.forEach((r, i) => {
    if (!r.band) return;
    const last = out[out.length - 1];
    if (last && last.code === r.band.code && last.end === i) last.end = i + 1;
    else out.push({ code: r.band.code, label: r.band.label, start: i, end: i + 1 });
  });
  return out;
}
