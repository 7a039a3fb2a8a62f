/**
 * The figures issue 12 names, checked twice: in the published file in data/source
 * (file, row, column, value) and in the bundle the app ships (data/bundle.json).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readOds } from '../../../src/lib/import/ods';
import { seriesFromJson, type Bundle } from '../../../src/lib/model/bundle';
import { describeInspection, inForceAt, inspectionsOf } from '../../../src/lib/model/inspections';
import { formatCategory, OFSTED_JUDGEMENT } from '../../../src/lib/model/ordinal';
import { mergeSeries } from '../../../src/lib/model/series';
import type { Observation } from '../../../src/lib/model/types';

const root = new URL('../../../data/', import.meta.url);
const bundle = JSON.parse(readFileSync(new URL('bundle.json', root), 'utf8')) as Bundle;

function sourceRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(new URL(`source/${file}`, root), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}
function sourceRow(file: string, period: string, name: string): Record<string, string> {
  const row = sourceRows(file).find((r) => r.time_period === period && (name === 'England' ? r.geographic_level === 'National' : r.la_name === name));
  if (!row) throw new Error(`${file}: no row for ${name} ${period}`);
  return row;
}
function bundled(indicatorId: string, areaCode: string, period: number): Observation | undefined {
  const json = bundle.series.find((s) => s.indicatorId === indicatorId);
  if (!json) throw new Error(`no bundled series ${indicatorId}`);
  return mergeSeries([seriesFromJson('bundled', json)], { areaFilter: new Set([areaCode]), from: period, to: period })[0];
}

const WORCS = 'E10000034';
const ENGLAND = 'E92000001';
const HEREFORD = 'E06000019';

describe('factors identified at the end of assessment (c3_factors_identified_at_end_of_assessment_2018_to_2025.csv)', () => {
  const file = 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';

  it('Worcestershire 2024-25: domestic abuse concerning the parent 37.8% (1,772 of 4,693), parent’s mental health 46.9% (2,203)', () => {
    const row = sourceRow(file, '2025', 'Worcestershire');
    expect([row.Episodes_with_assessment_factor, row.Domestic_Abuse_parent, row.Mental_Health_parent]).toEqual(['4693', '1772', '2203']);
    expect(bundled('factor_domestic_abuse_parent', WORCS, 2025)).toMatchObject({ value: 37.8, numerator: 1772, denominator: 4693 });
    expect(bundled('factor_mental_health_parent', WORCS, 2025)).toMatchObject({ value: 46.9, numerator: 2203, denominator: 4693 });
  });

  it('England 2024-25: 31.7% and 33.5%', () => {
    const row = sourceRow(file, '2025', 'England');
    expect([row.Episodes_with_assessment_factor, row.Domestic_Abuse_parent, row.Mental_Health_parent]).toEqual(['513250', '162890', '171780']);
    expect(bundled('factor_domestic_abuse_parent', ENGLAND, 2025)?.value).toBe(31.7);
    expect(bundled('factor_mental_health_parent', ENGLAND, 2025)?.value).toBe(33.5);
  });

  it('keeps parent, child and other person apart', () => {
    const row = sourceRow(file, '2025', 'Worcestershire');
    for (const who of ['child', 'parent', 'person']) {
      expect(bundled(`factor_domestic_abuse_${who}`, WORCS, 2025)?.numerator).toBe(Number(row[`Domestic_Abuse_${who}`]));
    }
    const labels = bundle.indicators.filter((i) => i.id.startsWith('factor_domestic_abuse_')).map((i) => i.label);
    expect(new Set(labels).size).toBe(3);
  });

  it('Herefordshire 2023-24 is u in every column: a status, never a share', () => {
    const row = sourceRow(file, '2024', 'Herefordshire, County of');
    const values = Object.entries(row).filter(([k]) => k === 'Episodes_with_assessment_factor' || k.endsWith('_parent') || k === 'Neglect');
    expect(values.every(([, v]) => v === 'u')).toBe(true);
    for (const id of ['assessment_factor_episodes', 'factor_neglect', 'factor_domestic_abuse_parent', 'factor_other']) {
      expect(bundled(id, HEREFORD, 2024)).toMatchObject({ value: null, status: 'u' });
    }
  });

  it('a suppressed count stays its symbol', () => {
    const series = seriesFromJson('bundled', bundle.series.find((s) => s.indicatorId === 'factor_female_genital_mutilation')!);
    const statuses = new Set([...series.statuses].filter((b) => b !== 0));
    expect(statuses.size).toBeGreaterThan(0);
    expect([...series.values].filter((v) => v === 0).length).toBeLessThan(series.values.length);
  });
});

describe('children’s social work workforce (csww_indicators_2017_to_2025.csv)', () => {
  const file = 'csww_indicators_2017_to_2025.csv';
  it('Worcestershire 2025: turnover 12.3%, agency 11.1%, vacancy 12.4%, caseload 14.6', () => {
    const row = sourceRow(file, '2025', 'Worcestershire');
    expect([row.turnover_rate_fte, row.agency_rate_fte, row.vacancy_rate_fte, row.caseload_fte]).toEqual(['12.3', '11.1', '12.4', '14.6']);
    expect([bundled('sw_turnover_pct', WORCS, 2025)?.value, bundled('sw_agency_pct', WORCS, 2025)?.value, bundled('sw_vacancy_pct', WORCS, 2025)?.value, bundled('sw_caseload', WORCS, 2025)?.value]).toEqual([12.3, 11.1, 12.4, 14.6]);
  });
  it('England 2025: 11.8, 13, 14.2, 15.2', () => {
    const row = sourceRow(file, '2025', 'England');
    expect([row.turnover_rate_fte, row.agency_rate_fte, row.vacancy_rate_fte, row.caseload_fte]).toEqual(['11.8', '13', '14.2', '15.2']);
    expect([bundled('sw_turnover_pct', ENGLAND, 2025)?.value, bundled('sw_agency_pct', ENGLAND, 2025)?.value, bundled('sw_vacancy_pct', ENGLAND, 2025)?.value, bundled('sw_caseload', ENGLAND, 2025)?.value]).toEqual([11.8, 13, 14.2, 15.2]);
  });
  it('absence is bundled too, and the polarities are LAIT’s (lower is better)', () => {
    expect(bundled('sw_absence_pct', WORCS, 2025)?.value).toBe(Number(sourceRow(file, '2025', 'Worcestershire').absence_rate_fte));
    expect(bundle.indicators.find((i) => i.id === 'sw_turnover_pct')?.polarity).toBe('lower_is_better');
    expect(bundle.indicators.find((i) => i.id === 'sw_caseload')).toMatchObject({ unit: 'mean', polarity: 'neither' });
  });
});

describe('Ofsted inspections (LA_Inspection_Outcomes_as_at_31_March_2025.ods, read as published)', () => {
  const file = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods';
  const workbook = readOds(readFileSync(new URL(`source/${file}`, root)));
  const latest = workbook.sheets.find((s) => s.name === 'Inspections_as_at_31_March')!;
  const inspections = bundle.inspections!.inspections;
  const listed = (code: string) => latest.rows.find((r) => r[1] === code)!;

  it('reads the latest judgements under the two title rows', () => {
    expect(latest.rows[2]!.slice(1, 7)).toEqual(['Local authority area code', 'Local authority name', 'Ofsted region', 'Inspection date', 'Publication date', 'Overall effectiveness']);
    expect(latest.rows.length - 3).toBe(153);
  });

  it.each([
    [WORCS, 'Worcestershire', '2023-05-15', 'Good'],
    [HEREFORD, 'Herefordshire', '2022-07-18', 'Inadequate'],
    ['E08000029', 'Solihull', '2022-10-31', 'Inadequate'],
    ['E08000030', 'Walsall', '2021-10-04', 'Good'],
  ])('%s %s: inspected %s, overall %s', (code, name, date, overall) => {
    expect(listed(code).slice(2, 7)).toEqual([name, 'West Midlands', date, expect.any(String), overall]);
    const now = inForceAt(inspections, code, 2025)!;
    expect(now).toMatchObject({ date, kind: expect.stringMatching(/standard|short/) });
    expect(formatCategory(OFSTED_JUDGEMENT, now.judgements!.overall!)).toBe(`${overall === 'Good' ? '★' : '✕'} ${overall}`);
    expect(bundled('ilacs_overall', code, 2025)?.value).toBe(now.judgements!.overall);
  });

  it('Worcestershire was Requires improvement to be good on 17 June 2019, in the history sheet', () => {
    const history = workbook.sheets.find((s) => s.name === 'ILACS_inspection_history')!;
    expect(history.rows.find((r) => r[1] === WORCS && r[5] === '2019-06-17')?.[8]).toBe('Requires improvement to be good');
    const worcs = inspectionsOf(inspections, WORCS).filter((i) => i.judgements);
    expect(worcs.map((i) => [i.date, i.judgements!.overall])).toEqual([
      ['2019-06-17', 2],
      ['2023-05-15', 3],
    ]);
    expect(describeInspection(worcs[0]!)).toBe('△ Requires improvement to be good (inspected 17 June 2019)');
    expect([2020, 2021, 2022, 2023, 2024].map((p) => bundled('ilacs_overall', WORCS, p)?.value)).toEqual([2, 2, 2, 2, 3]);
  });

  it('keeps abolished authorities and the 2024-25 visits with their theme', () => {
    expect(inspections.find((i) => i.areaCode === 'E10000021' && i.abolished)).toMatchObject({ areaName: 'Northamptonshire', date: '2019-06-17', judgements: { overall: 1 } });
    expect(inspectionsOf(inspections, WORCS).find((i) => i.kind === 'focused_visit')).toMatchObject({ date: '2024-12-03', theme: 'Children in care' });
    expect(inspectionsOf(inspections, HEREFORD).filter((i) => i.kind === 'monitoring_visit').map((i) => i.theme)).toEqual(['Vulnerable adolescents', 'Front door']);
  });

  it('the care leavers judgement before 2023 is z (not applicable), never a guess', () => {
    expect(bundled('ilacs_care_leavers', 'E08000030', 2025)).toMatchObject({ value: null, status: 'z' });
    expect(bundled('ilacs_care_leavers', WORCS, 2025)?.value).toBe(3);
  });
});

describe('2024-25 counts (b1_children_in_need_2013_to_2025.csv, c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv)', () => {
  it('CIN at 31 March 2025 for Worcestershire is 3,638 and referrals 4,805, attached to LAIT’s rates', () => {
    expect(sourceRow('b1_children_in_need_2013_to_2025.csv', '2025', 'Worcestershire').At31_episodes).toBe('3638');
    expect(sourceRow('c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', '2025', 'Worcestershire').referral_count).toBe('4805');
    const cin = bundled('cin_rate', WORCS, 2025)!;
    const referrals = bundled('referral_rate', WORCS, 2025)!;
    expect(cin).toMatchObject({ value: 302.9, numerator: 3638 });
    expect(referrals).toMatchObject({ value: 400, numerator: 4805 });
    // DfE's method: count ÷ ONS mid-2024 population of children aged 0–17 × 10,000 gives LAIT's rate.
    expect(Math.round((cin.numerator! / cin.denominator!) * 100000) / 10).toBe(302.9);
    expect(Math.round((referrals.numerator! / referrals.denominator!) * 100000) / 10).toBe(400);
  });

  it('England’s 2024-25 counts are there, so 2024-25 comparisons have intervals', () => {
    expect(bundled('cin_rate', ENGLAND, 2025)).toMatchObject({ numerator: 402400 });
    expect(bundled('referral_rate', ENGLAND, 2025)).toMatchObject({ numerator: 632830 });
    expect(bundled('no_further_action_percent', WORCS, 2025)).toMatchObject({ value: 3.6, numerator: 171, denominator: 4805 });
    expect(bundled('not_in_need_percent', WORCS, 2025)).toMatchObject({ value: 32.9, numerator: 1582, denominator: 4805 });
  });
});

describe('every bundled indicator says its source and vintage', () => {
  it.each(bundle.indicators.map((i) => [i.id, i] as const))('%s', (_id, indicator) => {
    expect(indicator.vintage).toMatch(/\w/);
    expect(bundle.sources.map((s) => s.id)).toContain(indicator.source);
  });
  it('LAIT figures say they are LAIT’s revised ones', () => {
    expect(bundle.indicators.find((i) => i.id === 'cpp_rate')?.vintage).toMatch(/^LAIT, revised populations, April 2026/);
  });
});
