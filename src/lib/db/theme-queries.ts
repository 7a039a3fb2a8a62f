/**
 * Queries and writes for documents, theme mentions and priorities: what the Themes
 * view and the theme markers on Compare and Area need. Storing an imported document
 * is in document-store.ts, apart, so the first view's code does not carry it.
 */
import type { AreaCode, Period, Priority, SourceDocument, ThemeMention } from '../model/types';
import { USER_EDITS } from './bundled';
import type { LensDb } from './database';

export interface RangeFilter {
  areas?: readonly AreaCode[];
  from?: Period;
  to?: Period;
}

function inRange(r: RangeFilter, x: { areaCode: AreaCode; period: Period }): boolean {
  return (r.from === undefined || x.period >= r.from) && (r.to === undefined || x.period <= r.to) && (!r.areas || r.areas.includes(x.areaCode));
}

/** Theme mentions of documents in the areas and years given. */
export async function listThemeMentions(db: LensDb, r: RangeFilter = {}): Promise<ThemeMention[]> {
  const rows = r.areas ? await db.themeMentions.where('areaCode').anyOf([...r.areas]).toArray() : await db.themeMentions.toArray();
  return rows.filter((m) => inRange(r, m));
}

/** Priorities the user sees: stated in documents or added by the user, not removed. */
export async function listPriorities(db: LensDb, r: RangeFilter = {}): Promise<Priority[]> {
  const rows = r.areas ? await db.priorities.where('areaCode').anyOf([...r.areas]).toArray() : await db.priorities.toArray();
  return rows.filter((p) => !p.removed && inRange(r, p)).sort((a, b) => a.period - b.period || a.label.localeCompare(b.label));
}

/** Documents without their text (the list views do not need it). */
export async function listDocumentHeads(db: LensDb, r: RangeFilter = {}): Promise<Omit<SourceDocument, 'text'>[]> {
  const rows = r.areas ? await db.documents.where('areaCode').anyOf([...r.areas]).toArray() : await db.documents.toArray();
  return rows.filter((d) => inRange(r, d)).map(({ text: _text, ...head }) => head);
}

export async function getDocument(db: LensDb, id: string): Promise<SourceDocument | undefined> {
  return db.documents.get(id);
}

/** Adds a priority or saves the user's change to one; either way it is the user's from now on. */
export async function savePriority(db: LensDb, p: Priority): Promise<void> {
  await db.priorities.put({ ...p, label: p.label.trim(), userEdited: true, editedAt: new Date().toISOString(), importId: USER_EDITS });
}

/** Removes a priority, keeping a tombstone so that tagging its document again does not bring it back. */
export async function removePriority(db: LensDb, id: string): Promise<void> {
  await db.transaction('rw', db.priorities, async () => {
    const p = await db.priorities.get(id);
    if (p) await db.priorities.put({ ...p, removed: true, userEdited: true, editedAt: new Date().toISOString(), importId: USER_EDITS });
  });
}
