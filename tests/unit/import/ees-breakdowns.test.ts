/**
 * EES filters as breakdowns: the mapping step's choice of filter values (the total by
 * default), what the reader does with it, and the limit on how many breakdowns one
 * import brings.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { asksForBreakdowns, choiceProblems, choosable, FilterGate, filterChoices, FilterValueCounter, mergeListed, seriesCount, type FilterChoice } from '../../../src/lib/import/ees-filters';
import { listChoices } from '../../../src/lib/import/list-values';
import { APP_FORMAT, validateAppFile } from '../../../src/lib/import/app-json';
import { IssueList } from '../../../src/lib/import/issues';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import type { EesPlan, ImportPlan } from '../../../src/lib/import/plan';
import { mergeSeries } from '../../../src/lib/model/series';
import { bundle, known, sourceFile, textFile } from './helpers';

const HEADER = ['time_period', 'time_identifier', 'geographic_level', 'new_la_code', 'la_name', 'characteristic', 'Referrals_rate'];

/** The benchmark file's layout in small: a block of "Total" rows longer than the first look, then one row per group. */
function sortedByCharacteristic(groups: number): string {
  const las = bundle.areas.filter((a) => a.level === 'local_authority').slice(0, 143);
  const lines = [HEADER.join(',')];
  for (const y of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) for (const la of las) lines.push(`${y},Reporting year,Local authority,${la.code},"${la.name}",Total,${(y - 2000) * 10}.5`);
  for (let g = 1; g <= groups; g++) lines.push(`2025,Reporting year,Local authority,${las[0]!.code},"${las[0]!.name}",Group ${g},${g}`);
  return `${lines.join('\n')}\n`;
}

/** The first look, with the filters' values of the first rows only. */
async function firstLook(file: File) {
  const ins = await inspect(file, known);
  if (!ins.ok) throw new Error(JSON.stringify(ins.issues));
  return ins.value;
}

/** What the mapping step holds once every value is listed and nothing was touched meanwhile. */
async function look(file: File) {
  const ins = await firstLook(file);
  if (ins.plan.format !== 'ees_tidy' || ins.previewComplete || !ins.plan.ees.choices) return ins;
  const listed = await listChoices(file, ins.plan.ees);
  if (!listed.ok) throw new Error(JSON.stringify(listed.issues));
  return { ...ins, plan: { ...ins.plan, ees: { ...ins.plan.ees, choices: mergeListed(ins.plan.ees.choices, listed.value, new Set()) } } };
}

function withChoices(plan: ImportPlan, change: (c: NonNullable<EesPlan['choices']>[number]) => object): ImportPlan {
  if (plan.format !== 'ees_tidy') throw new Error('not EES');
  return { ...plan, ees: { ...plan.ees, choices: plan.ees.choices!.map((c) => ({ ...c, ...change(c) })) } };
}

