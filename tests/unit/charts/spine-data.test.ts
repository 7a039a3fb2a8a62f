import { describe, expect, it } from 'vitest';
import { describeSpineRow, spinePosition, spineRow } from '../../../src/lib/charts/spine-data';
import { formatPeriod } from '../../../src/lib/model/period';
import type { Area, Indicator, Observation } from '../../../src/lib/model/types';
import { profileRow } from '../../../src/lib/stats/profile';
import { rankAuthorities } from '../../../src/lib/stats/ranking';

const cuts = { min: 10, q1: 30, median: 40, q3: 50, max: 90 };

describe('spinePosition', () => {
  it('puts England at the centre and the farther extreme at an end', () => {
    expect(spinePosition(40, 40, cuts, false)).toBe(0.5);
    expect(spinePosition(90, 40, cuts, false)).toBe(1);
    expect(spinePosition(10, 40, cuts, false)).toBeCloseTo(0.2, 10);
  });
  it('puts better to the right when lower is better', () => {
    expect(spinePosition(90, 40, cuts, true)).toBe(0);
    expect(spinePosition(10, 40, cuts, true)).toBeCloseTo(0.8, 10);
  });
});

describe('profileRow and spineRow', () => {
  const area = (code: string, name: string, level: Area['level'], regionCode?: string): Area => ({ code, name, level, aliases: [], importId: 'b', ...(regionCode ? { regionCode } : {}) });
  const areas = [area('E92000001', 'England', 'national'), area('E12000005', 'West Midlands', 'regional'), area('A', 'Alpha', 'local_authority', 'E12000005'), area('B', 'Bravo', 'local_authority', 'E12000005')];
  const o = (areaCode: string, value: number, extra: Partial<Observation> = {}): Observation => ({ indicatorId: 'x', areaCode, period: 2025, value, status: null, importId: 'b', ...extra });
  const indicator: Indicator = { id: 'x', label: 'X rate', shortLabel: 'X rate', unit: 'rate_per_10000', polarity: 'neither', definition: '', source: '', decimals: 1, importId: 'b' };
  const ranked = rankAuthorities({
    indicator,
    year: 2025,
    areas,
    observations: [o('E92000001', 40), o('E12000005', 45), o('A', 60, { numerator: 600, denominator: 100_000 }), o('B', 20)],
    chosen: ['A'],
  });

  it('takes the area, England, region and spread from the ranking', () => {
    const r = spineRow(profileRow(indicator, ranked, 'A'));
    expect(r.row?.value).toBe(60);
    expect(r.england).toBe(40);
    expect(r.region).toEqual({ label: 'West Midlands', value: 45 });
    expect(r.judgement).toBe('higher');
    expect(r.pos).toMatchObject({ value: 1, min: 0, max: 1 });
    expect(describeSpineRow(r, 'Alpha', formatPeriod)).toBe(
      'X rate, 2024-25: Alpha 60.0 per 10,000 children; significantly higher than England; England 40.0; West Midlands 45.0; authorities range from 20.0 to 60.0',
    );
  });

  it('has no marks for an area without a figure', () => {
    const r = spineRow(profileRow(indicator, ranked, 'Z'));
    expect(r.row).toBeNull();
    expect(r.pos?.value).toBeNull();
  });
});
