/**
 * Said and seen on the bundled data (data/bundle.json, built from the published files
 * in data/source): the figures each reading quotes are those of
 * c3_factors_identified_at_end_of_assessment_2018_to_2025.csv and
 * LA_Inspection_Outcomes_as_at_31_March_2025.ods, as bundle-figures.test.ts checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriesFromJson, type Bundle } from '../../../src/lib/model/bundle';
import { mergeSeries } from '../../../src/lib/model/series';
import type { AreaCode, Observation, Priority, SourceDocument, ThemeMention } from '../../../src/lib/model/types';
import { defaultTaxonomy } from '../../../src/lib/themes/default-taxonomy';
import { bundledThemeLinks, themeMeasures } from '../../../src/lib/themes/measure-links';
import { ASSOCIATION_NOTE, concernDirection, measureSentence, saidSeenRows, shortName, type SaidSeenInput } from '../../../src/lib/views/said-seen/said-seen';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;
const WORCS = 'E10000034';
const HEREFORD = 'E06000019';
const ENGLAND = 'E92000001';
const themes = defaultTaxonomy().taxonomy.themes.map((t) => ({ id: t.id, label: t.label }));
const links = themeMeasures(bundledThemeLinks(), []);

function input(
  code: AreaCode,
  extra: { priorities?: Priority[]; mentions?: ThemeMention[]; documents?: SourceDocument[]; from?: number; to?: number; level?: 95 | 99.8; average?: 'mean' | 'median' } = {},
): SaidSeenInput {
  const area = bundle.areas.find((a) => a.code === code)!;
  const neighbourCodes = bundle.neighbourModels.find((m) => m.id === 'sn2025')!.neighbours[code]!.map((l) => l.code);
  const wanted = new Set([code, ENGLAND, ...neighbourCodes]);
  const observations = new Map<string, Observation[]>();
  for (const t of links.values())
    for (const m of t.measures) {
      const json = bundle.series.filter((s) => s.indicatorId === m.indicatorId);
      observations.set(m.indicatorId, mergeSeries(json.map((j) => seriesFromJson('bundled', j)), { areaFilter: wanted }));
    }
  const docs = [...bundle.documents, ...(extra.documents ?? [])].filter((d) => d.areaCode === code).map(({ text: _t, ...head }) => head);
  return {
    area,
    themes,
    links,
    indicators: new Map(bundle.indicators.map((i) => [i.id, i])),
    observations,
    neighbourCodes,
    priorities: [...(bundle.priorities ?? []), ...(extra.priorities ?? [])].filter((p) => p.areaCode === code),
    mentions: [...(bundle.themeMentions ?? []), ...(extra.mentions ?? [])].filter((m) => m.areaCode === code),
    documents: docs,
    inspections: bundle.inspections!.inspections.filter((i) => i.areaCode === code),
    from: extra.from,
    to: extra.to,
    level: extra.level,
    average: extra.average,
    href: {
      sentence: (p) => `#/themes?doc=${p.documentId}&at=${p.start}`,
      cell: (p) => `#/themes?theme=${p.themeId}&area=${p.areaCode}&from=${p.period}&to=${p.period}`,
    },
  };
}
const row = (rows: ReturnType<typeof saidSeenRows>, id: string) => rows.find((r) => r.themeId === id)!;

describe('said and seen, Worcestershire (bundled figures and documents)', () => {
  const rows = saidSeenRows(input(WORCS));

  it('has one row per theme of the taxonomy', () => {
    expect(rows.map((r) => r.themeId)).toEqual(themes.map((t) => t.id));
  });

  it('domestic abuse: 37.8% (1,772 of 4,693) against England’s 31.7% in 2024-25, seen but not said, naming the documents (none held for those years)', () => {
    const r = row(rows, 'domestic_abuse');
    const parent = r.seen.find((m) => m.indicator.id === 'factor_domestic_abuse_parent')!;
    expect(parent.latest).toMatchObject({ period: 2025, value: 37.8, england: 31.7, vsEngland: 'higher' });
    expect(parent.latest!.neighbours!.of).toBe(10);
    expect(parent.worse).toBe(true);
    expect(r.reading).toContain('Domestic abuse concerning a parent or carer was a factor in 37.8% of assessments in 2024-25: significantly higher than England (31.7%)');
    expect(r.flags.map((f) => f.kind)).toEqual(['seen_not_said']);
    expect(r.flags[0]!.text).toBe(
      'Domestic abuse concerning a parent or carer was significantly higher than England in 2024-25 (37.8% against 31.7%; 95% level), and the theme “Domestic abuse” was neither named a priority nor discussed in any document held for 2023-24 or 2024-25.',
    );
    expect(r.flags[0]!.basis).toBe('Based on the documents held for Worcestershire: none for 2023-24 or 2024-25.');
  });

  it('each figure’s recent trend by Fingertips’ test over 2020-21 to 2024-25: parents’ mental health 37.5% → 46.9% increasing; domestic abuse (39.3%, 34.7%, 38.1%, 37.5%, 37.8%) no significant change', () => {
    const mh = row(rows, 'mental_health').seen.find((m) => m.indicator.id === 'factor_mental_health_parent')!;
    expect(mh.trend).toBe('↑ increasing');
    const da = row(rows, 'domestic_abuse').seen.find((m) => m.indicator.id === 'factor_domestic_abuse_parent')!;
    expect(da.trend).toBe('→ no significant change');
    expect(row(rows, 'inspection').seen.every((m) => m.trend === null)).toBe(true);
  });

  it('the flag goes when a document for 2024-25 names domestic abuse a priority', () => {
    const doc = { id: 'd1', areaCode: WORCS, period: 2025, title: 'Partnership minutes, March 2025', source: 'test', text: '', hash: 'h', importId: 'i1' };
    const priority: Priority = { id: 'p1', areaCode: WORCS, period: 2025, label: 'Domestic abuse', themeIds: ['domestic_abuse'], documentId: 'd1', evidence: { start: 10, end: 40, sentence: 'Our priority for 2024-25 is domestic abuse.' }, importId: 'i1' };
    const r = row(saidSeenRows(input(WORCS, { documents: [doc], priorities: [priority] })), 'domestic_abuse');
    expect(r.flags).toEqual([]);
    expect(r.priorities).toEqual([{ period: 2025, label: 'Domestic abuse', sentence: 'Our priority for 2024-25 is domestic abuse.', documentTitle: 'Partnership minutes, March 2025', href: '#/themes?doc=d1&at=10' }]);
    expect(r.reading).toBe(
      'Named a priority in 2024-25; discussed in the documents for 2020-21. Domestic abuse concerning a parent or carer was a factor in 37.8% of assessments in 2024-25: significantly higher than England (31.7%) and the neighbours’ average (36.0%) (95% level). 2 more linked figures under “Seen”.',
    );
  });

  it('neglect: 19.1% (896 of 4,693) against England’s 17.6%; neither a priority nor discussed in the two documents held', () => {
    const r = row(rows, 'neglect');
    expect(r.seen[0]!.latest).toMatchObject({ value: 19.1, england: 17.6, vsEngland: 'higher' });
    expect(r.reading).toMatch(/^Neither named a priority nor discussed in the 2 documents held \(2016-17 and 2020-21\)\. Neglect was a factor in 19\.1% of assessments in 2024-25: significantly higher than England \(17\.6%\)/);
  });

  it('domestic abuse was discussed in the 2020/21 annual report: the year links to the evidence', () => {
    const r = row(rows, 'domestic_abuse');
    expect(r.discussed.map((d) => d.period)).toEqual([2021]);
    expect(r.discussed[0]).toMatchObject({ documentTitle: 'Worcestershire Safeguarding Children Partnership Annual report 2020/21', href: `#/themes?theme=domestic_abuse&area=${WORCS}&from=2021&to=2021` });
    expect(r.discussed[0]!.sentence).toBeTruthy();
  });

  it('early help: named a priority in 2016-17, no figure linked: said but not seen, on the 2016/17 annual report', () => {
    const r = row(rows, 'early_help');
    expect(r.noMeasure).toMatch(/^No early help figures are bundled/);
    expect(r.priorities.map((p) => p.period)).toEqual([2017]);
    expect(r.flags).toEqual([
      {
        kind: 'said_not_seen',
        title: 'Said but not seen',
        text: 'The theme “Early help” was named a priority in 2016-17 (“Early Help”), but no published figure the app holds is linked to it.',
        basis: 'Based on “Worcestershire Safeguarding Children Board Annual Report 2016/17 (Overview and Scrutiny minutes)” (2016-17).',
      },
    ]);
  });

  it('inspection: the judgement in words with its date, never tested against England', () => {
    const r = row(rows, 'inspection');
    const overall = r.seen.find((m) => m.indicator.id === 'ilacs_overall')!;
    expect(overall.judgement).toBe('★ Good (inspected 15 May 2023)');
    expect(overall.direction).toBeNull();
    expect(r.reading).toContain('Ofsted overall judgement: ★ Good (inspected 15 May 2023).');
  });

  it('workforce: no counts are published, so nothing is tested or flagged', () => {
    const r = row(rows, 'workforce');
    expect(r.seen.find((m) => m.indicator.id === 'sw_turnover_pct')!.latest).toMatchObject({ value: 12.3, england: 11.8, vsEngland: 'not_compared' });
    expect(r.flags).toEqual([]);
  });
});

describe('said and seen, Herefordshire', () => {
  it('2023-24 factors are u (low reliability): read as no figure for that year, never as a share', () => {
    const r = row(saidSeenRows(input(HEREFORD, { to: 2024 })), 'neglect');
    expect(r.seen[0]!.latest).toMatchObject({ period: 2024, value: null, status: 'u', vsEngland: 'not_compared' });
    expect(r.reading).toContain('Neglect: no figure for 2023-24 (low reliability).');
  });

  it('neglect, a priority in 2016-17, higher than England in 2020-21: a priority four years before does not count as said', () => {
    const r = row(saidSeenRows(input(HEREFORD, { from: 2017, to: 2021 })), 'neglect');
    expect(r.priorities.map((p) => p.label)).toEqual(['childhood neglect']);
    // Neglect 2020-21: 20.8% (230 of 1,105) against England's 17.2%.
    expect(r.seen[0]!.latest).toMatchObject({ period: 2021, value: 20.8, england: 17.2, vsEngland: 'higher' });
    expect(r.flags.map((f) => [f.kind, f.basis])).toEqual([['seen_not_said', 'Based on the documents held for Herefordshire: none for 2019-20 or 2020-21.']]);
  });

  it('missing children, a priority in 2016-17: its figure for 2017-18 (the first published) was similar to England, so said but not seen', () => {
    const r = row(saidSeenRows(input(HEREFORD, { from: 2017, to: 2021 })), 'missing');
    expect(r.flags.map((f) => f.text)).toEqual([
      'The theme “Missing children” was named a priority in 2016-17 (“child sexual exploitation and missing children”), but its linked figure (going missing) was similar to England in 2017-18 (95% level).',
    ]);
    expect(r.flags[0]!.basis).toBe('Based on “Herefordshire Safeguarding Children Board (HSCB) Annual Report 2016/17” (2016-17).');
  });

  it('the inspection row says Inadequate (18 July 2022)', () => {
    const r = row(saidSeenRows(input(HEREFORD)), 'inspection');
    expect(r.seen.find((m) => m.indicator.id === 'ilacs_overall')!.judgement).toBe('✕ Inadequate (inspected 18 July 2022)');
  });
});

describe('the level and the neighbours’ average the link chose (Walsall, 2024-25)', () => {
  const WALSALL = 'E08000030';
  const measure = (rows: ReturnType<typeof saidSeenRows>, theme: string, id: string) => row(rows, theme).seen.find((m) => m.indicator.id === id)!;

  // Referrals with no further action (c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv): 249 of 3,355 = 7.4% against England's 6.5%.
  // Wilson's 95% interval around the published 7.4% (6.56% to 8.34%) lies above 6.5%; its 99.8% interval (6.12% to 8.92%) holds it.
  it('no further action: significantly higher than England at 95%, similar at 99.8%, and each says its level', () => {
    const at95 = measure(saidSeenRows(input(WALSALL)), 'front_door', 'no_further_action_percent');
    expect(at95.latest).toMatchObject({ period: 2025, value: 7.4, england: 6.5, vsEngland: 'higher', level: 95 });
    expect(measureSentence(at95, 'Walsall')).toBe('Referrals with no further action %: 7.4% in 2024-25: significantly higher than England (6.5%) and the neighbours’ average (5.3%) (95% level).');
    const at998 = measure(saidSeenRows(input(WALSALL, { level: 99.8 })), 'front_door', 'no_further_action_percent');
    expect(at998.latest).toMatchObject({ vsEngland: 'similar', level: 99.8 });
    expect(measureSentence(at998, 'Walsall')).toBe('Referrals with no further action %: 7.4% in 2024-25: similar to England (6.5%) and significantly higher than the neighbours’ average (5.3%) (99.8% level).');
    expect(row(saidSeenRows(input(WALSALL, { level: 99.8 })), 'front_door').reading).toContain('(99.8% level)');
  });

  // Domestic abuse concerning a parent: 968 of 2,637 = 36.7%. The neighbours' mean is 37.9%
  // (inside Walsall's 95% interval, 34.9% to 38.6%); their median, 40.5%, lies above it.
  it('domestic abuse (parent): similar to the neighbours’ mean, significantly lower than their median, the average named', () => {
    const mean = measure(saidSeenRows(input(WALSALL)), 'domestic_abuse', 'factor_domestic_abuse_parent');
    expect(mean.latest!.neighbours).toMatchObject({ n: 10, of: 10, average: 'mean' });
    expect(mean.latest!.neighbours!.value).toBeCloseTo(37.92, 2);
    expect(mean.latest!.vsNeighbours).toBe('similar');
    expect(measureSentence(mean, 'Walsall')).toContain('significantly higher than England (31.7%) and similar to the neighbours’ average (37.9%) (95% level).');
    const median = measure(saidSeenRows(input(WALSALL, { average: 'median' })), 'domestic_abuse', 'factor_domestic_abuse_parent');
    expect(median.latest!.neighbours).toMatchObject({ value: 40.5, average: 'median' });
    expect(median.latest!.vsNeighbours).toBe('lower');
    expect(measureSentence(median, 'Walsall')).toContain('significantly higher than England (31.7%) and significantly lower than the neighbours’ median (40.5%) (95% level).');
  });

  it('the seen-but-not-said flag names the level it was tested at', () => {
    const flag = (level: 95 | 99.8) => row(saidSeenRows(input(WALSALL, { level })), 'domestic_abuse').flags[0]!.text;
    expect(flag(95)).toMatch(/^Domestic abuse concerning a parent or carer was significantly higher than England in 2024-25 \(36\.7% against 31\.7%; 95% level\),/);
    expect(flag(99.8)).toContain('(36.7% against 31.7%; 99.8% level)');
  });
});

describe('wording', () => {
  it('names factors as DfE does, and flags only a direction the data gives', () => {
    expect(shortName({ id: 'factor_domestic_abuse_parent', shortLabel: 'Factor: domestic abuse (parent) %' })).toBe('domestic abuse concerning a parent or carer');
    expect(concernDirection({ polarity: 'lower_is_better', unit: 'percent' }, false)).toBe('higher');
    expect(concernDirection({ polarity: 'neither', unit: 'percent' }, false)).toBeNull();
    expect(concernDirection({ polarity: 'neither', unit: 'percent' }, true)).toBe('higher');
    expect(ASSOCIATION_NOTE).toMatch(/association, not a judgement of the partnership/);
  });
});
