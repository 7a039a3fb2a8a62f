/**
 * Reads a backup's lines and checks the whole of it before anything is written:
 * the header, every record's fields, counts against the header, and that every
 * record belongs to an import the backup holds. Pure: fed one line at a time, so
 * a large file never has to be one string.
 */
import { readBreakdown } from '../model/breakdown';
import { INDICATOR_UNITS } from '../model/types';
import { BACKUP_FORMAT, BACKUP_VERSION, BadValue, decodeValue, type BackupContents, type BackupHeader } from './backup-format';
import { IMPORT_OWNED_TABLES } from './database';
import { isRecord } from '../model/is-record';
import { anything, declaredOnly, isArr, isBool, isNum, isObj, isStr, isStrs, oneOf, optional, refusal, type Check, type Rec, type TableSpec } from '../model/record-spec';

export type BackupOutcome = { ok: true; value: BackupContents } | { ok: false; problems: string[] };

/**
 * Every table's records are keyed. A record keeps only the fields its table declares:
 * whatever else a backup brings (made up, or left by a hand edit) is dropped, never stored.
 * `open`: a table known only by its key (one added since these checks), its records kept whole.
 */
type KeyedSpec = TableSpec & { key: string; open?: boolean };

/** A binary array of the given kind (backup-format.ts writes them tagged). */
const typed =
  (name: string): Check =>
  (v) =>
    ArrayBuffer.isView(v) && v.constructor.name === name ? undefined : `is not a ${name}`;

/** A series record up to schema version 2, and each series inside a pack since. */
const SERIES: KeyedSpec = {
  key: 'id',
  fields: {
    id: isStr,
    importId: isStr,
    indicatorId: isStr,
    areaCodes: isStrs,
    areaIndex: typed('Uint32Array'),
    periods: typed('Uint16Array'),
    values: typed('Float64Array'),
    statuses: typed('Uint8Array'),
    numerators: optional(typed('Float64Array')),
    denominators: optional(typed('Float64Array')),
  },
  whole: (r) => {
    const n = (r['periods'] as Uint16Array).length;
    for (const k of ['areaIndex', 'values', 'statuses', 'numerators', 'denominators']) {
      const a = r[k] as ArrayLike<number> | undefined;
      if (a && a.length !== n) return `its ${k} has ${a.length} entries and its periods ${n}`;
    }
    const codes = (r['areaCodes'] as string[]).length;
    for (const i of r['areaIndex'] as Uint32Array) if (i >= codes) return `an area index (${i}) points past its ${codes} area codes`;
    return undefined;
  },
};

/** What is wrong with a record, in words ("period is not a number"), or undefined. */
function checkRecord(spec: TableSpec, r: Rec): string | undefined {
  const wrong = refusal(spec, r);
  return wrong && (wrong.field ? `${wrong.field} ${wrong.why}` : wrong.why);
}

/** A series record from schema version 3 on: several series of one import (series-packs.ts). */
const SERIES_PACK: KeyedSpec = {
  key: 'id',
  fields: { id: isStr, importId: isStr, indicatorIds: isStrs, series: isArr },
  whole: (r) => {
    const ids = r['indicatorIds'] as string[];
    const members = r['series'] as unknown[];
    if (members.length === 0 || members.length !== ids.length) return `it lists ${ids.length} indicators and holds ${members.length} series`;
    for (const [i, m] of members.entries()) {
      if (!isRecord(m)) return `its series ${i + 1} is not an object`;
      const why = checkRecord(SERIES, m);
      if (why) return `its series ${i + 1}: ${why}`;
      if (m['indicatorId'] !== ids[i]) return `its series ${i + 1} is of “${String(m['indicatorId'])}”, not “${ids[i]}” as its indicatorIds say`;
      if (m['importId'] !== r['importId']) return `its series ${i + 1} belongs to another import (“${String(m['importId'])}”)`;
    }
    return undefined;
  },
};

/** A checked record with only its declared fields, and so each series in a pack. */
function declared(spec: KeyedSpec, r: Rec): Rec {
  const out = declaredOnly(spec, r);
  if (spec === SERIES_PACK) out['series'] = (r['series'] as Rec[]).map((m) => declaredOnly(SERIES, m));
  return out;
}

