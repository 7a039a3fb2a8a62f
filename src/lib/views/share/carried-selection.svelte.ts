import { collectCarried, type CarrySelection } from '../../db/carry';
import type { LensDb } from '../../db/database';
import { live } from '../../db/live.svelte';
import { getPeriodExtents, listIndicators } from '../../db/queries';
import { listThemeLinkEdits } from '../../db/theme-links';
import { carryScope } from '../../share/carry-scope';
import type { View } from '../../state/url-codec';

/** The imported records the view on screen draws on, followed live: null when it draws on none, undefined while reading. */
export function carriedSelection(db: LensDb, view: () => View): { readonly current: CarrySelection | null | undefined } {
  const selectionQ = live(view, async (v): Promise<CarrySelection | null> => {
    const [indicators, extents, links] = await Promise.all([listIndicators(db), getPeriodExtents(db), listThemeLinkEdits(db)]);
    const scope = carryScope(v, { indicators, extents, linkedByUser: [...new Set(links.filter((l) => l.linked).map((l) => l.indicatorId))] });
    return scope ? collectCarried(db, scope) : null;
  });
  return {
    get current() {
      return selectionQ.current;
    },
  };
}
