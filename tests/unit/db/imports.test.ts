import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED, loadBundle } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { commitImport, DuplicateImportError, findImportByHash, recordCounts, setImportEdition, storageMessage, undoImport, type PreparedImport } from '../../../src/lib/db/imports';
import { EDITION_MAX_CHARS } from '../../../src/lib/model/source-conflicts';
import { getObservations, listImports, seriesCatalog } from '../../../src/lib/db/queries';
import { importedEditions } from '../../../src/lib/model/source-conflicts';
import { unpack } from '../../../src/lib/db/series-packs';
import type { Bundle } from '../../../src/lib/model/bundle';
import { seriesFromObservations } from '../../../src/lib/model/series';
import type { Indicator } from '../../../src/lib/model/types';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-imports-${n++}`);
  await loadBundle(db, bundle);
});
afterEach(async () => {
  await db.delete();
});

const indicator = (id: string): Indicator => ({ id, label: id, shortLabel: id, unit: 'count', polarity: 'neither', definition: '', source: 'f.csv', decimals: 0, importId: '' });

function prepared(id: string, hash: string, extra: Partial<PreparedImport> = {}): PreparedImport {
  return {
    record: { id, fileName: `${id}.csv`, hash, kind: 'generic_csv', importedAt: new Date(Date.now() + n++).toISOString(), warnings: [] },
    areas: [],
    indicators: [indicator('local_x')],
    series: seriesFromObservations('', [
      { indicatorId: 'local_x', areaCode: 'E10000034', period: 2025, value: 7, status: null },
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 99, status: null },
    ]),
    documents: [],
    priorities: [],
    ...extra,
  };
}

describe('commitImport', () => {
  it('writes everything with the import’s id, and counts it', async () => {
    const record = await commitImport(db, prepared('a', 'h1', { areas: [{ code: 'X00000001', name: 'Barsetshire', level: 'local_authority', aliases: ['Barsetshire'], importId: '' }] }));
    expect(record.counts).toMatchObject({ areas: 1, indicators: 1, observations: 2 });
    const packs = await db.series.where('importId').equals('a').toArray();
    expect(unpack(packs).map((s) => s.id).sort()).toEqual(['a:cpp_rate', 'a:local_x']);
    // Small series share one record (series-packs.ts), found by either indicator.
    expect(packs.map((p) => [p.id, p.indicatorIds])).toEqual([['a#0', ['local_x', 'cpp_rate']]]);
    expect(await db.series.where('indicatorIds').equals('local_x').primaryKeys()).toEqual(['a#0']);
    expect((await db.areas.get('X00000001'))?.importId).toBe('a');
    expect(await findImportByHash(db, 'h1')).toMatchObject({ id: 'a' });
    // The import's figure overrides the bundled one.
    expect((await getObservations(db, 'cpp_rate', { areas: ['E10000034'], from: 2025 }))[0]?.value).toBe(99);
  });

  it('never takes over an area or indicator the database already has', async () => {
    await commitImport(db, prepared('a', 'h1', { indicators: [{ ...indicator('cpp_rate'), label: 'hijack' }], areas: [{ code: 'E10000034', name: 'Hijack', level: 'local_authority', aliases: [], importId: '' }] }));
    expect((await db.indicators.get('cpp_rate'))?.importId).toBe('bundled');
    expect((await db.areas.get('E10000034'))?.name).toBe('Worcestershire');
  });

  it('refuses the same file twice and writes nothing the second time', async () => {
    await commitImport(db, prepared('a', 'same'));
    const before = await recordCounts(db);
    await expect(commitImport(db, prepared('b', 'same'))).rejects.toBeInstanceOf(DuplicateImportError);
    expect(await recordCounts(db)).toEqual(before);
  });

  it('writes all or nothing: a failure part-way leaves the database as it was', async () => {
    const before = await recordCounts(db);
    const spy = vi.spyOn(db.series, 'bulkPut').mockImplementationOnce(() => {
      const e = new Error('full');
      e.name = 'QuotaExceededError';
      throw e;
    });
    const err = await commitImport(db, prepared('a', 'h1', { areas: [{ code: 'X00000001', name: 'B', level: 'local_authority', aliases: [], importId: '' }] })).catch((e: unknown) => e);
    spy.mockRestore();
    expect(storageMessage(err)).toContain('no room left');
    expect(await recordCounts(db)).toEqual(before);
    expect(await db.areas.get('X00000001')).toBeUndefined();
  });
});

describe('undoImport', () => {
  it('removes exactly that import’s records', async () => {
    const before = await recordCounts(db);
    await commitImport(db, prepared('a', 'h1'));
    await undoImport(db, 'a');
    expect(await recordCounts(db)).toEqual(before);
    expect((await getObservations(db, 'cpp_rate', { areas: ['E10000034'], from: 2025 }))[0]?.value).toBe(43.5);
  });

  it('hands an indicator a later import still uses to that import', async () => {
    await commitImport(db, prepared('a', 'h1'));
    await commitImport(db, prepared('b', 'h2', { indicators: [indicator('local_x')] }));
    await undoImport(db, 'a');
    expect((await db.indicators.get('local_x'))?.importId).toBe('b');
    expect(await getObservations(db, 'local_x')).toMatchObject([{ value: 7, importId: 'b' }]);
    await undoImport(db, 'b');
    expect(await db.indicators.get('local_x')).toBeUndefined();
  });

  it('will not undo the bundled data', async () => {
    await expect(undoImport(db, 'bundled')).rejects.toThrow(/bundled/);
  });
});

describe('setImportEdition: which edition of its publication an import is', () => {
  it('is kept on the import and as the vintage of the indicators it brought, never of a bundled one it added figures to', async () => {
    await commitImport(db, prepared('a', 'h-ed', { indicators: [indicator('local_measure')] }));
    await setImportEdition(db, 'a', '  main tables,   first release, 2018 ');
    expect((await db.imports.get('a'))?.edition).toBe('main tables, first release, 2018');
    expect((await db.indicators.get('local_measure'))?.vintage).toBe('main tables, first release, 2018');
    const bundledVintage = (await db.indicators.get('cpp_rate'))?.vintage;
    expect(bundledVintage).toMatch(/LAIT/);

    await setImportEdition(db, 'a', '');
    expect(await db.imports.get('a')).not.toHaveProperty('edition');
    expect(await db.indicators.get('local_measure')).not.toHaveProperty('vintage');
    expect((await db.indicators.get('cpp_rate'))?.vintage).toBe(bundledVintage);
  });

  it('refuses the bundled figures, an import no longer held and an edition longer than a line, changing nothing', async () => {
    await commitImport(db, prepared('a', 'h-ed2', { indicators: [indicator('local_measure')] }));
    await expect(setImportEdition(db, BUNDLED, 'mine')).rejects.toThrow('publisher’s edition');
    await expect(setImportEdition(db, 'gone', 'x')).rejects.toThrow('no longer held');
    await expect(setImportEdition(db, 'a', 'x'.repeat(EDITION_MAX_CHARS + 1))).rejects.toThrow(`at most ${EDITION_MAX_CHARS} characters`);
    expect(await db.imports.get('a')).not.toHaveProperty('edition');
  });
});

describe('the imports holding figures of a measure, for About this indicator', () => {
  const importsHolding = async (db: LensDb, indicatorId: string) => {
    const [{ holders }, imports] = await Promise.all([seriesCatalog(db), listImports(db)]);
    return importedEditions(imports, holders.get(indicatorId), BUNDLED);
  };
  it('names each import with figures of the measure, latest first, never the bundled figures, and forgets an undone one', async () => {
    const only = (id: string, hash: string, indicatorId: string) =>
      prepared(id, hash, { indicators: [], series: seriesFromObservations('', [{ indicatorId, areaCode: 'E10000034', period: 2025, value: 1, status: null }]) });
    await commitImport(db, only('first', 'h-1', 'cpp_rate'));
    await commitImport(db, only('other', 'h-2', 'cin_rate'));
    await commitImport(db, only('second', 'h-3', 'cpp_rate'));
    await setImportEdition(db, 'second', 'main tables, first release, 2018');
    expect((await importsHolding(db, 'cpp_rate')).map((i) => [i.fileName, i.edition])).toEqual([
      ['second.csv', 'main tables, first release, 2018'],
      ['first.csv', undefined],
    ]);
    await undoImport(db, 'first');
    expect((await importsHolding(db, 'cpp_rate')).map((i) => i.fileName)).toEqual(['second.csv']);
    expect(await importsHolding(db, 'cla_rate')).toEqual([]);
  });
});
