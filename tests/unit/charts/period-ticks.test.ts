import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodTicks } from '../../../src/lib/charts/period-ticks';

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('periodTicks', () => {
  it('labels the last year without crowding the one before it', () => {
    // Ten years in 300 px: every third year fits; 2025 replaces 2023, which sat 64 px short of it.
    expect(periodTicks(years(2016, 10), 300)).toEqual([2016, 2019, 2022, 2025]);
    expect(periodTicks(years(2013, 13), 1000)).toEqual(years(2013, 13));
    expect(periodTicks([2025], 300)).toEqual([2025]);
    expect(periodTicks([], 300)).toEqual([]);
  });

  it('keeps labels at least the minimum spacing apart, first and last always labelled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 80, max: 2000 }), (n, width) => {
        const periods = years(2000, n);
        const ticks = periodTicks(periods, width);
        expect(ticks[0]).toBe(periods[0]);
        expect(ticks.at(-1)).toBe(periods.at(-1));
        const px = (p: number) => ((p - periods[0]!) / (n - 1)) * width;
        for (let i = 1; i < ticks.length; i++) expect(px(ticks[i]!) - px(ticks[i - 1]!)).toBeGreaterThanOrEqual(64);
      }),
    );
  });
});
