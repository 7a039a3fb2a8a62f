import type { Ranking, RankingRow } from '../stats/ranking';

/** A ranking as the ranked chart draws it: the value axis runs from 0 past every bar and drawn benchmark. */
export interface RankedData extends Ranking {
  valueDomain: [number, number];
  /** The benchmarks drawn as reference lines: all, or for a count only those comparable with an authority. */
  drawnBenchmarks: Ranking['benchmarks'];
}

/** `totals`: whether England's and the regions' figures share the axis (not for counts: model/benchmark-scope.ts). */
export function rankedChartData(ranking: Ranking, totals = true): RankedData {
  const drawnBenchmarks = totals ? ranking.benchmarks : ranking.benchmarks.filter((b) => b.role !== 'england' && b.role !== 'region');
  let max = 0;
  for (const r of ranking.ranked) if (r.value! > max) max = r.value!;
  for (const b of drawnBenchmarks) if (b.value !== null && b.value > max) max = b.value;
  return { ...ranking, drawnBenchmarks, valueDomain: [0, max > 0 ? max : 1] };
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
