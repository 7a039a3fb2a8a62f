import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchConnection, type ConnectionState } from '../../../src/lib/db/connection';
import { openDatabase, SCHEMA, type LensDb } from '../../../src/lib/db/database';

let n = 0;
const names: string[] = [];
const name = () => {
  names.push(`test-connection-${n++}`);
  return names[names.length - 1]!;
};
afterEach(async () => {
  for (const x of names.splice(0)) await Dexie.delete(x);
});

function watched(db: LensDb): ConnectionState[] {
  const seen: ConnectionState[] = [];
  watchConnection(db, (s) => seen.push(s));
  return seen;
}

/** Opens the database as a newer version of the app would, with one more version. */
function openNewer(dbName: string, extra = 1): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, (SCHEMA.length + extra) * 10);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('a schema upgrade in another tab', () => {
  it('closes this tab’s database for good and says so, so that the upgrade goes on', async () => {
    const dbName = name();
    const db = openDatabase(dbName);
    const seen = watched(db);
    await db.open();
    expect(seen).toEqual([{ kind: 'open' }]);
    const newer = await openNewer(dbName);
    expect(seen.at(-1)).toEqual({ kind: 'closed', why: 'upgraded' });
    // It does not reopen behind the user's back on the newer version with its older code.
    await expect(db.areas.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    newer.close();
  });

  it('a tab loaded with older code than the database lets go of it and says so', async () => {
    const dbName = name();
    const seed = openDatabase(dbName, { version: 1 });
    await seed.open();
    seed.close();
    // A newer version that kept the stores, so Dexie could open it and carry on as if nothing had happened.
    (await openNewer(dbName)).close();
    const db = openDatabase(dbName);
    const seen = watched(db);
    await db.open().catch(() => undefined);
    expect(seen.at(-1)).toEqual({ kind: 'closed', why: 'newer' });
    await expect(db.areas.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
  });

  it('this tab’s own upgrade, held up by an older tab that does not let go, says so and goes on when it does', async () => {
    const dbName = name();
    const old = openDatabase(dbName, { version: 1 });
    old.on('versionchange', () => false); // an older tab that keeps the database open
    await old.open();
    const db = openDatabase(dbName);
    const seen = watched(db);
    const opening = db.open();
    try {
      await vi.waitFor(() => expect(seen).toEqual([{ kind: 'blocked' }]));
    } finally {
      old.close();
    }
    await opening;
    expect(seen.at(-1)).toEqual({ kind: 'open' });
    expect(db.verno).toBe(SCHEMA.length);
  });
});
