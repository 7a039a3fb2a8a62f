/**
 * The backup file, as text: pure encoding, decoding and validation (no IndexedDB,
 * no streams; `backup.ts` does the reading and writing).
 *
 * A backup is JSON Lines (gzip-compressed when written by the app): a header line,
 * then one line per record, `{"table": "series", "record": {…}}`, every table in
 * schema order and each table's records in key order. JSON cannot hold typed
 * arrays, NaN, ±Infinity or `undefined`, and IndexedDB keeps all of them, so values
 * JSON would lose are written as tagged objects: `{"$typed": "Float64Array",
 * "base64": "…"}` (the array's bytes, little-endian), `{"$num": "NaN"}` (and -0, which JSON writes as 0) and
 * `{"$undef": 1}`. A plain object that itself has a key starting with `$` is
 * wrapped as `{"$obj": {…}}`, so no record can be mistaken for a tag. The round
 * trip is therefore exact, byte for byte.
 *
 * The header carries a SHA-256 digest of the lines after it (`contentSha256`), so a
 * backup edited by hand is recognised and refused. It is a check against changes, not a
 * signature: someone who rewrites the digest as well is not stopped by it, which is why a
 * restore also never takes the bundled (published) figures from a backup.
 */
export const BACKUP_FORMAT = 'safeguarding-lens/backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The database schema version (Dexie `verno`) the records were read from. */
  schemaVersion: number;
  /** ISO timestamp. */
  createdAt: string;
  /** Content hash of the bundled data the database held, if any: the edition of the published figures. */
  bundleHash?: string;
  /**
   * SHA-256 (hex) of every line after this header, as written (UTF-8, each line with
   * its line feed): a backup changed after it was made no longer matches it. Written
   * since backups carried it; older backups have none.
   */
  contentSha256?: string;
  /** Records per table: a file cut short is found by its counts. */
  tables: Record<string, number>;
}

export interface BackupContents {
  header: BackupHeader;
  /** Every table of the header, with its records decoded. */
  tables: Record<string, Record<string, unknown>[]>;
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
const TYPED: Record<string, new (buffer: ArrayBuffer) => TypedArray> = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Float32Array,
  Float64Array,
};

// Typed arrays are written as their bytes. Every browser the app runs in is little-endian;
// a big-endian machine would need a byte swap here, so it is refused rather than misread.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A value as JSON can hold it, with the tags above. */
export function encodeValue(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? { $num: '-0' } : Number.isFinite(v) ? v : { $num: String(v) };
  if (v === undefined) return { $undef: 1 };
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name;
    if (!(name in TYPED)) throw new Error(`a ${name} cannot be backed up`);
    if (!LITTLE_ENDIAN) throw new Error('backups can only be written on a little-endian machine');
    return { $typed: name, base64: bytesToBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  const entries = Object.entries(v);
  const out = Object.fromEntries(entries.map(([k, x]) => [k, encodeValue(x)]));
  return entries.some(([k]) => k.startsWith('$')) ? { $obj: out } : out;
}

/** Thrown by decodeValue for a tag it cannot read; the message says what is wrong. */
export class BadValue extends Error {}

/** The inverse of encodeValue. */
export function decodeValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if ('$typed' in o) {
    const Ctor = typeof o['$typed'] === 'string' ? TYPED[o['$typed']] : undefined;
    if (!Ctor || typeof o['base64'] !== 'string' || keys.length !== 2) throw new BadValue('a typed array is not written as {"$typed", "base64"}');
    if (!LITTLE_ENDIAN) throw new BadValue('backups can only be read on a little-endian machine');
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(o['base64']);
    } catch {
      throw new BadValue(`a ${o['$typed']} is not valid base64`);
    }
    const size = (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (bytes.length % size !== 0) throw new BadValue(`a ${o['$typed']} has ${bytes.length} bytes, not a whole number of elements`);
    return new Ctor(bytes.buffer as ArrayBuffer);
  }
  if ('$num' in o && keys.length === 1) {
    if (o['$num'] === 'NaN') return NaN;
    if (o['$num'] === 'Infinity') return Infinity;
    if (o['$num'] === '-Infinity') return -Infinity;
    if (o['$num'] === '-0') return -0;
    throw new BadValue(`“${String(o['$num'])}” is not NaN, ±Infinity or -0`);
  }
  if ('$undef' in o && keys.length === 1) return undefined;
  const inner = '$obj' in o && keys.length === 1 ? o['$obj'] : o;
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw new BadValue('a wrapped object is not an object');
  if (inner === o && keys.some((k) => k.startsWith('$'))) throw new BadValue(`the key “${keys.find((k) => k.startsWith('$'))}” is not one the format knows`);
  return Object.fromEntries(Object.entries(inner).map(([k, x]) => [k, decodeValue(x)]));
}

export function headerLine(header: BackupHeader): string {
  return JSON.stringify(header);
}

export function recordLine(table: string, record: unknown): string {
  return JSON.stringify({ table, record: encodeValue(record) });
}
