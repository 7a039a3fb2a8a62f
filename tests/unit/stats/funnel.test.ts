import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFunnel, controlLimitsAt, estimateDispersion, limitsAt, type FunnelSpec, type Overdispersion } from '../../../src/lib/stats/funnel';
import { byarCountNear, byarLower, byarUpper, Z_95, Z_998 } from '../../../src/lib/stats/confidence';
import { intervalAroundPublished, compareWithBenchmark } from '../../../src/lib/stats/significance';

describe('control limits for proportions (Wilson, inverted), against PHEindicatormethods', () => {
  // ukhsa-collaboration/PHEindicatormethods, tests/testthat/testdata_funnel_prop_outputs.csv:
  // phe_funnels() on testdata_funnel_prop_inputs.csv, whose average is 80.642448%.
  const spec: FunnelSpec = { statistic: 'proportion', multiplier: 100, target: 80.642448 };
  it.each([
    [5, 46.011039, 100, 26.039864, 100],
    [50, 69.691035, 91.593861, 63.375595, 97.909301],
    [1008, 78.203374, 83.081521, 76.796814, 84.488082],
    [110000, 80.408963, 80.875933, 80.274317, 81.010578],
  ])('population %d: 95% %f–%f, 99.8% %f–%f', (n, lo95, hi95, lo998, hi998) => {
    const l = controlLimitsAt(spec, n);
    expect(l.lower95).toBeCloseTo(lo95, 5);
    expect(l.upper95).toBeCloseTo(hi95, 5);
    expect(l.lower998).toBeCloseTo(lo998, 5);
    expect(l.upper998).toBeCloseTo(hi998, 5);
  });
});

describe('control limits for rates (count limits, inverted), against PHEindicatormethods', () => {
  // ukhsa-collaboration/PHEindicatormethods, tests/testthat/testdata_funnel_rate_outputs.csv: phe_funnels(statistic = "rate",
  // rate_type = "dsr", multiplier = 100000, years_of_data = 3), baseline 116.1720835 per 100,000. Each row gives, for E events,
  // the one-year population at which E is on a limit (× 3 for the population the limit is drawn at) and the limit there.
  const spec: FunnelSpec = { statistic: 'rate', multiplier: 100_000, target: 116.1720835 };
  // Below 10 events both use exact Poisson limits: they agree to the precision of PHE's bisection.
  it.each([
    [1, 1598.675694, 20.85059119, 7.264481402, 4588.535848, 2649.348525, 12.58170943],
    [5, 3348.002593, 49.78092521, 465.8280129, 357.7858395, 4721.370883, 35.30048174],
    [9, 4902.152951, 61.19760093, 1180.827018, 254.0592274, 6501.096999, 46.14605812],
  ])('%d events (exact limits)', (_e, nLo, lo95, nHi, hi95, nLo998, lo998) => {
    expect(controlLimitsAt(spec, nLo * 3).lower95).toBeCloseTo(lo95, 3);
    expect(controlLimitsAt(spec, nHi * 3).upper95).toBeCloseTo(hi95, 2);
    expect(controlLimitsAt(spec, nLo998 * 3).lower998).toBeCloseTo(lo998, 3);
  });
  // From 10 events the app uses Byar's limits, as its intervals do (Fingertips' confidence intervals); phe_funnels stays
  // exact. The two differ most at 10 events and 99.8% (0.8%) and by 1,360 events agree to 5 figures.
  it.each([
    [10, 5276.757672, 63.17010446, 1375.943768, 242.2579623, 849.4639547, 392.4043292, 0.01],
    [1360, 411529.9259, 110.158048, 369759.5622, 122.6021934, 358342.3275, 126.5084525, 1e-5],
  ])('%d events (Byar’s limits, within the stated share of exact)', (_e, nLo, lo95, nHi, hi95, nHi998, hi998, tol) => {
    expect(Math.abs(controlLimitsAt(spec, nLo * 3).lower95 / lo95 - 1)).toBeLessThan(tol);
    expect(Math.abs(controlLimitsAt(spec, nHi * 3).upper95 / hi95 - 1)).toBeLessThan(tol);
    expect(Math.abs(controlLimitsAt(spec, nHi998 * 3).upper998 / hi998 - 1)).toBeLessThan(tol);
  });

  // The limits for England's CP-plan rate, 40.6 per 10,000, as the funnel gave them before the count limits were
  // stored and taken one side at a time: the speed-up must give the same numbers to the last bit. Below about 2,500
  // children the expected count is under 10 and the exact (stored) limits are used; the 99.8% limits are asked first
  // at one denominator and 95% first at the next, so a store mixing up levels would show here.
  it.each([
    [50, 0, 363.84433335010027, 0, 610.475315451939],
    [400, 0, 125.02219929543429, 0, 180.75299002023368],
    [1000, 1.9711475168338917, 89.16296791851951, 0, 121.06074834360044],
    [2000, 12.901986272865917, 73.19182893488323, 2.6062400793376836, 93.8461462780717],
    [8012, 26.65094768080379, 55.739387594848644, 19.840163640494897, 64.9429358052761],
    [120119, 36.99502059613763, 44.283866575405234, 34.99691303993126, 46.44044738984634],
    [355390, 38.50448817601066, 42.7221670150024, 37.32331381005152, 43.95688778555279],
  ])('gives exactly the limits it gave before at %d children', (n, lo95, hi95, lo998, hi998) => {
    const cpp: FunnelSpec = { statistic: 'rate', multiplier: 10_000, target: 40.6 };
    expect(controlLimitsAt(cpp, n)).toEqual({ n, lower95: lo95, upper95: hi95, lower998: lo998, upper998: hi998 });
    // Asked again, and after a different spec, the same.
    controlLimitsAt({ statistic: 'rate', multiplier: 100_000, target: 116.1720835 }, n);
    expect(controlLimitsAt(cpp, n)).toEqual({ n, lower95: lo95, upper95: hi95, lower998: lo998, upper998: hi998 });
  });

  it('puts an authority outside the 95% funnel exactly when its interval excludes England', () => {
    // Worcestershire 2025 (522 children on plans of 120,119; 43.5 published) and Walsall (227 of 71,799; 31.6),
    // England 40.6 (LAIT CPP_rate, EES d5, ONS mid-2024): Worcestershire similar, Walsall lower (see significance.test.ts).
    const england: FunnelSpec = { statistic: 'rate', multiplier: 10_000, target: 40.6 };
    const points = [
      { code: 'E10000034', name: 'Worcestershire', value: 43.5, denominator: 120_119, numerator: 522 },
      { code: 'E08000030', name: 'Walsall', value: 31.6, denominator: 71_799, numerator: 227 },
    ];
    const f = buildFunnel(england, points, 'none');
    expect(f.points.map((p) => p.zone)).toEqual(['within', 'below998']);
    for (const p of points) {
      const cmp = compareWithBenchmark(intervalAroundPublished('rate_per_10000', p), 40.6);
      expect(cmp === 'similar').toBe(f.points.find((q) => q.code === p.code)!.zone === 'within');
    }
  });
});

