import { describe, expect, it } from 'vitest';
import { byteToStatus, parseCell, parseStatus, statusToByte, STATUS_CODES } from '../../../src/lib/model/status';

describe('parseStatus', () => {
  it.each([
    ['c', 'c'],
    ['x', 'x'],
    ['z', 'z'],
    ['low', 'low'],
    ['u', 'u'],
    [':', ':'],
    ['..', '..'],
    ['-', '-'],
    ['', 'blank'],
    ['  ', 'blank'],
    ['[c]', 'c'],
    ['[x]', 'x'],
    ['[z]', 'z'],
    ['[low]', 'low'],
    ['[u]', 'u'],
    ['C', 'c'],
  ])('reads %j as status %s', (raw, status) => {
    expect(parseStatus(raw)).toBe(status);
  });

  it.each(['12', 'n/a', 'blank', '[q]', 'cc'])('does not treat %j as a status', (raw) => {
    expect(parseStatus(raw)).toBeNull();
  });
});

describe('parseCell', () => {
  it('reads numbers, keeping statuses apart and never turning them into zero', () => {
    expect(parseCell('43.5')).toEqual({ value: 43.5, status: null });
    expect(parseCell('1,234')).toEqual({ value: 1234, status: null });
    expect(parseCell('24.5%')).toEqual({ value: 24.5, status: null });
    expect(parseCell('64.599999999999994')).toEqual({ value: 64.599999999999994, status: null });
    expect(parseCell('-3')).toEqual({ value: -3, status: null });
    expect(parseCell('c')).toEqual({ value: null, status: 'c' });
    expect(parseCell('-')).toEqual({ value: null, status: '-' });
    expect(parseCell('[low]')).toEqual({ value: null, status: 'low' });
  });

  it('returns null for text that is neither a number nor a symbol', () => {
    for (const raw of ['abc', '12abc', '1.2.3', 'NaN', 'Infinity', '£5']) expect(parseCell(raw)).toBeNull();
  });
});

describe('status bytes', () => {
  it('round-trip every status, with 0 meaning a value', () => {
    expect(statusToByte(null)).toBe(0);
    expect(byteToStatus(0)).toBeNull();
    for (const s of STATUS_CODES) expect(byteToStatus(statusToByte(s))).toBe(s);
  });
});
