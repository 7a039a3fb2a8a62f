/**
 * Made-up figures for the chart snapshots: eight authorities in one region (one
 * suppressed, two tied), England, two years, counts for intervals, two statistical
 * neighbours, and documents and priorities for the themes charts.
 */
import { rankedChartData } from '../../../src/lib/charts/ranked-data';
import { buildHeatmap } from '../../../src/lib/charts/theme-heatmap-data';
import { buildTrendData } from '../../../src/lib/charts/trend-data';
import type { Area, Indicator, Observation, ThemeMention } from '../../../src/lib/model/types';
import { buildFunnel } from '../../../src/lib/stats/funnel';
import { rankAuthorities } from '../../../src/lib/stats/ranking';
import { area, obs } from '../builders';

export const AREAS: Area[] = [
  area('E92000001', 'England', 'national'),
  area('E12000005', 'West Midlands', 'regional'),
  ...['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'].map((n, i) => area(`E0600000${i + 1}`, n, 'local_authority', 'E12000005')),
];
const VALUES = [61.2, 40.4, 40.4, 22.5, 35.1, null, 48.9, 30];
export const OBS: Observation[] = [
  obs('E92000001', 2025, 40.6),
  obs('E92000001', 2024, 41.4),
  obs('E12000005', 2025, 40.3),
  ...VALUES.map((v, i) => obs(`E0600000${i + 1}`, 2025, v, v === null ? {} : { numerator: Math.round(v * 20), denominator: 200_000 })),
  ...VALUES.map((v, i) => obs(`E0600000${i + 1}`, 2024, v === null ? null : v + 2)),
];
export const INDICATOR: Indicator = {
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

export const RANKING = rankAuthorities({
  indicator: INDICATOR,
  year: 2025,
  areas: AREAS,
  observations: OBS,
  chosen: ['E06000002', 'E06000004'],
  neighbours: { of: AREAS[3]!, links: [{ code: 'E06000001', closeness: 'Very close' }, { code: 'E06000007', closeness: 'Close' }], label: 'Neighbours’ average' },
});
export const RANKED = rankedChartData(RANKING);

const TREND_OBS = [obs('E06000001', 2023, 50), obs('E06000001', 2024, null), obs('E06000001', 2025, 61.2), obs('E92000001', 2023, 43), obs('E92000001', 2024, 41.4), obs('E92000001', 2025, 40.6)];
const TREND_SPECS = [
  { code: 'E06000001', label: 'Alpha', role: 'area' },
  { code: 'E92000001', label: 'England', role: 'england' },
] as const;
export const TREND = buildTrendData(TREND_OBS, TREND_SPECS, 2023, 2025);
/** The same figures on an axis fitted to them (40.6 to 61.2): it starts above zero, with a break. */
export const TREND_FITTED = buildTrendData(TREND_OBS, TREND_SPECS, 2023, 2025, 'fit');

const mention = (areaCode: string, themeId: string, period: number, count: number, present = true): ThemeMention => ({
  id: `${areaCode}-${themeId}-${period}`,
  documentId: `${areaCode}-${period}`,
  themeId,
  areaCode,
  period,
  count,
  share: count / 100,
  present,
  evidence: [],
  importId: 'b',
});

/** Alpha has two documents (neglect in both, online safety in passing), Bravo one, Charlie none. */
export const HEATMAP = buildHeatmap(
  [mention('E06000001', 'neglect', 2024, 4), mention('E06000001', 'neglect', 2025, 2), mention('E06000001', 'online_safety', 2025, 0, false), mention('E06000002', 'early_help', 2025, 7)],
  new Map([
    ['E06000001', 2],
    ['E06000002', 1],
  ]),
  AREAS.slice(2, 5).map((a) => ({ code: a.code, label: a.name })),
  [
    { id: 'neglect', label: 'Neglect' },
    { id: 'online_safety', label: 'Online safety' },
    { id: 'early_help', label: 'Early help' },
  ],
);

/**
 * A CP-plan-like funnel: nine authorities from 20,000 to 300,000 children around
 * England's 40.6, one far above, one far below, two chosen.
 */
export const FUNNEL_INPUTS = [
  ['E06000001', 'Alpha', 61.2, 20_000],
  ['E06000002', 'Bravo', 40.4, 45_000],
  ['E06000003', 'Charlie', 44.0, 60_000],
  ['E06000004', 'Delta', 22.5, 90_000],
  ['E06000005', 'Echo', 35.1, 120_000],
  ['E06000006', 'Foxtrot', 42.3, 150_000],
  ['E06000007', 'Golf', 48.9, 200_000],
  ['E06000008', 'Hotel', 30.0, 260_000],
  ['E06000009', 'India a long-named metropolitan borough', 39.0, 300_000],
].map(([code, name, value, denominator]) => ({ code: code as string, name: name as string, value: value as number, denominator: denominator as number }));
export const FUNNEL = buildFunnel({ statistic: 'rate', multiplier: 10_000, target: 40.6 }, FUNNEL_INPUTS, 'none');
export const FUNNEL_CHOSEN = [
  { code: 'E06000002', chosenIndex: 0 },
  { code: 'E06000009', chosenIndex: 1 },
];
