import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { coreUrl, restUrl } from 'virtual:bundle-parts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledHash } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { firstLook, readingLibrary } from '../../../src/lib/db/first-look.svelte';
import { ensureBundledData } from '../../../src/lib/db/instance';
import { openMemoryDatabase, STILL_STORING } from '../../../src/lib/db/memory-database';
import { getObservations, getPeriodExtents, listInspections } from '../../../src/lib/db/queries';
import type { Bundle } from '../../../src/lib/model/bundle';
import { splitBundle } from '../../../src/lib/model/bundle-parts';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;
const parts = splitBundle(bundle);
let n = 0;
const opened: LensDb[] = [];

/** The bundle's two files as the server gives them. */
function serveBundle(): void {
  vi.stubGlobal('fetch', async (url: string) => new Response(JSON.stringify(url === coreUrl ? parts.core : url === restUrl ? parts.rest : null), { status: url === coreUrl || url === restUrl ? 200 : 404 }));
}

function library(): LensDb {
  const db = openDatabase(`test-first-look-${n++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await firstLook.end();
  for (const db of opened.splice(0)) await db.delete();
});

describe('ensureBundledData on a first visit', () => {
  it('shows the core from memory before the library is filled, then fills the library with the whole bundle', async () => {
    serveBundle();
    const db = library();
    const seen: { indicators: readonly string[]; fromMemory: boolean; libraryHash: string | undefined; worcs2025: number | null | undefined }[] = [];
    const result = await ensureBundledData(db, {
      memory: async () => openMemoryDatabase(),
      onCore: async (indicators, from) => {
        seen.push({
          indicators,
          fromMemory: from !== db,
          libraryHash: await bundledHash(db),
          // Worcestershire's CP-plan rate in 2025, LAIT and the DfE's CIN tables: 43.5 per 10,000.
          worcs2025: (await getObservations(from, 'cpp_rate', { areas: ['E10000034'], from: 2025, to: 2025 }))[0]?.value,
        });
        await expect(from.meta.put({ key: 'x', value: 1 })).rejects.toThrow(STILL_STORING);
      },
    });
    expect(result).toBe('loaded');
    expect(seen).toEqual([{ indicators: ['cpp_rate'], fromMemory: true, libraryHash: undefined, worcs2025: 43.5 }]);
    // The library holds the whole bundle: the hash, the rest's series and the inspections.
    expect(await bundledHash(db)).toBe(bundle.hash);
    expect((await getPeriodExtents(db)).size).toBe(new Set(bundle.series.map((s) => s.indicatorId)).size);
    expect((await listInspections(db)).inspections.length).toBeGreaterThan(0);
  });

  it('without a memory database (a visit the service worker serves), shows the core from the library', async () => {
    serveBundle();
    const db = library();
    await db.open();
    await db.meta.put({ key: 'bundleHash', value: 'an older edition' });
    const from: LensDb[] = [];
    await ensureBundledData(db, { onCore: (_, d) => void from.push(d) });
    expect(from).toEqual([db]);
    expect(await bundledHash(db)).toBe(bundle.hash);
  });

  it('when the library holds this bundle already (a visit the service worker did not serve), reads it without a first look', async () => {
    serveBundle();
    const db = library();
    await ensureBundledData(db);
    // The core never arrives: were the first look waited for, this would not end.
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    const from: LensDb[] = [];
    expect(await ensureBundledData(db, { memory: async () => openMemoryDatabase(), onCore: (_, d) => void from.push(d) })).toBe('unchanged');
    expect(from).toEqual([]);
  });

  it('when the library says it holds this bundle only after the first look has begun, the first look still ends with the library', async () => {
    serveBundle();
    const db = library();
    await ensureBundledData(db);
    const from: LensDb[] = [];
    // The library answers only once the first view (onCore) is drawn from memory.
    let drawn!: () => void;
    const shown = new Promise<void>((r) => (drawn = r));
    const slow = Object.create(db, { meta: { get: () => ({ get: async (key: string) => (await shown, db.meta.get(key)) }) } }) as LensDb;
    const result = await ensureBundledData(slow, {
      memory: async () => openMemoryDatabase(),
      onCore: (_, d) => {
        from.push(d);
        drawn();
      },
    });
    expect(result).toBe('unchanged');
    expect(from).toHaveLength(1);
    expect(from[0]).not.toBe(db);
  });
});

describe('readingLibrary', () => {
  it('reads the memory database during the first look and the library after it', async () => {
    const lib = library();
    await lib.meta.put({ key: 'where', value: 'library' });
    const memory = openMemoryDatabase();
    await memory.db.meta.put({ key: 'where', value: 'memory' });
    const reading = readingLibrary(lib);
    expect((await reading.meta.get('where'))?.value).toBe('library');
    firstLook.begin(memory.db);
    expect(firstLook.active).toBe(true);
    expect((await reading.meta.get('where'))?.value).toBe('memory');
    await reading.transaction('r', reading.meta, async () => expect((await reading.meta.get('where'))?.value).toBe('memory'));
    await firstLook.end();
    expect(firstLook.active).toBe(false);
    expect((await reading.meta.get('where'))?.value).toBe('library');
    // The memory database is closed once the views have left it.
    expect(memory.db.isOpen()).toBe(false);
  });
});
