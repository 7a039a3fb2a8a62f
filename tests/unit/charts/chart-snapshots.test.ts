/**
 * A snapshot of every chart component, rendered with Svelte's server renderer: a
 * change to what a chart draws shows up as a diff in __snapshots__/ (see
 * snapshot.ts). Every `src/lib/charts/*.svelte` must have a fixture here, or be
 * named below as a part that the fixtures render inside a chart; every layer in
 * `charts/layers/` must be composed by a chart that has one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRawSnippet, type Component, type ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChoroplethMap from '../../../src/lib/charts/ChoroplethMap.svelte';
import FunnelChart from '../../../src/lib/charts/FunnelChart.svelte';
import FunnelTable from '../../../src/lib/charts/FunnelTable.svelte';
import InspectionMarkersFixture from './InspectionMarkersFixture.svelte';
import { joinRanking, mapFeatures, type MapFile } from '../../../src/lib/charts/map-data';
import type { FunnelPoint } from '../../../src/lib/stats/funnel';
import MapTable from '../../../src/lib/charts/MapTable.svelte';
import PrioritiesTimeline from '../../../src/lib/charts/PrioritiesTimeline.svelte';
import RankedChart from '../../../src/lib/charts/RankedChart.svelte';
import RankedTable from '../../../src/lib/charts/RankedTable.svelte';
import { spineRow, type SpineRow } from '../../../src/lib/charts/spine-data';
import SpineChart from '../../../src/lib/charts/SpineChart.svelte';
import SpineTable from '../../../src/lib/charts/SpineTable.svelte';
import ThemeHeatmap from '../../../src/lib/charts/ThemeHeatmap.svelte';
import ThemeMarkers from '../../../src/lib/charts/ThemeMarkers.svelte';
import TrendChart from '../../../src/lib/charts/TrendChart.svelte';
import TrendTable from '../../../src/lib/charts/TrendTable.svelte';
import { formatPeriod } from '../../../src/lib/model/period';
import { profileRow } from '../../../src/lib/stats/profile';
import type { RankingRow } from '../../../src/lib/stats/ranking';
import { verdictFor } from '../../../src/lib/stats/verdict';
import { AREAS, FUNNEL, FUNNEL_CHOSEN, HEATMAP, INDICATOR, RANKED, RANKING, TREND, TREND_FITTED } from './fixtures';
import { matchSnapshot, normalise, svgOf } from './snapshot';

const table = createRawSnippet(() => ({ render: () => '<table><caption>figures</caption></table>' }));
const fmt = (v: number) => v.toFixed(1);

/** Server-rendered markup; `props` is checked against the component's own. */
function html<C extends Component<any>>(component: C, props: ComponentProps<C>): string {
  return render(component as Component<Record<string, unknown>>, { props }).body;
}

const MAP_FILE: MapFile = {
  format: 'safeguarding-lens/map',
  version: 1,
  source: 'test',
  width: 300,
  height: 200,
  inset: { x: 200, y: 0, width: 100, height: 80, label: 'London' },
  areas: [
    ...AREAS.slice(2).map((a, i) => ({
      code: a.code,
      name: a.name,
      d: `M${10 + (i % 4) * 45} ${100 + Math.floor(i / 4) * 45}l40 0l0 40l-40 0z`,
      label: [30 + (i % 4) * 45, 120] as [number, number],
    })),
    { code: 'E06000099', name: 'Abolished', end: 2020, d: 'M0 0l40 0l0 40l-40 0z', label: [20, 20] },
  ],
};
const MAP_FEATURES = joinRanking(mapFeatures(MAP_FILE, 2025, new Map(AREAS.map((a) => [a.code, a]))), RANKING);
const SPINE_ROWS = ['E06000002', 'E06000004', 'E06000006'].map((c) => spineRow(profileRow(INDICATOR, RANKING, c)));

/**
 * Verdicts for the summary table's trend column and its files-only sentence: the first
 * chosen area rising by 5 a year on 400 children, the others flat, England with none held.
 */
const VERDICTS = new Map(
  RANKING.chosen.map((r, k) => [
    r.code,
    verdictFor({
      area: r,
      indicator: INDICATOR,
      year: RANKING.year,
      observations: [2021, 2022, 2023, 2024, 2025].map((period, i) => {
        const value = k === 0 ? 30 + 5 * i : 40;
        return { indicatorId: INDICATOR.id, areaCode: r.code, period, value, status: null, numerator: value * 10, denominator: 100_000, importId: 'test' };
      }),
      england: 40,
      level: 95,
    }),
  ]),
);

