import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBundle } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { getObservations, listImports } from '../../../src/lib/db/queries';
import { APP_FORMAT } from '../../../src/lib/import/app-json';
import type { Bundle } from '../../../src/lib/model/bundle';
import type { IndicatorBreakdown, IndicatorUnit, ThemeMention } from '../../../src/lib/model/types';
import { DASHBOARD_FORMAT, encodeCarry, readCarryParam, type Carried, type DashboardFile } from '../../../src/lib/share/carry-format';
import { saveCarried, viewCarried } from '../../../src/lib/share/carry-receive';
import { carryScope } from '../../../src/lib/share/carry-scope';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

// The app fetches the bundle; here it is read from the file.
vi.mock('../../../src/lib/db/instance', () => ({ ensureBundledData: (db: LensDb) => loadBundle(db, bundle) }));

let library: LensDb;
let n = 0;
beforeEach(async () => {
  library = openDatabase(`test-receive-${n++}`);
  await loadBundle(library, bundle);
});
afterEach(async () => {
  await library.delete();
});

async function carried(over: Partial<DashboardFile['data']> = {}): Promise<Carried> {
  const env: DashboardFile = {
    format: DASHBOARD_FORMAT,
    version: 1,
    data: {
      format: APP_FORMAT,
      version: 1,
      description: 'Imported from contacts.csv',
      areas: [{ code: 'X12345678', name: 'Barsetshire', level: 'local_authority', aliases: ['Barsetshire'] }],
      indicators: [{ id: 'local_contacts', label: 'Contacts', shortLabel: 'Contacts', unit: 'count', polarity: 'neither', definition: '', source: 'contacts.csv', decimals: 0 }],
      observations: [
        { indicatorId: 'local_contacts', areaCode: 'E10000034', period: 2024, value: 5120 },
        { indicatorId: 'local_contacts', areaCode: 'X12345678', period: 2024, value: 10 },
      ],
      documents: [{ id: 'doc-1', areaCode: 'E10000034', period: 2021, title: 'Minutes', source: 'm.txt', text: 'Neglect remains our priority.', hash: 'h1' }],
      priorities: [],
      ...over,
    },
  };
  const res = await readCarryParam(await encodeCarry(env));
  if (!res.ok) throw new Error(res.message);
  return res.carried;
}

const tag = async (docs: { id: string; areaCode: string; period: number }[]): Promise<ThemeMention[]> =>
  docs.map((d) => ({ id: `${d.id}:neglect`, documentId: d.id, themeId: 'neglect', areaCode: d.areaCode, period: d.period, count: 1, share: 1, present: true, score: 1, evidence: [], importId: 'x' }));

describe('Save to my library', () => {
  it('is an import like any other, with theme mentions for its documents; a second save adds nothing', async () => {
    const c = await carried();
    const first = await saveCarried(library, c, tag);
    if (!first.ok) throw new Error(first.message);
    expect(first.already).toBe(false);
    expect(first.record).toMatchObject({ fileName: 'Shared link (Imported from contacts.csv)', kind: 'app_json', hash: c.hash, counts: { observations: 2, indicators: 1, areas: 1, documents: 1 } });
    expect((await getObservations(library, 'local_contacts')).map((o) => o.value).sort()).toEqual([10, 5120]);
    expect(await library.themeMentions.where('documentId').equals('doc-1').toArray()).toEqual([expect.objectContaining({ themeId: 'neglect', importId: first.record.id })]);

    const second = await saveCarried(library, c, tag);
    expect(second).toMatchObject({ ok: true, already: true, record: { id: first.record.id } });
    expect((await listImports(library)).length).toBe(2);
  });

  it('leaves out, with a warning, figures for areas neither carried nor known', async () => {
    const c = await carried({ areas: [], observations: [{ indicatorId: 'local_contacts', areaCode: 'X99999999', period: 2024, value: 1 }, { indicatorId: 'local_contacts', areaCode: 'E10000034', period: 2024, value: 2 }] });
    const res = await saveCarried(library, c, tag);
    if (!res.ok) throw new Error(res.message);
    expect(res.record.counts.observations).toBe(1);
    expect(res.warnings.join(' ')).toMatch(/1 figure for 1 area this app does not know was left out/);
  });

  it('refuses figures for an indicator neither carried nor known, and stores nothing', async () => {
    const c = await carried({ indicators: [] });
    const res = await saveCarried(library, c, tag);
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/the indicator “local_contacts” is neither in the file’s "indicators" nor in the app/) });
    expect((await listImports(library)).length).toBe(1);
  });
});

