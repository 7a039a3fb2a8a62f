import { describe, expect, it } from 'vitest';
import { band, quarterRanges, quartileCuts, valueQuarter } from '../../../src/lib/stats/quartiles';

describe('quartileCuts', () => {
  // R: quantile(1:10) gives 1.00 3.25 5.50 7.75 10.00 (type 7, Hyndman & Fan 1996,
  // "Sample quantiles in statistical packages", Am. Statistician 50:361-5), the default LAIT uses.
  it('matches R’s default quantile()', () => {
    expect(quartileCuts([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ min: 1, q1: 3.25, median: 5.5, q3: 7.75, max: 10 });
  });

  it('ignores missing figures, and has no cuts without any', () => {
    expect(quartileCuts([null, 4, null])).toEqual({ min: 4, q1: 4, median: 4, q3: 4, max: 4 });
    expect(quartileCuts([null])).toBeNull();
  });
});

// Worked examples from LAIT's own tests (tests/testthat/test-fn_helper_functions.R in
// dfe-analytical-services/local-authority-interactive-tool): cut points 0, 25, 50, 75, 100.
const CUTS = { min: 0, q1: 25, median: 50, q3: 75, max: 100 };

describe('band (LAIT quartile banding)', () => {
  it.each([
    [10, 'A'],
    [30, 'B'],
    [60, 'C'],
    [80, 'D'],
    [25, 'A'],
    [50, 'B'],
    [75, 'C'],
    [100, 'D'],
    [0, 'A'],
  ])('lower is better: %d is band %s', (v, code) => {
    expect(band(v, CUTS, 'lower_is_better').code).toBe(code);
  });

  it.each([
    [10, 'D'],
    [30, 'C'],
    [60, 'B'],
    [80, 'A'],
    [25, 'D'],
  ])('higher is better: %d is band %s', (v, code) => {
    expect(band(v, CUTS, 'higher_is_better').code).toBe(code);
  });

  it('uses plain value quartiles when neither end is better', () => {
    expect(band(10, CUTS, 'neither')).toEqual({ index: 0, code: 'Q1', label: 'Q1 (lowest quarter)' });
    expect(band(80, CUTS, 'neither').label).toBe('Q4 (highest quarter)');
    expect(band(80, CUTS, 'higher_is_better').label).toBe('A (best quarter)');
  });

  it('puts a value on a cut point in the lower quarter', () => {
    expect([25, 25.0001, 50, 75, 75.1].map((v) => valueQuarter(v, CUTS))).toEqual([0, 1, 1, 2, 3]);
  });

  it('lists each quarter with its range and band', () => {
    const r = quarterRanges(CUTS, 'higher_is_better');
    expect(r.map((q) => [q.from, q.to, q.band.code])).toEqual([
      [0, 25, 'D'],
      [25, 50, 'C'],
      [50, 75, 'B'],
      [75, 100, 'A'],
    ]);
  });
});
