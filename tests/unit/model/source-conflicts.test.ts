import { describe, expect, it } from 'vitest';
import { seriesFromObservations } from '../../../src/lib/model/series';
import { cellKey, conflictCells, importedEditions, sourceConflicts, sourceLabel } from '../../../src/lib/model/source-conflicts';
import { formatPeriod } from '../../../src/lib/model/period';
import type { ImportRecord, Observation } from '../../../src/lib/model/types';

const WALSALL = 'E08000030';
const ENGLAND = 'E92000001';
type Row = Omit<Observation, 'importId' | 'indicatorId'>;
const series = (importId: string, rows: Row[]) => seriesFromObservations(importId, rows.map((r) => ({ ...r, indicatorId: 'cpp_rate' })))[0]!;
const fig = (areaCode: string, period: number, value: number | null, status: Observation['status'] = null): Row => ({ areaCode, period, value, status });

// LAIT's revised 2017-18 CP plan rates (data/source/dfe_lait_bds_long_csc_subset_2016_2025.csv, CPP_rate: Walsall 60.9,
// England 45.9) beside the first-release figures of the same year that issue 13 quotes (60.7, 45.3).
const lait = series('bundled', [fig(WALSALL, 2018, 60.9), fig(ENGLAND, 2018, 45.9), fig(WALSALL, 2019, 57.3)]);

describe('sourceConflicts', () => {
  it('finds none where two sources give the same figure', () => {
    const same = series('imp1', [fig(WALSALL, 2018, 60.9), fig(ENGLAND, 2018, 45.9)]);
    expect(sourceConflicts([lait, same], { decimals: 1 })).toEqual([]);
  });

  it('finds none where figures differ only past the places shown', () => {
    expect(sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, 60.94)])], { decimals: 1 })).toEqual([]);
    expect(sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, 60.94)])], { decimals: 2 })).toHaveLength(1);
  });

  it('lists both figures with their sources where they differ, the drawn one (latest import) first', () => {
    const firstRelease = series('imp1', [fig(WALSALL, 2018, 60.7), fig(ENGLAND, 2018, 45.3)]);
    expect(sourceConflicts([lait, firstRelease], { decimals: 1 })).toEqual([
      { areaCode: WALSALL, period: 2018, shown: { importId: 'imp1', value: 60.7, status: null }, others: [{ importId: 'bundled', value: 60.9, status: null }] },
      { areaCode: ENGLAND, period: 2018, shown: { importId: 'imp1', value: 45.3, status: null }, others: [{ importId: 'bundled', value: 45.9, status: null }] },
    ]);
  });

  it('finds none where the sources give different years', () => {
    expect(sourceConflicts([lait, series('imp1', [fig(WALSALL, 2017, 50.1), fig(WALSALL, 2020, 70)])], { decimals: 1 })).toEqual([]);
  });

  it('keeps to the areas and years asked', () => {
    const firstRelease = series('imp1', [fig(WALSALL, 2018, 60.7), fig(ENGLAND, 2018, 45.3)]);
    expect(sourceConflicts([lait, firstRelease], { areaFilter: new Set([ENGLAND]), decimals: 1 }).map((c) => c.areaCode)).toEqual([ENGLAND]);
    expect(sourceConflicts([lait, firstRelease], { from: 2019, decimals: 1 })).toEqual([]);
  });

  it('counts a status against a figure as a difference, an empty cell as none', () => {
    expect(sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, null, 'c')])], { decimals: 1 })[0]).toMatchObject({ shown: { value: null, status: 'c' }, others: [{ value: 60.9 }] });
    expect(sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, null, 'blank')]), series('imp2', [fig(WALSALL, 2018, 60.9)])], { decimals: 1 })).toEqual([]);
  });

  it('reads one import as its last figure, so a file repeating a row does not disagree with itself', () => {
    expect(sourceConflicts([series('imp1', [fig(WALSALL, 2018, 60.7), fig(WALSALL, 2018, 60.9)])], { decimals: 1 })).toEqual([]);
    expect(sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, 60.7), fig(WALSALL, 2018, 60.9)])], { decimals: 1 })).toEqual([]);
  });

  it('lists every differing source when three disagree, latest first', () => {
    const a = series('imp1', [fig(WALSALL, 2018, 60.7)]);
    const b = series('imp2', [fig(WALSALL, 2018, 61.2)]);
    expect(sourceConflicts([lait, a, b], { decimals: 1 })[0]!.others.map((f) => f.importId)).toEqual(['imp1', 'bundled']);
  });
});

