/**
 * SVG snapshots of each chart, rendered with Svelte's server renderer (as
 * Observable Plot snapshots its marks): a change to what a chart draws shows up as
 * a diff in tests/unit/charts/__snapshots__/*.svg, which can be opened as pictures.
 * Numbers are rounded to one decimal so that harmless float noise does not fail them.
 */
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChoroplethMap from '../../../src/lib/charts/ChoroplethMap.svelte';
import { joinRanking, mapFeatures, type MapFile } from '../../../src/lib/charts/map-data';
import { buildRankedData, type RankedRow } from '../../../src/lib/charts/ranked-data';
import RankedChart from '../../../src/lib/charts/RankedChart.svelte';
import { buildSpineRow, type SpineRow } from '../../../src/lib/charts/spine-data';
import SpineChart from '../../../src/lib/charts/SpineChart.svelte';
import { buildTrendData } from '../../../src/lib/charts/trend-data';
import TrendChart from '../../../src/lib/charts/TrendChart.svelte';
import { formatPeriod } from '../../../src/lib/model/period';
import type { Area, Indicator, Observation } from '../../../src/lib/model/types';
import { area, obs } from '../builders';

const table = createRawSnippet(() => ({ render: () => '<table><caption>figures</caption></table>' }));

function svgOf(html: string): string {
  const m = /<svg[\s\S]*<\/svg>/.exec(html);
  if (!m) throw new Error('no svg rendered');
  return (
    m[0]
      .replace(/<!--[\s\S]*?-->/g, '')
      // Svelte's scoped-style class hashes change with any CSS edit; they say nothing about the drawing.
      .replace(/\s?svelte-[a-z0-9]+/g, '')
      .replace(/ class=""/g, '')
      .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
      .replace(/></g, '>\n<') + '\n'
  );
}

const AREAS: Area[] = [
  area('E92000001', 'England', 'national'),
  area('E12000005', 'West Midlands', 'regional'),
  ...['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'].map((n, i) => area(`E0600000${i + 1}`, n, 'local_authority', 'E12000005')),
];
const VALUES = [61.2, 40.4, 40.4, 22.5, 35.1, null, 48.9, 30];
const OBS: Observation[] = [
  obs('E92000001', 2025, 40.6),
  obs('E92000001', 2024, 41.4),
  obs('E12000005', 2025, 40.3),
  ...VALUES.map((v, i) => obs(`E0600000${i + 1}`, 2025, v, v === null ? {} : { numerator: Math.round(v * 20), denominator: 200_000 })),
  ...VALUES.map((v, i) => obs(`E0600000${i + 1}`, 2024, v === null ? null : v + 2)),
];
const INDICATOR: Indicator = {
  id: 'cpp_rate',
  label: 'Children on a child protection plan at 31 March, rate per 10,000 children',
  shortLabel: 'CP plan rate',
  unit: 'rate_per_10000',
  polarity: 'neither',
  definition: '',
  source: 'dfe_lait',
  decimals: 1,
  importId: 'b',
};
const ranked = buildRankedData({
  indicator: INDICATOR,
  year: 2025,
  areas: AREAS,
  observations: OBS,
  chosen: ['E06000002', 'E06000004'],
  neighbours: { of: AREAS[3]!, links: [{ code: 'E06000001', closeness: 'Very close' }, { code: 'E06000007', closeness: 'Close' }], label: 'Neighbours’ average' },
});

describe('chart SVG snapshots', () => {
  it('RankedChart', async () => {
    const { body } = render(RankedChart, {
      props: { id: 'ranked', data: ranked, title: 'Ranked', summary: 's', describeRow: (r: RankedRow) => r.name, formatValue: (v: number) => v.toFixed(1), valueLabel: 'Rate per 10,000 children', table, initialWidth: 640 },
    });
    await expect(svgOf(body)).toMatchFileSnapshot('__snapshots__/ranked-chart.svg');
  });

  it('SpineChart', async () => {
    const rows = ['E06000002', 'E06000004', 'E06000006'].map((c) => buildSpineRow(INDICATOR, ranked, c));
    const { body } = render(SpineChart, {
      props: { id: 'spine', rows, title: 'Spine', summary: 's', describeRow: (r: SpineRow) => r.indicator.id, formatPeriod, formatValue: (_r: SpineRow, v: number) => v.toFixed(1), table, initialWidth: 640 },
    });
    await expect(svgOf(body)).toMatchFileSnapshot('__snapshots__/spine-chart.svg');
  });

  it('ChoroplethMap', async () => {
    const square = (x: number, y: number) => `M${x} ${y}l40 0l0 40l-40 0z`;
    const file: MapFile = {
      format: 'safeguarding-lens/map',
      version: 1,
      source: 'test',
      width: 300,
      height: 200,
      inset: { x: 200, y: 0, width: 100, height: 80, label: 'London' },
      areas: [
        ...AREAS.slice(2).map((a, i) => ({ code: a.code, name: a.name, d: square(10 + (i % 4) * 45, 100 + Math.floor(i / 4) * 45), label: [30 + (i % 4) * 45, 120] as [number, number] })),
        { code: 'E06000099', name: 'Abolished', end: 2020, d: square(0, 0), label: [20, 20] },
      ],
    };
    const features = joinRanking(mapFeatures(file, 2025, new Map(AREAS.map((a) => [a.code, a]))), ranked);
    const { body } = render(ChoroplethMap, {
      props: { id: 'map', file, features, data: ranked, polarity: 'neither', title: 'Map', summary: 's', describeRow: (r: RankedRow) => r.name, formatValue: (v: number) => v.toFixed(1), table },
    });
    await expect(svgOf(body)).toMatchFileSnapshot('__snapshots__/choropleth-map.svg');
  });

  it('TrendChart', async () => {
    const data = buildTrendData(
      [obs('E06000001', 2023, 50), obs('E06000001', 2024, null), obs('E06000001', 2025, 61.2), obs('E92000001', 2023, 43), obs('E92000001', 2024, 41.4), obs('E92000001', 2025, 40.6)],
      [
        { code: 'E06000001', label: 'Alpha', role: 'area' },
        { code: 'E92000001', label: 'England', role: 'england' },
      ],
      2023,
      2025,
    );
    const { body } = render(TrendChart, {
      props: { id: 'trend', data, title: 'Trend', summary: 's', describePoint: () => '', formatPeriod, valueLabel: 'Rate per 10,000 children', table },
    });
    await expect(svgOf(body)).toMatchFileSnapshot('__snapshots__/trend-chart.svg');
  });
});
