import { describe, expect, it } from 'vitest';
import { comparisonLabel, compareWithBenchmark, intervalAroundPublished, judge, noIntervalNote, noIntervalReason } from '../../../src/lib/stats/significance';
import { rateInterval } from '../../../src/lib/stats/confidence';
import { neighbourAverage, changeOnPrevious } from '../../../src/lib/stats/benchmarks';

describe('compareWithBenchmark (Fingertips: the area’s 95% interval against England’s value)', () => {
  it.each([
    [{ lower: 41, upper: 47 }, 40.6, 'higher'],
    [{ lower: 30, upper: 40 }, 40.6, 'lower'],
    [{ lower: 39.8, upper: 47.3 }, 40.6, 'similar'],
    [{ lower: 40.6, upper: 47 }, 40.6, 'similar'],
  ] as const)('%o against %d is %s', (ci, england, expected) => {
    expect(compareWithBenchmark({ ...ci, method: 'byar' }, england)).toBe(expected);
  });

  it('does not compare without an interval or a benchmark', () => {
    expect(compareWithBenchmark(null, 40)).toBe('not_compared');
    expect(compareWithBenchmark({ lower: 1, upper: 2, method: 'wilson' }, null)).toBe('not_compared');
  });

  // Published figures (LAIT CPP_rate, EES d5 counts, ONS 0-17 population), England 2025 = 40.6.
  it('finds Worcestershire 2025 similar to England and Herefordshire 2022 higher', () => {
    const worcs = intervalAroundPublished('rate_per_10000', { value: 43.5, numerator: 522, denominator: 120_119 });
    expect(compareWithBenchmark(worcs, 40.6)).toBe('similar');
    const walsall = intervalAroundPublished('rate_per_10000', { value: 31.6, numerator: 227, denominator: 71_799 });
    expect(compareWithBenchmark(walsall, 40.6)).toBe('lower');
  });
});

describe('judge and comparisonLabel', () => {
  it('says better or worse only when the indicator has a polarity', () => {
    expect(judge('higher', 'lower_is_better')).toBe('worse');
    expect(judge('lower', 'lower_is_better')).toBe('better');
    expect(judge('higher', 'neither')).toBe('higher');
    expect(comparisonLabel('higher', 'lower_is_better')).toBe('Significantly higher than England (worse)');
    expect(comparisonLabel('lower', 'neither')).toBe('Significantly lower than England');
    expect(comparisonLabel('similar', 'neither')).toBe('Similar to England');
  });
});

describe('intervalAroundPublished', () => {
  it('centres the count’s interval on the published rate', () => {
    // Published 43.5; recomputed 522 / 120,119 × 10,000 = 43.457.
    const ci = intervalAroundPublished('rate_per_10000', { value: 43.5, numerator: 522, denominator: 120_119 })!;
    const k = 43.5 / ((522 / 120_119) * 10_000);
    expect(ci.lower).toBeCloseTo(rateInterval(522, 120_119, 10_000)!.lower * k, 10);
    expect(ci.lower).toBeLessThan(43.5);
    expect(ci.upper).toBeGreaterThan(43.5);
  });

  it('uses Wilson with the published percentage and the denominator for percentages', () => {
    const ci = intervalAroundPublished('percent', { value: (81 / 263) * 100, numerator: 81, denominator: 263 })!;
    expect(ci.method).toBe('wilson');
    expect(ci.lower).toBeCloseTo(25.53, 2);
    expect(ci.upper).toBeCloseTo(36.62, 2);
  });

  it('gives no interval for counts, missing figures or figures without counts', () => {
    expect(intervalAroundPublished('count', { value: 5, numerator: 5, denominator: 10 })).toBeNull();
    expect(intervalAroundPublished('rate_per_10000', { value: null, numerator: 5, denominator: 10 })).toBeNull();
    expect(intervalAroundPublished('rate_per_10000', { value: 40 })).toBeNull();
  });
});

describe('benchmarks', () => {
  it('averages the neighbours that have a figure, as LAIT does', () => {
    expect(neighbourAverage([10, 20, null, 30])).toEqual({ value: 20, n: 3, of: 4 });
    // The median, as DfE's outcomes-and-enablers dashboard: the middle value, or the mean of the middle two.
    expect(neighbourAverage([10, 20, null, 90], 'median')).toEqual({ value: 20, n: 3, of: 4 });
    expect(neighbourAverage([10, 20, 30, 90], 'median')).toEqual({ value: 25, n: 4, of: 4 });
    expect(neighbourAverage([null, null])).toBeNull();
  });
  it('gives a change only when both years have a figure', () => {
    expect(changeOnPrevious(43.5, 49.8)).toBeCloseTo(-6.3, 10);
    expect(changeOnPrevious(43.5, null)).toBeNull();
  });
});

describe('noIntervalReason: why a rate or percentage has no interval', () => {
  // Walsall's 2017-18 CP plan rate: LAIT's 60.9 with its count, and a user's first-release 60.7 without one.
  const bundled = { value: 60.9, numerator: 402, denominator: 66_000, importId: 'bundled' };
  const imported = { value: 60.7, importId: 'a1b2' };

  it.each([
    ['a bundled figure with its counts', 'rate_per_10000', bundled, null],
    ['an imported figure that brings its counts', 'rate_per_10000', { ...bundled, importId: 'a1b2' }, null],
    ['an imported figure without a count', 'rate_per_10000', imported, 'no_count_in_import'],
    ['an imported figure with a count but no denominator', 'percent', { ...imported, numerator: 12 }, 'no_count_in_import'],
    ['a published figure without counts', 'rate_per_10000', { value: 60.9, importId: 'bundled' }, 'no_counts_published'],
    ['a count, which never has an interval', 'count', imported, null],
    ['no figure', 'rate_per_10000', { value: null, importId: 'a1b2' }, null],
  ] as const)('%s: %s', (_what, unit, o, expected) => {
    expect(noIntervalReason(unit, o, 'bundled')).toBe(expected);
  });

  it('is noted in a table’s cells only for an import’s figure (a measure without counts says so once, under its table)', () => {
    expect(noIntervalNote('no_count_in_import')).toBe(' (no count in the import)');
    expect([noIntervalNote('no_counts_published'), noIntervalNote(null), noIntervalNote(undefined)]).toEqual(['', '', '']);
  });

  it('takes no figure for an import’s when not told which are the bundled figures', () => {
    expect(noIntervalReason('rate_per_10000', imported, undefined)).toBe('no_counts_published');
  });
});