describe('filter choices', () => {
  it('default to the total where one is seen, otherwise to every value', () => {
    const header = ['time_period', 'characteristic', 'population_type', 'x'];
    const rows = [
      ['2025', 'Total', 'Starting', '1'],
      ['2025', 'Age 10 to 15', 'Ceasing', '2'],
      ['2025', 'All children', 'Starting', '3'],
    ];
    expect(filterChoices(header, [1, 2], rows)).toEqual([
      { column: 'characteristic', seen: ['Total', 'Age 10 to 15', 'All children'], rows: [1, 1, 1], complete: false, total: 'Total', chosen: ['Total'], others: false },
      { column: 'population_type', seen: ['Starting', 'Ceasing'], rows: [2, 1], complete: false, total: null, chosen: ['Starting', 'Ceasing'], others: true },
    ]);
    // Every row of the file: every value is listed, so none can be “further down”.
    expect(filterChoices(header, [2], rows, true)).toEqual([{ column: 'population_type', seen: ['Starting', 'Ceasing'], rows: [2, 1], complete: true, total: null, chosen: ['Starting', 'Ceasing'], others: false }]);
  });

  it('are counted in batches, in order of first sight, keeping at most the cap of values per filter', () => {
    const header = ['time_period', 'characteristic', 'x'];
    const counter = new FilterValueCounter(header.length, [1], 3);
    counter.add([['2025', 'Total', '1'], ['2025', 'Total', '2'], ['2025', 'A', '3'], ['bad row']]);
    counter.add([['2025', 'B', '4'], ['2025', 'A', '5'], ['2025', 'C', '6'], ['2025', 'Total', '7']]);
    expect(counter.rows).toBe(7);
    const [c] = counter.choices(header, true);
    // Past the cap the listing is not every value: the others are offered, and the count says “at least”.
    expect(c).toEqual({ column: 'characteristic', seen: ['Total', 'A', 'B'], rows: [3, 2, 1], complete: false, capped: true, total: 'Total', chosen: ['Total'], others: false });
    expect(asksForBreakdowns([c!], true)).toBe(true);
    expect(seriesCount(1, [{ ...c!, others: true }], true)).toEqual({ n: 1, atLeast: true });
  });

  it('ask when a filter has several values, or a total in a file that goes on', () => {
    const one = { column: 'category', seen: ['Factors identified at the end of assessment'], total: null, chosen: ['Factors identified at the end of assessment'], others: true };
    const total = { column: 'characteristic', seen: ['Total'], total: 'Total', chosen: ['Total'], others: false };
    expect(asksForBreakdowns([one], false)).toBe(false);
    expect(asksForBreakdowns([total], true)).toBe(false);
    expect(asksForBreakdowns([total], false)).toBe(true);
    expect(asksForBreakdowns([{ ...one, seen: ['a', 'b'] }], true)).toBe(true);
  });

  it('count the series: figure columns × values chosen, “at least” when more may follow', () => {
    const f = { column: 'characteristic', seen: ['Total', 'A', 'B'], total: 'Total', chosen: ['A', 'B'], others: false };
    expect(seriesCount(3, [f], true)).toEqual({ n: 6, atLeast: false });
    expect(seriesCount(3, [{ ...f, others: true }], false)).toEqual({ n: 6, atLeast: true });
    expect(choiceProblems([{ ...f, chosen: [] }])).toEqual(['Choose at least one value of characteristic.']);
  });

  it('the gate reads chosen values and values not seen when others are wanted, and counts what it leaves out', () => {
    const gate = new FilterGate(['characteristic'], [{ column: 'characteristic', seen: ['Total', 'A'], total: 'Total', chosen: ['Total'], others: false }]);
    const rows = ['Total', 'A', 'A', 'B', 'Total'];
    expect(rows.map((v) => gate.admits(v, () => [v]))).toEqual([true, false, false, false, true]);
    expect(gate.leftOut().get('characteristic')).toEqual({ rows: 3, values: new Set(['A', 'B']) });
  });
});

