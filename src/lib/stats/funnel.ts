/**
 * Funnel plots: each authority's figure against its denominator, England's value as
 * the centre line, and control limits at 95% and 99.8% around it.
 *
 * Unadjusted limits are the inverse of the intervals the app shows, as PHE's
 * PHEindicatormethods builds them for Fingertips (phe_funnels):
 * - Rates: for E events, the population at which E is just significantly low is the
 *   one where the count's upper limit equals the expected count, n = U(E) / θ, and the
 *   lower limit there is E / n; the upper limit likewise from L(E). U and L are the
 *   count limits of `confidence.ts` (exact Poisson below 10 events, Byar's from 10;
 *   phe_funnels uses exact limits throughout, which Byar's matches to within 0.5%).
 * - Proportions: Wilson's score interval inverted in closed form (PHE's
 *   `sigma_adjustment`): the proportion at which, with denominator n, Wilson's interval
 *   just reaches the centre line.
 * So an authority lies outside the 95% funnel exactly when its 95% interval excludes
 * England's value: the funnel and the "compared with England" column agree.
 *
 * Overdispersion (Spiegelhalter 2005, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 24:1185–1202, section 6; and "Handling
 * over-dispersion of performance indicators", Qual Saf Health Care 14:347–351):
 * z-scores z_i = (y_i − θ₀) / s_i with s_i = √(V(θ₀) / n_i) (V(θ) = θ for a Poisson
 * rate per child, θ(1 − θ) for a proportion), Winsorised at 10% each end (values
 * beyond the 10th and 90th percentiles set to them), then φ̂ = Σ z_i² / I.
 * - Multiplicative: limits θ₀ ± z_p √(φ̂ V(θ₀) / n), used when φ̂ > 1.
 * - Additive (random effects): τ̂² = max(0, (I φ̂ − (I − 1)) / (Σ w_i − Σ w_i² / Σ w_i)),
 *   w_i = 1 / s_i²; limits θ₀ ± z_p √(V(θ₀) / n + τ̂²).
 * Adjusted limits use the normal approximation, as the paper does.
 */
import { quantileSorted } from 'd3-array';
import type { AreaCode } from '../model/types';
import { byarCountNear, countLimit, Z_95, Z_998, type ConfidenceLevel } from './confidence';

export type FunnelStatistic = 'rate' | 'proportion';
export type Overdispersion = 'none' | 'additive' | 'multiplicative';
export const OVERDISPERSION_OPTIONS: readonly Overdispersion[] = ['none', 'additive', 'multiplicative'];

/** Share of z-scores Winsorised at each end before estimating overdispersion. */
export const WINSORISE = 0.1;

/** One authority on the funnel, in the units shown (per 10,000, or per cent). */
export interface FunnelInput {
  code: AreaCode;
  name: string;
  value: number;
  denominator: number;
}

export interface Dispersion {
  /** Overdispersion ratio φ̂ from the Winsorised z-scores (1 = as chance alone). */
  phi: number;
  /** Between-authority variance τ̂² on the scale of a rate per child or a proportion. */
  tau2: number;
  /** How many authorities it was estimated from. */
  n: number;
}

/** Which side of the funnel an authority falls, and how far out. */
export type FunnelZone = 'within' | 'above95' | 'above998' | 'below95' | 'below998';

