import bundleMeta from '../../../data/bundle-meta.json';
import { coreUrl, restUrl } from 'virtual:bundle-parts';
import type { BundleCore, BundleRest } from '../model/bundle-parts';
import { bundledHash, storeBundleCore, storeBundleRest, type BundleLoadResult } from './bundled';
import { openDatabase, type LensDb } from './database';
import type { MemoryDatabase } from './memory-database';

/** The indicators whose series the bundle's core holds: a Compare link on one of them is drawn as soon as the core is in. */
export { coreIndicators } from 'virtual:bundle-parts';

let instance: LensDb | undefined;

/** The app's database, opened on first use. */
export function getDb(): LensDb {
  instance ??= openDatabase();
  return instance;
}

export interface EnsureOptions {
  /**
   * Called once the core of the bundle is stored (model/bundle-parts.ts), with the
   * indicators whose series it holds and the database holding it, before the rest is
   * read: a view that needs only those can be drawn. The rest waits until the returned
   * promise settles, so that parsing and storing it does not hold up that view.
   */
  onCore?: (indicators: readonly string[], from: LensDb) => Promise<void> | void;
  /**
   * A database in memory (first-look.svelte.ts). Given (on a first visit), the core is
   * stored there and `onCore` called with it at once, and the library is created and
   * filled after: creating and filling it is most of a first visit's wait. A library
   * that holds the bundle already is read instead, or, should it say so only after the
   * first look has begun, the views move to it then.
   */
  memory?: () => Promise<MemoryDatabase>;
}

/**
 * Makes sure the bundled data is in the database; resolves when all of it is. The
 * bundle is two content-hashed files (core and rest), so the initial JavaScript
 * stays small and the service worker can precache them; only the hash is compiled
 * in, so a returning visitor whose database already holds this bundle does not
 * download or parse it again. The core is requested at once (index.html preloads it),
 * beside opening the database.
 */
export async function ensureBundledData(db: LensDb = getDb(), opts: EnsureOptions = {}): Promise<BundleLoadResult> {
  // Each step is a performance measure, for the browser's tools and `npm run bench -- startup`.
  const begun = performance.now();
  const measure = (name: string, start: number) => performance.measure(`bundle: ${name}`, { start, end: performance.now() });
  const memory = opts.onCore ? opts.memory?.() : undefined;
  const abort = new AbortController();
  const core = readPart<BundleCore>(fetch(coreUrl, { signal: abort.signal }), 'core', begun, measure);
  // Not awaited when the database holds this bundle already.
  core.catch(() => undefined);
  const opened = bundledHash(db).then((hash) => {
    measure('open database', begun);
    return hash;
  });
  // Awaited after the first look, if there is one.
  opened.catch(() => undefined);
  let shown = false;
  if (memory) {
    const ready = Promise.all([core, memory]);
    // A library that says it holds this bundle before the memory database is ready (a
    // visit the service worker did not serve, such as a second one before it took over)
    // is read at once; one that does not (a first visit) is filled after the first look.
    const libraryFirst = await Promise.race([opened.then((hash) => hash === bundleMeta.hash), ready.then(() => false)]);
    if (!libraryFirst) {
      const [coreData, inMemory] = await ready;
      const start = performance.now();
      await storeBundleCore(inMemory.db, coreData);
      inMemory.seal();
      measure('store core in memory', start);
      await opts.onCore!(coreData.series.map((s) => s.indicatorId), inMemory.db);
      shown = true;
    }
  }
  const held = await opened;
  if (held === bundleMeta.hash) {
    abort.abort();
    return 'unchanged';
  }
  const rest = fetch(restUrl);
  rest.catch(() => undefined);
  const coreData = await core;
  let start = performance.now();
  const result = await storeBundleCore(db, coreData);
  measure('store core', start);
  if (result === 'unchanged') return result;
  if (!shown) await opts.onCore?.(coreData.series.map((s) => s.indicatorId), db);
  const restData = await readPart<BundleRest>(rest, 'rest', performance.now(), measure);
  start = performance.now();
  await storeBundleRest(db, coreData, restData);
  measure('store rest', start);
  return result;
}

/** `fetch ${name}` is measured from `start` to the whole body received (what remains of it once the app waits for it). */
async function readPart<T>(response: Promise<Response>, name: string, start: number, measure: (name: string, start: number) => void): Promise<T> {
  const res = await response;
  if (!res.ok) throw new Error(`The bundled data could not be read (HTTP ${res.status}).`);
  const text = await res.text();
  measure(`fetch ${name}`, start);
  start = performance.now();
  const data = JSON.parse(text) as T;
  measure(`parse ${name}`, start);
  return data;
}
