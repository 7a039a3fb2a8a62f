/**
 * A temporary database for looking at carried data without saving it: the same
 * schema as the library, holding the bundled figures and the carried ones, opened
 * under its own name. The views read it exactly as they read the library, and the
 * library is not touched. It is deleted when the user stops viewing; one left behind
 * by a closed tab is deleted the next time a view-only database is opened.
 *
 * Each open one is marked as in use by a Web Lock of the same name, which the
 * browser releases when its tab goes, so another tab never deletes one in use.
 */
import Dexie from 'dexie';
import { openDatabase, type LensDb } from './database';

const PREFIX = 'safeguarding-lens-viewing-';

export interface ViewOnlyDb {
  db: LensDb;
  /** Closes and deletes it. */
  discard(): Promise<void>;
}

export async function openViewOnlyDb(): Promise<ViewOnlyDb> {
  await removeAbandoned();
  const name = `${PREFIX}${crypto.randomUUID()}`;
  const release = await holdLock(name);
  const db = openDatabase(name);
  return {
    db,
    async discard() {
      db.close();
      release();
      await Dexie.delete(name);
    },
  };
}

/** Deletes view-only databases that no open tab holds. */
export async function removeAbandoned(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  const names = (await indexedDB.databases()).flatMap((d) => (d.name?.startsWith(PREFIX) ? [d.name] : []));
  if (!names.length) return [];
  const held = new Set(locks() ? ((await locks()!.query()).held ?? []).map((l) => l.name) : []);
  const gone = names.filter((n) => !held.has(n));
  await Promise.all(gone.map((n) => Dexie.delete(n)));
  return gone;
}

function locks(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

/** Holds a lock until the returned function is called (or the tab goes). */
async function holdLock(name: string): Promise<() => void> {
  const lm = locks();
  if (!lm) return () => undefined;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await new Promise<void>((granted) => {
    void lm.request(name, () => {
      granted();
      return held;
    });
  });
  return release;
}
