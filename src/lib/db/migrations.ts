/**
 * What each schema version changes in the records, for Dexie's upgrade of a
 * database in place and for a backup made by an older version.
 */
import type { BackupContents } from './backup-format';

/** Brings a backup's records up to `toVersion` of the schema. */
export function upgradeBackup(contents: BackupContents, toVersion: number): BackupContents {
  if (contents.header.schemaVersion >= toVersion) return contents;
  return { header: { ...contents.header, schemaVersion: toVersion }, tables: contents.tables };
}
