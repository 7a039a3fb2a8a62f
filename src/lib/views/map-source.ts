import mapUrl from '../../../data/england-utla-map.json?url';
import type { MapFile } from '../charts/map-data';

let loading: Promise<MapFile> | undefined;

/**
 * The map's boundaries, fetched once and only when a map is first shown, so that
 * they never weigh on the first load. Same origin: a static file of the build.
 */
export function loadMapFile(): Promise<MapFile> {
  loading ??= fetch(mapUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`The map could not be read (HTTP ${res.status}).`);
      return res.json() as Promise<MapFile>;
    })
    .then((file) => {
      if (file.format !== 'safeguarding-lens/map' || !Array.isArray(file.areas)) throw new Error('The map file is not in the expected format.');
      return file;
    })
    .catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  return loading;
}