describe('EES filters as breakdowns when reading', () => {
  it('a file sorted by characteristic (as the benchmark file is): the step asks, the total alone is read by default, the rest counted', async () => {
    const file = textFile('by-characteristic.csv', sortedByCharacteristic(40));
    // The step shows at once, from the first 1,000 rows: a total, so more values may follow.
    const first = await firstLook(file);
    expect(first.needsMapping).toBe(true);
    expect(first.plan.format === 'ees_tidy' && first.plan.ees.choices).toEqual([{ column: 'characteristic', seen: ['Total'], rows: [999], complete: false, total: 'Total', chosen: ['Total'], others: false }]);
    const ins = await look(file);
    const groups = Array.from({ length: 40 }, (_, i) => `Group ${i + 1}`);
    // Every value of the file is listed, though the groups only begin after the first 1,000 rows.
    expect(ins.previewComplete).toBe(false);
    expect(ins.plan.format === 'ees_tidy' && ins.plan.ees.choices).toEqual([
      { column: 'characteristic', seen: ['Total', ...groups], rows: [1001, ...groups.map(() => 1)], complete: true, total: 'Total', chosen: ['Total'], others: false },
    ]);
    const res = await parse(file, ins.plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.series.map((s) => s.indicatorId)).toEqual(['referral_rate']);
    expect(res.value.rows).toBe(1001);
    expect(res.value.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^40 rows of 40 characteristic values not chosen were left out \(“Group 1”, “Group 2”/));
  });

  it('a value first met past the first 1,000 rows can be chosen, and only it is read beside the total', async () => {
    const file = textFile('by-characteristic.csv', sortedByCharacteristic(40));
    const plan = withChoices((await look(file)).plan, (c) => ({ chosen: [...c.chosen, 'Group 7'] }));
    const res = await parse(file, plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.series.map((s) => s.indicatorId).sort()).toEqual(['referral_rate', 'referral_rate__group_7']);
    expect(res.value.rows).toBe(1002);
  });

  it('the values are listed through the whole file, with progress, and the total alone throughout leaves nothing to choose', async () => {
    const file = textFile('by-characteristic.csv', sortedByCharacteristic(40));
    const ins = await firstLook(file);
    if (ins.plan.format !== 'ees_tidy') throw new Error('not EES');
    const progress: number[] = [];
    const listed = await listChoices(file, ins.plan.ees, (p) => progress.push(p.bytes / p.totalBytes));
    expect(listed.ok && listed.value[0]?.seen.length).toBe(41);
    expect(progress.at(-1)).toBe(1);
    // Only “Total” in 1,001 rows: nothing to choose once every row has been read.
    const totalOnly = await look(textFile('total-only.csv', sortedByCharacteristic(0)));
    expect(totalOnly.plan.format === 'ees_tidy' && choosable(totalOnly.plan.ees.choices ?? [], totalOnly.previewComplete)).toEqual([]);
    expect(totalOnly.plan.format === 'ees_tidy' && asksForBreakdowns(totalOnly.plan.ees.choices ?? [], totalOnly.previewComplete)).toBe(false);
  });

  it('lists the filters of the CSV inside an EES data set zip, and says when the zip holds none', async () => {
    const text = sortedByCharacteristic(3);
    const zip = new File([zipSync({ 'data/by-characteristic.csv': strToU8(text) })], 'by-characteristic.zip');
    const ins = await firstLook(zip);
    if (ins.plan.format !== 'ees_tidy') throw new Error('not EES');
    const listed = await listChoices(zip, ins.plan.ees);
    expect(listed.ok && listed.value[0]?.seen).toEqual(['Total', 'Group 1', 'Group 2', 'Group 3']);
    // A zip that does not hold the file any more (changed on disk meanwhile) is said, not listed.
    const other = new File([zipSync({ 'readme.txt': strToU8('Not data') })], 'by-characteristic.zip');
    const failed = await listChoices(other, ins.plan.ees);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.issues[0]?.severity).toBe('error');
  });

  it('every value when asked: one breakdown per value, each pointing at the indicator it breaks down', async () => {
    const file = textFile('by-characteristic.csv', sortedByCharacteristic(40));
    const plan = withChoices((await look(file)).plan, (c) => ({ chosen: [...c.seen] }));
    const res = await parse(file, plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.series).toHaveLength(41);
    const g7 = res.value.indicators.find((i) => i.id === 'referral_rate__group_7');
    expect(g7).toMatchObject({ label: 'Referrals to children’s social care in the year, rate per 10,000 children (Group 7)', breakdown: { of: 'referral_rate', by: 'characteristic', value: 'Group 7' } });
    // The total lands on the bundled indicator and is not a breakdown of anything.
    expect(res.value.indicators.find((i) => i.id === 'referral_rate')).toBeUndefined();
  });

  it('refuses past the limit of breakdowns, saying what to choose, before reading on', async () => {
    const file = textFile('by-characteristic.csv', sortedByCharacteristic(1005));
    // 1,006 values: the first 1,000 listed, the others offered as a whole.
    const plan = withChoices((await look(file)).plan, (c) => ({ chosen: [...c.seen], others: true }));
    const res = await parse(file, plan, known, { importId: 'imp' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues[0]!.message).toBe(
      'the values chosen of characteristic bring more than 1,000 breakdowns, the most one import may bring. Nothing was stored: choose fewer values (the total, or a few groups) in the mapping step.',
    );
  });

  it('the published looked-after file: its three population types are all read by default (no total), and can be narrowed', async () => {
    // cla_number_and_rate_per_10k_children_2021_to_2025.csv: population_type has three values and no total.
    const file = sourceFile('cla_number_and_rate_per_10k_children_2021_to_2025.csv');
    const ins = await look(file);
    expect(ins.needsMapping).toBe(true);
    const all = await parse(file, ins.plan, known, { importId: 'imp' });
    if (!all.ok) throw new Error(JSON.stringify(all.issues));
    const starting = all.value.indicators.find((i) => i.id === 'children_count__children_starting_to_be_looked_after_each_year');
    expect(starting?.breakdown).toEqual({ of: 'children_count', by: 'population_type', value: 'Children starting to be looked after each year' });

    const onlyAt31 = withChoices(ins.plan, () => ({ chosen: ['Children looked after on 31 March each year'], others: false }));
    const some = await parse(file, onlyAt31, known, { importId: 'imp' });
    if (!some.ok) throw new Error(JSON.stringify(some.issues));
    const ids = some.value.series.map((s) => s.indicatorId);
    expect(ids).toEqual(expect.arrayContaining(['cla_count', 'cla_rate']));
    expect(ids.some((id) => id.includes('starting') || id.includes('ceasing'))).toBe(false);
    // England, 31 March 2025: 81,770 children looked after (the file's children_count).
    expect(mergeSeries(some.value.series.filter((s) => s.indicatorId === 'cla_count'), { areaFilter: new Set(['E92000001']), from: 2025 })[0]?.value).toBe(81770);
  });

  it('a file with one category value throughout needs no choice (the referrals file)', async () => {
    const ins = await look(sourceFile('c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv'));
    expect(ins.needsMapping).toBe(false);
  });

  it('a breakdown survives export and import of the app’s data file', () => {
    const issues = new IssueList();
    const breakdown = { of: 'referral_rate', by: 'characteristic', value: 'Group 7' };
    const v = validateAppFile(
      { format: APP_FORMAT, version: 1, areas: [], observations: [], indicators: [{ id: 'referral_rate__group_7', label: 'Referral rate (Group 7)', unit: 'rate_per_10000', breakdown }, { id: 'odd', label: 'Odd', unit: 'count', breakdown: { of: 'bad id!' } }] },
      issues,
    );
    expect(v?.indicators[0]?.breakdown).toEqual(breakdown);
    expect(v?.indicators[1]?.breakdown).toBeUndefined();
  });
});

