/**
 * 95% confidence intervals as the Office for Health Improvement and Disparities
 * (formerly PHE/APHO) computes them for Fingertips: see "Technical Guide:
 * Confidence intervals" (APHO Technical Briefing 3, 2008; PHE 2018) and the
 * reference implementation, the PHEindicatormethods R package (phe_rate,
 * phe_proportion).
 *
 * - Rates (count / population × multiplier): Byar's approximation to the exact
 *   Poisson interval for the count, divided by the population. For counts under 10,
 *   where Byar's is less accurate, the exact Poisson interval is used
 *   (qchisq(α/2, 2O)/2 and qchisq(1−α/2, 2O+2)/2), as phe_rate does.
 * - Proportions: Wilson's score interval (Wilson 1927), which behaves well near 0
 *   and 1 and for small denominators (Newcombe 1998).
 */

/** Standard normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Standard normal quantile for a two-sided 99.8% interval (qnorm(0.999)): Fingertips'
 * second level, the "three sigma" control limit of a funnel plot.
 */
export const Z_998 = 3.090232306167813;

/** The two levels Fingertips compares at. */
export type ConfidenceLevel = 95 | 99.8;

export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = [95, 99.8];

/** "(95% level)": how every verdict names the level it was tested at. */
export function levelText(level: ConfidenceLevel): string {
  return `(${level}% level)`;
}

export function zFor(level: ConfidenceLevel): number {
  return level === 95 ? Z_95 : Z_998;
}

/** Two-sided α of a level: 0.05 or 0.002. */
export function alphaFor(level: ConfidenceLevel): number {
  return level === 95 ? 0.05 : 0.002;
}

export type CiMethod = 'byar' | 'exact_poisson' | 'wilson';

export const CI_METHOD_LABEL: Record<CiMethod, string> = {
  byar: 'Byar’s method',
  exact_poisson: 'exact Poisson method (fewer than 10 events)',
  wilson: 'Wilson score method',
};

export interface Interval {
  lower: number;
  upper: number;
  method: CiMethod;
}

/** Byar's lower limit for an observed Poisson count O (O > 0). */
export function byarLower(observed: number, z = Z_95): number {
  if (observed <= 0) return 0;
  return observed * (1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed))) ** 3;
}

/** Byar's upper limit for an observed Poisson count O. */
export function byarUpper(observed: number, z = Z_95): number {
  const o = observed + 1;
  return o * (1 - 1 / (9 * o) + z / (3 * Math.sqrt(o))) ** 3;
}

/**
 * The count whose Byar limit (`side`) is `limit`, near enough: Newton's method on
 * o(1 − 1/(9o) ± z/(3√o))³ (o = O + 1 for the upper limit, O for the lower), from the
 * square-root (variance-stabilised) guess. Meant as a close start for an exact search,
 * which checks it; not a limit in its own right.
 */
export function byarCountNear(limit: number, z: number, side: 'lower' | 'upper'): number {
  const s = side === 'upper' ? z : -z;
  let o = Math.max(1, (Math.sqrt(limit) - s / 2) ** 2);
  for (let i = 0; i < 8; i++) {
    const r = Math.sqrt(o);
    const g = 1 - 1 / (9 * o) + s / (3 * r);
    const dg = 1 / (9 * o * o) - s / (6 * o * r);
    const step = (o * g * g * g - limit) / (g * g * (g + 3 * o * dg));
    o = Math.max(1, o - step);
    if (Math.abs(step) < 1e-14 * o) break;
  }
  return side === 'upper' ? o - 1 : o;
}

/** P(X ≤ k) for X ~ Poisson(mean); k is a small whole number here. */
function poissonCdf(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    sum += term;
  }
  return sum;
}

/** Solves f(mean) = target for a function decreasing in mean, by bisection. */
function solveDecreasing(f: (mean: number) => number, target: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Exact (Garwood 1936) Poisson limits for a count: the means at which the observed
 * count is just in the upper or lower 2.5% tail. Equal to qchisq(α/2, 2O)/2 and
 * qchisq(1−α/2, 2O+2)/2. Meant for small counts (the sums are direct).
 */
export function exactPoissonLimits(observed: number, alpha = 0.05): { lower: number; upper: number } {
  const hi = observed + 20 + 10 * Math.sqrt(observed + 1);
  // Lower: P(X ≥ O | mean) = α/2, i.e. P(X ≤ O−1 | mean) = 1 − α/2.
  const lower = observed === 0 ? 0 : solveDecreasing((m) => poissonCdf(observed - 1, m), 1 - alpha / 2, hi);
  // Upper: P(X ≤ O | mean) = α/2.
  const upper = solveDecreasing((m) => poissonCdf(observed, m), alpha / 2, hi);
  return { lower, upper };
}

/**
 * Exact limits of the whole counts below 10, worked out once per count and level: a
 * rate funnel looks them up four times at each of its 250-odd denominators, and each
 * is a bisection of its own. They depend on nothing else, so a stored pair is the
 * pair a fresh computation gives. Negative counts are not stored, to keep the store
 * to ten counts a level.
 */
const exactBelowTen: Record<ConfidenceLevel, Map<number, { lower: number; upper: number }>> = { 95: new Map(), 99.8: new Map() };

function exactWholeCount(count: number, level: ConfidenceLevel): { lower: number; upper: number } {
  if (count < 0) return exactPoissonLimits(count, alphaFor(level));
  const stored = exactBelowTen[level].get(count);
  if (stored) return stored;
  const limits = exactPoissonLimits(count, alphaFor(level));
  exactBelowTen[level].set(count, limits);
  return limits;
}

/**
 * Limits for an observed count: exact below 10 events, Byar's from 10 up, as
 * phe_rate does. What rate intervals and rate funnel limits are both built from.
 */
export function countLimits(count: number, level: ConfidenceLevel = 95): { lower: number; upper: number; method: CiMethod } {
  if (count < 10) return { ...exactWholeCount(Math.round(count), level), method: 'exact_poisson' };
  const z = zFor(level);
  return { lower: byarLower(count, z), upper: byarUpper(count, z), method: 'byar' };
}

/**
 * One side of `countLimits`, the same number, without building an object: funnel
 * limits bisect on it some thirty times per limit, and the objects were most of a
 * funnel's script time.
 */
export function countLimit(count: number, level: ConfidenceLevel, side: 'lower' | 'upper'): number {
  if (count < 10) return exactWholeCount(Math.round(count), level)[side];
  const z = zFor(level);
  return side === 'lower' ? byarLower(count, z) : byarUpper(count, z);
}

/**
 * Interval for a rate = count / population × multiplier (per 10,000 children for
 * children's social care), at 95% unless asked. Returns null when the inputs cannot
 * give one.
 */
export function rateInterval(count: number, population: number, multiplier: number, level: ConfidenceLevel = 95): Interval | null {
  if (!(population > 0) || !(count >= 0) || !Number.isFinite(count)) return null;
  const { lower, upper, method } = countLimits(count, level);
  return { lower: (lower / population) * multiplier, upper: (upper / population) * multiplier, method };
}

/**
 * Wilson score 95% interval for a proportion p of n, as a fraction (0–1).
 * p may be given directly (a published percentage / 100) with n the denominator.
 */
export function wilsonInterval(p: number, n: number, z = Z_95): Interval | null {
  if (!(n > 0) || !(p >= 0 && p <= 1)) return null;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { lower: Math.max(0, (centre - half) / denom), upper: Math.min(1, (centre + half) / denom), method: 'wilson' };
}
