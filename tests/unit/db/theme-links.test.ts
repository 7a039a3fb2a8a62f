import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupFile, writeBackup } from '../../../src/lib/db/backup';
import { loadBundle } from '../../../src/lib/db/bundled';
import { openDatabase, SCHEMA_VERSION, type LensDb } from '../../../src/lib/db/database';
import { commitImport, undoImport } from '../../../src/lib/db/imports';
import { listIndicators } from '../../../src/lib/db/queries';
import { restoreMerge, restoreReplace } from '../../../src/lib/db/restore';
import { listThemeLinkEdits, resetThemeLink, setThemeLink } from '../../../src/lib/db/theme-links';
import type { Bundle } from '../../../src/lib/model/bundle';
import { seriesFromObservations } from '../../../src/lib/model/series';
import { bundledThemeLinks, themeMeasures } from '../../../src/lib/themes/measure-links';
import { readFileSync } from 'node:fs';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

let n = 0;
const open: LensDb[] = [];
async function fresh(): Promise<LensDb> {
  const db = openDatabase(`test-theme-links-${n++}`);
  open.push(db);
  await loadBundle(db, bundle);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** What a view model would show: the bundled links with the user's edits, for the indicators held. */
async function measuresOf(db: LensDb, theme: string) {
  const held = new Set((await listIndicators(db)).map((i) => i.id));
  return themeMeasures(bundledThemeLinks(), await listThemeLinkEdits(db), held).get(theme)!.measures.map((m) => `${m.indicatorId}:${m.origin}`);
}

async function importEarlyHelp(db: LensDb, id: string) {
  await commitImport(db, {
    record: { id, fileName: 'early-help.csv', hash: `hash-${id}`, kind: 'generic_csv', importedAt: new Date().toISOString(), warnings: [] },
    areas: [],
    indicators: [{ id: 'local_eh', label: 'Early help assessments', shortLabel: 'Early help', unit: 'count', polarity: 'neither', definition: '', source: 'early-help.csv', decimals: 0, importId: id }],
    series: seriesFromObservations(id, [{ indicatorId: 'local_eh', areaCode: 'E10000034', period: 2025, value: 812, status: null }]),
    documents: [],
    priorities: [],
  });
}

describe('the user’s links between themes and measures', () => {
  it('is a table of schema version 4', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
  });

  it('links an imported indicator to a theme, keeps the link through an undo and a second import, and a new bundle', async () => {
    const db = await fresh();
    await importEarlyHelp(db, 'imp-1');
    await setThemeLink(db, 'early_help', 'local_eh', true);
    expect(await measuresOf(db, 'early_help')).toEqual(['local_eh:user']);
    await undoImport(db, 'imp-1');
    expect(await measuresOf(db, 'early_help')).toEqual([]);
    await importEarlyHelp(db, 'imp-2');
    expect(await measuresOf(db, 'early_help')).toEqual(['local_eh:user']);
    await loadBundle(db, { ...bundle, hash: 'a-newer-bundle' });
    expect(await measuresOf(db, 'early_help')).toEqual(['local_eh:user']);
  });

  it('unlinks a bundled measure, and forgetting the choice brings the bundled link back', async () => {
    const db = await fresh();
    await setThemeLink(db, 'neglect', 'factor_neglect', false);
    expect(await measuresOf(db, 'neglect')).toEqual([]);
    await resetThemeLink(db, 'neglect', 'factor_neglect');
    expect(await measuresOf(db, 'neglect')).toEqual(['factor_neglect:bundled']);
  });

  it('goes into a backup and comes back on replace; on merge the later choice wins', async () => {
    const db = await fresh();
    await setThemeLink(db, 'neglect', 'factor_neglect', false);
    await setThemeLink(db, 'neglect', 'cpp_rate', true);
    const read = await readBackupFile(db, (await writeBackup(db)).blob);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.value.tables['themeLinks']).toHaveLength(2);

    const other = await fresh();
    await restoreReplace(other, read.value);
    expect(await measuresOf(other, 'neglect')).toEqual(['cpp_rate:user']);

    const third = await fresh();
    await setThemeLink(third, 'neglect', 'cpp_rate', false); // made after the backup: it stays
    const report = await restoreMerge(third, read.value);
    expect(report.edits).toBe(1);
    expect(await measuresOf(third, 'neglect')).toEqual([]);
    expect((await third.themeLinks.get('neglect|factor_neglect'))?.linked).toBe(false);
  });

  it('a backup whose link is not the user’s is refused with the line', async () => {
    const db = await fresh();
    await db.themeLinks.put({ id: 'neglect|cpp_rate', themeId: 'neglect', indicatorId: 'cpp_rate', linked: true, editedAt: '2026-12-01T00:00:00.000Z', importId: 'bundled' });
    const read = await readBackupFile(db, (await writeBackup(db)).blob);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.join(' ')).toMatch(/themeLinks.*not the user’s/);
  });
});
