/**
 * Mappings the user confirmed, by the layout of the table (import/layout-key.ts), so
 * that next year's edition of a table is read the same way. Kept in `meta`: they are
 * the user's working habits, not data, so backups and undo leave them alone.
 */
import type { TableMapping } from '../import/plan';
import type { LensDb } from './database';

const PREFIX = 'layout:';

export interface RememberedLayout {
  mapping: TableMapping;
  /** The file it was confirmed for, to say where the mapping comes from. */
  fileName: string;
  savedAt: string;
}

export async function rememberLayout(db: LensDb, key: string, layout: RememberedLayout): Promise<void> {
  await db.meta.put({ key: PREFIX + key, value: layout });
}

/** The first of `keys` (in order) with a remembered layout. */
export async function recallLayout(db: LensDb, keys: readonly { row: number; key: string }[]): Promise<{ row: number; layout: RememberedLayout } | null> {
  if (keys.length === 0) return null;
  const found = await db.meta.bulkGet(keys.map((k) => PREFIX + k.key));
  for (let i = 0; i < keys.length; i++) {
    const value = found[i]?.value as RememberedLayout | undefined;
    if (value?.mapping) return { row: keys[i]!.row, layout: value };
  }
  return null;
}
