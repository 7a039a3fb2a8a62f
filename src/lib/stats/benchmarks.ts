import { ENGLAND } from '../model/england';
import type { StatusCode } from '../model/status';
import type { Area, AreaCode, NeighbourLink, Observation, Period } from '../model/types';

/**
 * The statistical neighbours' average as LAIT shows it: the plain mean of the
 * neighbours' published values (not a pooled rate), over those neighbours that
 * have a figure for the year. `n` says how many that was, so a partial average can
 * be flagged.
 */
export function neighbourAverage(values: readonly (number | null)[]): { mean: number; n: number; of: number } | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  return { mean: present.reduce((s, v) => s + v, 0) / present.length, n: present.length, of: values.length };
}

/** Change on the previous year; null unless both years have a figure. */
export function changeOnPrevious(value: number | null, previous: number | null | undefined): number | null {
  return value === null || previous === null || previous === undefined ? null : value - previous;
}

export type BenchmarkRole = 'england' | 'region' | 'neighbours';

/** A figure an authority is read against: England, a region, or its neighbours' average. */
export interface Benchmark {
  id: string;
  label: string;
  role: BenchmarkRole;
  value: number | null;
  status: StatusCode | null;
  previous: number | null;
  /** What the benchmark is, where the label does not say it all. */
  description?: string;
  /** e.g. "average of the 9 of 10 neighbours with a figure". */
  note?: string;
}

/** Whose statistical neighbours, which they are, and how to name their average. */
export interface NeighbourGroup {
  of: Area;
  links: readonly NeighbourLink[];
  label: string;
  description?: string | undefined;
}

/**
 * The benchmarks of one year: England, the region of each chosen area (or the
 * chosen region itself), and the neighbours' average, each with the year before.
 * `now` and `before` hold that year's and the previous year's observations by area.
 */
export function benchmarksFor(input: {
  areas: readonly Area[];
  chosen: readonly AreaCode[];
  now: ReadonlyMap<AreaCode, Observation>;
  before: ReadonlyMap<AreaCode, Observation>;
  neighbours?: NeighbourGroup | undefined;
}): Benchmark[] {
  const { now, before } = input;
  const out: Benchmark[] = [];
  const bench = (id: AreaCode, label: string, role: BenchmarkRole) => {
    const o = now.get(id);
    out.push({ id, label, role, value: o?.value ?? null, status: o?.status ?? null, previous: before.get(id)?.value ?? null });
  };
  const byArea = new Map(input.areas.map((a) => [a.code, a]));
  const england = byArea.get(ENGLAND);
  if (england) bench(ENGLAND, england.name, 'england');
  const regions = new Set<AreaCode>();
  for (const c of input.chosen) {
    const a = byArea.get(c);
    if (a?.level === 'regional') regions.add(a.code);
    else if (a?.level === 'local_authority' && a.regionCode) regions.add(a.regionCode);
  }
  for (const r of regions) {
    const a = byArea.get(r);
    if (a) bench(r, a.name, 'region');
  }
  const nb = input.neighbours;
  if (nb && nb.links.length) {
    const codes = nb.links.map((l) => l.code);
    const avg = neighbourAverage(codes.map((c) => now.get(c)?.value ?? null));
    const prev = neighbourAverage(codes.map((c) => before.get(c)?.value ?? null));
    out.push({
      id: `neighbours:${nb.of.code}`,
      label: nb.label,
      role: 'neighbours',
      value: avg?.mean ?? null,
      status: avg ? null : 'blank',
      previous: prev?.mean ?? null,
      ...(nb.description ? { description: nb.description } : {}),
      ...(avg && avg.n < avg.of ? { note: `average of the ${avg.n} of ${avg.of} neighbours with a figure` } : {}),
    });
  }
  return out;
}

/**
 * The neighbours' average for each period, as observations of a pseudo area
 * (`lineCode`), so a trend chart can draw it like any benchmark line. The same
 * mean as `neighbourAverage`, over the neighbours with a figure that year.
 */
export function neighbourAverageSeries(
  observations: readonly { areaCode: AreaCode; period: Period; value: number | null }[],
  links: readonly NeighbourLink[],
  lineCode: AreaCode,
  indicatorId: string,
): { indicatorId: string; areaCode: AreaCode; period: Period; value: number | null; status: 'blank' | null; importId: string }[] {
  const wanted = new Set(links.map((l) => l.code));
  const byPeriod = new Map<Period, number[]>();
  for (const o of observations) {
    if (!wanted.has(o.areaCode) || o.value === null) continue;
    byPeriod.set(o.period, [...(byPeriod.get(o.period) ?? []), o.value]);
  }
  return [...byPeriod].map(([period, values]) => ({ indicatorId, areaCode: lineCode, period, value: neighbourAverage(values)!.mean, status: null, importId: 'derived' }));
}
