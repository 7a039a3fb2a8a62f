import { describe, expect, it } from 'vitest';
import { formatValue, unitLabel } from '../../../src/lib/model/format';
import { compareCategories, countByCategory, formatCategory, isOrdinal, OFSTED_JUDGEMENT, parseCategory } from '../../../src/lib/model/ordinal';
import type { Indicator } from '../../../src/lib/model/types';
import { observationsToCsv } from '../../../src/lib/import/export-csv';
import { buildAppFile, validateAppFile } from '../../../src/lib/import/app-json';
import { describeIssue, IssueList } from '../../../src/lib/import/issues';

const overall: Indicator = { id: 'ilacs_overall', label: 'Ofsted overall', shortLabel: 'Ofsted overall', unit: 'ordinal', scale: OFSTED_JUDGEMENT, polarity: 'higher_is_better', definition: '', source: 'ofsted_inspections', decimals: 0, importId: 'bundled' };

describe('ordinal measures', () => {
  it('reads Ofsted’s words and shows them with a symbol, never as a number', () => {
    expect(parseCategory(OFSTED_JUDGEMENT, ' Requires  improvement to be good ')).toBe(2);
    expect(parseCategory(OFSTED_JUDGEMENT, 'RI')).toBe(2);
    expect(parseCategory(OFSTED_JUDGEMENT, 'Satisfactory')).toBeNull();
    expect(formatValue(overall, 3)).toBe('★ Good');
    expect(formatCategory(OFSTED_JUDGEMENT, 1, { short: true })).toBe('✕ Inadequate');
    expect(formatCategory(OFSTED_JUDGEMENT, 7)).toMatch(/not a ofsted judgement/);
    expect(unitLabel('ordinal')).toMatch(/not a number/);
    expect(isOrdinal(overall)).toBe(true);
    expect(new Set(OFSTED_JUDGEMENT.categories.map((c) => c.symbol)).size).toBe(4);
  });

  it('counts by category and compares by order, with the polarity', () => {
    expect(countByCategory(OFSTED_JUDGEMENT, [3, 3, 1, 2, 9]).map((c) => [c.category.short, c.count])).toEqual([
      ['Inadequate', 1],
      ['RI', 1],
      ['Good', 2],
      ['Outstanding', 0],
    ]);
    expect(compareCategories(overall, 3, 2)).toBe('better');
    expect(compareCategories(overall, 1, 2)).toBe('worse');
    expect(compareCategories({ polarity: 'neither' }, 1, 2)).toBe('different');
  });

  it('exports as the publisher writes it, and the app’s data file keeps the scale', () => {
    const obs = [{ indicatorId: 'ilacs_overall', areaCode: 'E10000034', period: 2025, value: 3, status: null, importId: 'bundled' }];
    const csv = observationsToCsv(obs, [], [overall]);
    expect(csv.split('\r\n')[1]).toBe('E10000034,,2024-25,ilacs_overall,Good,,,,Ofsted overall');
    const file = JSON.parse(JSON.stringify(buildAppFile({ areas: [], indicators: [overall], observations: obs }, 'test')));
    const issues = new IssueList();
    const back = validateAppFile(file, issues);
    expect(issues.errors).toEqual([]);
    expect(back?.indicators[0]).toMatchObject({ unit: 'ordinal', scale: OFSTED_JUDGEMENT });
    const broken = { ...file, indicators: [{ ...file.indicators[0], scale: { id: 'x', label: 'x', categories: [{ code: 2, label: 'a', short: 'a', symbol: 'a' }, { code: 1, label: 'b', short: 'b', symbol: 'b' }] } }] };
    const issues2 = new IssueList();
    validateAppFile(broken, issues2);
    expect(issues2.errors.map((e) => describeIssue('data.json', e)).join(' ')).toMatch(/scale.*indicators item 1.*codes should rise/);
  });
});
