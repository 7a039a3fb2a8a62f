import Dexie, { type DBCore, type EntityTable, type Middleware, type Transaction } from 'dexie';
import { upgradeToV2, upgradeToV3, upgradeToV5 } from './migrations';
import { withSpans, type SeriesPack } from './series-packs';
import type { Area, ImportRecord, Indicator, NeighbourModel, Priority, SourceDocument, ThemeLinkEdit, ThemeMention } from '../model/types';

/** Key–value facts about the database itself, such as the bundled data's hash. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'safeguarding-lens';

export type LensDb = Dexie & {
  areas: EntityTable<Area, 'code'>;
  indicators: EntityTable<Indicator, 'id'>;
  /** Observation series, several to a record (series-packs.ts). */
  series: EntityTable<SeriesPack, 'id'>;
  documents: EntityTable<SourceDocument, 'id'>;
  themeMentions: EntityTable<ThemeMention, 'id'>;
  priorities: EntityTable<Priority, 'id'>;
  neighbourModels: EntityTable<NeighbourModel, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** The user's links between themes and measures (theme-links.ts), since version 4. */
  themeLinks: EntityTable<ThemeLinkEdit, 'id'>;
};

/**
 * Every schema version, oldest first. Versions are only ever added, never edited
 * once released: a change is a new version, with its data changes in `upgrade`
 * (see migrations.ts, which also brings older backups up to date).
 */
export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      areas: '&code, level, regionCode, *aliases, importId',
      indicators: '&id, importId',
      series: '&id, indicatorId, importId',
      documents: '&id, areaCode, period, hash, importId',
      themeMentions: '&id, documentId, themeId, areaCode, [areaCode+period], importId',
      priorities: '&id, areaCode, [areaCode+period], documentId, importId',
      neighbourModels: '&id, importId',
      imports: '&id, hash, importedAt',
      meta: '&key',
    },
  },
  // Import records say about how many bytes they store (migrations.ts).
  { version: 2, stores: {}, upgrade: upgradeToV2 },
  // Series are stored several to a record, found by a multi-entry index of their indicators (series-packs.ts).
  { version: 3, stores: { series: '&id, *indicatorIds, importId' }, upgrade: upgradeToV3 },
  // The user's links between themes and measures (theme-links.ts); nothing to convert.
  { version: 4, stores: { themeLinks: '&id, themeId, indicatorId, importId' } },
  // What each pack holds, indexed, so the catalog of what is held is read without the figures (series-packs.ts).
  { version: 5, stores: { series: '&id, *indicatorIds, importId, *spans' }, upgrade: upgradeToV5 },
];

export interface SchemaVersion {
  version: number;
  /** Tables added or changed in this version (Dexie's schema syntax); others carry over. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** The schema version this code opens. */
export const SCHEMA_VERSION = SCHEMA[SCHEMA.length - 1]!.version;

/**
 * Opens (and creates or upgrades) the database. `name` lets tests use a fresh one;
 * `version` opens it as an older version of the app would (tests and fixtures).
 */
export function openDatabase(name: string = DB_NAME, { version = SCHEMA_VERSION }: { version?: number } = {}): LensDb {
  const db = new Dexie(name) as LensDb;
  for (const v of SCHEMA) {
    if (v.version > version) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  if (version >= 5) db.use(seriesSpans);
  return db;
}

/**
 * Every series pack stored gets its `spans` (series-packs.ts) here, whichever path
 * stores it (an import, the bundle, a restored backup), and one given with it is
 * replaced: the index must say what the pack holds.
 */
const seriesSpans: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'series-spans',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'series') return table;
      return {
        ...table,
        mutate: (req) =>
          table.mutate(req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map((p: SeriesPack) => withSpans(p)) } : req),
      };
    },
  }),
};

/** Tables whose records belong to an import and go with it on undo. */
export const IMPORT_OWNED_TABLES = ['areas', 'indicators', 'series', 'documents', 'themeMentions', 'priorities', 'neighbourModels'] as const;
