import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, decodeValue, encodeValue, headerLine, recordLine } from '../../../src/lib/db/backup-format';
import { BackupReader, keysOfStores } from '../../../src/lib/db/backup-validate';
import { SCHEMA } from '../../../src/lib/db/database';

const TABLES = keysOfStores(SCHEMA[0]!.stores);
const roundTrip = (v: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));
const bytes = (v: ArrayBufferView) => [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)];

describe('encodeValue / decodeValue', () => {
  it('keeps typed arrays byte for byte, NaN in them included', () => {
    const values = new Float64Array([1.5, NaN, -0, Infinity, 43.5]);
    const out = roundTrip({ values, periods: new Uint16Array([2013, 2025]), areaIndex: new Uint32Array([0, 4294967295]), statuses: new Uint8Array([0, 3]) }) as Record<string, ArrayBufferView>;
    expect(out['values']).toBeInstanceOf(Float64Array);
    expect(bytes(out['values']!)).toEqual(bytes(values));
    expect([...(out['areaIndex'] as Uint32Array)]).toEqual([0, 4294967295]);
    expect(out['periods']).toBeInstanceOf(Uint16Array);
    expect(out['statuses']).toBeInstanceOf(Uint8Array);
  });

  it('writes only the viewed part of a typed array', () => {
    const whole = new Uint16Array([1, 2, 3, 4]);
    expect([...(roundTrip(whole.subarray(1, 3)) as Uint16Array)]).toEqual([2, 3]);
  });

  it('keeps NaN, ±Infinity, undefined and keys starting with $ outside typed arrays', () => {
    const v = { share: NaN, big: Infinity, small: -Infinity, zero: -0, gone: undefined, list: [1, undefined, null], $typed: 'not a tag', nested: { $num: 'x' } };
    const out = roundTrip(v) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(Object.keys(v));
    expect(out['share']).toBeNaN();
    expect(out).toStrictEqual(v);
    expect(Object.is(out['zero'], -0)).toBe(true);
  });

  it('keeps a key named __proto__ as a plain key', () => {
    const v = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const out = roundTrip(v) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
  });

  it('round-trips any JSON-like value exactly (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.float64Array(), (json, arr) => {
      expect(roundTrip({ json, arr })).toStrictEqual({ json, arr });
    }));
  });

  it('refuses tags it cannot read', () => {
    expect(() => decodeValue({ $typed: 'BigInt64Array', base64: '' })).toThrow('typed array');
    expect(() => decodeValue({ $typed: 'Float64Array', base64: 'AAA=' })).toThrow('whole number');
    expect(() => decodeValue({ $num: 'lots' })).toThrow('NaN');
    expect(() => decodeValue({ $what: 1, other: 2 })).toThrow('$what');
  });
});

function read(lines: string[]) {
  const r = new BackupReader(1, TABLES);
  for (const l of lines) r.feed(l);
  return r.finish();
}
const header = (tables: Record<string, number>, extra: object = {}) => headerLine({ format: BACKUP_FORMAT, version: 1, schemaVersion: 1, createdAt: '2026-04-08T10:00:00.000Z', tables, ...extra });
const imp = { id: 'i1', fileName: 'a.csv', hash: 'h', kind: 'generic_csv', importedAt: '2026-04-01T00:00:00.000Z', counts: {}, warnings: [] };
const series = (over: object = {}) => ({
  id: 'i1:x',
  importId: 'i1',
  indicatorId: 'x',
  areaCodes: ['E10000034'],
  areaIndex: new Uint32Array([0]),
  periods: new Uint16Array([2025]),
  values: new Float64Array([NaN]),
  statuses: new Uint8Array([2]),
  ...over,
});

