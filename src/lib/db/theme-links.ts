/**
 * The user's links between themes and measures (ThemeLinkEdit, table themeLinks since
 * schema version 4). The bundled links are data (data/theme-links.json), combined with
 * these by themes/measure-links.ts `themeMeasures`.
 */
import type { ThemeLinkEdit } from '../model/types';
import { USER_EDITS } from './bundled';
import type { LensDb } from './database';

export async function listThemeLinkEdits(db: LensDb): Promise<ThemeLinkEdit[]> {
  return db.themeLinks.toArray();
}

/**
 * Links a measure to a theme (`linked` true) or removes a link (false), as the user's
 * choice: it stays when the bundle changes and when the measure's import is undone and
 * done again.
 */
export async function setThemeLink(db: LensDb, themeId: string, indicatorId: string, linked: boolean): Promise<void> {
  await db.themeLinks.put({ id: `${themeId}|${indicatorId}`, themeId, indicatorId, linked, editedAt: new Date().toISOString(), importId: USER_EDITS });
}

/** Forgets the user's choice, so the bundled link (or its absence) applies again. */
export async function resetThemeLink(db: LensDb, themeId: string, indicatorId: string): Promise<void> {
  await db.themeLinks.delete(`${themeId}|${indicatorId}`);
}
