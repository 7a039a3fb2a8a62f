import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type { BackupContents } from '../../../src/lib/db/backup-format';
import { BackupReader, keysOfStores } from '../../../src/lib/db/backup-validate';
import { backupLines } from '../../../src/lib/db/backup';
import { openDatabase, SCHEMA, type LensDb } from '../../../src/lib/db/database';

/** The committed version-1 database (scripts/make-db-v1-fixture.ts), as backup lines. */
export const FIXTURE_V1 = new URL('../../fixtures/db-v1.jsonl', import.meta.url);
export const V1_TABLES = keysOfStores(SCHEMA[0]!.stores);

export function readFixture(): BackupContents {
  const reader = new BackupReader(1, V1_TABLES);
  for (const line of readFileSync(FIXTURE_V1, 'utf8').split('\n')) reader.feed(line);
  const out = reader.finish();
  if (!out.ok) throw new Error(out.problems.join('\n'));
  return out.value;
}

/** Writes the fixture's records into a database opened as version 1 of the app opened it, then closes it. */
export async function createV1Database(name: string): Promise<void> {
  const fixture = readFixture();
  const v1 = openDatabase(name, { version: 1 });
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const t of v1.tables) await t.bulkAdd(fixture.tables[t.name] ?? []);
  });
  v1.close();
}

/** Every record of every table, encoded exactly (typed arrays as bytes): equal dumps mean equal databases. */
export async function dump(db: LensDb): Promise<string[]> {
  return (await backupLines(db)).slice(1);
}

/**
 * A dump split in two: the records of the bundled (published) data and the record of
 * which edition is loaded, which a restore never takes from a backup; and the rest, the
 * user's imports and edits, which it restores exactly.
 */
export function splitDump(lines: string[]): { bundled: string[]; user: string[] } {
  const isBundled = (line: string) => {
    const { table, record } = JSON.parse(line) as { table: string; record: { importId?: string; id?: string } };
    return table === 'meta' || record.importId === 'bundled' || (table === 'imports' && record.id === 'bundled');
  };
  return { bundled: lines.filter(isBundled), user: lines.filter((l) => !isBundled(l)) };
}

/**
 * Makes IndexedDB refuse writes for lack of room after `n` more puts or adds, as a
 * full disk does part-way through a transaction. Returns the function that stops it.
 */
export function failWritesAfter(n: number): () => void {
  const proto = globalThis.IDBObjectStore.prototype;
  const { put, add } = proto;
  let left = n;
  const guard = <F extends (...a: never[]) => unknown>(f: F) =>
    function (this: IDBObjectStore, ...args: Parameters<F>) {
      if (left-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return f.apply(this, args);
    };
  proto.put = guard(put) as typeof put;
  proto.add = guard(add) as typeof add;
  return () => {
    proto.put = put;
    proto.add = add;
  };
}
