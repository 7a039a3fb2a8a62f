import { describe, expect, it } from 'vitest';
import { byarLower, byarUpper, exactPoissonLimits, rateInterval, wilsonInterval } from '../../../src/lib/stats/confidence';

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

  it('rejects impossible proportions', () => {
    expect(wilsonInterval(1.2, 10)).toBeNull();
    expect(wilsonInterval(0.5, 0)).toBeNull();
  });
});
