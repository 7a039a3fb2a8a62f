import { describe, expect, it } from 'vitest';
import { planEes } from '../../../src/lib/import/ees-tidy';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import { mergeSeries } from '../../../src/lib/model/series';
import { known, sourceFile, textFile } from './helpers';

async function importFile(file: File) {
  const ins = await inspect(file, known);
  if (!ins.ok) throw new Error(JSON.stringify(ins.issues));
  const res = await parse(file, ins.value.plan, known, { importId: 'imp' });
  if (!res.ok) throw new Error(JSON.stringify(res.issues));
  return { inspection: ins.value, parsed: res.value };
}

describe('EES tidy CSV', () => {
  it('recognises the header and tells filters from figures', () => {
    const header = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'new_la_code', 'la_name', 'characteristic', 'CPP_At31', 'Mystery_rate'];
    const plan = planEes(header, [['2024', 'Reporting year', 'National', 'E92000001', '', '', 'Total', '100', 'c']]);
    expect(plan).toMatchObject({ filters: [6], indicators: [7, 8] });
  });

  it('imports the published referrals file: known columns on the app’s ids, the rest as new indicators labelled by column', async () => {
    const { inspection, parsed } = await importFile(sourceFile('c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv'));
    expect(inspection).toMatchObject({ needsMapping: false, description: expect.stringContaining('Explore Education Statistics') });
    expect(parsed.kind).toBe('ees_csv');
    expect(parsed.rows).toBe(1967);
    expect(parsed.unknownAreas).toEqual([]);
    expect(parsed.series.map((s) => s.indicatorId)).toEqual(expect.arrayContaining(['referral_count', 'referral_rate', 'rereferral_count', 'rereferral_pct', 'no_further_action_percent']));
    // No_Further_Action_percent is the bundled LAIT measure's id: its figures land there, under the app's definition.
    expect(parsed.indicators.map((i) => i.id)).not.toContain('no_further_action_percent');
    expect(parsed.indicators.find((i) => i.id === 'not_in_need')).toMatchObject({ label: 'Not_in_Need', unit: 'count', source: 'c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv' });
    expect(parsed.indicators.map((i) => i.id)).not.toContain('referral_rate');
    const rate = mergeSeries(parsed.series.filter((s) => s.indicatorId === 'referral_rate'), { areaFilter: new Set(['E10000034']), from: 2013, to: 2015 });
    expect(rate.map((o) => [o.period, o.value]).sort()).toEqual([
      [2013, 275.7],
      [2014, 299.7],
      [2015, 354.5],
    ]);
    // Herefordshire's 2024 No_Further_Action_percent is published as "u": kept as a status, not 0.
    const nfa = mergeSeries(parsed.series.filter((s) => s.indicatorId === 'no_further_action_percent'), { areaFilter: new Set(['E06000019']), from: 2024 });
    expect(nfa).toMatchObject([{ value: null, status: 'u' }]);
  });

  it('splits a filter with several values into indicators; the bundle’s population goes on its own id', async () => {
    const { parsed } = await importFile(sourceFile('cla_number_and_rate_per_10k_children_2021_to_2025.csv'));
    const ids = parsed.series.map((s) => s.indicatorId);
    expect(ids).toEqual(expect.arrayContaining(['cla_count', 'cla_rate', 'children_count__children_starting_to_be_looked_after_each_year']));
    expect(parsed.indicators.find((i) => i.id === 'children_count__children_starting_to_be_looked_after_each_year')?.label).toBe('children_count (Children starting to be looked after each year)');
    const cla = mergeSeries(parsed.series.filter((s) => s.indicatorId === 'cla_count'), { areaFilter: new Set(['E92000001']), from: 2025 });
    expect(cla[0]?.value).toBe(81770);
  });

  it('shifts population estimates to the year they are the denominator for, as the bundle does', async () => {
    const { parsed } = await importFile(sourceFile('ons_mid-year_population_estimates_2012_to_2024.csv'));
    const pop = parsed.series.find((s) => s.indicatorId === 'child_population')!;
    expect(Math.min(...pop.periods)).toBe(2013);
    expect(Math.max(...pop.periods)).toBe(2025);
  });

  it('leaves out other geographic levels and non-annual periods, with a warning', async () => {
    const csv = [
      'time_period,time_identifier,geographic_level,country_code,new_la_code,la_name,ward_code,Referrals',
      '2024,Reporting year,Local authority,E92000001,E10000034,Worcestershire,,10',
      '2024,Reporting year,Ward,E92000001,E10000034,Worcestershire,E05000001,3',
      '2024,Q1,Local authority,E92000001,E10000034,Worcestershire,,4',
    ].join('\n');
    const { parsed } = await importFile(textFile('levels.csv', csv));
    expect(parsed.rows).toBe(1);
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringContaining('“Ward” level were left out'), expect.stringContaining('“Q1” periods were left out')]);
  });
});
