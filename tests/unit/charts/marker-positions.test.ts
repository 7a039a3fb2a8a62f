/**
 * Markers sit on their values: each chosen area's marker on the ranked chart, and
 * every point marker on the trend chart, is centred where the chart's own value axis
 * puts its figure. The scale is read back from the axis's tick labels in the rendered
 * SVG (two ticks fix a linear scale), so the test fails if a marker is nudged off its
 * value, whatever the chart's margins or height.
 */
import { render } from 'svelte/server';
import { createRawSnippet, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import RankedChart from '../../../src/lib/charts/RankedChart.svelte';
import TrendChart from '../../../src/lib/charts/TrendChart.svelte';
import { formatPeriod } from '../../../src/lib/model/period';
import type { RankingRow } from '../../../src/lib/stats/ranking';
import { RANKED, TREND } from './fixtures';

const table = createRawSnippet(() => ({ render: () => '<table></table>' }));

function markup(component: Component<any>, props: Record<string, unknown>): string {
  return render(component as Component<Record<string, unknown>>, { props }).body;
}

/** value → y from the axis-y tick labels: `<text x="-8" y="211.5" …>10</text>`. */
function axisScale(svg: string): (v: number) => number {
  const axis = /<g class="axis-y[^"]*"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  const ticks = [...axis.matchAll(/<text x="-8" y="([\d.-]+)"[^>]*>([\d,.−-]+)<\/text>/g)].map((m) => ({ y: Number(m[1]), v: Number(m[2]!.replace(/,/g, '').replace('−', '-')) }));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [ticks[0]!, ticks.at(-1)!];
  return (v) => a.y + ((v - a.v) * (b.y - a.y)) / (b.v - a.v);
}

const translateY = (path: string) => Number(/translate\(([\d.-]+),([\d.-]+)\)/.exec(path)?.[2]);

describe('markers sit on their values', () => {
  it.each([640, 390])('ranked chart at %i px: each chosen area’s marker is at its value on the axis', (width) => {
    const svg = markup(RankedChart, {
      id: 'ranked',
      data: RANKED,
      title: 'Ranked',
      summary: 's',
      describeRow: (r: RankingRow) => r.name,
      formatValue: (v: number) => v.toFixed(1),
      valueLabel: 'Rate',
      table,
      width,
    });
    const y = axisScale(svg);
    const chosen = RANKED.ranked.filter((r) => r.chosenIndex >= 0);
    expect(chosen.length).toBe(2);
    for (const r of chosen) {
      const group = new RegExp(`<g class="chosen-label[^"]*" data-area="${r.code}">([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
      const marker = /<path class="marker[^>]*>/.exec(group)?.[0] ?? '';
      expect(translateY(marker), r.name).toBeCloseTo(y(r.value!), 1);
    }
  });

  it('trend chart: every area marker is at its value on the axis', () => {
    const svg = markup(TrendChart, { id: 'trend', data: TREND, title: 'T', summary: 's', describePoint: () => '', formatPeriod, valueLabel: 'Rate', table, width: 640 });
    const y = axisScale(svg);
    const area = TREND.lines.find((l) => l.role === 'area')!;
    const group = new RegExp(`<g class="series[^"]*" data-role="area" data-area="${area.id}">([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
    const ys = [...group.matchAll(/<path class="marker[^>]*>/g)].map((m) => translateY(m[0]));
    const values = area.points.filter((p) => p.value !== null).map((p) => y(p.value!));
    expect(ys.length).toBe(values.length);
    ys.forEach((v, k) => expect(v).toBeCloseTo(values[k]!, 1));
  });
});
