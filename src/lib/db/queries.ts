import { inspectionsOf, type Inspection, type InspectionSet } from '../model/inspections';
import { mergeSeries, type ObservationSeries } from '../model/series';
import { sourceConflicts, type SourceConflict } from '../model/source-conflicts';
import type { Area, AreaCode, DataSource, ImportRecord, Indicator, NeighbourModel, Observation, Period, SourceDocument } from '../model/types';
import { BUNDLED, INSPECTIONS_KEY, SOURCES_KEY } from './bundled';
import type { LensDb } from './database';
import { unpack, type SeriesSpan } from './series-packs';

export async function listAreas(db: LensDb): Promise<Area[]> {
  return db.areas.toArray();
}

export async function listIndicators(db: LensDb): Promise<Indicator[]> {
  return db.indicators.toArray();
}

export async function listSources(db: LensDb): Promise<DataSource[]> {
  return ((await db.meta.get(SOURCES_KEY))?.value as DataSource[] | undefined) ?? [];
}

/**
 * Ofsted inspections and visits of one area since 2018, oldest first (every area's
 * when no code is given), with the edition they come from; empty before a bundle that
 * has them is loaded.
 */
export async function listInspections(db: LensDb, areaCode?: AreaCode): Promise<{ asAt: string; source: string; inspections: Inspection[] }> {
  const set = (await db.meta.get(INSPECTIONS_KEY))?.value as InspectionSet | undefined;
  if (!set) return { asAt: '', source: '', inspections: [] };
  return { asAt: set.asAt, source: set.source, inspections: areaCode ? inspectionsOf(set.inspections, areaCode) : set.inspections };
}

export async function listImports(db: LensDb): Promise<ImportRecord[]> {
  return db.imports.orderBy('importedAt').toArray();
}

export async function getNeighbourModel(db: LensDb, id: string): Promise<NeighbourModel | undefined> {
  return db.neighbourModels.get(id);
}

/** Id and label of every statistical neighbour model held (bundled and imported). */
export async function listNeighbourModels(db: LensDb): Promise<{ id: string; label: string }[]> {
  return (await db.neighbourModels.toArray()).map((m) => ({ id: m.id, label: m.label }));
}

export async function listDocuments(db: LensDb, areaCode?: AreaCode): Promise<SourceDocument[]> {
  return areaCode ? db.documents.where('areaCode').equals(areaCode).toArray() : db.documents.toArray();
}

/**
 * The series of one indicator, bundled first and then imports oldest to newest,
 * so that a later import's figure for an area and year overrides an earlier one.
 */
export async function seriesInPrecedence(db: LensDb, indicatorId: string): Promise<ObservationSeries[]> {
  const [packs, imports] = await Promise.all([db.series.where('indicatorIds').equals(indicatorId).toArray(), db.imports.toArray()]);
  return inPrecedence(unpack(packs, indicatorId), imports);
}

/** Series sorted bundled first, then imports oldest to newest. */
export function inPrecedence(series: ObservationSeries[], imports: readonly ImportRecord[]): ObservationSeries[] {
  const order = new Map(imports.map((i) => [i.id, i.id === BUNDLED ? '' : i.importedAt]));
  return series.sort((a, b) => (order.get(a.importId) ?? '').localeCompare(order.get(b.importId) ?? ''));
}

/**
 * Where sources disagree (model/source-conflicts.ts): for each indicator asked, its
 * cells in the years asked for some areas, reading each stored pack once (an area's
 * profile asks for every measure it shows).
 */
export async function getSourceConflicts(
  db: LensDb,
  asked: readonly { indicatorId: string; from: Period; to: Period; decimals: number }[],
  areas: readonly AreaCode[],
): Promise<Map<string, SourceConflict[]>> {
  const ids = [...new Set(asked.map((a) => a.indicatorId))];
  const [packs, imports] = await Promise.all([db.series.where('indicatorIds').anyOf(ids).distinct().toArray(), db.imports.toArray()]);
  const areaFilter = new Set(areas);
  return new Map(asked.map((a) => [a.indicatorId, sourceConflicts(inPrecedence(unpack(packs, a.indicatorId), imports), { areaFilter, from: a.from, to: a.to, decimals: a.decimals })]));
}

/** Observations of one indicator, optionally for some areas and a period range. */
export async function getObservations(
  db: LensDb,
  indicatorId: string,
  opts: { areas?: AreaCode[]; from?: Period; to?: Period } = {},
): Promise<Observation[]> {
  const start = performance.now();
  const series = await seriesInPrecedence(db, indicatorId);
  const observations = mergeSeries(series, {
    ...(opts.areas ? { areaFilter: new Set(opts.areas) } : {}),
    ...(opts.from !== undefined ? { from: opts.from } : {}),
    ...(opts.to !== undefined ? { to: opts.to } : {}),
  });
  // For the browser's performance tools and `npm run bench`: what one chart's query costs.
  performance.measure(`query: ${indicatorId}`, { start, end: performance.now() });
  return observations;
}

/**
 * What the series held say of each indicator: its first and last period, and the imports
 * (the bundled figures among them) holding figures of it, which "About this indicator"
 * names. Read from the keys of the `spans` index in one pass, so the first view waits
 * neither for a second pass nor for every figure held to be read.
 */
export async function seriesCatalog(db: LensDb): Promise<{ extents: Map<string, [Period, Period]>; holders: Map<string, Set<string>> }> {
  const out = new Map<string, [Period, Period]>();
  const holders = new Map<string, Set<string>>();
  // The index's keys alone (series-packs.ts spansOf), not the figures of every pack.
  const spans = (await db.series.orderBy('spans').uniqueKeys()) as unknown as SeriesSpan[];
  for (const [indicatorId, importId, first, last] of spans) {
    const held = holders.get(indicatorId) ?? new Set<string>();
    held.add(importId);
    holders.set(indicatorId, held);
    if (!Number.isFinite(first)) continue;
    const e = out.get(indicatorId);
    if (!e) out.set(indicatorId, [first, last]);
    else {
      if (first < e[0]) e[0] = first;
      if (last > e[1]) e[1] = last;
    }
  }
  return { extents: out, holders };
}

/** First and last period of every indicator. */
export async function getPeriodExtents(db: LensDb): Promise<Map<string, [Period, Period]>> {
  return (await seriesCatalog(db)).extents;
}
