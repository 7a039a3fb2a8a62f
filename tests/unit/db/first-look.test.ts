import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { coreUrl, restUrl } from 'virtual:bundle-parts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledHash, coreTables } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { firstLook, readingLibrary } from '../../../src/lib/db/first-look.svelte';
import { ensureBundledData } from '../../../src/lib/db/instance';
import { coreView } from '../../../src/lib/db/core-view';
import { getObservations, getPeriodExtents, listAreas, listInspections, seriesInPrecedence } from '../../../src/lib/db/queries';
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

/** core-view.ts's coreView, as App.svelte loads it. */
const view = async () => coreView;

afterEach(async () => {
  vi.unstubAllGlobals();
  firstLook.end();
  for (const db of opened.splice(0)) await db.delete();
});

describe('ensureBundledData on a first visit', () => {
  it('shows the core from memory before the library is filled, then fills the library with the whole bundle', async () => {
    serveBundle();
    const db = library();
    const seen: { indicators: readonly string[]; fromMemory: boolean; libraryHash: string | undefined; worcs2025: number | null | undefined }[] = [];
    const result = await ensureBundledData(db, {
      coreView: view,
      onCore: async (indicators, from) => {
        seen.push({
          indicators,
          fromMemory: from !== db,
          libraryHash: await bundledHash(db),
          // Worcestershire's CP-plan rate in 2025, LAIT and the DfE's CIN tables: 43.5 per 10,000.
          worcs2025: (await getObservations(from, 'cpp_rate', { areas: ['E10000034'], from: 2025, to: 2025 }))[0]?.value,
        });
      },
    });
    expect(result).toBe('loaded');
    expect(seen).toEqual([{ indicators: ['cpp_rate'], fromMemory: true, libraryHash: undefined, worcs2025: 43.5 }]);
    // The library holds the whole bundle: the hash, the rest's series and the inspections.
    expect(await bundledHash(db)).toBe(bundle.hash);
    expect((await getPeriodExtents(db)).size).toBe(new Set(bundle.series.map((s) => s.indicatorId)).size);
    expect((await listInspections(db)).inspections.length).toBeGreaterThan(0);
  });

  it('creates the library only once the first view is drawn from memory, when there is none yet', async () => {
    serveBundle();
    const db = library();
    const open = vi.spyOn(indexedDB, 'open');
    const openedBefore: number[] = [];
    const result = await ensureBundledData(db, {
      coreView: view,
      onCore: () => void openedBefore.push(open.mock.calls.filter(([name]) => name === db.name).length),
    });
    open.mockRestore();
    expect(result).toBe('loaded');
    expect(openedBefore).toEqual([0]);
    expect(await bundledHash(db)).toBe(bundle.hash);
  });

  it('during the first look, a write and a read the core cannot answer wait for the library and are done there, without holding it back', async () => {
    serveBundle();
    const db = library();
    let asked: Promise<[number, unknown]> | undefined;
    let libraryHashThen: string | undefined = 'not asked';
    const result = await ensureBundledData(db, {
      coreView: view,
      onCore: async (_, from) => {
        libraryHashThen = await bundledHash(db);
        // A write, and a range of an index: neither is the core's to answer (it holds no documents).
        const written = from.meta.put({ key: 'written during the first look', value: 1 });
        const documents = from.documents.where('period').above(0).count();
        asked = Promise.all([documents, written]);
        // The first view waits for them: the library is filled all the same.
        await asked;
      },
    });
    expect(result).toBe('loaded');
    expect(libraryHashThen).toBeUndefined();
    const [documents, key] = await asked!;
    expect(documents).toBe(bundle.documents.length);
    expect(documents).toBeGreaterThan(0);
    expect(key).toBe('written during the first look');
    expect((await db.meta.get('written during the first look'))?.value).toBe(1);
    // The library's own record of the bundle stands: the write did not land before the core's.
    expect(await bundledHash(db)).toBe(bundle.hash);
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
    expect(await ensureBundledData(db, { coreView: view, onCore: (_, d) => void from.push(d) })).toBe('unchanged');
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
      coreView: view,
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

describe('coreView', () => {
  it('answers from the core until the library holds the whole bundle, and leaves what it cannot answer to the library until then', async () => {
    const lib = library();
    await lib.meta.put({ key: 'where', value: 'library' });
    let wholeIn!: () => void;
    const whole = new Promise<void>((r) => (wholeIn = r));
    let waited = 0;
    const held = coreView(coreTables(parts.core), lib, whole, () => waited++);
    // The core's figures, though the library holds none.
    expect((await getObservations(held, 'cpp_rate', { areas: ['E10000034'], from: 2025, to: 2025 }))[0]?.value).toBe(43.5);
    expect(await held.meta.get('where')).toBeUndefined();
    expect(waited).toBe(0);
    // An index range the view does not answer: it waits, and says so.
    let answered = false;
    const later = held.meta
      .where('key')
      .startsWith('wh')
      .toArray()
      .then((records) => ((answered = true), records));
    expect(waited).toBe(1);
    // A round trip to the library and back, and still no answer: the library is not ready.
    await lib.meta.get('where');
    expect(answered).toBe(false);
    wholeIn();
    expect(await later).toEqual([{ key: 'where', value: 'library' }]);
    // Now every read is the library's.
    expect((await held.meta.get('where'))?.value).toBe('library');
    expect(await held.areas.count()).toBe(0);
  });

  it('gives copies: a caller that changes what it gets does not change the core', async () => {
    const held = coreView(coreTables(parts.core), library(), new Promise(() => undefined));
    const areas = await listAreas(held);
    const first = areas[0]!.code;
    areas.reverse();
    areas[0]!.name = 'changed';
    const series = await seriesInPrecedence(held, 'cpp_rate');
    series[0]!.values.fill(-1);
    series.length = 0;
    const again = await listAreas(held);
    expect(again[0]!.code).toBe(first);
    expect(again.map((a) => a.name)).not.toContain('changed');
    expect((await getObservations(held, 'cpp_rate', { areas: ['E10000034'], from: 2025, to: 2025 }))[0]?.value).toBe(43.5);
  });
});

describe('readingLibrary', () => {
  it('reads the core during the first look and the library after it', async () => {
    const lib = library();
    await lib.meta.put({ key: 'where', value: 'library' });
    const held = coreView(coreTables(parts.core), lib, new Promise(() => undefined));
    const reading = readingLibrary(lib);
    expect((await reading.meta.get('where'))?.value).toBe('library');
    expect(await reading.areas.count()).toBe(0);
    firstLook.begin(held);
    expect(firstLook.active).toBe(true);
    expect(await reading.meta.get('where')).toBeUndefined();
    expect(await reading.areas.count()).toBe(parts.core.areas.length);
    firstLook.end();
    expect(firstLook.active).toBe(false);
    expect((await reading.meta.get('where'))?.value).toBe('library');
    expect(await reading.areas.count()).toBe(0);
  });
});
