import { createHash } from 'node:crypto';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupFile, writeBackup } from '../../../src/lib/db/backup';
import { decodeValue, recordLine } from '../../../src/lib/db/backup-format';
import { loadBundle } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { collectExport } from '../../../src/lib/db/export';
import { commitImport, recordCounts, type PreparedImport } from '../../../src/lib/db/imports';
import { getObservations } from '../../../src/lib/db/queries';
import { planMerge, restoreMerge, restoreReplace, summariseBackup, type Held } from '../../../src/lib/db/restore';
import { isQuotaError } from '../../../src/lib/db/storage';
import { packOfOne, spansOf, unpack, type SeriesPack } from '../../../src/lib/db/series-packs';
import { setThemeLink } from '../../../src/lib/db/theme-links';
import { storeDocumentImport } from '../../../src/lib/db/document-store';
import { savePriority } from '../../../src/lib/db/theme-queries';
import { buildAppFile } from '../../../src/lib/import/app-json';
import type { Bundle } from '../../../src/lib/model/bundle';
import { seriesFromObservations } from '../../../src/lib/model/series';
import type { Priority } from '../../../src/lib/model/types';
import { createV1Database, dump, splitDump, failWritesAfter } from './helpers';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

/** The bundle cut to one indicator and two documents (a bundle edition of its own). */
const smallBundle: Bundle = (() => {
  const documents = bundle.documents.slice(0, 2);
  const ids = new Set(documents.map((d) => d.id));
  return {
    ...bundle,
    hash: 'small-edition',
    indicators: bundle.indicators.filter((i) => i.id === 'cpp_rate'),
    series: bundle.series.filter((s) => s.indicatorId === 'cpp_rate'),
    documents,
    themeMentions: (bundle.themeMentions ?? []).filter((m) => ids.has(m.documentId)),
    priorities: (bundle.priorities ?? []).filter((p) => p.documentId !== undefined && ids.has(p.documentId)),
  };
})();

