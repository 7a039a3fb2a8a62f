import { describe, expect, it } from 'vitest';
import { APP_FORMAT, buildAppFile, parseJsonText, validateAppFile } from '../../../src/lib/import/app-json';
import { IssueList } from '../../../src/lib/import/issues';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import { known, textFile } from './helpers';

const good = {
  format: APP_FORMAT,
  version: 1,
  areas: [{ code: 'X00000001', name: 'Barsetshire', level: 'local_authority', aliases: ['Barsetshire'] }],
  indicators: [{ id: 'local_contacts', label: 'Local contacts', shortLabel: 'Contacts', unit: 'count', polarity: 'neither', definition: '', source: 'test', decimals: 0 }],
  observations: [
    { indicatorId: 'local_contacts', areaCode: 'X00000001', period: 2025, value: 12 },
    { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: '2023-24', value: null, status: 'c' },
    { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 43.5, numerator: 522, denominator: 120119 },
  ],
};

describe('validateAppFile', () => {
  it('reads a good file', () => {
    const issues = new IssueList();
    const v = validateAppFile(good, issues);
    expect(issues.list()).toEqual([]);
    expect(v?.observations).toEqual([
      { indicatorId: 'local_contacts', areaCode: 'X00000001', period: 2025, value: 12, status: null },
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2024, value: null, status: 'c' },
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 43.5, status: null, numerator: 522, denominator: 120119 },
    ]);
  });

  it.each([
    [{ ...good, format: 'other' }, 'not a Safeguarding Lens data file'],
    [{ ...good, version: 99 }, 'newer than this app can read'],
    [{ ...good, observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: '0' }] }, 'observations item 1: “0” is not a number'],
    [{ ...good, observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: null, status: 'zero' }] }, 'is not one of'],
    [{ ...good, observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 1066, value: 1 }] }, 'is not a year'],
    [{ ...good, areas: [{ code: 'Z1', name: 'x', level: 'local_authority' }] }, 'areas item 1'],
  ])('reports %#', (json, message) => {
    const issues = new IssueList();
    validateAppFile(json, issues);
    expect(issues.list().map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('a dashboard file given to the data import', () => {
  it('is refused with a pointer to where it opens', () => {
    const issues = new IssueList();
    expect(validateAppFile({ format: 'safeguarding-lens/dashboard', version: 1, view: '#/compare', data: {} }, issues)).toBeNull();
    expect(issues.list()[0]?.message).toMatch(/this is a dashboard file .*open it with “Open a dashboard file” on the Data page/);
  });
});

describe('parseJsonText', () => {
  it('tells a truncated file from a malformed one', () => {
    const text = JSON.stringify(good);
    const a = new IssueList();
    parseJsonText(text.slice(0, 50), a);
    expect(a.errors[0]?.message).toContain('stops before it is complete');
    const b = new IssueList();
    parseJsonText('{"format": x}', b);
    expect(b.errors[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('app JSON import', () => {
  it('adds the file’s new areas and indicators and reads its observations into series', async () => {
    const file = textFile('data.json', JSON.stringify(good));
    const ins = await inspect(file, known);
    expect(ins.ok && ins.value.plan).toEqual({ format: 'app_json' });
    const res = await parse(file, { format: 'app_json' }, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.value.areas.map((a) => a.code)).toEqual(['X00000001']);
    expect(res.value.indicators.map((i) => i.id)).toEqual(['local_contacts']);
    expect(res.value.unknownAreas).toEqual([]);
    expect(res.value.series.map((s) => [s.indicatorId, s.periods.length])).toEqual([
      ['local_contacts', 1],
      ['cpp_rate', 2],
    ]);
  });

  it('rejects an observation of an indicator defined nowhere', async () => {
    const json = { ...good, observations: [{ indicatorId: 'mystery', areaCode: 'E10000034', period: 2025, value: 1 }] };
    const res = await parse(textFile('m.json', JSON.stringify(json)), { format: 'app_json' }, known, { importId: 'imp' });
    expect(!res.ok && res.issues[0]?.message).toContain('“mystery” is neither');
  });

  it('buildAppFile writes what validateAppFile reads back', () => {
    const issues = new IssueList();
    const v = validateAppFile(good, issues)!;
    const again = validateAppFile(JSON.parse(JSON.stringify(buildAppFile({ ...v, observations: v.observations.map((o) => ({ ...o, importId: 'x' })) }, 'test'))), issues);
    expect(issues.list()).toEqual([]);
    expect(again).toEqual(v);
  });
});

describe('fields a priority does not have (issue 14, item 7)', () => {
  it('are dropped, and a made-up edit time is not kept', () => {
    const issues = new IssueList();
    const hostile = JSON.parse(
      '{"id":"p1","areaCode":"E10000034","period":2021,"label":"Neglect","themeIds":["neglect",7],"constructor":{"prototype":{"polluted":true}},"__proto__":{"polluted":true},"editedAt":"9999","extra":"x","evidence":{"start":1,"end":5,"sentence":"Neglect","html":"<b>"}}',
    );
    const v = validateAppFile({ ...good, priorities: [hostile] }, issues);
    expect(issues.list()).toEqual([]);
    expect(v?.priorities).toEqual([{ id: 'p1', areaCode: 'E10000034', period: 2021, label: 'Neglect', themeIds: ['neglect'], evidence: { start: 1, end: 5, sentence: 'Neglect' }, importId: '' }]);
    expect(Object.getOwnPropertyNames(v!.priorities[0])).not.toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps a real edit time', () => {
    const issues = new IssueList();
    const v = validateAppFile({ ...good, priorities: [{ id: 'p', areaCode: 'E10000034', period: 2021, label: 'x', themeIds: [], userEdited: true, editedAt: '2026-04-08T10:00:00.000Z' }] }, issues);
    expect(v?.priorities[0]).toMatchObject({ userEdited: true, editedAt: '2026-04-08T10:00:00.000Z' });
  });
});
