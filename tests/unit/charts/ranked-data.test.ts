import { describe, expect, it } from 'vitest';
import { rankedChartData } from '../../../src/lib/charts/ranked-data';
import { RANKING } from './fixtures';

// A count: England's total (50,000) is hundreds of times an authority's.
const COUNT = { ...RANKING, benchmarks: RANKING.benchmarks.map((b) => (b.role === 'england' ? { ...b, value: 50_000 } : b.role === 'region' ? { ...b, value: 5_000 } : b)) };

describe('rankedChartData', () => {
  it('draws every benchmark on the authorities’ axis for a rate', () => {
    const d = rankedChartData(COUNT);
    expect(d.drawnBenchmarks.map((b) => b.role)).toEqual(COUNT.benchmarks.map((b) => b.role));
    expect(d.valueDomain[1]).toBe(50_000);
  });

  it('for a count, leaves England’s and the region’s totals off the axis, and the table keeps them', () => {
    const d = rankedChartData(COUNT, false);
    expect(d.drawnBenchmarks.some((b) => b.role === 'england' || b.role === 'region')).toBe(false);
    expect(d.benchmarks).toHaveLength(COUNT.benchmarks.length);
    expect(d.valueDomain[1]).toBeLessThan(100);
  });
});
