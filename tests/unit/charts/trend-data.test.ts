import { describe, expect, it } from 'vitest';
import { buildTrendData, lastDefined, valueDomain } from '../../../src/lib/charts/trend-data';
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

  it('starts the value axis at zero by default, on round numbers, with no break', () => {
    expect(data.valueDomain).toEqual([0, 45]);
    expect(data.axisBreak).toBe(false);
  });

  it('fits the axis to the figures when asked, with a break where it starts above zero', () => {
    const fitted = buildTrendData(OBS, SPECS, 2023, 2025, 'fit');
    expect(fitted.valueDomain[0]).toBeGreaterThan(0);
    expect(fitted.axisBreak).toBe(true);
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

describe('valueDomain', () => {
  it.each([
    // [min, max, axis, expected]: zero keeps 0 and rounds the top up; fit leaves a tenth of the
    // range either side (30.41 to 44.69), then rounds to d3's tick step for that range (2).
    [31.6, 43.5, 'zero', [0, 45]],
    [31.6, 43.5, 'fit', [30, 46]],
    // A fitted axis never goes below zero for figures that do not: it then starts at 0, no break.
    [0.5, 40, 'fit', [0, 45]],
    // Figures below zero (a change on the year) keep zero inside the zero axis.
    [-6.3, 3.4, 'zero', [-7, 4]],
    [-6.3, 3.4, 'fit', [-8, 5]],
    // One figure: a tenth of it either side (45 to 55).
    [50, 50, 'fit', [45, 55]],
    // Nothing to draw.
    [Infinity, -Infinity, 'fit', [0, 1]],
  ] as const)('%d to %d, %s → %j', (min, max, axis, expected) => {
    expect(valueDomain(min, max, axis)).toEqual(expected);
  });

  it('always holds the figures', () => {
    for (const [min, max] of [[12.3, 12.4], [0, 0], [1000, 52000], [0.01, 0.02]] as const) {
      for (const axis of ['zero', 'fit'] as const) {
        const [lo, hi] = valueDomain(min, max, axis);
        expect(lo).toBeLessThanOrEqual(min);
        expect(hi).toBeGreaterThanOrEqual(max);
      }
    }
  });
});