describe('the full lists joined to choices made from the first rows', () => {
  const first = (over: Partial<FilterChoice> = {}): FilterChoice => ({ column: 'characteristic', seen: ['Age 1', 'Age 2'], complete: false, total: null, chosen: ['Age 1', 'Age 2'], others: true, ...over });
  const listed: FilterChoice[] = [{ column: 'characteristic', seen: ['Age 1', 'Age 2', 'Total', 'Age 3'], rows: [5, 5, 9, 2], complete: true, total: 'Total', chosen: ['Total'], others: false }];

  it('an untouched filter takes the whole file’s default: the total found past the first rows', () => {
    expect(mergeListed([first()], listed, new Set())).toEqual(listed);
  });

  it('keeps what the user ticked, adding values found further down only when they asked for the others', () => {
    const ticked = first({ chosen: ['Age 2'], others: false });
    expect(mergeListed([ticked], listed, new Set(['characteristic']))[0]).toMatchObject({ seen: ['Age 1', 'Age 2', 'Total', 'Age 3'], complete: true, chosen: ['Age 2'], others: false });
    const withOthers = first({ chosen: ['Age 2'], others: true });
    // Every value now listed: “the others” are the values found further down, chosen by name.
    expect(mergeListed([withOthers], listed, new Set(['characteristic']))[0]).toMatchObject({ chosen: ['Age 2', 'Total', 'Age 3'], others: false });
  });

  it('a capped list keeps “the values not listed” as the user set it', () => {
    const capped: FilterChoice[] = [{ ...listed[0]!, complete: false, capped: true }];
    expect(mergeListed([first({ chosen: ['Age 1'], others: true })], capped, new Set(['characteristic']))[0]).toMatchObject({ chosen: ['Age 1', 'Total', 'Age 3'], others: true, capped: true });
    expect(mergeListed([first({ chosen: ['Age 1'], others: false })], capped, new Set(['characteristic']))[0]).toMatchObject({ chosen: ['Age 1'], others: false });
  });

  it('keeps the label from the metadata and leaves a filter not in the lists as it was', () => {
    const other = first({ column: 'population_type', label: 'Population' });
    const out = mergeListed([first({ label: 'Age of child' }), other], listed, new Set());
    expect(out[0]!.label).toBe('Age of child');
    expect(out[1]).toBe(other);
  });
});
