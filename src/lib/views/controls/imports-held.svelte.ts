import { BUNDLED } from '../../db/bundled';
import type { LensDb } from '../../db/database';
import { live } from '../../db/live.svelte';
import { listImports } from '../../db/queries';

/** Whether the user has imported anything (so Share may offer to carry it), followed live. */
export function importsHeld(db: LensDb): { readonly any: boolean; readonly known: boolean } {
  const importsQ = live(
    () => null,
    () => listImports(db),
  );
  return {
    /** Whether the imports have been read yet. */
    get known() {
      return importsQ.current !== undefined;
    },
    get any() {
      return (importsQ.current ?? []).some((i) => i.id !== BUNDLED);
    },
  };
}
