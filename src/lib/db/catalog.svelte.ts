import type { LensDb } from './database';
import { live, type Live } from './live.svelte';
import { getPeriodExtents, listAreas, listIndicators, listNeighbourModels, listSources } from './queries';

/**
 * What the Compare and Area views both need to know about the data held, each part
 * followed live: areas, indicators, the years each indicator has, the bundled
 * sources and the statistical neighbour models.
 */
export interface Catalog {
  areas: Live<Awaited<ReturnType<typeof listAreas>>>;
  indicators: Live<Awaited<ReturnType<typeof listIndicators>>>;
  extents: Live<Awaited<ReturnType<typeof getPeriodExtents>>>;
  sources: Live<Awaited<ReturnType<typeof listSources>>>;
  models: Live<Awaited<ReturnType<typeof listNeighbourModels>>>;
}

export function liveCatalog(db: LensDb): Catalog {
  const none = () => null;
  return {
    areas: live(none, () => listAreas(db)),
    indicators: live(none, () => listIndicators(db)),
    extents: live(none, () => getPeriodExtents(db)),
    sources: live(none, () => listSources(db)),
    models: live(none, () => listNeighbourModels(db)),
  };
}
