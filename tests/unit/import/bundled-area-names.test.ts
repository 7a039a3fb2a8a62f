import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAreaLookup } from '../../../src/lib/import/area-match';
import { areaNameKey } from '../../../src/lib/model/area-names';
import type { Bundle } from '../../../src/lib/model/bundle';

const bundle = JSON.parse(readFileSync('data/bundle.json', 'utf8')) as Bundle;
const byCode = new Map(bundle.areas.map((a) => [a.code, a]));
const lookup = buildAreaLookup(bundle.areas);

describe('bundled area names', () => {
  it('gives every area a name of its own', () => {
    const names = bundle.areas.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('says when an abolished authority’s figures end, and sends its shared name to the successor', () => {
    expect(byCode.get('E10000009')?.name).toBe('Dorset (to 2018-19)');
    expect(byCode.get('E10000006')?.name).toBe('Cumbria (to 2022-23)');
    expect(byCode.get('E10000021')?.name).toBe('Northamptonshire (to 2020-21)');
    // A file that names only “Dorset” means today's Dorset; files that give a code or LA number
    // (EES, LAIT) find the old county by that.
    expect(lookup.byName[areaNameKey('Dorset')]).toBe('E06000059');
    // Names nobody else uses still find the old authority.
    expect(lookup.byName[areaNameKey('Cumbria')]).toBe('E10000006');
    expect(lookup.byName[areaNameKey('Poole (Pre LG)')]).toBe('E06000029');
  });
});
