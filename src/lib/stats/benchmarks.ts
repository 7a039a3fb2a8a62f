import { median } from 'd3-array';
import { ENGLAND } from '../model/england';
import { STATUS_MEANING, type StatusCode } from '../model/status';
import type { Area, AreaCode, NeighbourLink, Observation, Period } from '../model/types';

/**
 * How the neighbours' figures are averaged: the plain mean, as LAIT shows it, or the
 * median, as DfE's children's social care outcomes-and-enablers dashboard does (one
 * unusual neighbour moves it less).
 */
export type AverageMethod = 'mean' | 'median';
export const AVERAGE_METHODS: readonly AverageMethod[] = ['mean', 'median'];

/**
 * The statistical neighbours' average of the neighbours' published values (not a
 * pooled rate), over those neighbours that have a figure for the year. `n` says how
 * many that was, so a partial average can be flagged.
 */
export function neighbourAverage(values: readonly (number | null)[], method: AverageMethod = 'mean'): { value: number; n: number; of: number } | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  const value = method === 'median' ? median(present)! : present.reduce((s, v) => s + v, 0) / present.length;
  return { value, n: present.length, of: values.length };
}

/** A neighbour without a figure for the year, and why. */
export interface MissingNeighbour {
  code: AreaCode;
  name: string;
  /** What the publisher wrote instead: "suppressed", "not available", "no figure held". */
  why: string;
}

/** Which neighbours' figures an average is made of. */
export interface Contributors {
  n: number;
  of: number;
  missing: MissingNeighbour[];
}

/** Why a neighbour has no figure, in a word or two. */
function missingWhy(o: Observation | undefined): string {
  if (!o) return 'no figure held';
  if (o.status === 'c') return 'suppressed';
  return o.status ? STATUS_MEANING[o.status] : 'no figure held';
}

/** The neighbours that gave a figure, and the others with the reason. */
export function contributors(links: readonly NeighbourLink[], now: ReadonlyMap<AreaCode, Observation>, nameOf: (code: AreaCode) => string): Contributors {
  const missing: MissingNeighbour[] = [];
  for (const l of links) {
    const o = now.get(l.code);
    if (o?.value === null || o?.value === undefined || !Number.isFinite(o.value)) missing.push({ code: l.code, name: nameOf(l.code), why: missingWhy(o) });
  }
  return { n: links.length - missing.length, of: links.length, missing };
}

/** "9 of 10 neighbours; Shropshire: suppressed", "all 10 neighbours". */
export function contributorsText(c: Contributors): string {
  if (c.n === c.of) return `all ${c.of} neighbours`;
  return [`${c.n} of ${c.of} neighbours`, ...c.missing.map((m) => `${m.name}: ${m.why}`)].join('; ');
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
  /** e.g. "9 of 10 neighbours; Shropshire: suppressed". */
  note?: string;
  /** For the neighbours' average: which neighbours contributed. */
  contributors?: Contributors;
}

/** Whose statistical neighbours, which they are, and how to name their average. */
export interface NeighbourGroup {
  of: Area;
  links: readonly NeighbourLink[];
  label: string;
  description?: string | undefined;
  /** Mean (the default, as LAIT) or median. */
  average?: AverageMethod | undefined;
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
    const method = nb.average ?? 'mean';
    const avg = neighbourAverage(codes.map((c) => now.get(c)?.value ?? null), method);
    const prev = neighbourAverage(codes.map((c) => before.get(c)?.value ?? null), method);
    const who = contributors(nb.links, now, (c) => byArea.get(c)?.name ?? c);
    out.push({
      id: `neighbours:${nb.of.code}`,
      label: nb.label,
      role: 'neighbours',
      value: avg?.value ?? null,
      status: avg ? null : 'blank',
      previous: prev?.value ?? null,
      ...(nb.description ? { description: nb.description } : {}),
      note: contributorsText(who),
      contributors: who,
    });
  }
  return out;
}

/**
 * The neighbours' average for each period, as observations of a pseudo area
 * (`lineCode`), so a trend chart can draw it like any benchmark line. The same
 * average as `neighbourAverage`, over the neighbours with a figure that year.
 */
export function neighbourAverageSeries(
  observations: readonly { areaCode: AreaCode; period: Period; value: number | null }[],
  links: readonly NeighbourLink[],
  lineCode: AreaCode,
  indicatorId: string,
  method: AverageMethod = 'mean',
): { indicatorId: string; areaCode: AreaCode; period: Period; value: number | null; status: 'blank' | null; importId: string }[] {
  const wanted = new Set(links.map((l) => l.code));
  const byPeriod = new Map<Period, number[]>();
  for (const o of observations) {
    if (!wanted.has(o.areaCode) || o.value === null) continue;
    byPeriod.set(o.period, [...(byPeriod.get(o.period) ?? []), o.value]);
  }
  return [...byPeriod].map(([period, values]) => ({ indicatorId, areaCode: lineCode, period, value: neighbourAverage(values, method)!.value, status: null, importId: 'derived' }));
}