let n = 0;
const open: LensDb[] = [];
function fresh(): LensDb {
  const db = openDatabase(`test-backup-${n++}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** A database as an analyst leaves it: the fixture's months of work, upgraded, and one more import since. */
async function workedOn(): Promise<LensDb> {
  const name = `test-backup-${n++}`;
  await createV1Database(name);
  const db = openDatabase(name);
  open.push(db);
  await commitImport(db, prepared('since', 'hash-since'));
  return db;
}

function prepared(id: string, hash: string, value = 7): PreparedImport {
  return {
    record: { id, fileName: `${id}.csv`, hash, kind: 'generic_csv', importedAt: new Date(Date.UTC(2026, 3, 1) + n++).toISOString(), warnings: [] },
    areas: [{ code: 'X00000042', name: `Area of ${id}`, level: 'local_authority', aliases: [], importId: '' }],
    indicators: [{ id: `ind_${id}`, label: id, shortLabel: id, unit: 'count', polarity: 'neither', definition: '', source: `${id}.csv`, decimals: 0, importId: '' }],
    series: seriesFromObservations('', [
      { indicatorId: `ind_${id}`, areaCode: 'X00000042', period: 2025, value, status: null, numerator: 3, denominator: 9 },
      { indicatorId: `ind_${id}`, areaCode: 'E10000034', period: 2025, value: null, status: 'c' },
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 99.5, status: null },
    ]),
    documents: [],
    priorities: [],
  };
}

/** What the Data view's JSON export writes, without its time stamp. */
async function appExport(db: LensDb): Promise<string> {
  return JSON.stringify({ ...buildAppFile(await collectExport(db), 'x'), exportedAt: '' });
}

async function backupOf(db: LensDb) {
  const { blob } = await writeBackup(db);
  const read = await readBackupFile(db, blob);
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return { blob, contents: read.value };
}

describe('backup → wipe → restore', () => {
  it('gives back every import and edit exactly, and keeps this app’s own bundled figures', async () => {
    // The fixture was made with an older edition of the bundled figures than this app's.
    const db = await workedOn();
    const before = splitDump(await dump(db));
    const { blob } = await writeBackup(db);
    // The file is gzip.
    expect([...new Uint8Array(await blob.slice(0, 2).arrayBuffer())]).toEqual([0x1f, 0x8b]);

    // Wiped: the browser's data is gone; the app opens again on its bundled data alone.
    const name = db.name;
    await db.delete();
    const wiped = openDatabase(name);
    open.push(wiped);
    await loadBundle(wiped, bundle);
    const appsOwn = splitDump(await dump(wiped)).bundled;
    expect(appsOwn).not.toEqual(before.bundled);

    const read = await readBackupFile(wiped, new File([blob], 'backup.jsonl.gz'));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    await restoreReplace(wiped, read.value);
    const after = splitDump(await dump(wiped));
    // Everything imported and edited comes back, except a record whose key this app's bundle
    // now holds itself (the fixture imported two indicators the bundle has since added):
    // the bundle's stays, as when a new bundle is loaded over an import.
    const key = (l: string) => {
      const { table, record } = JSON.parse(l) as { table: string; record: { id?: string; code?: string; key?: string } };
      return `${table}:${record.id ?? record.code ?? record.key}`;
    };
    const bundledKeys = new Set(appsOwn.map(key));
    const takenOver = before.user.filter((l) => bundledKeys.has(key(l)) && !JSON.parse(l).table.startsWith('priorities'));
    expect(takenOver.map(key)).toEqual(['indicators:no_further_action_percent', 'indicators:not_in_need_percent']);
    expect(after.user).toEqual(before.user.filter((l) => !takenOver.includes(l)));
    // The user's edits of bundled priorities take their place, as when a bundle is loaded.
    const edited = new Set(before.user.map((l) => JSON.parse(l) as { table: string; record: { id: string } }).filter((l) => l.table === 'priorities').map((l) => l.record.id));
    expect(edited.size).toBeGreaterThan(0);
    expect(after.bundled).toEqual(appsOwn.filter((l) => !edited.has((JSON.parse(l) as { record: { id: string } }).record.id)));
  });

  it('restores into the same database exactly, bundled figures included, when the editions are the same', async () => {
    // A few of the bundled figures, imports, documents, and the user's edits and links are enough to
    // prove it: the whole bundle over the fixture's months of work took 20 s on a busy machine.
    const db = fresh();
    await loadBundle(db, smallBundle);
    await commitImport(db, prepared('a', 'hash-a'));
    await commitImport(db, prepared('b', 'hash-b', 8));
    const bundledPriority = smallBundle.priorities![0]!;
    await savePriority(db, { ...bundledPriority, label: 'Edited by the user', userEdited: true, importId: 'user' });
    await setThemeLink(db, 'neglect', 'ind_a', true);
    const before = { exported: await appExport(db), tables: await dump(db) };
    expect(before.tables.some((l) => l.includes('"table":"documents"') && l.includes('"importId":"bundled"'))).toBe(true);
    const { blob } = await writeBackup(db);
    await commitImport(db, prepared('later', 'hash-later'));
    await setThemeLink(db, 'neglect', 'ind_a', false);
    const read = await readBackupFile(db, blob);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    // The packs' spans are the database's index keys: not backed up, written again on restore.
    expect(read.value.tables['series']!.some((p) => 'spans' in p)).toBe(false);
    await restoreReplace(db, read.value);
    expect(await appExport(db)).toEqual(before.exported);
    expect(await dump(db)).toEqual(before.tables);
    const packs = await db.series.toArray();
    expect(packs.length).toBeGreaterThan(0);
    for (const p of packs) expect(p.spans).toEqual(spansOf(p));
  });

  it('reads an uncompressed backup too', async () => {
    const db = await workedOn();
    const { blob } = await writeBackup(db);
    const plain = new Blob([await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()]);
    const read = await readBackupFile(db, plain);
    expect(read.ok).toBe(true);
  });

  it('summarises what a backup holds for the confirmation', async () => {
    const { contents } = await backupOf(await workedOn());
    const s = summariseBackup(contents);
    expect(s.imports.map((i) => i.fileName)).toEqual(['c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv', 'local-contacts.csv', 'walsall-annual-report.html', 'since.csv']);
    expect(s.documents).toBe(6);
    expect(s.priorityEdits).toBe(3);
    expect(s.observations).toBeGreaterThan(60_000);
  });

  it('refuses a damaged file before writing anything', async () => {
    const db = await workedOn();
    const { blob } = await writeBackup(db);
    const before = await dump(db);
    const cut = blob.slice(0, Math.floor(blob.size / 2));
    const read = await readBackupFile(db, cut);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(/damaged|cut short/);
    expect(await dump(db)).toEqual(before);
  });
});

describe('a full disk during a restore or an import', () => {
  it.each([
    ['replace', (db: LensDb, c: Parameters<typeof restoreReplace>[1]) => restoreReplace(db, c)],
    ['merge', (db: LensDb, c: Parameters<typeof restoreReplace>[1]) => restoreMerge(db, c)],
  ])('%s: the error is recognised and the database is as it was', async (_, restore) => {
    const { contents } = await backupOf(await workedOn());
    const db = fresh();
    await loadBundle(db, bundle);
    await commitImport(db, prepared('here', 'hash-here'));
    const before = { counts: await recordCounts(db), tables: await dump(db) };
    const stop = failWritesAfter(40);
    const err = await restore(db, contents).catch((e: unknown) => e);
    stop();
    expect(isQuotaError(err)).toBe(true);
    expect(await recordCounts(db)).toEqual(before.counts);
    expect(await dump(db)).toEqual(before.tables);
  });

  it('an import or a document import refused part-way leaves nothing behind', async () => {
    const db = fresh();
    await loadBundle(db, bundle);
    const before = await dump(db);
    let stop = failWritesAfter(2);
    expect(isQuotaError(await commitImport(db, prepared('x', 'hash-x')).catch((e: unknown) => e))).toBe(true);
    stop();
    stop = failWritesAfter(1);
    const doc = { id: 'doc-1', areaCode: 'E10000034', period: 2025, title: 'Minutes', source: 'm.txt', text: 'Neglect.', hash: 'hd', importId: 'di' };
    const record = { id: 'di', fileName: 'm.txt', hash: 'hd', kind: 'document' as const, importedAt: '2026-04-01T00:00:00.000Z', counts: { areas: 0, indicators: 0, observations: 0, documents: 1, priorities: 0 }, warnings: [] };
    const err = await storeDocumentImport(db, { record, document: doc, mentions: [], priorities: [] }).catch((e: unknown) => e);
    stop();
    expect(isQuotaError(err)).toBe(true);
    expect(await dump(db)).toEqual(before);
  });
});

describe('merge', () => {
  const edit = (id: string, label: string, editedAt?: string): Priority => ({ id, areaCode: 'E10000034', period: 2025, label, themeIds: [], importId: 'user', userEdited: true, ...(editedAt ? { editedAt } : {}) });

  it('adds the backup’s new imports whole, skips ones held (by id or file), keeps the app’s bundle', async () => {
    const other = fresh();
    await loadBundle(other, bundle);
    await commitImport(other, prepared('a', 'hash-a'));
    await commitImport(other, prepared('b', 'hash-b', 8));
    await commitImport(other, prepared('c', 'hash-c', 9));
    const { contents } = await backupOf(other);
    // A backup whose bundled figures were changed: they must not be taken.
    const cpp = unpack(contents.tables['series'] as unknown as SeriesPack[]).find((s) => s.id === 'bundled:cpp_rate')!;
    cpp.values.fill(1);

    const db = fresh();
    await loadBundle(db, bundle);
    await commitImport(db, prepared('a', 'hash-a'));
    await commitImport(db, { ...prepared('b2', 'hash-b'), record: { ...prepared('b2', 'hash-b').record, fileName: 'b-again.csv' } });
    // An import here brought an indicator with the id c's has.
    await commitImport(db, { ...prepared('z', 'hash-z'), indicators: [{ ...prepared('c', '').indicators[0]!, label: 'z’s label' }] });
    const bundledBefore = await db.series.where('importId').equals('bundled').toArray();

    const report = await restoreMerge(db, contents);
    expect(report.added.map((i) => i.fileName)).toEqual(['c.csv']);
    expect(report.skipped).toEqual([
      { fileName: 'a.csv', why: 'same import' },
      { fileName: 'b.csv', why: 'same file' },
    ]);
    expect((await db.imports.toArray()).map((i) => i.id).sort()).toEqual(['a', 'b2', 'bundled', 'c', 'z']);
    expect(await getObservations(db, 'ind_c', { areas: ['X00000042'] })).toMatchObject([{ value: 9, numerator: 3, denominator: 9 }]);
    expect(await db.series.where('importId').equals('bundled').toArray()).toEqual(bundledBefore);
    // The custom area and the indicator c uses are already held: they stay as they are here.
    expect((await db.areas.get('X00000042'))?.importId).toBe('a');
    expect(await db.indicators.get('ind_c')).toMatchObject({ label: 'z’s label', importId: 'z' });
    expect(report.keptHere).toBe(1);

    // Merging the same backup again adds nothing.
    const again = await restoreMerge(db, contents);
    expect(again.added).toEqual([]);
  });

  it('carries an area or indicator an added import uses but this browser lacks', () => {
    const area = { code: 'X00000001', name: 'Barsetshire', level: 'local_authority', aliases: [], importId: 'old' };
    const s = { id: 'new:ind_old', importId: 'new', indicatorId: 'ind_old', areaCodes: ['X00000001'], areaIndex: new Uint32Array(1), periods: new Uint16Array([2025]), values: new Float64Array(1), statuses: new Uint8Array(1) };
    const held: Held = { importIds: new Set(['old-here']), importHashes: new Set(['h-old']), keys: { areas: new Set(), indicators: new Set(), series: new Set(), documents: new Set(), themeMentions: new Set(), priorities: new Set(), neighbourModels: new Set() }, edits: new Map() };
    const plan = planMerge(held, {
      header: { format: 'safeguarding-lens/backup', version: 1, schemaVersion: 3, createdAt: '', tables: {} },
      tables: {
        imports: [
          { id: 'old', fileName: 'old.csv', hash: 'h-old', counts: {} },
          { id: 'new', fileName: 'new.csv', hash: 'h-new', counts: {} },
        ],
        areas: [area],
        indicators: [{ id: 'ind_old', label: 'Old', importId: 'old' }],
        series: [packOfOne(s) as unknown as Record<string, unknown>],
      },
    });
    expect(plan.added.map((i) => i['id'])).toEqual(['new']);
    expect(plan.records.areas).toEqual([{ ...area, importId: 'new' }]);
    expect(plan.records.indicators).toEqual([{ id: 'ind_old', label: 'Old', importId: 'new' }]);
  });

  it('merges priority edits by id, the later edit winning', async () => {
    const other = fresh();
    await loadBundle(other, bundle);
    await other.priorities.bulkPut([edit('p1', 'newer there', '2026-04-02T00:00:00.000Z'), edit('p2', 'older there', '2026-04-01T00:00:00.000Z'), edit('p3', 'only there', '2026-03-01T00:00:00.000Z'), edit('p4', 'undated there')]);
    const { contents } = await backupOf(other);

    const db = fresh();
    await loadBundle(db, bundle);
    await db.priorities.bulkPut([edit('p1', 'older here', '2026-04-01T00:00:00.000Z'), edit('p2', 'newer here', '2026-04-02T00:00:00.000Z'), edit('p4', 'dated here', '2026-01-01T00:00:00.000Z')]);
    const report = await restoreMerge(db, contents);
    expect(report.edits).toBe(2);
    const label = async (id: string) => (await db.priorities.get(id))?.label;
    expect([await label('p1'), await label('p2'), await label('p3'), await label('p4')]).toEqual(['newer there', 'newer here', 'only there', 'dated here']);
  });

  it('an edit made in the app is dated, so a later merge can tell which is newer', async () => {
    const db = fresh();
    await loadBundle(db, bundle);
    await savePriority(db, edit('p9', 'mine'));
    expect((await db.priorities.get('p9'))?.editedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('a backup changed after it was made (issue 14, item 3)', () => {
  async function lines(db: LensDb): Promise<string[]> {
    const { blob } = await writeBackup(db);
    return (await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).text()).trimEnd().split('\n');
  }
  /** Every bundled cpp_rate value set to 1.0, as the hostile-input review did by hand. */
  function fakeRates(ls: string[]): string[] {
    return ls.map((l, i) => {
      if (i === 0) return l;
      const { table, record } = JSON.parse(l) as { table: string; record: Record<string, unknown> };
      if (table !== 'series' || record['importId'] !== 'bundled') return l;
      const packs = decodeValue(record) as { series: { indicatorId: string; values: Float64Array }[] };
      if (!packs.series.some((s) => s.indicatorId === 'cpp_rate')) return l;
      for (const s of packs.series) if (s.indicatorId === 'cpp_rate') s.values.fill(1);
      return recordLine(table, packs);
    });
  }
  async function cppRates(db: LensDb): Promise<(number | null)[]> {
    return (await getObservations(db, 'cpp_rate', { areas: ['E10000034', 'E92000001'] })).map((o) => o.value);
  }

  it('is refused, saying so plainly, and nothing is read from it', async () => {
    const db = await workedOn();
    const ls = fakeRates(await lines(db));
    const read = await readBackupFile(db, new Blob([ls.join('\n') + '\n']));
    expect(read).toEqual({ ok: false, problems: [expect.stringMatching(/^this backup has been changed since it was made/)] });
  });

  it('with its digest rewritten too, still never changes the bundled figures', async () => {
    const db = await workedOn();
    await loadBundle(db, bundle);
    const rates = await cppRates(db);
    expect(rates.every((v) => v !== 1)).toBe(true);
    const ls = fakeRates(await lines(db));
    const header = JSON.parse(ls[0]!) as Record<string, unknown>;
    const digest = createHash('sha256').update(ls.slice(1).map((l) => `${l}\n`).join('')).digest('hex');
    const forged = [JSON.stringify({ ...header, contentSha256: digest }), ...ls.slice(1)];
    const read = await readBackupFile(db, new Blob([forged.join('\n') + '\n']));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    await restoreReplace(db, read.value);
    expect(await cppRates(db)).toEqual(rates);
    await restoreMerge(db, read.value);
    expect(await cppRates(db)).toEqual(rates);
  });

  it('a backup made before backups carried a digest is read, and the summary says it cannot be checked', async () => {
    const db = await workedOn();
    const ls = await lines(db);
    const { contentSha256: _drop, ...header } = JSON.parse(ls[0]!) as Record<string, unknown>;
    const read = await readBackupFile(db, new Blob([[JSON.stringify(header), ...ls.slice(1)].join('\n') + '\n']));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(summariseBackup(read.value).verified).toBe(false);
    const own = await backupOf(db);
    expect(summariseBackup(own.contents).verified).toBe(true);
  });
});

describe('fields a backup’s records do not declare (issue 14, item 7)', () => {
  it('are dropped on restore; every field the app declares is kept', async () => {
    const db = fresh();
    await loadBundle(db, smallBundle);
    const imp = prepared('a', 'hash-a');
    await commitImport(db, { ...imp, indicators: [{ ...imp.indicators[0]!, vintage: 'LAIT, April 2026', breakdown: { of: 'ind', by: 'characteristic', value: 'Age 10 to 15' } }] });
    await savePriority(db, { id: 'p-mine', areaCode: 'E10000034', period: 2025, label: 'Mine', themeIds: ['neglect'], importId: 'user', userEdited: true });
    const { blob } = await writeBackup(db);
    const ls = (await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).text()).trimEnd().split('\n');
    // Fields made up by hand in every kind of record, and a prototype key in a priority; the digest rewritten to match.
    const tampered = ls.slice(1).map((l) => {
      const line = JSON.parse(l) as { table: string; record: Record<string, unknown> };
      line.record['madeUp'] = 'x';
      if (line.table === 'series') for (const m of line.record['series'] as Record<string, unknown>[]) m['madeUp'] = 'x';
      const text = JSON.stringify(line);
      return line.table === 'priorities' ? text.replace('"record":{', '"record":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},') : text;
    });
    const header = JSON.parse(ls[0]!) as Record<string, unknown>;
    const digest = createHash('sha256').update(tampered.map((l) => `${l}\n`).join('')).digest('hex');
    const read = await readBackupFile(db, new Blob([[JSON.stringify({ ...header, contentSha256: digest }), ...tampered].join('\n') + '\n']));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    await restoreReplace(db, read.value);

    const stored = (await dump(db)).map((l) => JSON.parse(l) as { table: string; record: Record<string, unknown> });
    const userRecords = stored.filter((l) => l.record['importId'] !== 'bundled' && l.table !== 'meta' && !(l.table === 'imports' && l.record['id'] === 'bundled'));
    expect(userRecords.map((l) => l.table).sort()).toEqual(['areas', 'imports', 'indicators', 'priorities', 'series']);
    for (const { record } of userRecords) {
      expect(Object.keys(record)).not.toContain('madeUp');
      expect(Object.getOwnPropertyNames(record)).not.toContain('__proto__');
      expect(Object.getOwnPropertyNames(record)).not.toContain('constructor');
    }
    expect(unpack(await db.series.where('importId').equals('a').toArray()).map((s) => Object.keys(s))).not.toContainEqual(expect.arrayContaining(['madeUp']));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // What the app declares stays: an indicator's vintage and breakdown, a priority's edit fields, an import's size.
    expect(await db.indicators.get('ind_a')).toMatchObject({ vintage: 'LAIT, April 2026', breakdown: { of: 'ind', by: 'characteristic', value: 'Age 10 to 15' } });
    expect(await db.priorities.get('p-mine')).toMatchObject({ userEdited: true, editedAt: expect.stringMatching(/^\d{4}-/) });
    expect((await db.imports.get('a'))?.storedBytes).toBeGreaterThan(0);
  });
});
