import type { LensDb } from './database';
import { live, type Live } from './live.svelte';
import { listAreas, listIndicators, listNeighbourModels, listSources, seriesCatalog } from './queries';

/**
 * What the Compare and Area views both need to know about the data held, each part
 * followed live: areas, indicators, the years each indicator has and the imports
 * holding its figures, the bundled sources and the statistical neighbour models.
 */
type SeriesCatalog = Awaited<ReturnType<typeof seriesCatalog>>;

export interface Catalog {
  areas: Live<Awaited<ReturnType<typeof listAreas>>>;
  indicators: Live<Awaited<ReturnType<typeof listIndicators>>>;
  extents: Live<SeriesCatalog['extents']>;
  /** The ids of the imports holding figures of each indicator (the bundled figures' among them). */
  holders: Live<SeriesCatalog['holders']>;
  sources: Live<Awaited<ReturnType<typeof listSources>>>;
  models: Live<Awaited<ReturnType<typeof listNeighbourModels>>>;
}

export function liveCatalog(db: LensDb): Catalog {
  const none = () => null;
  const series = live(none, () => seriesCatalog(db));
  /** One part of the series' catalog, followed as the whole is. */
  const part = <K extends keyof SeriesCatalog>(key: K): Live<SeriesCatalog[K]> => ({
    get current() {
      return series.current?.[key];
    },
    get isLoading() {
      return series.isLoading;
    },
    get error() {
      return series.error;
    },
  });
  return {
    areas: live(none, () => listAreas(db)),
    indicators: live(none, () => listIndicators(db)),
    extents: part('extents'),
    holders: part('holders'),
    sources: live(none, () => listSources(db)),
    models: live(none, () => listNeighbourModels(db)),
  };
}
