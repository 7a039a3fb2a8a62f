import { describe, expect, it } from 'vitest';
import { alphaFor, byarLower, byarUpper, countLimit, countLimits, exactPoissonLimits, rateInterval, wilsonInterval, type ConfidenceLevel } from '../../../src/lib/stats/confidence';

describe('exact Poisson limits', () => {
  // Garwood (1936) exact limits, as tabulated e.g. in Ulm (1990), Am. J. Epidemiol. 131:373-5,
  // and equal to qchisq(0.025, 2x)/2 and qchisq(0.975, 2x+2)/2 in R. For x = 0 the upper
  // limit is -ln(0.025) and for x = 1 the lower is -ln(0.975), in closed form.
  it.each([
    [0, 0, 3.6889],
    [1, 0.0253, 5.5716],
    [2, 0.2422, 7.2247],
    [5, 1.6235, 11.6683],
    [9, 4.1154, 17.0848],
  ])('count %d: %f to %f', (x, lo, hi) => {
    const { lower, upper } = exactPoissonLimits(x);
    expect(lower).toBeCloseTo(lo, 4);
    expect(upper).toBeCloseTo(hi, 4);
  });
});

describe('Byar’s method', () => {
  // Worked example from the Python port of PHEindicatormethods (UKHSA), test_byars_lower:
  // byars_lower(100) == 81.36210549052788.
  it('matches the PHE reference implementation', () => {
    expect(byarLower(100)).toBeCloseTo(81.36210549052788, 10);
  });

  // The same tests publish phe_rate(100, 10000, 100000) == (1000.0, 813.6210549052789, 1216.2458755509265). The lower
  // limit is Byar's and agrees to 12 figures. Their upper limit is not Byar's: that port's byars_upper wrote
  // 1 / (9 * value + 1) for Byar's 1 / (9(O + 1)) (later versions of the port correct it), which gives 121.62459 for
  // 100 events; Breslow and Day's formula gives 101 × (1 − 1/909 + 1.959964 / (3√101))³ = 121.62794, and that is what
  // the exact-interval check below holds it to.
  it('gives PHE’s published lower rate limit, and Byar’s upper limit by Breslow and Day’s formula', () => {
    const ci = rateInterval(100, 10_000, 100_000)!;
    expect(ci.lower).toBeCloseTo(813.6210549052789, 9);
    expect(byarUpper(100)).toBeCloseTo(101 * (1 - 1 / 909 + 1.959963984540054 / (3 * Math.sqrt(101))) ** 3, 10);
    expect(byarUpper(100)).toBeCloseTo(121.62794, 5);
  });

  // APHO Technical Briefing 3 notes Byar's method is very close to the exact interval
  // from 10 events up; check that against the exact limits computed directly.
  it.each([10, 50, 100, 522])('is within 0.5%% of the exact interval for %d events', (x) => {
    const exact = exactPoissonLimits(x);
    expect(Math.abs(byarLower(x) / exact.lower - 1)).toBeLessThan(0.005);
    expect(Math.abs(byarUpper(x) / exact.upper - 1)).toBeLessThan(0.005);
  });
});

describe('rateInterval', () => {
  it('divides the count limits by the population, per 10,000', () => {
    // Worcestershire at 31 March 2025: 522 children on plans, 120,119 children (EES d5, ONS mid-2024).
    const ci = rateInterval(522, 120_119, 10_000)!;
    expect(ci.method).toBe('byar');
    expect(ci.lower).toBeCloseTo((byarLower(522) / 120_119) * 10_000, 10);
    expect(ci.lower).toBeCloseTo(39.81, 2);
    expect(ci.upper).toBeCloseTo(47.35, 2);
  });

  it('uses exact limits below 10 events, as phe_rate does', () => {
    const ci = rateInterval(3, 2_000, 10_000)!;
    expect(ci.method).toBe('exact_poisson');
    expect(ci.lower).toBeCloseTo((exactPoissonLimits(3).lower / 2000) * 10_000, 10);
    expect(rateInterval(0, 2_000, 10_000)).toMatchObject({ lower: 0, method: 'exact_poisson' });
  });

  it('has no interval without a population', () => {
    expect(rateInterval(5, 0, 10_000)).toBeNull();
    expect(rateInterval(Number.NaN, 100, 10_000)).toBeNull();
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Statistics in Medicine 17:857-72, Table II, method 3 (score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%d of %d: %f to %f', (x, n, lo, hi) => {
    const ci = wilsonInterval(x / n, n)!;
    expect(ci.lower).toBeCloseTo(lo, 4);
    expect(ci.upper).toBeCloseTo(hi, 4);
  });

  // The Python port of PHEindicatormethods (UKHSA), its published tests: wilson(100, 10000) ==
  // (0.8229336148148417, 1.2146982255114647) (as percentages) and phe_proportion(100, 1000) ==
  // (10.0, 8.29094435930957, 12.01519631953484).
  it.each([
    [100, 10_000, 0.8229336148148417, 1.2146982255114647],
    [100, 1_000, 8.29094435930957, 12.01519631953484],
  ])('%d of %d: PHE’s %f% to %f%', (x, n, lo, hi) => {
    const ci = wilsonInterval(x / n, n)!;
    expect(ci.lower * 100).toBeCloseTo(lo, 10);
    expect(ci.upper * 100).toBeCloseTo(hi, 10);
  });

  it('rejects impossible proportions', () => {
    expect(wilsonInterval(1.2, 10)).toBeNull();
    expect(wilsonInterval(0.5, 0)).toBeNull();
  });
});

describe('countLimits and countLimit, with the exact limits below 10 events stored', () => {
  // The stored exact limits are keyed by count and level: asked at 99.8% straight after 95% (and the other way), a
  // store keyed by count alone would hand back the other level's pair, and one keyed without rounding would miss.
  it.each<[ConfidenceLevel, ConfidenceLevel]>([
    [95, 99.8],
    [99.8, 95],
  ])('give the pair a fresh exact computation gives, %s% asked before %s%', (first, second) => {
    for (let count = 0; count < 10; count++) {
      for (const level of [first, second, first]) {
        const fresh = exactPoissonLimits(count, alphaFor(level));
        expect(countLimits(count, level)).toEqual({ ...fresh, method: 'exact_poisson' });
        expect(countLimits(count + 0.3, level)).toEqual({ ...fresh, method: 'exact_poisson' });
        expect(countLimit(count, level, 'lower')).toBe(fresh.lower);
        expect(countLimit(count, level, 'upper')).toBe(fresh.upper);
      }
    }
  });

  it('hands out a copy, so a caller cannot change what the next caller gets', () => {
    const first = countLimits(4, 95);
    first.lower = -1;
    expect(countLimits(4, 95).lower).toBe(exactPoissonLimits(4).lower);
  });

  it.each([10, 10.5, 57, 522, 1e6])('from 10 events, one side is the same number as the pair’s (%d events)', (count) => {
    for (const level of [95, 99.8] as const) {
      const both = countLimits(count, level);
      expect(both.method).toBe('byar');
      expect(countLimit(count, level, 'lower')).toBe(both.lower);
      expect(countLimit(count, level, 'upper')).toBe(both.upper);
    }
  });
});