describe('Theme links carried', () => {
  const link = (indicatorId: string, linked: boolean, editedAt: string) => ({ themeId: 'early_help', indicatorId, linked, editedAt });

  it('come in as the user’s choices, where the user has made no later one, and the view-only database shows them', async () => {
    const c = await carried({ themeLinks: [link('local_contacts', true, '2026-11-30T10:00:00Z'), link('cpp_rate', true, '2026-11-30T10:00:00Z')] });
    // The recipient had already chosen, later, not to link the CP plan rate.
    await library.themeLinks.put({ id: 'early_help|cpp_rate', themeId: 'early_help', indicatorId: 'cpp_rate', linked: false, editedAt: '2026-12-01T09:00:00Z', importId: 'user' });
    const saved = await saveCarried(library, c, tag);
    if (!saved.ok) throw new Error(saved.message);
    expect((await library.themeLinks.toArray()).map((l) => [l.id, l.linked, l.importId]).sort()).toEqual([
      ['early_help|cpp_rate', false, 'user'],
      ['early_help|local_contacts', true, 'user'],
    ]);

    const viewed = await viewCarried(c, tag);
    if (!viewed.ok) throw new Error(viewed.message);
    expect((await viewed.value.db.themeLinks.toArray()).map((l) => [l.id, l.linked])).toEqual([
      ['early_help|cpp_rate', true],
      ['early_help|local_contacts', true],
    ]);
    await viewed.value.discard();
  });

  it('a link that is not one is refused with its item number, and nothing is stored', async () => {
    const env = await encodeCarry({ format: DASHBOARD_FORMAT, version: 1, data: { format: APP_FORMAT, version: 1, areas: [], indicators: [], observations: [], documents: [], priorities: [], themeLinks: [{ themeId: 'early_help', indicatorId: 'x y', linked: 'yes', editedAt: 'now' }] } as unknown as DashboardFile['data'] });
    const res = await readCarryParam(env);
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/themeLinks item 1: needs themeId and indicatorId/) });
  });
});

describe('View only', () => {
  it('shows the bundled and carried figures from a temporary database and leaves the library alone', async () => {
    const c = await carried();
    const res = await viewCarried(c, tag);
    if (!res.ok) throw new Error(res.message);
    const temp = res.value.db;
    expect((await getObservations(temp, 'local_contacts')).length).toBe(2);
    expect((await getObservations(temp, 'cpp_rate', { areas: ['E10000034'], from: 2025, to: 2025 }))[0]?.importId).toBe('bundled');
    expect(await getObservations(library, 'local_contacts')).toEqual([]);
    expect((await listImports(library)).map((i) => i.id)).toEqual(['bundled']);
    // The carried data is used again for a save afterwards, as it came.
    const saved = await saveCarried(library, c, tag);
    expect(saved.ok).toBe(true);
    await res.value.discard();
  });
});

