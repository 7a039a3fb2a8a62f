import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { recordLine, type BackupContents } from '../../../src/lib/db/backup-format';
import { readBackupFile } from '../../../src/lib/db/backup';
import { openDatabase, SCHEMA, SCHEMA_VERSION, type LensDb } from '../../../src/lib/db/database';
import { collectExport } from '../../../src/lib/db/export';
import { undoImport } from '../../../src/lib/db/imports';
import { getObservations, seriesCatalog } from '../../../src/lib/db/queries';
import { estimateBytes } from '../../../src/lib/db/record-size';
import { unpack, type SeriesPack } from '../../../src/lib/db/series-packs';
import { restoreReplace } from '../../../src/lib/db/restore';
import { listDocumentHeads, listPriorities } from '../../../src/lib/db/theme-queries';
import { createV1Database, dump, FIXTURE_V1, readFixture, splitDump } from './helpers';

let n = 0;
const open: LensDb[] = [];
function fresh(version?: number): LensDb {
  const db = openDatabase(`test-migration-${n++}`, version ? { version } : {});
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** The version-1 fixture, written as version 1 left it and then opened by this version. */
async function upgradedFixture(): Promise<{ fixture: BackupContents; db: LensDb }> {
  const name = `test-migration-${n++}`;
  await createV1Database(name);
  const db = openDatabase(name);
  open.push(db);
  return { fixture: readFixture(), db };
}

describe('schema versions', () => {
  it('are only added: numbered 1, 2, … in order', () => {
    expect(SCHEMA.map((v) => v.version)).toEqual(SCHEMA.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(SCHEMA.length);
  });

  it('version 1 is the schema the fixture was written with', () => {
    expect(SCHEMA[0]!.stores).toEqual({
      areas: '&code, level, regionCode, *aliases, importId',
      indicators: '&id, importId',
      series: '&id, indicatorId, importId',
      documents: '&id, areaCode, period, hash, importId',
      themeMentions: '&id, documentId, themeId, areaCode, [areaCode+period], importId',
      priorities: '&id, areaCode, [areaCode+period], documentId, importId',
      neighbourModels: '&id, importId',
      imports: '&id, hash, importedAt',
      meta: '&key',
    });
  });
});

describe('a version-1 database with real content, opened by the current version', () => {
  it('keeps every record of every table exactly, and adds what the new version needs', async () => {
    const { fixture, db } = await upgradedFixture();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Version 4 adds the user's theme–measure links, empty until the user makes one.
    expect(db.tables.map((t) => t.name).sort()).toEqual([...Object.keys(fixture.tables), 'themeLinks'].sort());
    expect(await db.themeLinks.count()).toBe(0);

    for (const t of db.tables.filter((x) => x.name !== 'themeLinks')) {
      const got = await t.toArray();
      expect(got.length, t.name).toBe(fixture.tables[t.name]!.length);
      // Version 2 adds storedBytes to imports; version 3 wraps each series in a pack (checked below).
      const stripped = t.name === 'imports' ? got.map(({ storedBytes: _, ...rest }: { storedBytes?: number }) => rest) : t.name === 'series' ? unpack(got as SeriesPack[]) : got;
      // Compared as their exact encodings: typed arrays byte for byte, NaN included.
      expect(stripped.map((r) => recordLine(t.name, r)), t.name).toEqual(fixture.tables[t.name]!.map((r) => recordLine(t.name, r)));
    }
  });

  it('version 3: each series is a pack of one under its old key, found by its indicator', async () => {
    const { fixture, db } = await upgradedFixture();
    for (const old of fixture.tables['series']!) {
      const pack = await db.series.get(old['id'] as string);
      expect(pack).toMatchObject({ importId: old['importId'], indicatorIds: [old['indicatorId']] });
      expect(pack!.series.map((s) => s.id)).toEqual([old['id']]);
    }
    const referrals = await db.series.where('indicatorIds').equals('referral_rate').toArray();
    expect(referrals.map((p) => p.importId).sort()).toEqual(['bundled', 'import-c1-referrals']);
  });

  it('version 5: each pack lists what it holds as spans, and the catalog read from them is what its figures say', async () => {
    const { db } = await upgradedFixture();
    // The catalog worked out from every figure held, as it was read before version 5.
    const extents = new Map<string, [number, number]>();
    const holders = new Map<string, Set<string>>();
    for (const s of unpack(await db.series.toArray())) {
      holders.set(s.indicatorId, (holders.get(s.indicatorId) ?? new Set()).add(s.importId));
      if (!s.periods.length) continue;
      const [first, last] = extents.get(s.indicatorId) ?? [Infinity, -Infinity];
      extents.set(s.indicatorId, [Math.min(first, ...s.periods), Math.max(last, ...s.periods)]);
    }
    expect(extents.size).toBeGreaterThan(0);
    expect(await seriesCatalog(db)).toEqual({ extents, holders });
    // The fixture's referral rates: bundled and imported ones, as its version-3 test says.
    expect((await seriesCatalog(db)).holders.get('referral_rate')).toEqual(new Set(['bundled', 'import-c1-referrals']));
  });

  it('version 5: a pack is stored with the spans its series give, whatever spans it comes with', async () => {
    const db = fresh();
    const [pack] = (await upgradedFixture().then(({ db: f }) => f.series.toArray())) as SeriesPack[];
    await db.series.put({ ...pack!, spans: [['made_up', 'nobody', 1900, 2999]] });
    const stored = await db.series.get(pack!.id);
    expect(stored!.spans).toEqual(pack!.spans);
    expect(stored!.spans!.length).toBe(pack!.series.length);
    expect((await seriesCatalog(db)).holders.has('made_up')).toBe(false);
  });

  it('version 2: every import record says about how much it stores', async () => {
    const { fixture, db } = await upgradedFixture();
    const imports = new Map((await db.imports.toArray()).map((i) => [i.id, i.storedBytes]));
    const series = fixture.tables['series']!.filter((s) => s['importId'] === 'import-c1-referrals');
    expect(imports.get('import-c1-referrals')).toBeGreaterThan(estimateBytes(series.map((s) => s['values'])));
    expect(imports.get('doc-import-walsall')).toBeGreaterThan(estimateBytes(fixture.tables['documents']!.find((d) => d['importId'] === 'doc-import-walsall')!['text']));
    expect(Math.max(...(imports.values() as Iterable<number>))).toBe(imports.get('bundled'));
  });

  it('works in the app afterwards: figures, custom areas, documents, priority edits and undo', async () => {
    const { db } = await upgradedFixture();
    // The imported DfE file: Herefordshire's 2024 No_Further_Action_percent is published as "u".
    expect(await getObservations(db, 'no_further_action_percent', { areas: ['E06000019'], from: 2024 })).toMatchObject([{ value: null, status: 'u' }]);
    // The local table, with its custom area and suppressed cell.
    const barset = await db.areas.filter((a) => a.name === 'Barsetshire').first();
    expect(barset?.code).toMatch(/^X\d{8}$/);
    const local = (await db.indicators.filter((i) => i.label === 'Contacts to the front door').first())!;
    expect((await getObservations(db, local.id, { areas: [barset!.code] })).map((o) => o.value)).toEqual([340, 362, 401]);
    expect(await getObservations(db, local.id, { areas: ['E10000034'], from: 2025 })).toMatchObject([{ value: null, status: 'c' }]);
    // The document import and the user's priorities.
    expect((await listDocumentHeads(db)).map((d) => d.source)).toContain('walsall-annual-report.html');
    const labels = (await listPriorities(db)).map((p) => p.label);
    expect(labels).toContain('Early Help (as the board agreed)');
    expect(labels).toContain('Children’s voice in every plan');
    expect(labels).not.toContain('Young people at the point of transition (with a specific focus on sexual exploitation)');
    // Undo still removes exactly one import.
    await undoImport(db, 'import-local-contacts');
    expect(await db.areas.get(barset!.code)).toBeUndefined();
    expect(await db.imports.count()).toBe(3);
  });

  it('restoring the version-1 fixture as a backup gives the same imports and edits as upgrading it in place', async () => {
    const { db: upgraded } = await upgradedFixture();
    const restored = fresh();
    const read = await readBackupFile(restored, new Blob([readFileSync(FIXTURE_V1)]));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.value.header.schemaVersion).toBe(SCHEMA_VERSION);
    // A backup's records are brought up to this version exactly as the database's are in place;
    // its bundled records are not restored (the app keeps its own), so the rest is compared.
    // Less the packs' spans, the database's index keys, which it writes as the backup is restored.
    expect(read.value.tables['series']).toEqual((await upgraded.series.toArray()).map(({ spans: _, ...pack }) => pack));
    await restoreReplace(restored, read.value);
    expect(splitDump(await dump(restored)).user).toEqual(splitDump(await dump(upgraded)).user);
  });
});
