/**
 * Several tabs on one database. Changes made in one tab reach the others through
 * Dexie's liveQuery (db/live.svelte.ts). A schema upgrade is different: the tab
 * that upgrades needs every other tab to let go of the database, and a tab still
 * running the older code must not go on writing into the newer database.
 *
 * - Another tab upgrades (or deletes) the database: IndexedDB sends this tab a
 *   `versionchange`. Dexie would close and silently reopen on the newer version
 *   with its older code; instead this tab closes for good and says to reload.
 * - This tab was opened with older code than the database (a tab loaded before an
 *   update): Dexie 4 opens it anyway; this tab closes it and says to reload.
 * - This tab's upgrade waits on another tab that does not let go (`blocked`): it
 *   says so until the upgrade can go on.
 */
import type Dexie from 'dexie';

export type ConnectionState =
  | { kind: 'open' }
  /** Waiting for another tab to let go of the database so that this one can upgrade it. */
  | { kind: 'blocked' }
  /** Another tab upgraded the database, deleted it, or holds a newer version: this tab has let go. */
  | { kind: 'closed'; why: 'upgraded' | 'deleted' | 'newer' };

/** Dexie multiplies declared versions by ten for IndexedDB; a remainder is its own schema patch. */
const declaredVersion = (nativeVersion: number) => Math.floor(nativeVersion / 10);

/** Follows the database's connection; returns the function that stops following. */
export function watchConnection(db: Dexie, onChange: (s: ConnectionState) => void): () => void {
  const versionchange = (ev: IDBVersionChangeEvent) => {
    db.close();
    onChange({ kind: 'closed', why: ev.newVersion === null ? 'deleted' : 'upgraded' });
    // Stops Dexie's own handler, which would let the database reopen.
    return false;
  };
  const blocked = () => onChange({ kind: 'blocked' });
  const ready = () => {
    const idb = db.backendDB();
    if (idb && declaredVersion(idb.version) > db.verno) {
      db.close();
      onChange({ kind: 'closed', why: 'newer' });
    } else onChange({ kind: 'open' });
  };
  db.on('versionchange', versionchange);
  db.on('blocked', blocked);
  db.on('ready', ready, true);
  return () => {
    db.on('versionchange').unsubscribe(versionchange);
    db.on('blocked').unsubscribe(blocked);
    db.on.ready.unsubscribe(ready);
  };
}