const TABLES: Record<string, KeyedSpec> = {
  areas: {
    key: 'code',
    fields: { code: isStr, name: isStr, level: oneOf('national', 'regional', 'local_authority'), aliases: isStrs, regionCode: optional(isStr), oldLaCode: optional(isNum), previousCodes: optional(isStrs), importId: isStr },
  },
  indicators: {
    key: 'id',
    fields: {
      id: isStr,
      label: isStr,
      shortLabel: isStr,
      unit: oneOf(...INDICATOR_UNITS),
      polarity: oneOf('higher_is_better', 'lower_is_better', 'neither'),
      definition: isStr,
      source: isStr,
      decimals: isNum,
      vintage: optional(isStr),
      scale: optional(isObj),
      breakdown: optional((v) => (readBreakdown(v) && Object.keys(v as object).length === 3 ? undefined : 'is not a breakdown (of, by and value)')),
      importId: isStr,
    },
  },
  documents: {
    key: 'id',
    fields: { id: isStr, areaCode: isStr, period: isNum, title: isStr, meetingDate: optional(isStr), source: isStr, text: isStr, hash: isStr, importId: isStr },
  },
  themeMentions: {
    key: 'id',
    fields: { id: isStr, documentId: isStr, themeId: isStr, areaCode: isStr, period: isNum, count: isNum, share: isNum, present: optional(isBool), score: optional(isNum), evidence: isArr, importId: isStr },
  },
  priorities: {
    key: 'id',
    fields: {
      id: isStr,
      areaCode: isStr,
      period: isNum,
      label: isStr,
      themeIds: isStrs,
      documentId: optional(isStr),
      evidence: optional(isObj),
      userEdited: optional(isBool),
      removed: optional(isBool),
      editedAt: optional(isStr),
      importId: isStr,
    },
  },
  neighbourModels: { key: 'id', fields: { id: isStr, label: isStr, source: isStr, neighbours: isObj, importId: isStr } },
  imports: { key: 'id', fields: { id: isStr, fileName: isStr, hash: isStr, kind: isStr, importedAt: isStr, counts: isObj, warnings: isStrs, storedBytes: optional(isNum), edition: optional(isStr) } },
  meta: { key: 'key', fields: { key: isStr, value: anything } },
  // Since schema version 4: the user's links between themes and measures.
  themeLinks: {
    key: 'id',
    fields: { id: isStr, themeId: isStr, indicatorId: isStr, linked: isBool, editedAt: isStr, importId: isStr },
    whole: (r) =>
      r['importId'] !== USER_EDITS ? 'it is not the user’s (its importId is not “user”)' : r['id'] !== `${String(r['themeId'])}|${String(r['indicatorId'])}` ? 'its id is not its theme and measure' : undefined,
  },
};

/** Each table's key field, from Dexie's schema syntax (`'&code, level, …'` → `code`). */
export function keysOfStores(stores: Readonly<Record<string, string | null>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(stores)) if (spec) out[name] = spec.split(',')[0]!.trim().replace(/^(\+\+|&)/, '');
  return out;
}

/** importId of priorities the user made (bundled.ts USER_EDITS); they belong to no import. */
const USER_EDITS = 'user';
const MAX_PROBLEMS = 20;

