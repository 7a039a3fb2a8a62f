import { describe, expect, it } from 'vitest';
import { areaNameKey, isAreaCode, isCustomAreaCode, isGssCode } from '../../../src/lib/model/area-names';
import { searchAreas } from '../../../src/lib/model/area-search';
import type { Area } from '../../../src/lib/model/types';

describe('areaNameKey', () => {
  it('brings the names files use for one area together', () => {
    const key = areaNameKey('Herefordshire');
    expect(areaNameKey('Herefordshire, County of')).toBe(key);
    expect(areaNameKey('County of Herefordshire')).toBe(key);
    expect(areaNameKey('HEREFORDSHIRE ')).toBe(key);
    expect(areaNameKey('Bristol, City of')).toBe(areaNameKey('Bristol'));
    expect(areaNameKey('Yorkshire and The Humber')).toBe(areaNameKey('Yorkshire & the Humber'));
    expect(areaNameKey('England1')).toBe('england');
    expect(areaNameKey('Bournemouth (Pre LG)')).toBe('bournemouth');
  });

  it('keeps the City of London apart from London', () => {
    expect(areaNameKey('City of London')).not.toBe(areaNameKey('London'));
  });
});

describe('isAreaCode', () => {
  it('accepts GSS codes and custom area codes', () => {
    expect(isAreaCode('E10000034')).toBe(true);
    expect(isAreaCode('E92000001')).toBe(true);
    expect(isAreaCode('X10000034')).toBe(true);
    for (const bad of ['885', 'E1000003', 'E100000345', 'X1000003', 'x10000034', 'Y10000034', '<script>', '']) expect(isAreaCode(bad)).toBe(false);
  });

  it('tells custom codes from GSS codes', () => {
    expect(isGssCode('E10000034')).toBe(true);
    expect(isGssCode('X10000034')).toBe(false);
    expect(isCustomAreaCode('X10000034')).toBe(true);
    expect(isCustomAreaCode('E10000034')).toBe(false);
  });
});

describe('searchAreas', () => {
  const area = (code: string, name: string, aliases: string[] = []): Area => ({ code, name, level: 'local_authority', aliases: [name, ...aliases], importId: 'bundled' });
  const areas = [
    area('E10000034', 'Worcestershire'),
    area('E08000030', 'Walsall'),
    area('E06000019', 'Herefordshire', ['Herefordshire, County of']),
    area('E08000027', 'Dudley'),
    area('E09000033', 'Westminster'),
    area('E06000060', 'Buckinghamshire'),
  ];
  areas[5]!.previousCodes = ['E10000002'];

  it('finds by the start of a name, a word, an alias or a code, best first', () => {
    expect(searchAreas('wa', areas).map((a) => a.name)).toEqual(['Walsall']);
    expect(searchAreas('w', areas).map((a) => a.name)).toEqual(['Walsall', 'Westminster', 'Worcestershire']);
    expect(searchAreas('county of hereford', areas).map((a) => a.code)).toEqual(['E06000019']);
    expect(searchAreas('e08000027', areas).map((a) => a.name)).toEqual(['Dudley']);
    expect(searchAreas('E10000002', areas).map((a) => a.name)).toEqual(['Buckinghamshire']);
    expect(searchAreas('shire', areas).map((a) => a.name)).toEqual(['Buckinghamshire', 'Herefordshire', 'Worcestershire']);
    expect(searchAreas('   ', areas)).toEqual([]);
  });

  it('puts areas sharing a former code in name order, whatever order they are held in', () => {
    // Northamptonshire's code, carried by both unitaries that replaced it; the views pass the areas unsorted.
    const successors = [area('E06000062', 'West Northamptonshire'), area('E06000061', 'North Northamptonshire')];
    for (const a of successors) a.previousCodes = ['E10000021'];
    expect(searchAreas('E10000021', successors).map((a) => a.name)).toEqual(['North Northamptonshire', 'West Northamptonshire']);
  });
});
