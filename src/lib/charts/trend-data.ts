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
  valueDomain: [number, number];
}

export interface LineSpec {
  code: AreaCode;
  label: string;
  role: LineRole;
  muted?: boolean;
}

/**
 * Turns observations into one line per spec over every period in [from, to].
 * The value axis starts at zero: these are rates and percentages, and a cut axis
 * would exaggerate differences between partnerships.
 */
export function buildTrendData(observations: readonly Observation[], specs: readonly LineSpec[], from: Period, to: Period): TrendData {
  const periods = periodRange(from, to);
  const byKey = new Map<string, Observation>();
  for (const o of observations) byKey.set(`${o.areaCode}|${o.period}`, o);

  let max = 0;
  let areaIndex = 0;
  const lines: TrendLine[] = specs.map((spec) => {
    const points = periods.map((period): TrendPoint => {
      const o = byKey.get(`${spec.code}|${period}`);
      if (o?.value != null && o.value > max) max = o.value;
      return { period, value: o?.value ?? null, status: o ? o.status : null };
    });
    return { id: spec.code, label: spec.label, role: spec.role, styleIndex: spec.role === 'area' ? areaIndex++ : -1, muted: spec.muted === true, points };
  });
  return { lines, periods, valueDomain: [0, max > 0 ? max : 1] };
}

/** The latest period in range where the line has a value, for its direct label. */
export function lastDefined(line: TrendLine): TrendPoint | undefined {
  for (let i = line.points.length - 1; i >= 0; i--) if (line.points[i]!.value !== null) return line.points[i];
  return undefined;
}
