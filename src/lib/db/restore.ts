/**
 * Writing a checked backup (backup.ts readBackupFile) into the database, in one
 * transaction: all of it or none of it.
 *
 * - Replace: what the user imported and edited becomes exactly the backup's. The
 *   bundled (published) figures are the app's, never the backup's: this browser keeps
 *   its own bundled records and the record of which bundle edition it holds, and the
 *   backup's bundled records are left out, whatever edition they came from and
 *   whatever was done to them. A user's edit of a bundled priority replaces it, as it
 *   does when a bundle is loaded.
 * - Merge: the backup's imports are added to what this browser holds:
 *   1. The bundled data is never taken from a backup: the app's own stays.
 *   2. An import in the backup is added, with every record it owns, unless this
 *      browser holds an import with the same id or of the same file (hash); such
 *      imports are left as they are here.
 *   3. A record of an added import whose key this browser already holds (an
 *      indicator or custom area another import brought, a document imported
 *      twice) stays as it is here, as it does when a file is imported.
 *   4. An area or indicator that an added import's records use, and that this
 *      browser lacks, comes from the backup with that import, so its figures keep
 *      their names.
 *   5. The user's priority edits, and their links between themes and measures,
 *      are merged by id: the later edit wins; an edit made before edits were
 *      dated counts as the earliest; on a tie this browser's stays.
 *   6. Nothing else (the record of which bundle is loaded, its sources) is taken.
 */
import type { BackupContents } from './backup-format';
import { BUNDLED, USER_EDITS } from './bundled';
import { IMPORT_OWNED_TABLES, type LensDb } from './database';
import { unpack, type SeriesPack } from './series-packs';

type Rec = Record<string, unknown>;
type Owned = (typeof IMPORT_OWNED_TABLES)[number];

/** The key each table's records are stored under. */
const KEY: Record<string, string> = { areas: 'code', meta: 'key' };
const keyOf = (table: string, r: Rec) => r[KEY[table] ?? 'id'] as string;

/** What a backup holds, in words for the confirmation. */
export interface BackupSummary {
  createdAt: string;
  /** Imports other than the bundled data, oldest first. */
  imports: { id: string; fileName: string; importedAt: string; observations: number }[];
  observations: number;
  /** Figures of the imports (not of the bundled data), which is what a restore takes. */
  importedObservations: number;
  documents: number;
  priorityEdits: number;
  /** The bundled data's edition the backup was made with (its content hash), if it says. */
  bundleHash?: string;
  /** False for a backup made before backups carried a digest of their content: changes to it cannot be detected. */
  verified: boolean;
}

export function summariseBackup(b: BackupContents): BackupSummary {
  const imports = (b.tables['imports'] ?? [])
    .filter((i) => i['id'] !== BUNDLED)
    .map((i) => ({ id: i['id'] as string, fileName: i['fileName'] as string, importedAt: i['importedAt'] as string, observations: ((i['counts'] as Rec)['observations'] as number) ?? 0 }))
    .sort((x, y) => x.importedAt.localeCompare(y.importedAt));
  let observations = 0;
  let importedObservations = 0;
  for (const s of unpack((b.tables['series'] ?? []) as unknown as SeriesPack[])) {
    observations += s.periods.length;
    if (s.importId !== BUNDLED) importedObservations += s.periods.length;
  }
  return {
    createdAt: b.header.createdAt,
    imports,
    observations,
    importedObservations,
    ...(b.header.bundleHash ? { bundleHash: b.header.bundleHash } : {}),
    verified: typeof b.header.contentSha256 === 'string',
    documents: (b.tables['documents'] ?? []).length,
    priorityEdits: (b.tables['priorities'] ?? []).filter((p) => p['importId'] === USER_EDITS).length,
  };
}

/** Replaces everything the user imported or edited with the backup's; the bundled data stays this app's. */
export async function restoreReplace(db: LensDb, b: BackupContents): Promise<void> {
  // Tables of the user's own choices (their links between themes and measures): the backup's, whole.
  const userTables = db.tables.map((t) => t.name).filter((t) => !(IMPORT_OWNED_TABLES as readonly string[]).includes(t) && t !== 'imports' && t !== 'meta');
  await db.transaction('rw', db.tables, async () => {
    for (const t of userTables) {
      await db.table(t).clear();
      await db.table(t).bulkAdd(b.tables[t] ?? []);
    }
    for (const t of IMPORT_OWNED_TABLES) await db.table(t).where('importId').notEqual(BUNDLED).delete();
    await db.imports.where('id').notEqual(BUNDLED).delete();
    for (const t of IMPORT_OWNED_TABLES) {
      const records = (b.tables[t] ?? []).filter((r) => r['importId'] !== BUNDLED);
      // An edit of a bundled priority takes its place; any other key the bundle holds stays the bundle's.
      if (t === 'priorities') {
        const edits = records.filter((r) => r['importId'] === USER_EDITS);
        await db.priorities.bulkDelete(edits.map((r) => r['id'] as string));
      }
      const held = new Set((await db.table(t).toCollection().primaryKeys()) as string[]);
      await db.table(t).bulkAdd(records.filter((r) => !held.has(keyOf(t, r))));
    }
    await db.table('imports').bulkAdd((b.tables['imports'] ?? []).filter((i) => i['id'] !== BUNDLED));
  });
}