describe('conflictCells', () => {
  const imports = new Map<string, ImportRecord>([
    ['imp1', { id: 'imp1', fileName: 'cin-2018-first-release.csv', hash: '', kind: 'generic_csv', importedAt: '2026-12-01T22:00:00.000Z', counts: { areas: 0, indicators: 0, observations: 0, documents: 0, priorities: 0 }, warnings: [] }],
  ]);
  const indicator = { unit: 'rate_per_10000' as const, decimals: 1, vintage: 'LAIT, revised populations, April 2026 release' };

  it('names each figure by its source and says which is drawn', () => {
    const conflicts = sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, 60.7)])], { decimals: 1 });
    const cells = conflictCells(conflicts, indicator, (id) => sourceLabel(id, indicator, undefined, imports, 'bundled'), () => 'Walsall', formatPeriod);
    expect(cells.get(WALSALL)).toEqual({
      figures: [
        { text: '60.7', source: 'your import cin-2018-first-release.csv, 1 Dec 2026' },
        { text: '60.9', source: 'LAIT, revised populations, April 2026 release' },
      ],
      sentence: 'Walsall, 2017-18: 60.7 from your import cin-2018-first-release.csv, 1 Dec 2026 (drawn in the charts); 60.9 from LAIT, revised populations, April 2026 release.',
    });
  });

  it('names the edition the user gave an import', () => {
    const described = new Map([['imp1', { ...imports.get('imp1')!, edition: 'main tables, first release, 2018' }]]);
    expect(sourceLabel('imp1', indicator, undefined, described, 'bundled')).toBe('your import cin-2018-first-release.csv (main tables, first release, 2018), 1 Dec 2026');
  });

  it('keys a trend table’s cells by area and year, so two years of one area are two cells', () => {
    const conflicts = sourceConflicts([lait, series('imp1', [fig(WALSALL, 2018, 60.7), fig(WALSALL, 2019, 57.0), fig(ENGLAND, 2018, 45.9)])], { decimals: 1 });
    const cells = conflictCells(conflicts, indicator, (id) => sourceLabel(id, indicator, undefined, imports, 'bundled'), () => 'Walsall', formatPeriod, true);
    expect([...cells.keys()]).toEqual([cellKey(WALSALL, 2018), cellKey(WALSALL, 2019)]);
    expect(cells.get(cellKey(WALSALL, 2019))?.figures.map((f) => f.text)).toEqual(['57.0', '57.3']);
    expect(cells.get(WALSALL)).toBeUndefined();
  });
});

describe('importedEditions', () => {
  it('names each import holding a measure’s figures, latest first (its figures are drawn), with its edition where given', () => {
    const record = (id: string, fileName: string, importedAt: string, edition?: string): ImportRecord => ({
      id, fileName, hash: '', kind: 'generic_csv', importedAt, counts: { areas: 0, indicators: 0, observations: 0, documents: 0, priorities: 0 }, warnings: [], ...(edition ? { edition } : {}),
    });
    const imports = [
      record('bundled', 'Bundled data', '2026-11-29T09:00:00.000Z'),
      record('a', 'cpp-2018.csv', '2026-11-30T09:00:00.000Z', 'main tables, first release, 2018'),
      record('c', 'cin.csv', '2026-12-01T09:00:00.000Z'),
      record('b', 'cpp-local.csv', '2026-12-01T22:00:00.000Z'),
    ];
    // The bundled figures and an import of other measures are not named.
    expect(importedEditions(imports, new Set(['bundled', 'a', 'b']), 'bundled')).toEqual([
      { fileName: 'cpp-local.csv', edition: undefined, importedOn: '1 Dec 2026' },
      { fileName: 'cpp-2018.csv', edition: 'main tables, first release, 2018', importedOn: '30 Nov 2026' },
    ]);
    expect(importedEditions(imports, undefined, 'bundled')).toEqual([]);
  });
});
