import { watchConnection, type ConnectionState } from '../../db/connection';
import type { LensDb } from '../../db/database';

/** This tab's hold on the database (open, waiting for another tab, or let go), followed live. */
export function connectionState(db: LensDb): { readonly current: ConnectionState } {
  let connection = $state.raw<ConnectionState>({ kind: 'open' });
  $effect(() => watchConnection(db, (s) => (connection = s)));
  return {
    get current() {
      return connection;
    },
  };
}