describe('overdispersion (Spiegelhalter 2005), worked by hand', () => {
  // Six units from FunnelPlotR's tests (nhs-r-community/FunnelPlotR, tests/testthat/test-funnel_plot.R): observed
  // 100, 150, 180, 80, 120, 225 against expected 108, 112, 165, 95, 100, 220, read as a Poisson ratio with target 1
  // (multiplier 1, V(θ₀) = 1, s_i = 1/√E_i):
  //   z = (O/E − 1)·√E = −0.76980, 3.59066, 1.16775, −1.53897, 2.00000, 0.33710.
  //   Sorted: −1.53897, −0.76980, 0.33710, 1.16775, 2.00000, 3.59066. R type-7 quantiles: 10th at h = 0.5 →
  //   −1.15439; 90th at h = 4.5 → 2.79533. Winsorised: d → −1.15439, b → 2.79533.
  //   φ̂ = (0.59259 + 7.81387 + 1.36364 + 1.33261 + 4.00000 + 0.11364) / 6 = 15.21635 / 6 = 2.53606.
  //   w_i = E_i: Σw = 800, Σw² = 118,858, Σw − Σw²/Σw = 651.4275; τ̂² = (6 × 2.53606 − 5) / 651.4275 = 0.015683.
  const spec: FunnelSpec = { statistic: 'rate', multiplier: 1, target: 1 };
  const O = [100, 150, 180, 80, 120, 225];
  const E = [108, 112, 165, 95, 100, 220];
  const units = O.map((o, i) => ({ code: 'abcdef'[i]!, name: 'abcdef'[i]!, value: o / E[i]!, denominator: E[i]! }));

  it('estimates φ̂ and τ̂² from the Winsorised z-scores', () => {
    const d = estimateDispersion(spec, units)!;
    expect(d.phi).toBeCloseTo(2.53606, 4);
    expect(d.tau2).toBeCloseTo(0.015683, 5);
  });

  it('widens the limits: multiplicative 1 ± 1.96·√(φ̂/n), additive 1 ± 1.96·√(1/n + τ̂²)', () => {
    const d = estimateDispersion(spec, units)!;
    // n = 100: multiplicative 1 ± 1.95996 × 0.159250 = 0.687877–1.312123; additive 1 ± 1.95996 × 0.160259 = 0.685900–1.314100.
    const m = limitsAt(spec, 100, 'multiplicative', d);
    expect(m.lower95).toBeCloseTo(0.68788, 4);
    expect(m.upper95).toBeCloseTo(1.31212, 4);
    const a = limitsAt(spec, 100, 'additive', d);
    expect(a.lower95).toBeCloseTo(0.6859, 4);
    expect(a.upper95).toBeCloseTo(1.3141, 4);
  });

  it('moves unit b (150 against 112 expected) from beyond 99.8% to between 95% and 99.8% once overdispersion is allowed', () => {
    // Unadjusted, z = 3.59 > 3.09. Additive at n = 112: sd = √(1/112 + 0.015683) = 0.156879, so 95% upper 1.3075 and
    // 99.8% upper 1.4848, and b's 1.3393 lies between.
    const zone = (k: Overdispersion) => buildFunnel(spec, units, k).points.find((p) => p.code === 'b')!.zone;
    expect(zone('none')).toBe('above998');
    expect(zone('additive')).toBe('above95');
    expect(zone('multiplicative')).toBe('above95');
    expect(buildFunnel(spec, units, 'additive').adjusted).toBe(true);
  });

  it('leaves the limits alone when the figures vary no more than chance', () => {
    const calm = [0.98, 1.01, 1.0, 0.99, 1.02, 1.0].map((v, i) => ({ code: String(i), name: String(i), value: v, denominator: 100 }));
    const f = buildFunnel(spec, calm, 'additive');
    expect(f.adjusted).toBe(false);
    expect(f.limits[0]).toEqual(limitsAt(spec, f.limits[0]!.n, 'none', null));
  });
});

