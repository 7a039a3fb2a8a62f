import { describe, expect, it } from 'vitest';
import { rankAuthorities } from '../../../src/lib/stats/ranking';
import { AREAS, OBS } from '../ranking-fixture';
import { obs } from '../builders';

describe('rankAuthorities', () => {
  const data = rankAuthorities({
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

  it('works out quartile, value quarter, change, difference from England and significance', () => {
    const alpha = data.ranked[0]!;
    expect(alpha.band?.code).toBe('Q4');
    expect(data.ranked.map((r) => r.quarter)).toEqual([3, 1, 1, 0]);
    expect(data.unranked[0]!.quarter).toBeNull();
    expect(alpha.change).toBe(5);
    expect(alpha.diffEngland).toBe(20);
    expect(alpha.comparison).toBe('higher');
    expect(data.ranked.find((r) => r.name === 'Bravo')?.comparison).toBe('similar');
    expect(data.ranked.find((r) => r.name === 'Charlie')?.comparison).toBe('not_compared');
    expect(data.ranked.find((r) => r.name === 'Delta')?.comparison).toBe('lower');
  });

  it('gives each value quarter’s range for a key', () => {
    expect(data.quarters.map((q) => [q.band.code, q.from, q.to])).toEqual([
      ['Q1', 20, 35],
      ['Q2', 35, 40],
      ['Q3', 40, 45],
      ['Q4', 45, 60],
    ]);
  });

  it('keeps the chosen order and index, and marks neighbours with their closeness', () => {
    expect(data.chosen.map((r) => [r.name, r.chosenIndex])).toEqual([
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
    expect(data.benchmarks[2]!.note).toBe('2 of 3 neighbours; Foxtrot: suppressed');
    expect(data.benchmarks[2]!.contributors).toEqual({ n: 2, of: 3, missing: [{ code: 'E06000006', name: 'Foxtrot', why: 'suppressed' }] });
  });

  it('bands A to D by polarity, A the best quarter', () => {
    const lower = rankAuthorities({ indicator: { unit: 'percent', polarity: 'lower_is_better' }, year: 2025, areas: AREAS, observations: OBS, chosen: [] });
    expect(lower.direction).toBe('lowest_first');
    expect(lower.ranked.map((r) => [r.name, r.rank?.rank, r.band?.code])).toEqual([
      ['Delta', 1, 'A'],
      ['Bravo', 2, 'B'],
      ['Charlie', 2, 'B'],
      ['Alpha', 4, 'D'],
    ]);
  });

  it('says why a figure has no interval: an import that brought it without its count, over a bundled one that had one, is named', () => {
    const imported = rankAuthorities({
      indicator: { unit: 'rate_per_10000', polarity: 'neither' },
      year: 2025,
      areas: AREAS,
      observations: [...OBS.filter((o) => o.areaCode !== 'E06000001'), obs('E06000001', 2025, 61, { importId: 'a1b2' })],
      chosen: ['E06000001', 'E06000002', 'E06000003'],
      bundledId: 'bundled',
    });
    expect(imported.chosen.map((r) => [r.name, r.interval !== null, r.noInterval, r.comparison])).toEqual([
      ['Alpha', false, 'no_count_in_import', 'not_compared'],
      ['Bravo', true, null, 'similar'],
      ['Charlie', false, 'no_counts_published', 'not_compared'],
    ]);
  });
});