describe('BackupReader', () => {
  it('reads a whole backup', () => {
    const out = read([header({ imports: 1, series: 1 }), recordLine('imports', imp), recordLine('series', series())]);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.value.tables['series']![0]!['values']).toBeInstanceOf(Float64Array);
  });

  it('knows each table’s key from the schema', () => {
    expect(TABLES).toMatchObject({ areas: 'code', series: 'id', meta: 'key' });
  });

  it('reads a table added after these checks were written, checking its key', () => {
    const lines = [header({ imports: 1, bookmarks: 2 }), recordLine('imports', imp), recordLine('bookmarks', { name: 'a' }), recordLine('bookmarks', { nope: 1 })];
    const r = new BackupReader(1, { ...TABLES, bookmarks: 'name' });
    for (const l of lines) r.feed(l);
    const out = r.finish();
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems).toEqual(['line 4 (bookmarks): name is missing.']);
  });

  it.each([
    ['', 'empty'],
    ['hello', 'not a Safeguarding Lens backup'],
    [JSON.stringify({ format: 'safeguarding-lens/data', version: 1 }), 'a data file exported from Safeguarding Lens, not a backup'],
    [header({}, { version: 2 }), 'newer version of Safeguarding Lens (backup format 2)'],
    [header({}, { schemaVersion: 7 }), 'database version 7; this one has 1'],
  ])('refuses a file whose first line is %j', (first, message) => {
    const out = read(first ? [first] : []);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.join(' ')).toContain(message);
  });

  it.each([
    ['a field of the wrong type', [recordLine('imports', imp), recordLine('series', series({ periods: [2025] }))], 'line 3 (series “i1:x”): periods is not a Uint16Array'],
    ['columns of different lengths', [recordLine('imports', imp), recordLine('series', series({ values: new Float64Array(2) }))], 'its values has 2 entries and its periods 1'],
    ['an area index past the codes', [recordLine('imports', imp), recordLine('series', series({ areaIndex: new Uint32Array([1]) }))], 'points past its 1 area codes'],
    ['a record twice', [recordLine('imports', imp), recordLine('imports', imp)], 'imports “i1” appears twice'],
    ['a cut-off line', [recordLine('imports', imp), recordLine('series', series()).slice(0, 40)], 'line 3 is not complete JSON'],
    ['fewer records than the header says', [recordLine('imports', imp)], 'lists 1 series records but the file has 0'],
    ['a record of no import', [recordLine('imports', imp), recordLine('series', series({ importId: 'gone' }))], 'belongs to an import (“gone”) the backup does not hold'],
    ['an unknown table', [recordLine('imports', imp), recordLine('secrets', { id: 1 })], 'table “secrets” the header does not list'],
  ])('names the line and field of %s', (_, lines, message) => {
    const out = read([header({ imports: 1, series: 1 }), ...lines]);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.join(' ')).toContain(message);
  });
  describe('from database version 3, series packed several to a record', () => {
    const TABLES_V3 = keysOfStores(Object.assign({}, ...SCHEMA.map((v) => v.stores)) as Record<string, string>);
    const pack = (over: object = {}, members: object[] = [series()]) => ({ id: 'i1#0', importId: 'i1', indicatorIds: members.map((m) => (m as { indicatorId: string }).indicatorId), series: members, ...over });
    function readV3(packRecord: object) {
      const r = new BackupReader(3, TABLES_V3);
      for (const l of [header({ imports: 1, series: 1 }, { schemaVersion: 3 }), recordLine('imports', imp), recordLine('series', packRecord)]) r.feed(l);
      return r.finish();
    }

    it('reads a pack and checks each series in it as before', () => {
      const out = readV3(pack({}, [series(), series({ id: 'i1:y', indicatorId: 'y' })]));
      expect(out.ok).toBe(true);
      if (out.ok) expect((out.value.tables['series']![0]!['series'] as { values: unknown }[])[1]!.values).toBeInstanceOf(Float64Array);
    });

    it.each([
      ['a series with a wrong field', pack({}, [series({ periods: [2025] })]), 'line 3 (series “i1#0”): its series 1: periods is not a Uint16Array'],
      ['indicators that do not match its series', pack({ indicatorIds: ['x', 'y'] }), 'it lists 2 indicators and holds 1 series'],
      ['a series of another indicator than listed', pack({ indicatorIds: ['y'] }), 'its series 1 is of “x”, not “y”'],
      ['a series of another import', pack({}, [series({ importId: 'i2' })]), 'its series 1 belongs to another import (“i2”)'],
      ['an empty pack', pack({}, []), 'it lists 0 indicators and holds 0 series'],
      ['a version-2 series record', series(), 'indicatorIds is not a list of text'],
    ])('names the line of %s', (_, record, message) => {
      const out = readV3(record);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.problems.join(' ')).toContain(message);
    });
  });
});