describe('funnel limits, properties', () => {
  const cases = fc.record({
    statistic: fc.constantFrom('rate' as const, 'proportion' as const),
    target: fc.double({ min: 1, max: 90, noNaN: true }),
    n: fc.integer({ min: 50, max: 500_000 }),
    shrink: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    kind: fc.constantFrom<Overdispersion>('none', 'additive', 'multiplicative'),
  });

  it('widen (never narrow) as the denominator shrinks, at both levels and with any adjustment', () => {
    fc.assert(
      fc.property(cases, ({ statistic, target, n, shrink, kind }) => {
        const spec: FunnelSpec = { statistic, multiplier: statistic === 'rate' ? 10_000 : 100, target };
        const d = { phi: 2, tau2: (target / spec.multiplier) ** 2 * 0.01, n: 150 };
        const big = limitsAt(spec, n, kind, d);
        const small = limitsAt(spec, Math.max(1, Math.floor(n * shrink)), kind, d);
        const eps = 1e-9 * spec.multiplier;
        return (
          small.lower95 <= big.lower95 + eps && small.upper95 >= big.upper95 - eps && small.lower998 <= big.lower998 + eps && small.upper998 >= big.upper998 - eps &&
          big.lower998 <= big.lower95 && big.lower95 <= target && target <= big.upper95 && big.upper95 <= big.upper998
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('rate limits from 10 events: the guided bisection', () => {
  /** Plain bisection, as the solver ran before it was given a guess: the reference the guided one must match to the bit. */
  function plainSolve(f: (x: number) => number, target: number, lo: number, hi: number): number {
    for (let i = 0; i < 100 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) < target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  it('gives the same limits, bit for bit, as plain bisection', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 900, noNaN: true }), fc.integer({ min: 10_000, max: 5_000_000 }), (target, n) => {
        const spec: FunnelSpec = { statistic: 'rate', multiplier: 10_000, target };
        const expected = (target / 10_000) * n;
        // Where the expected count is past Byar's limits at 10 events, so both sides are bisected.
        fc.pre(expected > byarUpper(10, Z_998) && expected > byarLower(10, Z_998) + 1);
        const l = controlLimitsAt(spec, n);
        const at = (e: number) => (e / n) * 10_000;
        const hi = expected * 3 + 100;
        return (
          l.lower95 === at(plainSolve((e) => byarUpper(e, Z_95), expected, 10, hi)) &&
          l.upper95 === at(plainSolve((e) => byarLower(e, Z_95), expected, 10, hi)) &&
          l.lower998 === at(plainSolve((e) => byarUpper(e, Z_998), expected, 10, hi)) &&
          l.upper998 === at(plainSolve((e) => byarLower(e, Z_998), expected, 10, hi))
        );
      }),
      { numRuns: 300 },
    );
  });

  it('starts from a guess whose Byar limit is the expected count to within rounding', () => {
    for (const expected of [15, 32.5, 100, 1_000, 1e5, 3e6]) {
      for (const z of [Z_95, Z_998]) {
        expect(byarUpper(byarCountNear(expected, z, 'upper'), z) / expected - 1).toBeCloseTo(0, 13);
        expect(byarLower(byarCountNear(expected, z, 'lower'), z) / expected - 1).toBeCloseTo(0, 13);
      }
    }
  });
});
