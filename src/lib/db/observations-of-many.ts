/**
 * The figures said and seen reads: several indicators for some areas at once. Apart
 * from queries.ts so that it loads with the views that use it, not with the first view.
 */
import { mergeSeries } from '../model/series';
import type { AreaCode, Observation } from '../model/types';
import type { LensDb } from './database';
import { inPrecedence } from './queries';
import { unpack } from './series-packs';

/**
 * Observations of several indicators for some areas, reading each stored pack once
 * (an area's said-and-seen rows need some thirty measures, most of them in the same
 * packs): by indicator, in the same precedence as getObservations.
 */
export async function getObservationsOfMany(db: LensDb, indicatorIds: readonly string[], areas: readonly AreaCode[]): Promise<Map<string, Observation[]>> {
  const ids = [...new Set(indicatorIds)];
  const [packs, imports] = await Promise.all([db.series.where('indicatorIds').anyOf(ids).distinct().toArray(), db.imports.toArray()]);
  const areaFilter = new Set(areas);
  const out = new Map<string, Observation[]>();
  for (const id of ids) {
    out.set(id, mergeSeries(inPrecedence(unpack(packs, id), imports), { areaFilter }));
  }
  return out;
}
