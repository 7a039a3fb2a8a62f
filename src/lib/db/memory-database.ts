/**
 * A database held in memory, with the library's schema, for the first look
 * (first-look.svelte.ts). Its own chunk, loaded only on a first visit: the IndexedDB
 * implementation it runs on (fake-indexeddb, about 15 KB gzip) is needed nowhere else.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DBCore, Middleware } from 'dexie';
import { DB_NAME, openDatabase, type LensDb } from './database';

export interface MemoryDatabase {
  db: LensDb;
  /** Refuses writes from now on: what the views write belongs in the library, not in memory that goes. */
  seal(): void;
}

export const STILL_STORING = 'The bundled figures are still being stored in this browser. Try again in a moment.';

export function openMemoryDatabase(): MemoryDatabase {
  // A name of its own: Dexie tells live queries of a change by database name.
  const db = openDatabase(`${DB_NAME}-first-look`, { backend: { indexedDB: new IDBFactory(), IDBKeyRange } });
  let sealed = false;
  const refuseWrites: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'first-look-sealed',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return { ...table, mutate: (req) => (sealed ? Promise.reject(new Error(STILL_STORING)) : table.mutate(req)) };
      },
    }),
  };
  db.use(refuseWrites);
  return { db, seal: () => (sealed = true) };
}