export interface FunnelLimitPoint {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelSpec {
  statistic: FunnelStatistic;
  /** 10,000 for a rate per 10,000 children; 100 for a percentage. */
  multiplier: number;
  /** The centre line (England's value), in the units shown. */
  target: number;
}

const z = (level: ConfidenceLevel) => (level === 95 ? Z_95 : Z_998);

/**
 * PHE's `sigma_adjustment`: the proportion p at which Wilson's interval for p with
 * denominator n just reaches `average` (both as fractions), on the low or high side.
 */
export function wilsonControlLimit(zp: number, n: number, average: number, side: 'low' | 'high'): number {
  const z2 = zp * zp;
  const first = average * (n / z2 + 1);
  const adj = Math.sqrt((-8 * average * (n / z2 + 1)) ** 2 - 64 * (1 / z2 + 1 / n) * average * (n * (average * (n / z2 + 2) - 1) + z2 * (average - 1)));
  const last = 1 / z2 + 1 / n;
  const limit = side === 'low' ? (first - adj / 8) / last : (first + adj / 8) / last;
  return Math.min(1, Math.max(0, limit / n));
}

/** How far either side of a guessed root `solveIncreasing` tries f, as a share of the guess. */
const NEAR = 1e-10;
/** Room for rounding in f, as a share of the target: far more than a few units in the last place. */
const ROUNDING = 1e-12;

/**
 * Solves f(x) = target for f increasing on [lo, hi], by bisection. Given `near`, a close
 * guess at the root, f is tried just below and just above it first; where it is plainly
 * below the target at the one, or above at the other, every midpoint beyond goes the way
 * f's increase says without f being worked out. The steps, and so the answer to the last
 * bit, are plain bisection's; with Newton's guess (`byarCountNear`) a funnel's limit
 * evaluates f two or three times, where plain bisection does about thirty.
 */
function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number, near?: number): number {
  let below = -Infinity;
  let above = Infinity;
  if (near !== undefined && target > 0) {
    if (f(near * (1 - NEAR)) < target * (1 - ROUNDING)) below = near * (1 - NEAR);
    if (f(near * (1 + NEAR)) > target * (1 + ROUNDING)) above = near * (1 + NEAR);
  }
  for (let i = 0; i < 100 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (mid <= below || (mid < above && f(mid) < target)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Unadjusted rate limits at population n: the event count E whose upper (lower)
 * count limit equals the expected count θn gives the lower (upper) limit E / n.
 * Below 10 events the exact limits are a step function of whole counts, so E is
 * searched among whole numbers there, as phe_funnels does.
 */
function rateLimit(level: ConfidenceLevel, expected: number, side: 'low' | 'high'): number {
  const bound = side === 'low' ? (e: number) => countLimit(e, level, 'upper') : (e: number) => countLimit(e, level, 'lower');
  // Fewer expected than the upper limit of no events: no count is significantly low.
  if (bound(0) >= expected) return 0;
  // E where bound(E) = expected: continuous from 10 events (Byar's), whole counts below.
  if (bound(10) <= expected) return solveIncreasing(bound, expected, 10, expected * 3 + 100, byarCountNear(expected, z(level), side === 'low' ? 'upper' : 'lower'));
  // Below ten events, interpolate between whole counts so the line is drawn smooth, as PHE draws its event grid.
  let e = 0;
  while (e < 10 && bound(e + 1) <= expected) e++;
  const a = e === 0 && side === 'high' ? 0 : bound(e);
  const b = bound(e + 1);
  return e + (b > a ? (expected - a) / (b - a) : 0);
}

/** The unadjusted limits at denominator n, in the units shown. */
export function controlLimitsAt(spec: FunnelSpec, n: number): FunnelLimitPoint {
  const theta = spec.target / spec.multiplier;
  if (spec.statistic === 'proportion') {
    const at = (level: ConfidenceLevel, side: 'low' | 'high') => wilsonControlLimit(z(level), n, theta, side) * spec.multiplier;
    return { n, lower95: at(95, 'low'), upper95: at(95, 'high'), lower998: at(99.8, 'low'), upper998: at(99.8, 'high') };
  }
  const expected = theta * n;
  const at = (level: ConfidenceLevel, side: 'low' | 'high') => (rateLimit(level, expected, side) / n) * spec.multiplier;
  return { n, lower95: at(95, 'low'), upper95: at(95, 'high'), lower998: at(99.8, 'low'), upper998: at(99.8, 'high') };
}

/** Within-authority variance of the figure at the centre line, per unit of denominator: V(θ₀). */
function unitVariance(spec: FunnelSpec): number {
  const theta = spec.target / spec.multiplier;
  return spec.statistic === 'rate' ? theta : theta * (1 - theta);
}

/**
 * Spiegelhalter's overdispersion estimates from the authorities' figures: φ̂ from
 * the 10% Winsorised z-scores, and the additive τ̂² (DerSimonian–Laird form).
 * Null with fewer than two authorities.
 */
export function estimateDispersion(spec: FunnelSpec, points: readonly FunnelInput[]): Dispersion | null {
  const usable = points.filter((p) => p.denominator > 0 && Number.isFinite(p.value));
  const count = usable.length;
  if (count < 2) return null;
  const theta = spec.target / spec.multiplier;
  const v = unitVariance(spec);
  if (!(v > 0)) return null;
  const s2 = usable.map((p) => v / p.denominator);
  const zs = usable.map((p, i) => (p.value / spec.multiplier - theta) / Math.sqrt(s2[i]!));
  const sorted = [...zs].sort((a, b) => a - b);
  const lo = quantileSorted(sorted, WINSORISE)!;
  const hi = quantileSorted(sorted, 1 - WINSORISE)!;
  const phi = zs.reduce((sum, zi) => sum + Math.min(hi, Math.max(lo, zi)) ** 2, 0) / count;
  const w = s2.map((s) => 1 / s);
  const sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  const tau2 = Math.max(0, (count * phi - (count - 1)) / (sw - sw2 / sw));
  return { phi, tau2, n: count };
}

/** Whether an adjustment changes anything: φ̂ > 1 (multiplicative), τ̂² > 0 (additive). */
export function adjusts(kind: Overdispersion, d: Dispersion | null): boolean {
  if (!d || kind === 'none') return false;
  return kind === 'multiplicative' ? d.phi > 1 : d.tau2 > 0;
}

/** The limits at n adjusted for overdispersion (normal approximation); unadjusted when the adjustment does nothing. */
export function limitsAt(spec: FunnelSpec, n: number, kind: Overdispersion, d: Dispersion | null): FunnelLimitPoint {
  if (!adjusts(kind, d)) return controlLimitsAt(spec, n);
  const theta = spec.target / spec.multiplier;
  const within = unitVariance(spec) / n;
  const sd = kind === 'multiplicative' ? Math.sqrt(d!.phi * within) : Math.sqrt(within + d!.tau2);
  const cap = spec.statistic === 'proportion' ? 1 : Infinity;
  const at = (zp: number, sign: 1 | -1) => Math.min(cap, Math.max(0, theta + sign * zp * sd)) * spec.multiplier;
  return { n, lower95: at(Z_95, -1), upper95: at(Z_95, 1), lower998: at(Z_998, -1), upper998: at(Z_998, 1) };
}

/** Where a figure falls against the limits at its denominator. */
export function zoneOf(value: number, limits: FunnelLimitPoint): FunnelZone {
  if (value > limits.upper998) return 'above998';
  if (value > limits.upper95) return 'above95';
  if (value < limits.lower998) return 'below998';
  if (value < limits.lower95) return 'below95';
  return 'within';
}

/** Denominators from `from` to `to`, spaced evenly on a log scale, where the limits are drawn. */
export function denominatorGrid(from: number, to: number, steps = 100): number[] {
  const a = Math.max(1, from);
  const b = Math.max(a + 1, to);
  const ratio = Math.log(b / a) / (steps - 1);
  return Array.from({ length: steps }, (_, i) => a * Math.exp(ratio * i));
}

export interface FunnelPoint extends FunnelInput {
  zone: FunnelZone;
  /** The limits at this authority's denominator. */
  at: FunnelLimitPoint;
}

export interface Funnel {
  spec: FunnelSpec;
  overdispersion: Overdispersion;
  dispersion: Dispersion | null;
  /** Whether the chosen adjustment widened the limits. */
  adjusted: boolean;
  points: FunnelPoint[];
  limits: FunnelLimitPoint[];
  /** How many authorities fall outside each pair of limits. */
  outside95: number;
  outside998: number;
}

/**
 * Every authority placed against the limits, and the limits drawn across the
 * denominators held. Authorities without a figure or a denominator are left out by
 * the caller.
 */
export function buildFunnel(spec: FunnelSpec, inputs: readonly FunnelInput[], overdispersion: Overdispersion): Funnel {
  const dispersion = estimateDispersion(spec, inputs);
  const adjusted = adjusts(overdispersion, dispersion);
  const points = inputs.map((p) => {
    const at = limitsAt(spec, p.denominator, overdispersion, dispersion);
    return { ...p, zone: zoneOf(p.value, at), at };
  });
  const ns = inputs.map((p) => p.denominator);
  const limits = ns.length ? denominatorGrid(Math.min(...ns) * 0.9, Math.max(...ns) * 1.05).map((n) => limitsAt(spec, n, overdispersion, dispersion)) : [];
  const outside95 = points.filter((p) => p.zone !== 'within').length;
  const outside998 = points.filter((p) => p.zone === 'above998' || p.zone === 'below998').length;
  return { spec, overdispersion, dispersion, adjusted, points, limits, outside95, outside998 };
}

/** Where a figure falls, in words: "above the 99.8% limits". */
export const ZONE_LABEL: Record<FunnelZone, string> = {
  within: 'within the 95% limits',
  above95: 'above the 95% limits (within 99.8%)',
  above998: 'above the 99.8% limits',
  below95: 'below the 95% limits (within 99.8%)',
  below998: 'below the 99.8% limits',
};

/**
 * A symbol for tables and readouts, the shape the chart draws each point with: ○ within
 * the 95% limits, △ ▽ beyond them, ▲ ▼ beyond the 99.8% limits. Always shown beside
 * `ZONE_LABEL`'s words, so the meaning never rests on the symbol (or a colour) alone.
 */
export const ZONE_SYMBOL: Record<FunnelZone, string> = {
  within: '○',
  above95: '△',
  above998: '▲',
  below95: '▽',
  below998: '▼',
};
