import { BUNDLE_FORMAT, seriesFromJson, type Bundle } from '../model/bundle';
import type { ImportRecord } from '../model/types';
import { IMPORT_OWNED_TABLES, type LensDb } from './database';
import { estimateBytes } from './record-size';
import { packSeries } from './series-packs';

export const BUNDLED = 'bundled';
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
 * A bundle with a new hash replaces the old bundled records in one transaction and
 * leaves everything the user imported alone.
 */
export async function loadBundle(db: LensDb, bundle: Bundle): Promise<BundleLoadResult> {
  if (bundle.format !== BUNDLE_FORMAT) throw new Error(`The bundled data is not in the ${BUNDLE_FORMAT} format.`);
  const current = await db.meta.get(HASH_KEY);
  if (current?.value === bundle.hash) return 'unchanged';

  // Convert before the transaction: IndexedDB transactions close if they wait on other work.
  // Packed as imports are (series-packs.ts): the bundle has some seventy series, most of
  // them small (assessment factors), and a first visit waits for all of them to be
  // written; a chart reads one pack of at most about 128 KB, as it does for an import.
  const series = packSeries(
    BUNDLED,
    bundle.series.map((s) => seriesFromJson(BUNDLED, s)),
  );
  const record: ImportRecord = {
    id: BUNDLED,
    fileName: 'Bundled data',
    hash: bundle.hash,
    kind: 'bundled',
    importedAt: new Date().toISOString(),
    counts: {
      areas: bundle.areas.length,
      indicators: bundle.indicators.length,
      observations: bundle.series.reduce((n, s) => n + s.period.length, 0),
      documents: bundle.documents.length,
      priorities: bundle.priorities?.length ?? 0,
    },
    warnings: [],
  };

  await db.transaction('rw', [...IMPORT_OWNED_TABLES, 'imports', 'meta'], async () => {
    for (const table of IMPORT_OWNED_TABLES) await db.table(table).where('importId').equals(BUNDLED).delete();
    const areas = bundle.areas.map((a) => ({ ...a, importId: BUNDLED }));
    const indicators = bundle.indicators.map((i) => ({ ...i, importId: BUNDLED }));
    const neighbourModels = bundle.neighbourModels.map((m) => ({ ...m, importId: BUNDLED }));
    const documents = bundle.documents.map((d) => ({ ...d, importId: BUNDLED }));
    const mentions = (bundle.themeMentions ?? []).map((m) => ({ ...m, importId: BUNDLED }));
    const edited = new Set(await db.priorities.where('importId').equals(USER_EDITS).primaryKeys());
    const priorities = (bundle.priorities ?? []).filter((p) => !edited.has(p.id)).map((p) => ({ ...p, importId: BUNDLED }));
    await db.areas.bulkPut(areas);
    await db.indicators.bulkPut(indicators);
    await db.series.bulkPut(series);
    await db.neighbourModels.bulkPut(neighbourModels);
    await db.documents.bulkPut(documents);
    await db.themeMentions.bulkPut(mentions);
    await db.priorities.bulkPut(priorities);
    await db.imports.put({ ...record, storedBytes: estimateBytes([areas, indicators, series, neighbourModels, documents, mentions, priorities]) });
    await db.meta.put({ key: HASH_KEY, value: bundle.hash });
    await db.meta.put({ key: SOURCES_KEY, value: bundle.sources });
    if (bundle.inspections) await db.meta.put({ key: INSPECTIONS_KEY, value: bundle.inspections });
    else await db.meta.delete(INSPECTIONS_KEY);
  });
  return current ? 'replaced' : 'loaded';
}

export async function bundledHash(db: LensDb): Promise<string | undefined> {
  return (await db.meta.get(HASH_KEY))?.value as string | undefined;
}
