import { scaleLinear } from 'd3-scale';
import { periodRange } from '../model/period';
import type { StatusCode } from '../model/status';
import type { AreaCode, Observation, Period } from '../model/types';

/** What a line stands for: a chosen area, or a benchmark drawn as a reference line. */
export type LineRole = 'area' | 'england' | 'region' | 'neighbours';

export interface TrendPoint {
  period: Period;
  value: number | null;
  status: StatusCode | null;
}

export interface TrendLine {
  id: AreaCode;
  label: string;
  role: LineRole;
  /** Index among the chosen areas, for colour and marker; -1 for benchmarks. */
  styleIndex: number;
  /** A chosen area drawn grey beside the highlighted focus area, named on hover and focus. */
  muted: boolean;
  /** One point per period in the range; value null where missing or suppressed. */
  points: TrendPoint[];
}

export interface TrendData {
  lines: TrendLine[];
  periods: Period[];
  /** The value axis, on round numbers. */
  valueDomain: [number, number];
  /** The axis is fitted and does not start at zero: the chart marks the break. */
  axisBreak: boolean;
}

/** Where the value axis starts: at zero (the default), or fitted to the figures drawn. */
export type ValueAxis = 'zero' | 'fit';

/**
 * The value axis for figures from `min` to `max`, on round numbers (d3's nice ticks).
 * From zero by default: a cut axis exaggerates differences between partnerships. Fitted,
 * it leaves a tenth of the range either side, and never goes below zero for figures that
 * do not (a rate cannot be negative); where it then starts above zero the chart draws a break.
 */
export function valueDomain(min: number, max: number, axis: ValueAxis = 'zero'): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  let lo = Math.min(0, min);
  let hi = max > 0 ? max : 1;
  if (axis === 'fit') {
    const pad = max > min ? (max - min) / 10 : Math.abs(max) / 10 || 1;
    lo = min >= 0 ? Math.max(0, min - pad) : min - pad;
    hi = max + pad;
  }
  const [a, b] = scaleLinear().domain([lo, hi]).nice().domain() as [number, number];
  return [a, b];
}

export interface LineSpec {
  code: AreaCode;
  label: string;
  role: LineRole;
  muted?: boolean;
}

/**
 * Turns observations into one line per spec over every period in [from, to], with the
 * value axis from zero or fitted to the figures (`valueDomain`).
 */
export function buildTrendData(observations: readonly Observation[], specs: readonly LineSpec[], from: Period, to: Period, axis: ValueAxis = 'zero'): TrendData {
  const periods = periodRange(from, to);
  const byKey = new Map<string, Observation>();
  for (const o of observations) byKey.set(`${o.areaCode}|${o.period}`, o);

  let max = -Infinity;
  let min = Infinity;
  let areaIndex = 0;
  const lines: TrendLine[] = specs.map((spec) => {
    const points = periods.map((period): TrendPoint => {
      const o = byKey.get(`${spec.code}|${period}`);
      if (o?.value != null) {
        max = Math.max(max, o.value);
        min = Math.min(min, o.value);
      }
      return { period, value: o?.value ?? null, status: o ? o.status : null };
    });
    return { id: spec.code, label: spec.label, role: spec.role, styleIndex: spec.role === 'area' ? areaIndex++ : -1, muted: spec.muted === true, points };
  });
  const domain = valueDomain(min, max, axis);
  return { lines, periods, valueDomain: domain, axisBreak: domain[0] > 0 };
}

/** The latest period in range where the line has a value, for its direct label. */
export function lastDefined(line: TrendLine): TrendPoint | undefined {
  for (let i = line.points.length - 1; i >= 0; i--) if (line.points[i]!.value !== null) return line.points[i];
  return undefined;
}
