/**
 * What each schema version changes in the records: the `upgrade` Dexie runs on a
 * database in place (listed in database.ts SCHEMA), and the same change for the
 * records of a backup made by an older version. Each migration names the tables
 * as they were in its own version, so later changes cannot alter what it does.
 */
import type { Transaction } from 'dexie';
import type { BackupContents } from './backup-format';
import type { ObservationSeries } from '../model/series';
import { addToImport } from './record-size';
import { packOfOne, spansOf, type SeriesPack } from './series-packs';

/** Tables whose records carried an importId at version 2. */
const V2_OWNED = ['areas', 'indicators', 'series', 'documents', 'themeMentions', 'priorities', 'neighbourModels'];

/**
 * Version 2: every import record says about how much it stores (`storedBytes`), so
 * the Data view can show which imports to undo when the browser runs out of room.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const totals = new Map<string, number>();
  for (const t of V2_OWNED) await tx.table(t).each((r: { importId?: unknown }) => addToImport(totals, r));
  await tx
    .table('imports')
    .toCollection()
    .modify((i: { id: string; storedBytes?: number }) => {
      i.storedBytes = totals.get(i.id) ?? 0;
    });
}

function backupToV2(tables: BackupContents['tables']): BackupContents['tables'] {
  const totals = new Map<string, number>();
  for (const t of V2_OWNED) for (const r of tables[t] ?? []) addToImport(totals, r);
  return { ...tables, imports: (tables['imports'] ?? []).map((i) => ({ ...i, storedBytes: totals.get(i['id'] as string) ?? 0 })) };
}

/**
 * Version 3: each series record becomes a pack holding that one series, under the
 * same key. New imports write packs of many series (series-packs.ts); existing
 * records are not repacked, so the upgrade is quick and its result is the same
 * as restoring an older backup.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const series = tx.table('series');
  const records = (await series.toArray()) as ObservationSeries[];
  await series.bulkPut(records.map(packOfOne));
}

function backupToV3(tables: BackupContents['tables']): BackupContents['tables'] {
  const series = (tables['series'] ?? []) as unknown as ObservationSeries[];
  return { ...tables, series: series.map(packOfOne) as unknown as BackupContents['tables'][string] };
}

/**
 * Version 5: each pack lists what it holds in `spans`, a multi-entry index
 * (series-packs.ts). Derived from the series, so a backup needs no step: the database
 * writes it as the records are stored (database.ts).
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table('series')
    .toCollection()
    .modify((p: SeriesPack) => {
      p.spans = spansOf(p);
    });
}

/** Backup migrations by the version they bring the records to. */
const BACKUP_STEPS: Record<number, (tables: BackupContents['tables']) => BackupContents['tables']> = {
  2: backupToV2,
  3: backupToV3,
};

/** Brings a backup's records up to `toVersion` of the schema, one version at a time. */
export function upgradeBackup(contents: BackupContents, toVersion: number): BackupContents {
  let tables = contents.tables;
  for (let v = contents.header.schemaVersion + 1; v <= toVersion; v++) {
    const step = BACKUP_STEPS[v];
    if (step) tables = step(tables);
  }
  return { header: { ...contents.header, schemaVersion: Math.max(toVersion, contents.header.schemaVersion) }, tables };
}
