/**
 * The statistics behind Compare's ranking and funnel plot, as script time (issue 11:
 * under 50 ms for one indicator across every authority): ranks, bands, intervals and
 * comparisons with England for the year; the recent trend of every authority; funnel
 * limits with and without the overdispersion adjustment. Run in Node on the bundled
 * CP-plan rates (data/bundle.json), the functions the page calls, without drawing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriesFromJson, type Bundle } from '../../src/lib/model/bundle';
import { formatPeriod } from '../../src/lib/model/period';
import { observationAt } from '../../src/lib/model/series';
import { funnelOfRanking } from '../../src/lib/stats/funnel-ranking';
import { rankAuthorities } from '../../src/lib/stats/ranking';
import { recentTrend } from '../../src/lib/stats/trend';
import type { BenchContext } from './run';

export default async function statistics({ root, report }: BenchContext): Promise<void> {
  const bundle = JSON.parse(readFileSync(join(root, 'data', 'bundle.json'), 'utf8')) as Bundle;
  const indicator = bundle.indicators.find((i) => i.id === 'cpp_rate')!;
  const observations = bundle.series
    .filter((s) => s.indicatorId === 'cpp_rate')
    .map((s) => seriesFromJson('bundled', s))
    .flatMap((s) => Array.from(s.periods, (_, i) => observationAt(s, i)));
  const year = Math.max(...observations.map((o) => o.period));
  const authorities = bundle.areas.filter((a) => a.level === 'local_authority');

  const t0 = performance.now();
  const ranking = rankAuthorities({ indicator, year, areas: bundle.areas, observations: observations.filter((o) => o.period >= year - 1), chosen: ['E10000034', 'E08000030'], level: 95 });
  const t1 = performance.now();
  const byArea = new Map<string, typeof observations>();
  for (const o of observations) byArea.set(o.areaCode, [...(byArea.get(o.areaCode) ?? []), o]);
  let trends = 0;
  for (const a of authorities) {
    recentTrend(indicator, (byArea.get(a.code) ?? []).filter((o) => o.period <= year).sort((x, y) => x.period - y.period));
    trends++;
  }
  const t2 = performance.now();
  funnelOfRanking(ranking, indicator, 'none', formatPeriod);
  funnelOfRanking(ranking, indicator, 'additive', formatPeriod);
  const t3 = performance.now();

  report(`ranking, intervals and comparisons of ${ranking.ranked.length} authorities, CP-plan rate ${formatPeriod(year)}`, t1 - t0, 'ms');
  report(`recent trend of each of ${trends} authorities`, t2 - t1, 'ms');
  report('funnel limits, unadjusted and with the additive overdispersion adjustment', t3 - t2, 'ms');
  report('all of the above (script time, no drawing)', t3 - t0, 'ms');
  await Promise.resolve();
}
