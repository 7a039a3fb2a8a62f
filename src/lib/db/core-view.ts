/**
 * The first look's database (first-look.svelte.ts): the core of the bundled data
 * (model/bundle-parts.ts) held as plain objects, read-only, answering the reads a
 * Compare view and the app shell make as the library will once it holds the bundle:
 * the tables the core fills hold the records storeBundleCore writes (bundled.ts), every
 * other table is empty. Nothing is stored and no read waits for a task of its own, so a
 * first visit's first chart waits only for the core's fetch and parse.
 *
 * What it does not answer itself (any write, a transaction, a method, index or key it
 * does not know) is neither refused nor guessed: it waits until the library holds the
 * whole bundle (`whole` settles) and is then asked of the library, so a write made during
 * the first look lands in the library. Once `whole` has settled, every read goes to the
 * library. Its own chunk, loaded only on a first visit.
 *
 * Each answer is a copy (structuredClone, as IndexedDB gives): a caller may change what
 * it gets (`inPrecedence` sorts its array) without changing what is held. Keys and index
 * values are compared as IndexedDB compares strings and numbers; an index holding other
 * kinds of key, or a compound one, is left to the library.
 */
import type { LensDb } from './database';

type Key = string | number | Key[];
type Rec = Record<string, unknown>;
/** One record in a collection's order: its key in the index read, and its primary key. */
interface Entry {
  key: Key;
  pk: Key;
  rec: Rec;
}
interface TableSchema {
  primaryKey: string;
  /** Index name → whether it is multi-entry; compound indexes are not listed. */
  indexes: Map<string, boolean>;
}

/** A chain of calls run on the library once it holds the whole bundle (what the view does not answer). */
type Later = ((...args: unknown[]) => Later) & { [key: string | symbol]: Later };

/**
 * A read-only view of the core's records (`coreTables` in bundled.ts: given, so that this
 * chunk imports nothing the app shell does not) standing in for `library` until `whole` settles (the
 * library holds the whole bundle, or could not be filled). Typed as the library: code
 * reading it needs no change. `waits` is called when something is first left to the
 * library before then: whoever holds the library back for the first view must not wait
 * for that view any longer.
 */
export function coreView(core: Readonly<Record<string, readonly object[]>>, library: LensDb, whole: Promise<unknown>, waits: () => void = () => undefined): LensDb {
  let settled = false;
  const ready = whole.then(
    () => void (settled = true),
    () => void (settled = true),
  );
  const tableNames = new Map<object, string>();
  /** Runs on the library once it holds the whole bundle; tables of the view given as arguments are named instead. */
  const later = (target: Promise<{ value: unknown; self: unknown }>): Later => {
    // Each step's failure reaches whoever awaits the chain's end, not the intermediate steps.
    target.catch(() => undefined);
    return new Proxy(function () {} as unknown as Later, {
      get(_, key) {
        if (key === 'then' || key === 'catch' || key === 'finally') {
          const answer = target.then((r) => r.value);
          return (answer[key] as (...a: unknown[]) => unknown).bind(answer);
        }
        return later(target.then((r) => ({ value: Reflect.get(r.value as object, key), self: r.value })));
      },
      apply(_, __, args: unknown[]) {
        return later(target.then((r) => ({ value: (r.value as (...a: unknown[]) => unknown).apply(r.self, args.map(named)), self: undefined })));
      },
    });
  };
  const named = (arg: unknown): unknown =>
    Array.isArray(arg) ? arg.map(named) : typeof arg === 'object' && arg !== null && tableNames.has(arg) ? tableNames.get(arg) : arg;
  const fromLibrary = (): Later => {
    if (!settled) waits();
    return later(ready.then(() => ({ value: library, self: undefined })));
  };

  /** `answers` made to look like Dexie's object: what it does not hold, and everything once the library holds the bundle, is `deferred()`'s. */
  const standIn = <T extends object>(answers: T, deferred: () => Later): T =>
    new Proxy(answers, {
      get(target, key) {
        // Tables, where clauses and collections are not promises; a symbol is asked by the language (or a console), not by a query.
        if (key === 'then') return undefined;
        if (typeof key === 'symbol' || (!settled && Object.prototype.hasOwnProperty.call(target, key))) return Reflect.get(target, key);
        return deferred()[key];
      },
    });

  const schemas = schemaOf(library);
  const tables = new Map<string, object>();
  for (const [name, schema] of schemas) {
    const table = heldTable(name, schema, (core[name] ?? []) as readonly Rec[], standIn, () => fromLibrary().table!(name));
    tableNames.set(table, name);
    tables.set(name, table);
  }

  return new Proxy({} as LensDb, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (settled || typeof key === 'symbol') {
        const value: unknown = Reflect.get(library, key, library);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(library) : value;
      }
      if (typeof key === 'string' && tables.has(key)) return tables.get(key);
      if (key === 'table') return (name: string) => tables.get(name) ?? fromLibrary().table!(name);
      // Anything else (a transaction, a write's helpers, open, close…) the library answers, once it holds the bundle.
      const value: unknown = Reflect.get(library, key, library);
      return typeof value === 'function' ? fromLibrary()[key] : value;
    },
  });
}

