import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledHash, BUNDLED, loadBundle, storeBundleCore, storeBundleRest } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { getObservations, getPeriodExtents, listAreas, listDocuments, listImports, listIndicators, listInspections, listSources } from '../../../src/lib/db/queries';
import { packSeries } from '../../../src/lib/db/series-packs';
import type { Bundle } from '../../../src/lib/model/bundle';
import { splitBundle } from '../../../src/lib/model/bundle-parts';
import { seriesFromObservations } from '../../../src/lib/model/series';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-bundled-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('loadBundle', () => {
  it('loads the bundled data on first run with the published figures', async () => {
    expect(await loadBundle(db, bundle)).toBe('loaded');
    expect(await bundledHash(db)).toBe(bundle.hash);
    const worcs = await getObservations(db, 'cpp_rate', { areas: ['E10000034'] });
    expect(worcs.find((o) => o.period === 2025)).toMatchObject({ value: 43.5, numerator: 522, denominator: 120119 });
    const hereford = await getObservations(db, 'cpp_rate', { areas: ['E06000019'], from: 2022, to: 2022 });
    expect(hereford.map((o) => o.value)).toEqual([84.7]);
    expect((await getPeriodExtents(db)).get('cpp_rate')).toEqual([2016, 2025]);
    expect((await listAreas(db)).find((a) => a.code === 'E06000019')?.aliases).toEqual(expect.arrayContaining(['Herefordshire', 'Herefordshire, County of']));
    expect(await listDocuments(db, 'E10000034')).toHaveLength(2);
    expect((await listSources(db)).map((s) => s.licence)).toContain('Open Government Licence v3.0');
  });

  it('keeps suppressed cells as statuses, never as zero', async () => {
    await loadBundle(db, bundle);
    const all = await getObservations(db, 'cpp_rate');
    const suppressed = all.filter((o) => o.value === null);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const o of suppressed) expect(o.status).toBe('-');
  });

  it('does nothing when the same bundle is loaded again', async () => {
    await loadBundle(db, bundle);
    const before = await db.imports.get(BUNDLED);
    expect(await loadBundle(db, bundle)).toBe('unchanged');
    expect((await db.imports.get(BUNDLED))?.importedAt).toBe(before?.importedAt);
  });

  it('replaces the bundled records with a newer bundle and leaves imported data alone', async () => {
    await loadBundle(db, bundle);
    // Something the user imported: an indicator, its series and a document.
    await db.imports.put({ id: 'imp-1', fileName: 'local.csv', hash: 'abc', kind: 'generic_csv', importedAt: new Date().toISOString(), counts: { areas: 0, indicators: 1, observations: 1, documents: 1, priorities: 0 }, warnings: [] });
    await db.indicators.put({ id: 'local_measure', label: 'Local', shortLabel: 'Local', unit: 'count', polarity: 'neither', definition: '', source: 'local.csv', decimals: 0, importId: 'imp-1' });
    await db.series.bulkPut(packSeries('imp-1', seriesFromObservations('imp-1', [{ indicatorId: 'local_measure', areaCode: 'E10000034', period: 2025, value: 7, status: null }])));
    await db.documents.put({ id: 'doc-1', areaCode: 'E10000034', period: 2025, title: 'Local minutes', source: 'local.txt', text: 'x', hash: 'h', importId: 'imp-1' });

    // A revised bundle: one figure changed, one indicator dropped.
    const revised: Bundle = structuredClone(bundle);
    revised.hash = 'revised';
    const cpp = revised.series.find((s) => s.indicatorId === 'cpp_rate')!;
    const i = cpp.period.findIndex((p, k) => p === 2025 && cpp.areas[cpp.area[k]!] === 'E10000034');
    cpp.value[i] = 44.0;
    revised.series = revised.series.filter((s) => s.indicatorId !== 'icpc_rate');
    revised.indicators = revised.indicators.filter((s) => s.id !== 'icpc_rate');

    expect(await loadBundle(db, revised)).toBe('replaced');
    expect((await getObservations(db, 'cpp_rate', { areas: ['E10000034'], from: 2025 }))[0]?.value).toBe(44.0);
    expect(await getObservations(db, 'icpc_rate')).toEqual([]);
    expect(await db.indicators.get('icpc_rate')).toBeUndefined();
    expect(await getObservations(db, 'local_measure')).toMatchObject([{ value: 7, importId: 'imp-1' }]);
    expect(await db.documents.get('doc-1')).toBeDefined();
    expect((await listImports(db)).map((i) => i.id).sort()).toEqual(['bundled', 'imp-1']);
  });

  it('lets an imported figure override the bundled one for the same area and year', async () => {
    await loadBundle(db, bundle);
    await db.imports.put({ id: 'imp-2', fileName: 'revised.csv', hash: 'def', kind: 'generic_csv', importedAt: new Date().toISOString(), counts: { areas: 0, indicators: 0, observations: 1, documents: 0, priorities: 0 }, warnings: [] });
    await db.series.bulkPut(packSeries('imp-2', seriesFromObservations('imp-2', [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 50, status: null }])));
    const obs = await getObservations(db, 'cpp_rate', { areas: ['E10000034'], from: 2024 });
    expect(obs.map((o) => [o.period, o.value])).toEqual([
      [2024, 49.8],
      [2025, 50],
    ]);
  });

  it('rejects a file that is not a bundle without touching the database', async () => {
    await loadBundle(db, bundle);
    const count = await db.series.count();
    await expect(loadBundle(db, { ...bundle, format: 'something-else' } as unknown as Bundle)).rejects.toThrow(/format/);
    expect(await db.series.count()).toBe(count);
  });
});

