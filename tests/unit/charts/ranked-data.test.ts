import { describe, expect, it } from 'vitest';
import { bandSegments, buildRankedData, describeRankedRow, rankedSummary } from '../../../src/lib/charts/ranked-data';
import { formatPeriod } from '../../../src/lib/model/period';
import type { Area, Observation } from '../../../src/lib/model/types';
import { area, obs } from '../builders';

const AREAS: Area[] = [
  area('E92000001', 'England', 'national'),
  area('E12000005', 'West Midlands', 'regional'),
  area('E06000001', 'Alpha', 'local_authority', 'E12000005'),
  area('E06000002', 'Bravo', 'local_authority', 'E12000005'),
  area('E06000003', 'Charlie', 'local_authority', 'E12000005'),
  area('E06000004', 'Delta', 'local_authority', 'E12000005'),
  area('E06000005', 'Echo (abolished)', 'local_authority', 'E12000005'),
  area('E06000006', 'Foxtrot', 'local_authority', 'E12000005'),
];
const OBS: Observation[] = [
  obs('E92000001', 2025, 40),
  obs('E92000001', 2024, 42),
  obs('E12000005', 2025, 45),
  obs('E06000001', 2025, 60, { numerator: 600, denominator: 100_000 }),
  obs('E06000001', 2024, 55),
  obs('E06000002', 2025, 40, { numerator: 400, denominator: 100_000 }),
  obs('E06000003', 2025, 40),
  obs('E06000004', 2025, 20, { numerator: 200, denominator: 100_000 }),
  obs('E06000006', 2025, null),
  obs('E06000005', 2024, 33),
];

describe('buildRankedData', () => {
  const data = buildRankedData({
    indicator: { unit: 'rate_per_10000', polarity: 'neither' },
    year: 2025,
    areas: AREAS,
    observations: OBS,
    chosen: ['E06000002', 'E06000001', 'E06000006'],
    neighbours: { of: AREAS[2]!, links: [{ code: 'E06000002', closeness: 'Very close' }, { code: 'E06000004', closeness: 'Close' }, { code: 'E06000006', closeness: 'Close' }], label: 'Alpha’s neighbours' },
  });

  it('ranks the authorities that have a figure, highest first when neither end is better', () => {
    expect(data.ranked.map((r) => [r.name, r.rank?.rank, r.rank?.tied])).toEqual([
      ['Alpha', 1, false],
      ['Bravo', 2, true],
      ['Charlie', 2, true],
      ['Delta', 4, false],
    ]);
    expect(data.direction).toBe('highest_first');
  });

  it('leaves out authorities without an observation that year, and keeps suppressed ones unranked', () => {
    expect(data.ranked.concat(data.unranked).map((r) => r.name)).not.toContain('Echo (abolished)');
    expect(data.unranked.map((r) => [r.name, r.status])).toEqual([['Foxtrot', 'c']]);
  });

  it('works out quartile, change, difference from England and significance', () => {
    const alpha = data.ranked[0]!;
    expect(alpha.band?.code).toBe('Q4');
    expect(alpha.change).toBe(5);
    expect(alpha.diffEngland).toBe(20);
    expect(alpha.comparison).toBe('higher');
    expect(data.ranked.find((r) => r.name === 'Bravo')?.comparison).toBe('similar');
    expect(data.ranked.find((r) => r.name === 'Charlie')?.comparison).toBe('not_compared');
    expect(data.ranked.find((r) => r.name === 'Delta')?.comparison).toBe('lower');
  });

  it('keeps the chosen order and style index, and marks neighbours with their closeness', () => {
    expect(data.chosen.map((r) => [r.name, r.styleIndex])).toEqual([
      ['Bravo', 0],
      ['Alpha', 1],
      ['Foxtrot', 2],
    ]);
    expect(data.ranked.find((r) => r.name === 'Delta')?.neighbour).toBe('Close');
    expect(data.ranked.find((r) => r.name === 'Charlie')?.neighbour).toBeNull();
  });

  it('gives England, the region and the neighbours’ average as benchmarks', () => {
    expect(data.benchmarks.map((b) => [b.role, b.value, b.previous])).toEqual([
      ['england', 40, 42],
      ['region', 45, null],
      ['neighbours', 30, null],
    ]);
    expect(data.benchmarks[2]!.note).toBe('average of the 2 of 3 neighbours with a figure');
  });

  it('bands A to D by polarity, A the best quarter', () => {
    const lower = buildRankedData({ indicator: { unit: 'percent', polarity: 'lower_is_better' }, year: 2025, areas: AREAS, observations: OBS, chosen: [] });
    expect(lower.direction).toBe('lowest_first');
    expect(lower.ranked.map((r) => [r.name, r.rank?.rank, r.band?.code])).toEqual([
      ['Delta', 1, 'A'],
      ['Bravo', 2, 'B'],
      ['Charlie', 2, 'B'],
      ['Alpha', 4, 'D'],
    ]);
  });

  it('says the key figures in one sentence', () => {
    expect(rankedSummary(data, { shortLabel: 'CP plan rate', unit: 'rate_per_10000', decimals: 1 }, formatPeriod)).toBe(
      'CP plan rate (per 10,000 children) in 2024-25 for 4 local authorities, ranked from the highest (rank 1). ' +
        'Bravo 40.0 (rank 2, Q2), Alpha 60.0 (rank 1, Q4) and Foxtrot has no figure. England 40.0. ' +
        'The middle half of authorities lie between 35.0 and 45.0.',
    );
  });
});

describe('bandSegments and describeRankedRow', () => {
  const data = buildRankedData({
    indicator: { unit: 'rate_per_10000', polarity: 'neither' },
    year: 2025,
    areas: AREAS,
    observations: OBS,
    chosen: ['E06000001'],
    neighbours: { of: AREAS[2]!, links: [{ code: 'E06000002', closeness: 'Very close' }], label: 'n' },
  });
  it('groups ranked rows into runs of one band', () => {
    expect(bandSegments(data.ranked)).toEqual([
      { code: 'Q4', label: 'Q4 (highest quarter)', start: 0, end: 1 },
      { code: 'Q2', label: 'Q2 (second-lowest quarter)', start: 1, end: 3 },
      { code: 'Q1', label: 'Q1 (lowest quarter)', start: 3, end: 4 },
    ]);
  });
  it('reads out value, rank with its direction, band, comparison and closeness', () => {
    const ind = { unit: 'rate_per_10000' as const, decimals: 1, polarity: 'neither' as const };
    expect(describeRankedRow(data.ranked[1]!, data, ind, 'Similar to England')).toBe(
      'Bravo: 40.0 per 10,000 children; rank joint 2 of 4 (1 = highest); Q2 (second-lowest quarter); similar to England; statistical neighbour (very close)',
    );
    expect(describeRankedRow(data.unranked[0]!, data, ind, '')).toBe('Foxtrot: no figure');
  });
});
