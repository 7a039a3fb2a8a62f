/**
 * The first look: on a first visit, the first view is drawn from the core of the
 * bundled data held in memory (memory-database.ts), while the library is created in
 * IndexedDB and filled in the background, which on a slow device takes about a second
 * (instance.ts). The views read the library through one handle, `readingLibrary`,
 * which reads the memory database until the library holds the whole bundle. Then every
 * live query (live.svelte.ts) asks again, of the library: the views keep what they show
 * until the answers come, and the answers are the same figures, so nothing flashes or is
 * laid out twice. Writes to the memory database are refused (memory-database.ts): what
 * a user saves belongs in the library.
 */
import { tick, untrack } from 'svelte';
import type { LensDb } from './database';

declare global {
  // Not yet in TypeScript's DOM types.
  var scheduler: { postTask?: (task: () => void) => Promise<void> } | undefined;
}

let memory = $state.raw<LensDb | null>(null);

/**
 * Whether to draw the first view from memory: on a visit the service worker does not
 * serve, which is a first visit (it serves every visit after one, when the library is
 * filled; a reload that bypasses it only costs the first look's work), and where the
 * memory database is quick. It runs each request as a task of its own: with
 * `scheduler.postTask` (Chromium, Firefox) at once, without it (Safari) on a timer
 * browsers hold back to 4 ms, slower than the browser's own database.
 */
export function firstLookHelps(): boolean {
  return typeof globalThis.scheduler?.postTask === 'function' && !navigator.serviceWorker?.controller;
}

export const firstLook = {
  /** True while the views read the memory database. Read in an effect, it runs the effect again when the library takes over. */
  get active(): boolean {
    return memory !== null;
  },
  /** The views read `db` (the memory database holding the core) until `end`. */
  begin(db: LensDb): void {
    memory = db;
  },
  /** The library holds the whole bundle (or could not be filled): the views read it. */
  async end(): Promise<void> {
    const held = memory;
    if (!held) return;
    memory = null;
    // Closed once the live queries have moved to the library, so none of them sees it close.
    await tick();
    held.close();
  },
};

/**
 * The library as the views read it: the memory database during the first look, the
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
