/**
 * The funnel plot's layout: the axes' domains, the four control-limit curves, the
 * order the keyboard cursor walks the points in, and where the chosen areas' names
 * sit beside their points. The statistics come from `stats/funnel.ts`.
 */
import type { Funnel, FunnelLimitPoint, FunnelPoint } from '../stats/funnel';
import { dodgeLabels } from './label-dodge';

export type LimitKey = 'upper998' | 'upper95' | 'lower95' | 'lower998';

export interface LimitCurve {
  key: LimitKey;
  level: 95 | 99.8;
  side: 'upper' | 'lower';
  /** [denominator, value] along the curve, in the units shown. */
  points: [number, number][];
}

/** Drawn from the widest (99.8%) outwards in, so the key reads top to bottom as the curves lie. */
export const LIMIT_KEYS: readonly LimitKey[] = ['upper998', 'upper95', 'lower95', 'lower998'];

/** The 95% limits dotted, the 99.8% limits solid (England's centre line is dashed, as everywhere), so none rests on colour. */
export const LIMIT_DASH: Record<95 | 99.8, string | undefined> = { 95: '2 3', 99.8: undefined };

export function limitCurves(limits: readonly FunnelLimitPoint[]): LimitCurve[] {
  return LIMIT_KEYS.map((key) => ({
    key,
    level: key.endsWith('998') ? 99.8 : 95,
    side: key.startsWith('upper') ? 'upper' : 'lower',
    points: limits.map((l): [number, number] => [l.n, l[key]]),
  }));
}

/**
 * The horizontal axis runs from 0 past the largest denominator; the vertical one spans
 * every authority's figure, the centre line and the funnel's mouth (the 99.8% limits at
 * the largest denominator), with a margin. Limits near a small denominator run off the
 * plot and are clipped there, as in PHE's funnel plots.
 */
export function funnelDomains(funnel: Funnel): { x: [number, number]; y: [number, number] } {
  let maxN = 0;
  let lo = funnel.spec.target;
  let hi = funnel.spec.target;
  for (const p of funnel.points) {
    if (p.denominator > maxN) maxN = p.denominator;
    if (p.value < lo) lo = p.value;
    if (p.value > hi) hi = p.value;
  }
  const mouth = funnel.limits[funnel.limits.length - 1];
  if (mouth) {
    lo = Math.min(lo, mouth.lower998);
    hi = Math.max(hi, mouth.upper998);
  }
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.06;
  const cap = funnel.spec.statistic === 'proportion' ? funnel.spec.multiplier : Infinity;
  return { x: [0, (maxN || 1) * 1.05], y: [Math.max(0, lo - pad), Math.min(cap, hi + pad)] };
}

/** Points left to right (by denominator, then name): the order arrow keys move through. */
export function cursorOrder(points: readonly FunnelPoint[]): FunnelPoint[] {
  return [...points].sort((a, b) => a.denominator - b.denominator || a.name.localeCompare(b.name));
}

export interface PointLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * Each chosen area's name beside its point: to the right, or to the left past 60% of
 * the width so it stays inside the plot; names moved apart vertically (label-dodge.ts)
 * so none overlap.
 */
export function pointLabels(points: readonly { x: number; y: number }[], innerWidth: number, innerHeight: number, gap = 14): PointLabel[] {
  const ys = dodgeLabels(
    points.map((p) => p.y),
    gap,
    6,
    innerHeight - 6,
  );
  return points.map((p, i) => {
    const right = p.x <= innerWidth * 0.6;
    return { x: right ? p.x + 9 : p.x - 9, y: ys[i]!, anchor: right ? 'start' : 'end' };
  });
}

/** A name cut to fit beside a point: the table gives it in full. */
export function shortName(name: string, narrow: boolean): string {
  const max = narrow ? 14 : 22;
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