describe('the bundle in two writes, core then rest', () => {
  const { core, rest } = splitBundle(bundle);

  it('holds a Compare chart’s figures after the core, and says the bundle is in only after the rest', async () => {
    expect(await storeBundleCore(db, core)).toBe('loaded');
    expect(await bundledHash(db)).toBeUndefined();
    expect((await getObservations(db, 'cpp_rate', { areas: ['E10000034'], from: 2025 }))[0]).toMatchObject({ value: 43.5, numerator: 522, denominator: 120119 });
    expect((await listIndicators(db)).length).toBe(bundle.indicators.length);
    expect(await getObservations(db, 'cin_rate')).toEqual([]);

    await storeBundleRest(db, core, rest);
    expect(await bundledHash(db)).toBe(bundle.hash);
    expect((await getObservations(db, 'cin_rate')).length).toBeGreaterThan(0);
    expect((await db.imports.get(BUNDLED))?.counts.observations).toBe(bundle.series.reduce((n, s) => n + s.period.length, 0));
  });

  it('loads the whole bundle again when a tab closed between the two writes', async () => {
    await storeBundleCore(db, core);
    // The tab closes here; the next visit finds no hash and starts over.
    expect(await loadBundle(db, bundle)).toBe('loaded');
    expect(await bundledHash(db)).toBe(bundle.hash);
    expect((await getPeriodExtents(db)).size).toBe(bundle.series.length);
  });

  it('ends with the whole bundle when two tabs load it at once, in any order of their writes', async () => {
    // Tab A writes its core and rest; tab B, which found no hash before A finished, writes its core after.
    await storeBundleCore(db, core);
    await storeBundleRest(db, core, rest);
    const late = openDatabase(db.name);
    await late.open();
    // B's core is skipped: the hash is there by now.
    expect(await storeBundleCore(late, core)).toBe('unchanged');
    late.close();

    // A and B interleaved: A's core, B's core (which removes A's), A's rest, B's rest.
    await db.delete();
    db = openDatabase(`test-bundled-${n++}`);
    await storeBundleCore(db, core);
    await storeBundleCore(db, core);
    expect(await bundledHash(db)).toBeUndefined();
    await storeBundleRest(db, core, rest);
    await storeBundleRest(db, core, rest);
    expect(await bundledHash(db)).toBe(bundle.hash);
    expect((await getPeriodExtents(db)).size).toBe(bundle.series.length);
    expect(await db.series.where('importId').equals(BUNDLED).count()).toBe(new Set((await db.series.toArray()).map((p) => p.id)).size);
    expect(await listDocuments(db)).toHaveLength(bundle.documents.length);
  });

  it('refuses a rest that belongs to another bundle', async () => {
    await storeBundleCore(db, core);
    await expect(storeBundleRest(db, core, { ...rest, hash: 'other' })).rejects.toThrow(/do not belong together/);
    expect(await bundledHash(db)).toBeUndefined();
  });
});

describe('inspections in the bundle', () => {
  it('are held with the sources and read by area, oldest first', async () => {
    await loadBundle(db, bundle);
    const { inspections, asAt } = await listInspections(db, 'E10000034');
    expect(asAt).toMatch(/31 March 2025/);
    expect(inspections.map((i) => [i.date, i.kind])).toEqual([
      ['2019-06-17', 'standard'],
      ['2023-05-15', 'standard'],
      ['2024-12-03', 'focused_visit'],
    ]);
    expect((await listIndicators(db)).find((i) => i.id === 'ilacs_overall')).toMatchObject({ unit: 'ordinal', scale: { id: 'ofsted_judgement' } });
  });
});
