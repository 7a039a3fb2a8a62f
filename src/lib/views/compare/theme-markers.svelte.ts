/**
 * The years in which each chosen area named a theme as a priority, for the markers
 * on a trend chart (Compare, Area). Follows the database: an edited or imported
 * priority moves its marker at once.
 */
import type { LensDb } from '../../db/database';
import { live } from '../../db/live.svelte';
import { listPriorities } from '../../db/theme-queries';
import type { AreaCode, Period } from '../../model/types';
import { priorityYears } from '../../themes/evidence';

export interface ThemeMarkerRow {
  areaCode: AreaCode;
  label: string;
  /** The line's style index, so the marker has the line's colour and shape. */
  styleIndex: number;
  years: { period: Period; labels: string[] }[];
}

export interface ThemeMarkerDeps {
  db: LensDb;
  lines: readonly { id: AreaCode; label: string; styleIndex: number; role: string }[];
  theme: string | undefined;
  from: Period;
  to: Period;
}

export function themeMarkers(deps: () => ThemeMarkerDeps): { readonly current: ThemeMarkerRow[]; readonly error: Error | undefined } {
  const areas = $derived(deps().lines.filter((l) => l.role === 'area'));
  const prioritiesQ = live(
    () => ({ db: deps().db, codes: areas.map((a) => a.id) }),
    ({ db, codes }) => listPriorities(db, { areas: codes }),
  );
  const rows = $derived.by(() => {
    const { theme, from, to } = deps();
    if (!theme || !prioritiesQ.current) return [];
    const byArea = priorityYears(prioritiesQ.current, theme);
    return areas.map((a) => ({
      areaCode: a.id,
      label: a.label,
      styleIndex: a.styleIndex,
      years: (byArea.get(a.id) ?? []).filter((y) => y.period >= from && y.period <= to),
    }));
  });
  return {
    get current() {
      return rows;
    },
    get error() {
      return prioritiesQ.error;
    },
  };
}