function describeHeaderProblem(h: Rec, schemaVersion: number): string | undefined {
  if (h['format'] === 'safeguarding-lens/data') return 'this is a data file exported from Safeguarding Lens, not a backup: take it in with “Import data” instead.';
  if (h['format'] !== BACKUP_FORMAT) return 'this is not a Safeguarding Lens backup (its first line does not say so).';
  if (typeof h['version'] !== 'number' || !Number.isInteger(h['version']) || h['version'] < 1) return 'the backup’s format version is missing.';
  if (h['version'] > BACKUP_VERSION) return `this backup was made by a newer version of Safeguarding Lens (backup format ${h['version']}); reload the app to update it, then try again.`;
  const sv = h['schemaVersion'];
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 1) return 'the backup does not say which database version it came from.';
  if (sv > schemaVersion) return `this backup was made by a newer version of Safeguarding Lens (database version ${sv}; this one has ${schemaVersion}); reload the app to update it, then try again.`;
  if (typeof h['createdAt'] !== 'string') return 'the backup does not say when it was made.';
  if (!isRecord(h['tables']) || !Object.values(h['tables']).every((n) => typeof n === 'number')) return 'the backup does not list its tables.';
  if (h['contentSha256'] !== undefined && (typeof h['contentSha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(h['contentSha256']))) return 'the backup’s check of its content is not a SHA-256 digest.';
  return undefined;
}

/** Feed it the lines of a backup file in order, then call finish(). */
export class BackupReader {
  private header: BackupHeader | null = null;
  private tables: Record<string, Rec[]> = {};
  private seen: Record<string, Set<unknown>> = {};
  private problems: string[] = [];
  private extra = 0;
  private line = 0;
  private fatal = false;

  /**
   * `schemaVersion`: the app's own database version; `keys`: its tables, each with the
   * field its records are keyed by. A table without field checks above (one added
   * since) is still read, its records checked for their key.
   */
  constructor(
    private readonly schemaVersion: number,
    private readonly keys: Readonly<Record<string, string>>,
  ) {}

  private spec(table: string): KeyedSpec | undefined {
    const key = this.keys[table];
    if (key === undefined) return undefined;
    if (table === 'series') return (this.header?.schemaVersion ?? this.schemaVersion) >= 3 ? SERIES_PACK : SERIES;
    return TABLES[table] ?? { key, open: true, fields: { [key]: (v) => (typeof v === 'string' || typeof v === 'number' ? undefined : 'is missing') } };
  }

  get records(): number {
    return this.line > 0 ? this.line - 1 : 0;
  }

  private problem(text: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
    else this.extra++;
  }

  /** Whether reading should stop: the file is not a backup at all. */
  get failed(): boolean {
    return this.fatal;
  }

  feed(text: string): void {
    if (this.fatal) return;
    this.line++;
    if (text.trim() === '') {
      this.line--;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      if (this.line === 1) {
        this.fatal = true;
        this.problem('this is not a Safeguarding Lens backup (it does not begin with a backup header).');
      } else this.problem(`line ${this.line} is not complete JSON; the file may have been cut short or changed.`);
      return;
    }
    if (this.line === 1) return this.readHeader(parsed);
    this.readRecord(parsed);
  }

  private readHeader(parsed: unknown): void {
    const bad = isRecord(parsed) ? describeHeaderProblem(parsed, this.schemaVersion) : 'this is not a Safeguarding Lens backup.';
    if (bad) {
      this.fatal = true;
      this.problem(bad);
      return;
    }
    const h = parsed as BackupHeader;
    for (const t of Object.keys(h.tables)) {
      if (!this.spec(t)) this.problem(`the backup has a table “${t}” that this version of the app does not know.`);
      this.tables[t] = [];
      this.seen[t] = new Set();
    }
    this.header = h;
  }

  private readRecord(parsed: unknown): void {
    const where = `line ${this.line}`;
    if (!isRecord(parsed) || typeof parsed['table'] !== 'string') return this.problem(`${where} is not a {"table", "record"} line.`);
    const table = parsed['table'];
    const list = this.tables[table];
    const spec = this.spec(table);
    if (!list || !spec) return this.problem(`${where} belongs to a table “${table}” the header does not list.`);
    let record: unknown;
    try {
      record = decodeValue(parsed['record']);
    } catch (e) {
      return this.problem(`${where} (${table}): ${e instanceof BadValue ? e.message : String(e)}.`);
    }
    if (!isRecord(record)) return this.problem(`${where} (${table}): the record is not an object.`);
    const r = record;
    const key = r[spec.key];
    const name = typeof key === 'string' ? `${table} “${key}”` : table;
    const why = checkRecord(spec, r);
    if (why) return this.problem(`${where} (${name}): ${why}.`);
    if (this.seen[table]!.has(key)) return this.problem(`${where}: ${name} appears twice.`);
    this.seen[table]!.add(key);
    list.push(spec.open ? r : declared(spec, r));
  }

  /**
   * `contentSha256`: the digest of everything after the header line as read. A backup
   * whose content no longer matches the digest written when it was made is refused
   * first of all, whatever else is wrong with it.
   */
  finish(contentSha256?: string): BackupOutcome {
    const written = this.header?.contentSha256;
    if (!this.fatal && typeof written === 'string' && contentSha256 !== undefined && written !== contentSha256) {
      return {
        ok: false,
        problems: [
          'this backup has been changed since it was made: its content no longer matches the check written into it when it was made, so it cannot be trusted.',
        ],
      };
    }
    if (!this.header && !this.fatal) this.problem('the file is empty.');
    if (this.header && !this.fatal) {
      for (const [t, n] of Object.entries(this.header.tables)) {
        const got = this.tables[t]?.length ?? 0;
        if (got !== n && this.problems.length === 0) this.problem(`the header lists ${n} ${t} records but the file has ${got}; it may have been cut short.`);
      }
      if (this.problems.length === 0) this.checkOwners();
    }
    if (this.extra > 0) this.problems.push(`…and ${this.extra} more problems.`);
    if (this.problems.length > 0 || !this.header) return { ok: false, problems: this.problems };
    return { ok: true, value: { header: this.header, tables: this.tables } };
  }

  /** Every record an import owns must belong to an import in the backup, so that undo still works after a restore. */
  private checkOwners(): void {
    const imports = new Set((this.tables['imports'] ?? []).map((i) => i['id']));
    for (const t of IMPORT_OWNED_TABLES) {
      for (const r of this.tables[t] ?? []) {
        const owner = r['importId'];
        if (imports.has(owner) || (t === 'priorities' && owner === USER_EDITS)) continue;
        this.problem(`${t} “${String(r[this.keys[t] ?? 'id'])}” belongs to an import (“${String(owner)}”) the backup does not hold.`);
        return;
      }
    }
  }
}
