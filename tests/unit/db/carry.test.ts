import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../../src/lib/db/bundled';
import { collectCarried } from '../../../src/lib/db/carry';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { commitImport, type PreparedImport } from '../../../src/lib/db/imports';
import { openViewOnlyDb, removeAbandoned } from '../../../src/lib/db/view-only';
import type { Bundle } from '../../../src/lib/model/bundle';
import { seriesFromObservations } from '../../../src/lib/model/series';
import type { Observation } from '../../../src/lib/model/types';

let bundle: Bundle;
beforeAll(() => {
  bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;
});

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-carry-${n++}`);
  await loadBundle(db, bundle);
});
afterEach(async () => {
  await db.delete();
});

const obs = (indicatorId: string, areaCode: string, period: number, value: number): Omit<Observation, 'importId'> => ({ indicatorId, areaCode, period, value, status: null });

function prepared(id: string, extra: Partial<PreparedImport>): PreparedImport {
  return {
    record: { id, fileName: `${id}.csv`, hash: id, kind: 'generic_csv', importedAt: new Date(Date.now() + n++).toISOString(), warnings: [] },
    areas: [],
    indicators: [],
    series: [],
    documents: [],
    priorities: [],
    ...extra,
  };
}

describe('collectCarried', () => {
  it('is null when the view draws only on bundled figures', async () => {
    expect(await collectCarried(db, { figures: [{ indicatorId: 'cpp_rate' }], documents: { areas: ['E10000034'] }, priorities: { areas: ['E10000034'] } })).toBeNull();
  });

  it('carries the imported figures the view draws, in its years, with their indicator and custom areas, and nothing else', async () => {
    await commitImport(
      db,
      prepared('local', {
        indicators: [{ id: 'local_x', label: 'Local X', shortLabel: 'X', unit: 'count', polarity: 'neither', definition: '', source: 'local.csv', decimals: 0, importId: '' }],
        areas: [{ code: 'X00000001', name: 'Barsetshire', level: 'local_authority', aliases: ['Barsetshire'], importId: '' }],
        series: seriesFromObservations('', [
          obs('local_x', 'E10000034', 2019, 1),
          obs('local_x', 'E10000034', 2024, 2),
          obs('local_x', 'X00000001', 2024, 3),
          obs('cpp_rate', 'E10000034', 2024, 99),
        ]),
      }),
    );
    await commitImport(db, prepared('other', { series: seriesFromObservations('', [obs('other_y', 'E10000034', 2024, 5)]) }));

    const sel = await collectCarried(db, { figures: [{ indicatorId: 'local_x', from: 2020, to: 2025 }] });
    expect(sel?.observations.map((o) => [o.areaCode, o.period, o.value])).toEqual([
      ['E10000034', 2024, 2],
      ['X00000001', 2024, 3],
    ]);
    expect(sel?.indicators.map((i) => i.id)).toEqual(['local_x']);
    expect(sel?.areas.map((a) => a.code)).toEqual(['X00000001']);
    expect(sel?.sources).toEqual(['local.csv']);
  });

  it('carries a custom area the view names even where it has no figures', async () => {
    await commitImport(db, prepared('areas', { areas: [{ code: 'X00000002', name: 'Loamshire', level: 'local_authority', aliases: ['Loamshire'], importId: '' }] }));
    const sel = await collectCarried(db, { areas: ['E10000034', 'X00000002'], figures: [{ indicatorId: 'cpp_rate' }] });
    expect(sel).toMatchObject({ areas: [{ code: 'X00000002', name: 'Loamshire' }], observations: [], indicators: [] });
  });

  it('carries an imported figure that overrides a bundled one, not the bundled figures around it', async () => {
    await commitImport(db, prepared('fix', { series: seriesFromObservations('', [obs('cpp_rate', 'E10000034', 2024, 99)]) }));
    const sel = await collectCarried(db, { figures: [{ indicatorId: 'cpp_rate' }] });
    expect(sel?.observations).toEqual([expect.objectContaining({ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2024, value: 99 })]);
    // Bundled indicators and areas are the recipient's already.
    expect(sel?.indicators).toEqual([]);
    expect(sel?.areas).toEqual([]);
  });

  it('carries imported documents and priorities of the view’s areas and years only', async () => {
    const doc = (id: string, areaCode: string, period: number) => ({ id, areaCode, period, title: id, source: `${id}.txt`, text: 'Neglect is a priority.', hash: id, importId: '' });
    await commitImport(
      db,
      prepared('docs', {
        documents: [doc('d1', 'E10000034', 2021), doc('d2', 'E10000034', 2015), doc('d3', 'E08000030', 2021)],
        priorities: [{ id: 'p1', areaCode: 'E10000034', period: 2021, label: 'Neglect', themeIds: ['neglect'], importId: '' }],
      }),
    );
    const sel = await collectCarried(db, { figures: [], documents: { areas: ['E10000034'], from: 2020 }, priorities: { areas: ['E10000034'], from: 2020 } });
    expect(sel?.documents.map((d) => d.id)).toEqual(['d1']);
    expect(sel?.priorities.map((p) => p.id)).toEqual(['p1']);
    expect(sel?.observations).toEqual([]);
  });
});

describe('collectCarried: theme links', () => {
  it('carries the user’s links of bundled indicators and of the indicators carried, not those of indicators left behind', async () => {
    await commitImport(
      db,
      prepared('local', {
        indicators: [
          { id: 'local_eh', label: 'Early help assessments', shortLabel: 'EH', unit: 'percent', polarity: 'neither', definition: '', source: 'local.csv', decimals: 1, importId: '' },
          { id: 'local_other', label: 'Other', shortLabel: 'Other', unit: 'percent', polarity: 'neither', definition: '', source: 'local.csv', decimals: 1, importId: '' },
        ],
        series: seriesFromObservations('', [obs('local_eh', 'E10000034', 2024, 12.5), obs('local_other', 'E10000034', 2024, 1)]),
      }),
    );
    const edit = (themeId: string, indicatorId: string, linked: boolean) => ({ id: `${themeId}|${indicatorId}`, themeId, indicatorId, linked, editedAt: '2026-12-01T08:00:00Z', importId: 'user' });
    await db.themeLinks.bulkPut([edit('early_help', 'local_eh', true), edit('early_help', 'local_other', true), edit('neglect', 'factor_neglect', false)]);
    const sel = await collectCarried(db, { figures: [{ indicatorId: 'local_eh' }], themeLinks: true });
    expect(sel?.themeLinks.map((l) => l.id)).toEqual(['early_help|local_eh', 'neglect|factor_neglect']);
    // Links alone are worth carrying: the recipient's said and seen would differ without them.
    expect((await collectCarried(db, { figures: [], themeLinks: true }))?.themeLinks.map((l) => l.id)).toEqual(['neglect|factor_neglect']);
    expect(await collectCarried(db, { figures: [] })).toBeNull();
  });
});

describe('view-only databases', () => {
  it('are separate from the library and deleted when discarded', async () => {
    const temp = await openViewOnlyDb();
    await temp.db.meta.put({ key: 'k', value: 1 });
    expect(await db.meta.get('k')).toBeUndefined();
    const name = temp.db.name;
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(name);
    await temp.discard();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('left behind by a closed tab are removed, the library never', async () => {
    const left = openDatabase('safeguarding-lens-viewing-left-behind');
    await left.open();
    left.close();
    expect(await removeAbandoned()).toEqual(['safeguarding-lens-viewing-left-behind']);
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(db.name);
  });
});