/** What this browser holds, as far as a merge needs to know. */
export interface Held {
  importIds: Set<string>;
  importHashes: Set<string>;
  keys: Record<Owned, Set<string>>;
  /** The user's priority edits: id → editedAt ('' when undated). */
  edits: Map<string, string>;
  /** The user's theme–measure links: id → editedAt. */
  linkEdits?: Map<string, string>;
}

export interface MergePlan {
  added: Rec[];
  skipped: { fileName: string; why: 'same import' | 'same file' }[];
  records: Record<Owned, Rec[]>;
  edits: Rec[];
  linkEdits: Rec[];
  /** Records of added imports left as this browser has them (rule 3). */
  keptHere: number;
}

/** The merge rules above, as a pure function of what is held and what the backup holds. */
export function planMerge(held: Held, b: BackupContents): MergePlan {
  const added: Rec[] = [];
  const skipped: MergePlan['skipped'] = [];
  for (const i of b.tables['imports'] ?? []) {
    if (i['id'] === BUNDLED) continue;
    if (held.importIds.has(i['id'] as string)) skipped.push({ fileName: i['fileName'] as string, why: 'same import' });
    else if (held.importHashes.has(i['hash'] as string)) skipped.push({ fileName: i['fileName'] as string, why: 'same file' });
    else added.push(i);
  }
  const addedIds = new Set(added.map((i) => i['id']));
  const records = Object.fromEntries(IMPORT_OWNED_TABLES.map((t) => [t, [] as Rec[]])) as Record<Owned, Rec[]>;
  const taken = Object.fromEntries(IMPORT_OWNED_TABLES.map((t) => [t, new Set(held.keys[t])])) as Record<Owned, Set<string>>;
  let keptHere = 0;
  for (const t of IMPORT_OWNED_TABLES) {
    for (const r of b.tables[t] ?? []) {
      if (!addedIds.has(r['importId'])) continue;
      const key = keyOf(t, r);
      if (taken[t].has(key)) keptHere++;
      else {
        records[t].push(r);
        taken[t].add(key);
      }
    }
  }
  // Rule 4: areas and indicators the added records use, carried with the first import that uses them.
  const fromBackup = (t: 'areas' | 'indicators') => new Map((b.tables[t] ?? []).map((r) => [keyOf(t, r), r]));
  const backupAreas = fromBackup('areas');
  const backupIndicators = fromBackup('indicators');
  const carry = (t: 'areas' | 'indicators', key: string, importId: unknown) => {
    if (taken[t].has(key)) return;
    const r = (t === 'areas' ? backupAreas : backupIndicators).get(key);
    if (!r) return;
    records[t].push({ ...r, importId });
    taken[t].add(key);
  };
  for (const s of unpack(records.series as unknown as SeriesPack[])) {
    carry('indicators', s.indicatorId, s.importId);
    for (const code of s.areaCodes) carry('areas', code, s.importId);
  }
  for (const t of ['documents', 'themeMentions', 'priorities'] as const) for (const r of records[t]) carry('areas', r['areaCode'] as string, r['importId']);

  // Rule 5: the user's priority edits.
  const edits = (b.tables['priorities'] ?? []).filter((p) => {
    if (p['importId'] !== USER_EDITS) return false;
    const mine = held.edits.get(p['id'] as string);
    return mine === undefined || ((p['editedAt'] as string | undefined) ?? '') > mine;
  });
  const linkEdits = (b.tables['themeLinks'] ?? []).filter((l) => {
    const mine = held.linkEdits?.get(l['id'] as string);
    return mine === undefined || (l['editedAt'] as string) > mine;
  });
  return { added, skipped, records, edits, linkEdits, keptHere };
}

export interface MergeReport {
  added: { fileName: string; observations: number }[];
  skipped: MergePlan['skipped'];
  /** Priority edits and theme–measure links taken from the backup. */
  edits: number;
  keptHere: number;
}

/** Merges a backup into the database by the rules above. */
export async function restoreMerge(db: LensDb, b: BackupContents): Promise<MergeReport> {
  return db.transaction('rw', [...IMPORT_OWNED_TABLES, 'imports', 'themeLinks'], async () => {
    const imports = await db.imports.toArray();
    const keys = {} as Record<Owned, Set<string>>;
    for (const t of IMPORT_OWNED_TABLES) keys[t] = new Set((await db.table(t).toCollection().primaryKeys()) as string[]);
    const edits = new Map((await db.priorities.where('importId').equals(USER_EDITS).toArray()).map((p) => [p.id, p.editedAt ?? '']));
    const linkEdits = new Map((await db.themeLinks.toArray()).map((l) => [l.id, l.editedAt]));
    const plan = planMerge({ importIds: new Set(imports.map((i) => i.id)), importHashes: new Set(imports.map((i) => i.hash)), keys, edits, linkEdits }, b);
    for (const t of IMPORT_OWNED_TABLES) await db.table(t).bulkAdd(plan.records[t]);
    // The records were checked field by field when the backup was read.
    await db.table('priorities').bulkPut(plan.edits);
    await db.table('themeLinks').bulkPut(plan.linkEdits);
    await db.table('imports').bulkAdd(plan.added);
    return {
      added: plan.added.map((i) => ({ fileName: i['fileName'] as string, observations: ((i['counts'] as Rec)['observations'] as number) ?? 0 })),
      skipped: plan.skipped,
      edits: plan.edits.length + plan.linkEdits.length,
      keptHere: plan.keptHere,
    };
  });
}
