import Dexie, { type EntityTable } from 'dexie';
import type { ObservationSeries } from '../model/series';
import type { Area, ImportRecord, Indicator, NeighbourModel, Priority, SourceDocument, ThemeMention } from '../model/types';

/** Key–value facts about the database itself, such as the bundled data's hash. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'safeguarding-lens';

export type LensDb = Dexie & {
  areas: EntityTable<Area, 'code'>;
  indicators: EntityTable<Indicator, 'id'>;
  series: EntityTable<ObservationSeries, 'id'>;
  documents: EntityTable<SourceDocument, 'id'>;
  themeMentions: EntityTable<ThemeMention, 'id'>;
  priorities: EntityTable<Priority, 'id'>;
  neighbourModels: EntityTable<NeighbourModel, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

/** Opens (and creates or upgrades) the database. `name` lets tests use a fresh one. */
export function openDatabase(name: string = DB_NAME): LensDb {
  const db = new Dexie(name) as LensDb;
  // Version 1. Never edit a released version: add version(2) with an upgrade instead.
  db.version(1).stores({
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
  return db;
}

/** Tables whose records belong to an import and go with it on undo. */
export const IMPORT_OWNED_TABLES = ['areas', 'indicators', 'series', 'documents', 'themeMentions', 'priorities', 'neighbourModels'] as const;
