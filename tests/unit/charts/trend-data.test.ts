import { describe, expect, it } from 'vitest';
import { buildTrendData, lastDefined } from '../../../src/lib/charts/trend-data';
import { trendSummary } from '../../../src/lib/charts/trend-summary';
import type { Observation } from '../../../src/lib/model/types';

const obs = (areaCode: string, period: number, value: number | null, status: Observation['status'] = null): Observation => ({ indicatorId: 'cpp_rate', areaCode, period, value, status, importId: 'bundled' });
const OBS = [obs('A', 2023, 40), obs('A', 2024, null, 'c'), obs('A', 2025, 43.5), obs('E', 2023, 42.7), obs('E', 2024, 41.4), obs('E', 2025, 40.6), obs('B', 2023, 30)];
const SPECS = [
  { code: 'A', label: 'Worcestershire', role: 'area' as const },
  { code: 'B', label: 'Walsall', role: 'area' as const },
  { code: 'E', label: 'England', role: 'england' as const },
];

describe('buildTrendData', () => {
  const data = buildTrendData(OBS, SPECS, 2023, 2025);

  it('gives every line a point for every year, with gaps where there is no value', () => {
    expect(data.periods).toEqual([2023, 2024, 2025]);
    expect(data.lines.map((l) => l.points.map((p) => p.value))).toEqual([
      [40, null, 43.5],
      [30, null, null],
      [42.7, 41.4, 40.6],
    ]);
    expect(data.lines[0]!.points[1]!.status).toBe('c');
    expect(data.lines[1]!.points[2]!.status).toBeNull();
  });

  it('styles chosen areas in order and leaves benchmarks unstyled', () => {
    expect(data.lines.map((l) => l.styleIndex)).toEqual([0, 1, -1]);
  });

  it('starts the value axis at zero', () => {
    expect(data.valueDomain).toEqual([0, 43.5]);
  });

  it('finds the last year with a value for the direct label', () => {
    expect(lastDefined(data.lines[1]!)?.period).toBe(2023);
  });
});

describe('trendSummary', () => {
  it('states the range and the chosen year’s values, highest area first, then benchmarks', () => {
    const data = buildTrendData(OBS, SPECS, 2023, 2025);
    expect(trendSummary(data, { shortLabel: 'CP plan rate', unit: 'rate_per_10000', decimals: 1 }, 2025)).toBe(
      'CP plan rate (per 10,000 children), 2022-23 to 2024-25. In 2024-25: Worcestershire 43.5 and Walsall no figure; England 40.6.',
    );
    expect(trendSummary(data, { shortLabel: 'CP plan rate', unit: 'rate_per_10000', decimals: 1 }, 2024)).toContain(
      'Worcestershire no figure (suppressed to protect confidentiality)',
    );
  });
});
