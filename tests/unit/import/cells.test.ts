import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellReader } from '../../../src/lib/import/cells';
import { parseCell, statusToByte } from '../../../src/lib/model/status';

describe('CellReader', () => {
  const r = new CellReader();
  it.each([
    ['43.5', 43.5, 0],
    ['-2', -2, 0],
    ['1,234', 1234, 0],
    ['24.5%', 24.5, 0],
    ['1e3', 1000, 0],
    ['c', NaN, statusToByte('c')],
    ['[low]', NaN, statusToByte('low')],
    ['..', NaN, statusToByte('..')],
    ['', NaN, statusToByte('blank')],
    ['abc', NaN, -1],
    ['0x10', NaN, -1],
    ['12abc', NaN, -1],
  ])('%s', (raw, value, status) => {
    expect(r.read(raw)).toEqual(value);
    expect(r.status).toBe(status);
  });

  it('agrees with parseCell on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.integer().map(String)), (s) => {
        const v = r.read(s);
        const cell = parseCell(s);
        if (cell === null) expect(r.status).toBe(-1);
        else if (cell.status !== null) expect(r.status).toBe(statusToByte(cell.status));
        else expect(v).toBe(cell.value);
      }),
      { numRuns: 3000 },
    );
  });
});
