import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED } from '../../../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../../../src/lib/db/database';
import { editImportedIndicator, listImportedIndicators } from '../../../src/lib/db/indicator-edits';
import type { Indicator } from '../../../src/lib/model/types';

const indicator = (id: string, importId: string, label = id): Indicator => ({ id, label, shortLabel: label, unit: 'count', polarity: 'neither', definition: '', source: 'f.csv', decimals: 0, importId });

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-indicator-edits-${n++}`);
  await db.open();
  await db.indicators.bulkPut([indicator('cpp_rate', BUNDLED, 'Children on a child protection plan'), indicator('local_measure', 'imp-1', 'Children who were the subject of a plan at 31 March: rate per 10,000 children')]);
});
afterEach(async () => {
  await db.delete();
});

describe('editImportedIndicator', () => {
  it('renames an imported indicator, with a short label and its polarity; only imported ones are listed', async () => {
    expect((await listImportedIndicators(db)).map((i) => i.id)).toEqual(['local_measure']);
    await editImportedIndicator(db, 'local_measure', { label: '  A much longer name for the child protection plan rate  ', polarity: 'lower_is_better' });
    expect(await db.indicators.get('local_measure')).toMatchObject({
      label: 'A much longer name for the child protection plan rate',
      shortLabel: 'A much longer name for the child protec…',
      polarity: 'lower_is_better',
      importId: 'imp-1',
    });
  });

  it('leaves bundled indicators and empty names alone', async () => {
    await expect(editImportedIndicator(db, 'cpp_rate', { label: 'Mine', polarity: 'neither' })).rejects.toThrow('keeps the publisher’s name');
    await expect(editImportedIndicator(db, 'local_measure', { label: '   ', polarity: 'neither' })).rejects.toThrow('needs a name');
    expect((await db.indicators.get('cpp_rate'))?.label).toBe('Children on a child protection plan');
    expect((await db.indicators.get('local_measure'))?.label).toMatch(/^Children who were/);
  });
});
