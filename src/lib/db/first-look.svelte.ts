/**
 * The first look: on a first visit, the first view is drawn from the core of the
 * bundled data held in memory as plain objects (core-view.ts), while the library is
 * created in IndexedDB and filled in the background, which on a slow device takes about
 * a second (instance.ts). The views read the library through one handle,
 * `readingLibrary`, which reads the core's view until the library holds the whole
 * bundle. Then every live query (live.svelte.ts) asks again, of the library: the views
 * keep what they show until the answers come, and the answers are the same figures, so
 * nothing flashes or is laid out twice. What the core's view does not answer itself (a
 * write: what a user saves belongs in the library) waits for the library and is done
 * there.
 */
import { untrack } from 'svelte';
import type { LensDb } from './database';

let memory = $state.raw<LensDb | null>(null);
// From the app's start until the core's view is given, on a visit that will have a first look.
let coming = $state(false);

/**
 * Whether to draw the first view from memory: on a visit the service worker does not
 * serve, which is a first visit (it serves every visit after one, when the library is
 * filled; a reload that bypasses it only costs the first look's work of holding the
 * core, a few milliseconds). Reading plain objects is quick in every browser.
 */
export function firstLookHelps(): boolean {
  return !navigator.serviceWorker?.controller;
}

export const firstLook = {
  /** True while the views read the core's view. Read in an effect, it runs the effect again when the library takes over. */
  get active(): boolean {
    return memory !== null;
  },
  /**
   * A first look is coming: until `begin` (or `end`), live queries wait for the core's view
   * instead of reading the library, which on a first visit does not exist yet and would be
   * created for them (instance.ts creates it after the first view is drawn).
   */
  expect(): void {
    coming = true;
  },
  /** True from `expect` until `begin` or `end`. Read in an effect, it runs the effect again when the view is given. */
  get coming(): boolean {
    return coming;
  },
  /** The views read `db` (core-view.ts: the core held in memory) until `end`. */
  begin(db: LensDb): void {
    memory = db;
    coming = false;
  },
  /** The library holds the whole bundle (or could not be filled): the views read it. */
  end(): void {
    memory = null;
    coming = false;
  },
};

/**
 * The library as the views read it: the core's view during the first look, the
 * library itself after. One handle for the app's lifetime, so the views are not
 * started afresh when the library takes over.
 */
export function readingLibrary(library: LensDb): LensDb {
  return new Proxy(library, {
    get(target, key) {
      // Not a dependency of whatever effect reads the database: live queries ask for that themselves.
      const from = untrack(() => memory) ?? target;
      const value: unknown = Reflect.get(from, key, from);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(from) : value;
    },
  });
}
