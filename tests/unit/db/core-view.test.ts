import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreTables, storeBundleCore } from '../../../src/lib/db/bundled';
import { coreView } from '../../../src/lib/db/core-view';
import { openDatabase, SCHEMA, type LensDb } from '../../../src/lib/db/database';
import { seriesCatalog } from '../../../src/lib/db/queries';
import type { Bundle } from '../../../src/lib/model/bundle';
import { splitBundle } from '../../../src/lib/model/bundle-parts';

/**
 * The core's view (core-view.ts) answers every read it answers itself exactly as a
 * Dexie database holding the same core does: the library the first look stands in for.
 */
const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;
const { core } = splitBundle(bundle);
let stored: LensDb;
let held: LensDb;

beforeAll(async () => {
  stored = openDatabase('test-core-view');
  await storeBundleCore(stored, core);
  // The library is never said to hold the whole bundle: every answer is the view's own.
  held = coreView(coreTables(core), openDatabase('test-core-view-unused'), new Promise(() => undefined), () => {
    throw new Error('The view left a read to the library');
  });
});

afterAll(async () => {
  await stored.delete();
});

/** Each table with its primary key and its indexes that are not compound, as the schema declares them. */
const tables = (() => {
  const specs = new Map<string, string>();
  for (const v of SCHEMA) for (const [name, spec] of Object.entries(v.stores)) if (spec) specs.set(name, spec);
  return [...specs].map(([name, spec]) => {
    const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
    return { name, primary: primary!.replace(/^&/, ''), indexes: indexes.filter((i) => !i.startsWith('[')).map((i) => i.replace(/^[&*]/, '')) };
  });
})();

describe('coreView answers as a database holding the core', () => {
  it('holds the tables the core fills, and no other', async () => {
    const filled = tables.filter((t) => t.name !== 'imports' && t.name !== 'documents' && t.name !== 'themeMentions' && t.name !== 'themeLinks');
    for (const t of filled) expect(await stored.table(t.name).count(), t.name).toBeGreaterThan(0);
    expect(await stored.documents.count()).toBe(0);
  });

  for (const t of tables) {
    it(`${t.name}: whole-table reads, get and bulkGet`, async () => {
      const a = stored.table(t.name);
      const b = held.table(t.name);
      expect(await b.toArray()).toEqual(await a.toArray());
      expect(await b.count()).toBe(await a.count());
      expect(await b.toCollection().primaryKeys()).toEqual(await a.toCollection().primaryKeys());
      const each = async (table: typeof a) => {
        const seen: unknown[] = [];
        await table.each((rec, cursor) => void seen.push([cursor.primaryKey, rec]));
        return seen;
      };
      expect(await each(b)).toEqual(await each(a));
      const keys = (await a.toCollection().primaryKeys()) as string[];
      const some = [keys[0], 'no such key', keys[Math.floor(keys.length / 2)], keys.at(-1)].filter((k) => k !== undefined);
      for (const k of some) expect(await b.get(k), String(k)).toEqual(await a.get(k));
      expect(await b.bulkGet(some)).toEqual(await a.bulkGet(some));
      const odd = (rec: Record<string, unknown>) => JSON.stringify(rec[t.primary]).length % 2 === 1;
      expect(await b.filter(odd).toArray()).toEqual(await a.filter(odd).toArray());
    });

    for (const index of [t.primary, ':id', ...t.indexes]) {
      it(`${t.name}: by ${index}`, async () => {
        const a = stored.table(t.name);
        const b = held.table(t.name);
        expect(await b.orderBy(index).toArray()).toEqual(await a.orderBy(index).toArray());
        expect(await b.orderBy(index).primaryKeys()).toEqual(await a.orderBy(index).primaryKeys());
        expect(await b.orderBy(index).keys()).toEqual(await a.orderBy(index).keys());
        expect(await b.orderBy(index).uniqueKeys()).toEqual(await a.orderBy(index).uniqueKeys());
        const values = (await a.orderBy(index).uniqueKeys()) as string[];
        const asked = [values[0], values[Math.floor(values.length / 2)], values.at(-1), 'no such value'].filter((v) => v !== undefined);
        for (const v of asked) {
          const x = a.where(index).equals(v);
          const y = b.where(index).equals(v);
          expect(await y.toArray(), `${index} = ${v}`).toEqual(await x.toArray());
          expect(await y.primaryKeys()).toEqual(await x.primaryKeys());
          expect(await y.count()).toBe(await x.count());
          expect(await y.first()).toEqual(await x.first());
          expect(await y.last()).toEqual(await x.last());
        }
        // Out of order, and twice: as Dexie gives them, in the index's order.
        const many = [...asked].reverse().concat(asked.slice(0, 1));
        expect(await b.where(index).anyOf(many).toArray()).toEqual(await a.where(index).anyOf(many).toArray());
        expect(await b.where(index).anyOf(many).primaryKeys()).toEqual(await a.where(index).anyOf(many).primaryKeys());
        expect(await b.where(index).anyOf(many).distinct().toArray()).toEqual(await a.where(index).anyOf(many).distinct().toArray());
        expect(await b.where(index).anyOf(...many).count()).toBe(await a.where(index).anyOf(...many).count());
        expect(await b.where(index).anyOf([]).toArray()).toEqual([]);
        // Every value: a record under several (an area's aliases) comes once per value, or once with distinct.
        expect(await b.where(index).anyOf(values).primaryKeys()).toEqual(await a.where(index).anyOf(values).primaryKeys());
        expect(await b.where(index).anyOf(values).distinct().primaryKeys()).toEqual(await a.where(index).anyOf(values).distinct().primaryKeys());
        expect(await b.where(index).anyOf(values).distinct().count()).toBe(await a.where(index).anyOf(values).distinct().count());
      });
    }
  }

  it('series: the catalog of what is held is read from the spans index, without the library', async () => {
    const catalog = await seriesCatalog(held);
    expect(catalog).toEqual(await seriesCatalog(stored));
    // The core's series: the CP-plan rate, 2016 to 2025 in the DfE's LAIT extract.
    expect(catalog.extents.get('cpp_rate')).toEqual([2016, 2025]);
  });

  it('series: a pack of several indicators is found once with distinct, as the queries read it', async () => {
    const ids = ['cpp_rate', 'no such indicator'];
    expect(await held.series.where('indicatorIds').anyOf(ids).distinct().toArray()).toEqual(await stored.series.where('indicatorIds').anyOf(ids).distinct().toArray());
    expect(await held.series.where('indicatorIds').equals('cpp_rate').toArray()).toEqual(await stored.series.where('indicatorIds').equals('cpp_rate').toArray());
  });
});