/** Every table of the library with its primary key and indexes, as Dexie read them from its schema (database.ts); compound indexes are left out. */
function schemaOf(library: LensDb): Map<string, TableSchema> {
  return new Map(
    library.tables.map((t) => [t.name, { primaryKey: t.schema.primKey.name, indexes: new Map(t.schema.indexes.filter((i) => !i.compound).map((i) => [i.name, i.multi === true])) }]),
  );
}

/** A key of a kind the view compares: a string, a number, or an array of them (as the series' `spans` are). */
function isKey(value: unknown): value is Key {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)) || (Array.isArray(value) && value.every(isKey));
}

/** A primary key the view looks up: every table's is a string or a number. */
function isScalarKey(value: unknown): value is string | number {
  return isKey(value) && !Array.isArray(value);
}

/** IndexedDB's order of keys: numbers, then strings by UTF-16 code units, then arrays item by item (a shorter array first when one begins the other). */
function compare(a: Key, b: Key): number {
  const kind = (k: Key) => (typeof k === 'number' ? 0 : typeof k === 'string' ? 1 : 2);
  if (kind(a) !== kind(b)) return kind(a) - kind(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i]!, b[i]!);
      if (c) return c;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const copy = <T>(value: T): T => structuredClone(value);

type StandIn = <T extends object>(answers: T, deferred: () => Later) => T;