describe('carryScope', () => {
  const listed = (id: string, unit: IndicatorUnit, breakdown?: IndicatorBreakdown) => ({ id, label: id, shortLabel: id, unit, ...(breakdown ? { breakdown } : {}) });
  const ctx = { indicators: [listed('cpp_rate', 'rate_per_10000'), listed('local_pct', 'percent'), listed('cpp_count', 'count')], extents: new Map([['cpp_rate', [2016, 2025] as const], ['local_pct', [2019, 2024] as const], ['cpp_count', [2013, 2025] as const]]) };
  // A measure whose file had no total: two values of population_type, the figures of each an indicator of its own.
  const byType = {
    indicators: [
      ...ctx.indicators,
      listed('rate__starting', 'rate_per_10000', { of: 'rate', by: 'population_type', value: 'Starting' }),
      listed('rate__ceasing', 'rate_per_10000', { of: 'rate', by: 'population_type', value: 'Ceasing' }),
    ],
    extents: new Map<string, readonly [number, number]>([...ctx.extents, ['rate__starting', [2021, 2025]], ['rate__ceasing', [2021, 2025]]]),
  };

  it('Compare: the indicator in the trend’s years and the ranking’s year and the one before', () => {
    expect(carryScope({ name: 'compare', areas: ['E10000034'], indicator: 'x', from: 2018, to: 2020, year: 2020 }, ctx)).toEqual({ areas: ['E10000034'], figures: [{ indicatorId: 'x', from: 2018, to: 2020 }] });
    expect(carryScope({ name: 'compare', areas: ['E10000034'], indicator: 'x', from: 2018, to: 2022, year: 2018 }, ctx)).toEqual({ areas: ['E10000034'], figures: [{ indicatorId: 'x', from: 2017, to: 2022 }] });
    expect(carryScope({ name: 'compare', areas: ['E10000034'], indicator: 'x' }, ctx)).toEqual({ areas: ['E10000034'], figures: [{ indicatorId: 'x' }] });
    expect(carryScope({ name: 'compare', areas: ['E10000034'], indicator: 'x', theme: 'neglect' }, ctx)?.priorities).toEqual({ areas: ['E10000034'] });
  });

  it('a breakdown: the figures of the value the view shows, whichever form of link names it, and never every value on the area profile', () => {
    const compare = (indicator: string, breakdown?: string) => carryScope({ name: 'compare', areas: ['E10000034'], indicator, ...(breakdown ? { breakdown } : {}) }, byType)?.figures;
    expect(compare('rate', 'starting')).toEqual([{ indicatorId: 'rate__starting' }]);
    expect(compare('rate__starting')).toEqual([{ indicatorId: 'rate__starting' }]);
    // No total held: the first value by name, as the view shows.
    expect(compare('rate')).toEqual([{ indicatorId: 'rate__ceasing' }]);
    expect(carryScope({ name: 'area', code: 'E10000034', indicator: 'rate', breakdown: 'starting' }, byType)?.figures).toEqual([
      { indicatorId: 'rate__starting' },
      { indicatorId: 'cpp_rate' },
      { indicatorId: 'local_pct', from: 2023, to: 2024 },
    ]);
  });

  it('Themes: documents and priorities of its areas and years; Area: its trend, the profile’s latest years, its documents; Data: nothing', () => {
    expect(carryScope({ name: 'themes', areas: ['E10000034'], from: 2019 }, ctx)).toEqual({
      areas: ['E10000034'],
      figures: [],
      documents: { areas: ['E10000034'], from: 2019 },
      priorities: { areas: ['E10000034'], from: 2019 },
      themeLinks: true,
    });
    expect(carryScope({ name: 'area', code: 'E10000034' }, ctx)).toEqual({
      areas: ['E10000034'],
      figures: [{ indicatorId: 'cpp_rate' }, { indicatorId: 'local_pct', from: 2023, to: 2024 }],
      documents: { areas: ['E10000034'] },
      priorities: { areas: ['E10000034'] },
      themeLinks: true,
    });
    expect(carryScope({ name: 'data' }, ctx)).toBeNull();
  });

  it('said and seen: the indicators the user linked to a theme go whole (their trend), on the area page and on Themes up to its last year', () => {
    const linked = { ...ctx, linkedByUser: ['local_pct'] };
    expect(carryScope({ name: 'area', code: 'E10000034' }, linked)?.figures).toEqual([{ indicatorId: 'cpp_rate' }, { indicatorId: 'local_pct' }]);
    expect(carryScope({ name: 'themes', areas: ['E10000034'], from: 2019, to: 2022 }, linked)?.figures).toEqual([{ indicatorId: 'local_pct', to: 2022 }]);
  });
});

describe('Cancel while the carried documents are tagged', () => {
  /** A tagger that waits until it is cancelled, as the worker does with a long document. */
  const slowTag = (_docs: unknown[], opts?: { signal?: AbortSignal; onProgress?: (d: string, f: number) => void }) =>
    new Promise<ThemeMention[]>((_, reject) => {
      opts?.onProgress?.('Finding the themes of the document', 0.1);
      opts?.signal?.addEventListener('abort', () => reject(new Error('cancelled')));
    });

  it('View only: says it was cancelled, leaves no temporary database and nothing in the library', async () => {
    const c = await carried();
    const controller = new AbortController();
    const progress: string[] = [];
    // Aborted once tagging has begun: the bundled data is in the temporary database by then
    // (waiting on the first progress, not on a timer, which a busy machine can outrun).
    let tagging!: () => void;
    const begun = new Promise<void>((r) => (tagging = r));
    const pending = viewCarried(c, slowTag, {
      signal: controller.signal,
      onProgress: (d) => {
        progress.push(d);
        tagging();
      },
    });
    await begun;
    expect(progress).toEqual(['Finding the themes of the document']);
    controller.abort();
    const res = await pending;
    expect(res).toEqual({ ok: false, cancelled: true, message: 'Opening the carried data was cancelled: nothing was saved.' });
    const names = await indexedDB.databases();
    expect(names.filter((d) => d.name?.startsWith('safeguarding-lens-viewing-'))).toEqual([]);
  });

  it('Save: nothing is added to the library', async () => {
    const before = (await listImports(library)).length;
    const controller = new AbortController();
    const pending = saveCarried(library, await carried(), slowTag, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toMatchObject({ ok: false, cancelled: true });
    expect((await listImports(library)).length).toBe(before);
  });
});