/** A chosen area whose figure an import gives differently from the bundled one. */
const CONFLICTS = new Map([
  [
    'E06000002',
    {
      figures: [
        { text: '40.4', source: 'your import cp-first-release.csv, 1 Dec 2026' },
        { text: '40.9', source: 'LAIT, revised populations, April 2026 release' },
      ],
      sentence: 'Bravo, 2024-25: 40.4 from your import cp-first-release.csv, 1 Dec 2026 (drawn in the charts); 40.9 from LAIT, revised populations, April 2026 release.',
    },
  ],
]);

/** One fixture per component: the file name it is snapshotted under, and its normalised markup. */
const FIXTURES: Record<string, { name: string; ext: 'svg' | 'html'; markup: () => string }> = {
  RankedChart: {
    name: 'ranked-chart',
    ext: 'svg',
    markup: () =>
      svgOf(
        html(RankedChart, {
          id: 'ranked',
          data: RANKED,
          title: 'Ranked',
          summary: 's',
          describeRow: (r: RankingRow) => r.name,
          formatValue: fmt,
          valueLabel: 'Rate per 10,000 children',
          table,
          width: 640,
        }),
      ),
  },
  RankedTable: {
    name: 'ranked-table',
    ext: 'html',
    markup: () => normalise(html(RankedTable, { id: 'ranked', data: RANKING, indicator: INDICATOR, formatPeriod, verdicts: VERDICTS, conflicts: CONFLICTS })),
  },
  SpineChart: {
    name: 'spine-chart',
    ext: 'svg',
    markup: () =>
      svgOf(
        html(SpineChart, {
          id: 'spine',
          rows: SPINE_ROWS,
          title: 'Spine',
          summary: 's',
          describeRow: (r: SpineRow) => r.indicator.id,
          formatPeriod,
          formatValue: (_r: SpineRow, v: number) => fmt(v),
          table,
          width: 640,
        }),
      ),
  },
  SpineTable: {
    name: 'spine-table',
    ext: 'html',
    markup: () =>
      normalise(
        html(SpineTable, {
          id: 'spine',
          caption: 'Spine',
          rows: SPINE_ROWS,
          formatPeriod,
          trendHref: (id: string) => `#/area/E06000002?indicator=${id}`,
          level: 99.8,
          trends: new Map([[INDICATOR.id, [...VERDICTS.values()][0]!.trend]]),
        }),
      ),
  },
  ChoroplethMap: {
    name: 'choropleth-map',
    ext: 'svg',
    markup: () =>
      svgOf(
        html(ChoroplethMap, {
          id: 'map',
          file: MAP_FILE,
          features: MAP_FEATURES,
          data: RANKING,
          polarity: 'neither',
          title: 'Map',
          summary: 's',
          describeRow: (r: RankingRow) => r.name,
          formatValue: fmt,
          table,
        }),
      ),
  },
  MapTable: {
    name: 'map-table',
    ext: 'html',
    markup: () => normalise(html(MapTable, { id: 'map', caption: 'Map', features: MAP_FEATURES, polarity: 'neither', formatValue: fmt })),
  },
  FunnelChart: {
    name: 'funnel-chart',
    ext: 'svg',
    markup: () =>
      svgOf(
        html(FunnelChart, {
          id: 'funnel',
          funnel: FUNNEL,
          chosen: FUNNEL_CHOSEN,
          title: 'Funnel',
          summary: 's',
          describePoint: (p: FunnelPoint) => p.name,
          formatValue: fmt,
          valueLabel: 'Rate per 10,000 children',
          denominatorLabel: 'Children aged 0–17',
          table,
          width: 640,
        }),
      ),
  },
  FunnelTable: {
    name: 'funnel-table',
    ext: 'html',
    markup: () =>
      normalise(
        html(FunnelTable, {
          id: 'funnel',
          funnel: FUNNEL,
          chosen: FUNNEL_CHOSEN,
          // Foxtrot (no figure) chosen third: the chosen areas' table says why it is not on the funnel.
          leftOut: RANKING.unranked.map((r) => ({ ...r, chosenIndex: 2 })),
          caption: 'CP plan rate, 2024-25',
          denominatorLabel: 'Children aged 0–17',
          formatValue: fmt,
          decimals: 1,
        }),
      ),
  },
  TrendChart: {
    name: 'trend-chart',
    ext: 'svg',
    markup: () =>
      svgOf(html(TrendChart, { id: 'trend', data: TREND, title: 'Trend', summary: 's', describePoint: () => '', formatPeriod, valueLabel: 'Rate per 10,000 children', table, width: 640 })),
  },
  TrendTable: {
    name: 'trend-table',
    ext: 'html',
    markup: () => normalise(html(TrendTable, { id: 'trend-table', data: TREND, caption: 'Trend', formatPeriod, formatValue: fmt })),
  },
  InspectionMarkers: {
    name: 'inspection-markers',
    ext: 'svg',
    // Within the fixture's years (2022-23 to 2024-25): a judgement in words, a visit, and two close judgements in two lanes.
    markup: () =>
      svgOf(
        html(InspectionMarkersFixture, {
          data: TREND,
          inspections: [
            { date: '2023-05-15', judgement: '★ Good' },
            { date: '2024-12-03' },
            { date: '2024-01-08', judgement: '△ Requires improvement' },
            { date: '2024-02-05', judgement: '✕ Inadequate' },
          ],
        }),
      ),
  },
  ThemeMarkers: {
    name: 'theme-markers',
    ext: 'svg',
    markup: () =>
      svgOf(
        `<svg width="300" height="120">${html(ThemeMarkers, {
          x: (p: number) => (p - 2020) * 50,
          innerHeight: 110,
          rows: [
            { areaCode: 'E06000001', styleIndex: 0, years: [{ period: 2021 }, { period: 2023 }] },
            { areaCode: 'E06000002', styleIndex: 4, years: [{ period: 2024 }] },
          ],
        })}</svg>`,
      ),
  },
  ThemeHeatmap: {
    name: 'theme-heatmap',
    ext: 'svg',
    markup: () => svgOf(html(ThemeHeatmap, { id: 'heatmap', data: HEATMAP, title: 'Themes', summary: 's', selected: { areaCode: 'E06000001', themeId: 'neglect' }, onselect: () => {} })),
  },
  PrioritiesTimeline: {
    name: 'priorities-timeline',
    ext: 'html',
    markup: () =>
      normalise(
        html(PrioritiesTimeline, {
          rows: AREAS.slice(2, 4).map((a) => ({ code: a.code, label: a.name })),
          years: [2024, 2025],
          chips: new Map([
            ['E06000001|2024', [{ id: 'p1', label: 'Tackling neglect', themeIds: ['neglect'], userEdited: false }]],
            [
              'E06000002|2025',
              [
                { id: 'p2', label: 'Early help that reaches families sooner, in every part of the county, with partners working as one', themeIds: ['early_help'], userEdited: true },
                { id: 'p3', label: 'Neglect and exploitation', themeIds: ['neglect', 'cse'], userEdited: false },
              ],
            ],
          ]),
          formatPeriod,
          caption: 'Priorities',
          highlightTheme: 'neglect',
          selectedId: 'p3',
          onselect: () => {},
        }),
      ),
  },
};