function heldTable(name: string, schema: TableSchema, records: readonly Rec[], standIn: StandIn, deferred: () => Later): object {
  const byKey = new Map<Key, Rec>();
  for (const rec of records) byKey.set(rec[schema.primaryKey] as Key, rec);
  // Worked out once each: the held records never change, and every query reads them.
  let inKeyOrder: Entry[] | undefined;
  const byPrimaryKey = (): Entry[] =>
    (inKeyOrder ??= [...byKey].map(([pk, rec]) => ({ key: pk, pk, rec })).sort((a, b) => compare(a.pk, b.pk)));
  const byIndex = new Map<string, Entry[] | undefined>();
  /** The index's entries in its order, or undefined for one the view leaves to the library. */
  const indexEntries = (index: string): Entry[] | undefined => {
    if (!byIndex.has(index)) byIndex.set(index, entriesOf(index));
    return byIndex.get(index);
  };
  const entriesOf = (index: string): Entry[] | undefined => {
    if (index === schema.primaryKey || index === ':id') return byPrimaryKey();
    const multiEntry = schema.indexes.get(index);
    if (multiEntry === undefined) return undefined;
    const out: Entry[] = [];
    for (const [pk, rec] of byKey) {
      const value = rec[index];
      if (multiEntry && Array.isArray(value)) {
        // A multi-entry index holds each distinct key once per record.
        const keys: Key[] = [];
        for (const key of value) {
          if (!isKey(key)) {
            if (skipped(key)) continue;
            return undefined;
          }
          if (!keys.some((k) => compare(k, key) === 0)) keys.push(key);
        }
        for (const key of keys) out.push({ key, pk, rec });
      } else if (isKey(value)) out.push({ key: value, pk, rec });
      else if (!skipped(value)) return undefined;
    }
    return out.sort((a, b) => compare(a.key, b.key) || compare(a.pk, b.pk));
  };
  const whole = () => heldCollection(byPrimaryKey, standIn, () => deferred().toCollection!());
  const answers = {
    name,
    toArray: () => whole().toArray(),
    each: (fn: (rec: Rec, cursor: { key: Key; primaryKey: Key }) => void) => whole().each(fn),
    count: () => whole().count(),
    toCollection: () => whole(),
    filter: (fn: (rec: Rec) => boolean) => whole().filter(fn),
    get: (key: unknown) => (isScalarKey(key) ? Promise.resolve(copy(byKey.get(key))) : deferred().get!(key)),
    bulkGet: (keys: unknown) => (Array.isArray(keys) && keys.every(isScalarKey) ? Promise.resolve(keys.map((k) => copy(byKey.get(k)))) : deferred().bulkGet!(keys)),
    where: (index: unknown) => {
      const entries = typeof index === 'string' ? indexEntries(index) : undefined;
      if (!entries) return deferred().where!(index);
      const clause = () => deferred().where!(index);
      return standIn(
        {
          equals: (value: unknown) =>
            isKey(value) ? heldCollection(() => entries.filter((e) => compare(e.key, value) === 0), standIn, () => clause().equals!(value)) : clause().equals!(value),
          anyOf: (...args: unknown[]) => {
            const values = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
            if (!values.every(isKey)) return clause().anyOf!(...args);
            return heldCollection(
              () => entries.filter((e) => values.some((v) => compare(v, e.key) === 0)),
              standIn,
              () => clause().anyOf!(...args),
            );
          },
        },
        clause,
      );
    },
    orderBy: (index: unknown) => {
      const entries = typeof index === 'string' ? indexEntries(index) : undefined;
      return entries ? heldCollection(() => entries, standIn, () => deferred().orderBy!(index)) : deferred().orderBy!(index);
    },
  };
  return standIn(answers, deferred);
}

/** IndexedDB leaves a record out of an index whose value at the key path is no key (missing, null, true, an object). */
function skipped(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'boolean' || (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) || (typeof value === 'number' && Number.isNaN(value));
}

/** A collection of held records, in `list`'s order (worked out when it is read, as Dexie does). */
interface HeldCollection {
  toArray(): Promise<Rec[]>;
  each(fn: (rec: Rec, cursor: { key: Key; primaryKey: Key }) => void): Promise<void>;
  count(): Promise<number>;
  primaryKeys(): Promise<Key[]>;
  keys(): Promise<Key[]>;
  /** The keys once each, in order. */
  uniqueKeys(): Promise<Key[]>;
  first(): Promise<Rec | undefined>;
  last(): Promise<Rec | undefined>;
  distinct(): HeldCollection;
  filter(fn: (rec: Rec) => boolean): HeldCollection;
}

function heldCollection(list: () => readonly Entry[], standIn: StandIn, deferred: () => Later): HeldCollection {
  const answers: HeldCollection = {
    toArray: async () => list().map((e) => copy(e.rec)),
    each: async (fn: (rec: Rec, cursor: { key: Key; primaryKey: Key }) => void) => {
      for (const e of list()) fn(copy(e.rec), { key: e.key, primaryKey: e.pk });
    },
    count: async () => list().length,
    primaryKeys: async () => list().map((e) => e.pk),
    keys: async () => list().map((e) => e.key),
    uniqueKeys: async () => list().map((e) => e.key).filter((k, i, all) => i === 0 || compare(all[i - 1]!, k) !== 0),
    first: async () => {
      const e = list()[0];
      return e && copy(e.rec);
    },
    last: async () => {
      const e = list().at(-1);
      return e && copy(e.rec);
    },
    distinct: () =>
      heldCollection(
        () => {
          const seen = new Set<Key>();
          return list().filter((e) => !seen.has(e.pk) && seen.add(e.pk));
        },
        standIn,
        () => deferred().distinct!(),
      ),
    filter: (fn: (rec: Rec) => boolean) =>
      heldCollection(
        () => list().filter((e) => fn(copy(e.rec))),
        standIn,
        () => deferred().filter!(fn),
      ),
  };
  return standIn(answers, deferred);
}
