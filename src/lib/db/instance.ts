import bundleMeta from '../../../data/bundle-meta.json';
import { coreUrl, restUrl } from 'virtual:bundle-parts';
import type { BundleCore, BundleRest } from '../model/bundle-parts';
import { bundledHash, coreTables, storeBundleCore, storeBundleRest, type BundleLoadResult } from './bundled';
import { openDatabase, type LensDb } from './database';
import type { coreView } from './core-view';

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
   * core-view.ts's `coreView`, loaded on demand (first-look.svelte.ts). Given (on a first
   * visit), `onCore` is called as soon as the core is parsed, with a view of it held in
   * memory, and the library is created and filled after: creating and filling it is most
   * of a first visit's wait. Until the library holds the whole bundle, the view leaves
   * what it does not answer to it (a write, say); the library is then filled without
   * waiting for the first view any longer. A library that holds the bundle already is read
   * instead, or, should it say so only after the first look has begun, the views move to
   * it then.
   */
  coreView?: () => Promise<typeof coreView>;
}

/**
 * Makes sure the bundled data is in the database; resolves when all of it is. The
 * bundle is two content-hashed files (core and rest), so the initial JavaScript
 * stays small and the service worker can precache them; only the hash is compiled
 * in, so a returning visitor whose database already holds this bundle does not
 * download or parse it again. The core is requested at once (index.html preloads it),
 * beside opening the database; on a first look with no database yet (a first visit), the
 * database is created only once the first view is drawn, which is main-thread work that
 * view does not need.
 */
export async function ensureBundledData(db: LensDb = getDb(), opts: EnsureOptions = {}): Promise<BundleLoadResult> {
  // Each step is a performance measure, for the browser's tools and `npm run bench -- startup`.
  const begun = performance.now();
  const measure = (name: string, start: number) => performance.measure(`bundle: ${name}`, { start, end: performance.now() });
  const viewOf = opts.onCore ? opts.coreView?.() : undefined;
  const abort = new AbortController();
  const core = readPart<BundleCore>(fetch(coreUrl, { signal: abort.signal }), 'core', begun, measure);
  // Not awaited when the database holds this bundle already.
  core.catch(() => undefined);
  let opening: Promise<string | undefined> | undefined;
  /** Opens the library (creating it on a first visit) and reads which bundle it holds; once. */
  const opened = (): Promise<string | undefined> => {
    if (opening) return opening;
    // From when the open starts: on a first visit that is after the first view.
    const start = performance.now();
    opening = bundledHash(db).then((hash) => {
      measure('open database', start);
      return hash;
    });
    // Awaited after the first look, if there is one.
    opening.catch(() => undefined);
    return opening;
  };
  // Settled when the library holds the whole bundle, or could not be filled: the core's view then leaves every read to it.
  let wholeIn!: () => void;
  const whole = new Promise<void>((resolve) => (wholeIn = resolve));
  try {
    return await fill();
  } finally {
    wholeIn();
  }

  async function fill(): Promise<BundleLoadResult> {
    let shown = false;
    if (viewOf) {
      const ready = Promise.all([core, viewOf]);
      // A library that says it holds this bundle before the core is in (a visit the service
      // worker did not serve, such as a second one before it took over) is read at once;
      // one that does not (a first visit) is filled after the first look. With no library
      // yet, none is created before the first view is drawn (or something is left to the
      // library): creating it is main-thread work that view does not need.
      const holdsBundle = libraryExists(db.name).then((yes) => (yes ? opened().then((hash) => hash === bundleMeta.hash) : new Promise<boolean>(() => undefined)));
      const libraryFirst = await Promise.race([holdsBundle, ready.then(() => false)]);
      if (!libraryFirst) {
        const [coreData, view] = await ready;
        const start = performance.now();
        let waits!: () => void;
        const waiting = new Promise<void>((resolve) => (waits = resolve));
        const held = view(coreTables(coreData), db, whole, () => {
          // For the browser's tools and the first-visit test: the first view should not need this.
          performance.mark('first look: left to the library');
          waits();
        });
        measure('hold core in memory', start);
        // Until the first view is drawn, or it waits for the library.
        await Promise.race([opts.onCore!(coreData.series.map((s) => s.indicatorId), held), waiting]);
        shown = true;
      }
    }
    const held = await opened();
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
}

/**
 * Whether a database of this name exists in this browser (on a first visit it does not).
 * Where the browser cannot say, it is taken to exist: the library is then opened at once.
 */
async function libraryExists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return true;
  }
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
