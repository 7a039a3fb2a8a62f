/**
 * The user's own names for indicators they imported. A table's header makes a long or
 * odd name ("Children who were the subject of a plan at 31 March: rate per 10,000
 * children"); the user renames it and says which way is better after seeing the
 * figures. Bundled indicators keep the publisher's names. The edit is made on the
 * indicator record itself, so views, carried links and backups follow, and undoing
 * the import removes it with the indicator.
 */
import type { Indicator, Polarity } from '../model/types';
import { shortLabelOf } from '../model/indicator-label';
import { BUNDLED } from './bundled';
import type { LensDb } from './database';

/** Indicators that came from the user's imports, by name. */
export async function listImportedIndicators(db: LensDb): Promise<Indicator[]> {
  const all = await db.indicators.filter((i) => i.importId !== BUNDLED).toArray();
  return all.sort((a, b) => a.label.localeCompare(b.label));
}

export async function editImportedIndicator(db: LensDb, id: string, change: { label: string; polarity: Polarity }): Promise<void> {
  const label = change.label.replace(/\s+/g, ' ').trim();
  if (label === '') throw new Error('an indicator needs a name.');
  await db.transaction('rw', db.indicators, async () => {
    const indicator = await db.indicators.get(id);
    if (!indicator) throw new Error('the indicator is no longer held (its import was undone).');
    if (indicator.importId === BUNDLED) throw new Error(`“${indicator.label}” is bundled: it keeps the publisher’s name.`);
    await db.indicators.update(id, { label, shortLabel: shortLabelOf(label), polarity: change.polarity });
  });
}
