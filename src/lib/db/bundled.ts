import { BUNDLE_FORMAT, seriesFromJson, type Bundle, type BundleSeries } from '../model/bundle';
import { splitBundle, type BundleCore, type BundleRest } from '../model/bundle-parts';
import { BUNDLED, type ImportRecord } from '../model/types';
import { IMPORT_OWNED_TABLES, type LensDb, type MetaRecord } from './database';
import { estimateBytes } from './record-size';
import { packSeries, withSpans, type SeriesPack } from './series-packs';

// Defined with the types, so that the statistics can tell an imported figure from a bundled one.
export { BUNDLED };
/**
 * importId of priorities the user has added, edited or removed. They belong to no
 * import, so neither a new bundle nor undoing an import deletes them, and a priority
 * the user changed is not overwritten when its document is tagged again.
 */
export const USER_EDITS = 'user';
const HASH_KEY = 'bundleHash';
export const SOURCES_KEY = 'bundleSources';
/** Ofsted inspections and visits (InspectionSet): bundled context kept with the sources, not an import's records. */
export const INSPECTIONS_KEY = 'bundleInspections';

export type BundleLoadResult = 'loaded' | 'replaced' | 'unchanged';

/**
 * Loads the bundled data into the database once, keyed by its content hash.
 * A bundle with a new hash replaces the old bundled records and leaves everything the
 * user imported alone. Written in two transactions, core then rest (bundle-parts.ts),
 * as the app does on a first visit.
 */
export async function loadBundle(db: LensDb, bundle: Bundle): Promise<BundleLoadResult> {
  const { core, rest } = splitBundle(bundle);
  const result = await storeBundleCore(db, core);
  if (result !== 'unchanged') await storeBundleRest(db, core, rest);
  return result;
}

/**
 * The first of the two writes of a bundle: removes the old bundled records and stores
 * the core, in one transaction, unless the database already holds this bundle. The
 * hash is removed with the old records and written only by storeBundleRest, so the
 * hash says the whole bundle is in, even when a tab closes between the two, or two
 * tabs load the same bundle at once (the rest written last follows the last removal).
 */
export async function storeBundleCore(db: LensDb, core: BundleCore): Promise<BundleLoadResult> {
  if (core.format !== BUNDLE_FORMAT) throw new Error(`The bundled data is not in the ${BUNDLE_FORMAT} format.`);
  // Convert before the transaction: IndexedDB transactions close if they wait on other work.
  const series = bundledPacks('core-', core.series);
  return db.transaction('rw', [...IMPORT_OWNED_TABLES, 'imports', 'meta'], async () => {
    const current = await db.meta.get(HASH_KEY);
    if (current?.value === core.hash) return 'unchanged';
    for (const table of IMPORT_OWNED_TABLES) await db.table(table).where('importId').equals(BUNDLED).delete();
    await db.imports.delete(BUNDLED);
    await db.meta.bulkDelete([HASH_KEY, INSPECTIONS_KEY]);
    const records = coreRecords(core, await userEdited(db));
    await db.areas.bulkPut(records.areas);
    await db.indicators.bulkPut(records.indicators);
    await db.series.bulkPut(series);
    await db.neighbourModels.bulkPut(records.neighbourModels);
    await db.priorities.bulkPut(records.priorities);
    await db.meta.put(coreSources(core));
    return current ? 'replaced' : 'loaded';
  });
}

/** The second write: the rest of the series, the documents and their themes, the import record, and last the hash. */
export async function storeBundleRest(db: LensDb, core: BundleCore, rest: BundleRest): Promise<void> {
  if (rest.format !== BUNDLE_FORMAT || rest.hash !== core.hash) throw new Error('The bundled data is incomplete: its two parts do not belong together.');
  // Packed as imports are (series-packs.ts): most of the bundle's seventy series are small
  // (assessment factors); a chart reads one pack of at most about 128 KB.
  const series = bundledPacks('', rest.series);
  // The core's packs again, only to count the bytes the whole bundle takes (one or two series).
  const corePacks = bundledPacks('core-', core.series);
  const documents = rest.documents.map((d) => ({ ...d, importId: BUNDLED }));
  const mentions = (rest.themeMentions ?? []).map((m) => ({ ...m, importId: BUNDLED }));
  const all = [...core.series, ...rest.series];
  await db.transaction('rw', [...IMPORT_OWNED_TABLES, 'imports', 'meta'], async () => {
    await db.series.bulkPut(series);
    await db.documents.bulkPut(documents);
    await db.themeMentions.bulkPut(mentions);
    const fromCore = coreRecords(core, await userEdited(db));
    const stored = [fromCore.areas, fromCore.indicators, fromCore.neighbourModels, fromCore.priorities, documents, mentions];
    const record: ImportRecord = {
      id: BUNDLED,
      fileName: 'Bundled data',
      hash: core.hash,
      kind: 'bundled',
      importedAt: new Date().toISOString(),
      counts: {
        areas: core.areas.length,
        indicators: core.indicators.length,
        observations: all.reduce((n, s) => n + s.period.length, 0),
        documents: rest.documents.length,
        priorities: core.priorities?.length ?? 0,
      },
      warnings: [],
    };
    await db.imports.put({ ...record, storedBytes: estimateBytes([...stored, corePacks, series]) });
    if (rest.inspections) await db.meta.put({ key: INSPECTIONS_KEY, value: rest.inspections });
    await db.meta.put({ key: HASH_KEY, value: core.hash });
  });
}

/** The bundled series as packs; `prefix` keeps the core's pack ids apart from the rest's. */
function bundledPacks(prefix: string, series: BundleSeries[]): SeriesPack[] {
  return packSeries(
    BUNDLED,
    series.map((s) => seriesFromJson(BUNDLED, s)),
  ).map((p, i) => ({ ...p, id: `${BUNDLED}#${prefix}${i}` }));
}

/** Ids of the priorities the user has edited: a bundle does not overwrite them. */
async function userEdited(db: LensDb): Promise<Set<string>> {
  return new Set(await db.priorities.where('importId').equals(USER_EDITS).primaryKeys());
}

/** The core's records as stored, the series and sources aside; priorities the user has edited (`edited`) stay the user's. */
function coreRecords(core: BundleCore, edited: ReadonlySet<string> = new Set()) {
  return {
    areas: core.areas.map((a) => ({ ...a, importId: BUNDLED })),
    indicators: core.indicators.map((i) => ({ ...i, importId: BUNDLED })),
    neighbourModels: core.neighbourModels.map((m) => ({ ...m, importId: BUNDLED })),
    priorities: (core.priorities ?? []).filter((p) => !edited.has(p.id)).map((p) => ({ ...p, importId: BUNDLED })),
  };
}

/** The core's meta record: the sources of the bundled figures. */
function coreSources(core: BundleCore): MetaRecord {
  return { key: SOURCES_KEY, value: core.sources };
}

/**
 * Every record storeBundleCore writes, by table: what the first look holds in memory
 * (core-view.ts) in the library's stead. Tables not named here the core leaves empty.
 */
export function coreTables(core: BundleCore): Record<string, readonly object[]> {
  // With the spans the database writes for each pack it stores (database.ts).
  const series = bundledPacks('core-', core.series).map(withSpans);
  return { ...coreRecords(core), series, meta: [coreSources(core)] };
}

export async function bundledHash(db: LensDb): Promise<string | undefined> {
  return (await db.meta.get(HASH_KEY))?.value as string | undefined;
}