/** Components drawn only inside a chart or table above: their snapshots are those charts'. */
const PARTS: Record<string, string> = {
  ChartFrame: 'the frame of every chart fixture',
  FigureText: 'the value cells of every table fixture',
  TableScroll: 'the box round every table fixture',
  TableTools: 'the buttons under every table fixture',
  SourcedFigures: 'the ranked table fixture’s cell where sources differ',
  SourceConflictNote: 'the note under the ranked table fixture',
};

describe('chart snapshots', () => {
  it.each(Object.entries(FIXTURES))('%s', async (_component, f) => {
    await matchSnapshot(f.markup(), f.name, f.ext);
  });

  it('TrendChart on an axis fitted to the figures: the break drawn at the foot of the axis', async () => {
    const svg = svgOf(html(TrendChart, { id: 'trend', data: TREND_FITTED, title: 'Trend', summary: 's', describePoint: () => '', formatPeriod, valueLabel: 'Rate per 10,000 children', table, width: 640 }));
    expect(svg).toContain('class="axis-break"');
    await matchSnapshot(svg, 'trend-chart-fitted', 'svg');
  });

  it('every layer is composed by a chart that has a fixture, or by a layer that is', () => {
    const layers = readdirSync(new URL('../../../src/lib/charts/layers/', import.meta.url)).filter((f) => f.endsWith('.svelte'));
    const source = (path: string) => readFileSync(new URL(`../../../src/lib/charts/${path}`, import.meta.url), 'utf8');
    // A chart imports a layer from './layers/', a layer another from './'.
    const composing = Object.keys(FIXTURES).map((c) => ({ src: source(`${c}.svelte`), from: './layers/' }));
    const covered = new Set<string>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const l of layers) {
        if (covered.has(l) || !composing.some(({ src, from }) => src.includes(`'${from}${l}'`))) continue;
        covered.add(l);
        composing.push({ src: source(`layers/${l}`), from: './' });
        grew = true;
      }
    }
    expect(layers.length).toBeGreaterThan(5);
    expect(layers.filter((l) => !covered.has(l))).toEqual([]);
  });

  it('every chart component has a fixture', () => {
    const components = readdirSync(new URL('../../../src/lib/charts/', import.meta.url))
      .filter((f) => f.endsWith('.svelte'))
      .map((f) => f.replace(/\.svelte$/, ''));
    expect(components.length).toBeGreaterThan(10);
    expect(components.filter((c) => !(c in FIXTURES) && !(c in PARTS))).toEqual([]);
  });
});
