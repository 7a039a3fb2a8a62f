import { BUNDLED } from '../../db/bundled';
import type { LensDb } from '../../db/database';
import { live } from '../../db/live.svelte';
import { listImports } from '../../db/queries';

/** Whether the user has imported anything (so Share may offer to carry it), followed live. */
export function importsHeld(db: LensDb): { readonly any: boolean } {
  const importsQ = live(
    () => null,
    () => listImports(db),
  );
  return {
    get any() {
      return (importsQ.current ?? []).some((i) => i.id !== BUNDLED);
    },
  };
}
