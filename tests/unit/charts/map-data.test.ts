import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundaryVintage, mapFeatures, type MapFile } from '../../../src/lib/charts/map-data';
import type { Bundle } from '../../../src/lib/model/bundle';

const file = JSON.parse(readFileSync(new URL('../../../data/england-utla-map.json', import.meta.url), 'utf8')) as MapFile;
const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;
const areas = new Map(bundle.areas.map((a) => [a.code, a]));

describe('the built map file', () => {
  it('holds only English upper-tier authorities, as compact relative paths', () => {
    expect(file.areas.every((a) => /^E(06|08|09|10)\d{6}$/.test(a.code))).toBe(true);
    expect(file.areas.every((a) => /^M-?\d+ -?\d+(l-?\d+ -?\d+)+z/.test(a.d))).toBe(true);
    expect(file.areas.filter((a) => a.insetD).map((a) => a.code).every((c) => c.startsWith('E09'))).toBe(true);
  });
});

describe('mapFeatures', () => {
  const codes = (year: number) => new Set(mapFeatures(file, year, areas).map((f) => f.geometryCode));

  it('uses the boundaries in force at 31 March of the reporting year', () => {
    expect(boundaryVintage(2023)).toBe(2022);
    // DfE reports Cumbria up to 2022-23 and Cumberland, Westmorland and Furness from 2023-24.
    expect(codes(2023).has('E10000006')).toBe(true);
    expect(codes(2023).has('E06000063')).toBe(false);
    expect(codes(2024).has('E06000063')).toBe(true);
    expect(codes(2024).has('E10000006')).toBe(false);
    // Bournemouth, Christchurch and Poole from 2019-20; North and West Northamptonshire from 2021-22.
    expect(codes(2019).has('E06000028')).toBe(true);
    expect(codes(2020).has('E06000058')).toBe(true);
    expect(codes(2021).has('E10000021')).toBe(true);
    expect(codes(2022).has('E06000061')).toBe(true);
  });

  it('draws every authority once a year and matches each to an area, old codes included', () => {
    for (const year of [2016, 2020, 2023, 2025]) {
      const fs = mapFeatures(file, year, areas);
      expect(fs.every((f) => f.areaCode !== null), String(year)).toBe(true);
      expect(new Set(fs.map((f) => f.areaCode)).size).toBe(fs.length);
    }
    // Buckinghamshire's county code (to 2019-20) shows the figures of today's unitary authority.
    const bucks = mapFeatures(file, 2019, areas).find((f) => f.geometryCode === 'E10000002');
    expect(bucks).toMatchObject({ areaCode: 'E06000060', name: 'Buckinghamshire' });
  });
});
