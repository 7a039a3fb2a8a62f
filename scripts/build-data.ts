/**
 * Builds data/bundle.json, the app's bundled data, from the published files in
 * data/source/ (byte copies of ../shared/data; see data/source/PROVENANCE.md) and
 * the seed minutes in data/seeds/. Run with `npm run data`.
 *
 * Nothing is typed in by hand except the choice of measures, their plain-language
 * labels, and the seed documents' titles; every figure comes from a source file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { eesAreaCodes, readCsv, type AreaLookup, type Row } from './bundle/csv';
import { FACTORS_FILE, factorIndicators, readFactors } from './bundle/factors';
import { ilacsIndicators, INSPECTIONS_FILE, readInspections } from './bundle/inspections';
import type { Obs } from './bundle/types';
import { areaNameKey } from '../src/lib/model/area-names';
import { parseCell } from '../src/lib/model/status';
import { formatPeriod, parsePeriod } from '../src/lib/model/period';
import { seriesToJson, BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../src/lib/model/bundle';
import { buildMap } from './build-map';
import { documentRecords } from '../src/lib/themes/tag-document';
import { EES_COLUMNS, LAIT_MEASURES, matchesWhere, type EesColumn } from '../src/lib/import/known-columns';
import type { Area, DataSource, Indicator, NeighbourModel, Polarity, SourceDocument } from '../src/lib/model/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = (f: string) => join(root, 'data', 'source', f);

const SOURCES: DataSource[] = [
  {
    id: 'dfe_lait',
    title: 'Local Authority Interactive Tool (LAIT), children’s social care measures',
    publisher: 'Department for Education',
    url: 'https://www.gov.uk/government/publications/local-authority-interactive-tool-lait',
    licence: 'Open Government Licence v3.0',
    vintage: 'LAIT data release of 8 April 2026 (CIN and CLA outcomes for 2025); dfe-analytical-services/local-authority-interactive-tool @ 2e30e39',
    files: ['dfe_lait_bds_long_csc_subset_2016_2025.csv', 'dfe_lait_data_dictionary.csv'],
  },
  {
    id: 'dfe_cin',
    title: 'Characteristics of children in need (Explore Education Statistics)',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need',
    licence: 'Open Government Licence v3.0',
    vintage: 'EES downloads kept in dfe-analytical-services/CSC_outcomes_and_enablers (2013 to 2024 and 2013 to 2025 editions; counts from the 2025 editions, which agree with the 2024 ones for every earlier year)',
    files: [
      'b1_children_in_need_2013_to_2025.csv',
      'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
      'b1_children_in_need_2013_to_2024.csv',
      'c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv',
      'c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv',
      'd3_cpps_subsequent_plan_2013_to_2025.csv',
      'd5_cpps_at31march_by_duration_2013_to_2025.csv',
    ],
  },
  {
    id: 'dfe_cin_factors',
    title: 'Characteristics of children in need: factors identified at the end of assessment (Explore Education Statistics)',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need',
    licence: 'Open Government Licence v3.0',
    vintage: '2018 to 2025 edition, via dfe-analytical-services/CSC_outcomes_and_enablers @ c19350f; percentages worked out from its counts as DfE defines them',
    files: [FACTORS_FILE],
  },
  {
    id: 'dfe_csww',
    title: 'Children’s social work workforce (Explore Education Statistics)',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/children-s-social-work-workforce',
    licence: 'Open Government Licence v3.0',
    vintage: '2017 to 2025 edition (years to 30 September), via dfe-analytical-services/CSC_outcomes_and_enablers @ 10a68d8',
    files: ['csww_indicators_2017_to_2025.csv'],
  },
  {
    id: 'ofsted_inspections',
    title: 'Local authority inspection outcomes (inspections of local authority children’s services, ILACS)',
    publisher: 'Ofsted',
    url: 'https://www.gov.uk/government/collections/childrens-social-care-statistics',
    licence: 'Open Government Licence v3.0',
    vintage: 'As at 31 March 2025, published 25 September 2025 (official statistics), via dfe-analytical-services/CSC_outcomes_and_enablers @ b4e78a2',
    files: [INSPECTIONS_FILE],
  },
  {
    id: 'dfe_cla',
    title: 'Children looked after in England including adoptions (Explore Education Statistics)',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions',
    licence: 'Open Government Licence v3.0',
    vintage: '2021 to 2025 edition, via dfe-analytical-services/CSC_outcomes_and_enablers @ 2f5d11a',
    files: ['cla_number_and_rate_per_10k_children_2021_to_2025.csv'],
  },
  {
    id: 'ons_population',
    title: 'Mid-year population estimates, children aged 0 to 17',
    publisher: 'Office for National Statistics (in DfE’s EES layout)',
    url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates',
    licence: 'Open Government Licence v3.0',
    vintage: 'Mid-2012 to mid-2024 estimates, via dfe-analytical-services/CSC_outcomes_and_enablers @ 2f5d11a',
    files: ['ons_mid-year_population_estimates_2012_to_2024.csv'],
  },
  {
    id: 'dfe_statistical_neighbours',
    title: 'Children’s services statistical neighbour benchmarking tool',
    publisher: 'Department for Education',
    url: 'https://www.gov.uk/government/publications/local-authority-interactive-tool-lait',
    licence: 'Open Government Licence v3.0',
    vintage: '2025 model and April 2021 groupings',
    files: [
      'dfe_statistical_neighbours_sn_model_2025_wide.csv',
      'dfe_statistical_neighbours_New_Statistical_Neighbour_Groupings_April_2021.csv',
    ],
  },
  {
    id: 'council_minutes',
    title: 'Council committee minutes and reports on safeguarding children partnerships',
    publisher: 'Worcestershire County Council, Walsall Council, Solihull Metropolitan Borough Council, Herefordshire Council',
    url: '',
    licence: 'Published council minutes (public record); quoted as evidence',
    vintage: 'Seed documents supplied with the project',
    files: ['seeds/*.txt'],
  },
];

// ---------------------------------------------------------------- areas

/** Areas from the EES files: they carry both the DfE LA number and the GSS code. */
function buildAreas(): { areas: Area[]; byOldCode: Map<number, Area>; byKey: Map<string, Area>; codeRemap: Map<string, string> } {
  const files = [...SOURCES.find((s) => s.id === 'dfe_cin')!.files, ...SOURCES.find((s) => s.id === 'dfe_cla')!.files, ...SOURCES.find((s) => s.id === 'ons_population')!.files];
  // For each LA number, the GSS code seen in the latest year is the current one.
  const las = new Map<number, { code: string; name: string; year: number; names: Set<string>; codes: Set<string>; region: string }>();
  const regions = new Map<string, string>();
  for (const f of files) {
    for (const r of readCsv(src(f))) {
      const year = Number(r.time_period!.slice(0, 4));
      if (r.geographic_level === 'Regional') regions.set(r.region_code!, r.region_name!);
      if (r.geographic_level !== 'Local authority') continue;
      const old = Number(r.old_la_code);
      const entry = las.get(old) ?? { code: r.new_la_code!, name: r.la_name!, year, names: new Set(), codes: new Set(), region: r.region_code! };
      entry.names.add(r.la_name!);
      entry.codes.add(r.new_la_code!);
      if (year >= entry.year) {
        entry.code = r.new_la_code!;
        entry.name = r.la_name!;
        entry.year = year;
        entry.region = r.region_code!;
      }
      las.set(old, entry);
    }
  }
  const LONDON = 'E12000007';
  const areas: Area[] = [
    { code: 'E92000001', name: 'England', level: 'national', aliases: ['England'], importId: 'bundled' },
  ];
  for (const [code, name] of [...regions].sort()) {
    // DfE splits London into Inner and Outer London (E13…); they sit under the London region.
    const sub = code.startsWith('E13');
    areas.push({
      code,
      name,
      level: 'regional',
      ...(sub ? { regionCode: LONDON } : {}),
      aliases: sub ? [name, `London (${name.split(' ')[0]})`] : [name],
      importId: 'bundled',
    });
  }
  const codeRemap = new Map<string, string>();
  for (const [old, e] of [...las].sort((a, b) => a[0] - b[0])) {
    const names = [...e.names];
    // "Herefordshire, County of" is the official form; charts and councillors say "Herefordshire".
    const name = e.name.replace(/,\s*(County|City) of$/, '');
    if (!names.includes(name)) names.push(name);
    const previous = [...e.codes].filter((c) => c !== e.code);
    for (const p of previous) codeRemap.set(p, e.code);
    areas.push({
      code: e.code,
      name,
      level: 'local_authority',
      regionCode: e.region.startsWith('E13') ? LONDON : e.region,
      oldLaCode: old,
      aliases: names,
      ...(previous.length ? { previousCodes: previous } : {}),
      importId: 'bundled',
    });
  }
  const byOldCode = new Map(areas.filter((a) => a.oldLaCode !== undefined).map((a) => [a.oldLaCode!, a]));
  const byKey = new Map<string, Area>();
  for (const a of areas) for (const n of a.aliases) byKey.set(areaNameKey(n), a);
  return { areas, byOldCode, byKey, codeRemap };
}

/**
 * Authorities abolished in a reorganisation keep their figures under a name that says
 * when they ended ("Dorset (to 2018-19)"), and leave any name they shared to the
 * authority that has it now, so a file that says "Dorset" lands on today's Dorset.
 * `lastYear`: each area's last year with a figure. Run after the LAIT names
 * ("Dorset (Pre LG)") have been added as aliases.
 */
function settleSharedNames(areas: Area[], lastYear: Map<string, number>): void {
  const las = areas.filter((a) => a.level === 'local_authority');
  const latest = Math.max(...lastYear.values());
  const yearOf = (a: Area) => lastYear.get(a.code) ?? latest;
  const owner = new Map<string, Area>();
  for (const a of las) {
    for (const n of a.aliases) {
      const k = areaNameKey(n);
      const current = owner.get(k);
      if (!current || yearOf(a) > yearOf(current)) owner.set(k, a);
    }
  }
  for (const a of las) {
    a.aliases = a.aliases.filter((n) => owner.get(areaNameKey(n)) === a);
    if (yearOf(a) < latest) {
      a.name = `${a.name} (to ${formatPeriod(yearOf(a))})`;
      a.aliases.push(a.name);
    }
  }
}

function addAlias(area: Area, name: string): void {
  if (!area.aliases.some((a) => a === name)) area.aliases.push(name);
}

// ---------------------------------------------------------------- indicators

// LAIT_MEASURES (which LAIT measures are bundled, and their labels) live in src/lib/import/known-columns.ts.

const POLARITY: Record<string, Polarity> = { High: 'higher_is_better', Low: 'lower_is_better', '-': 'neither' };

function laitDictionary(): Map<string, Row> {
  const dict = new Map<string, Row>();
  for (const r of readCsv(src('dfe_lait_data_dictionary.csv'))) if (!dict.has(r.Measure_short!)) dict.set(r.Measure_short!, r);
  return dict;
}

/** The dictionary's description, first paragraph only: enough to define it next to a chart. */
function definitionOf(row: Row | undefined): string {
  const text = (row?.Description ?? '').split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim();
  return text;
}

// ---------------------------------------------------------------- observations

function laitObservations(byOldCode: Map<number, Area>, byKey: Map<string, Area>): { obs: Obs[]; unmatched: Set<string> } {
  const wanted = new Map(LAIT_MEASURES.map((m) => [m.lait, m.id]));
  const obs: Obs[] = [];
  const unmatched = new Set<string>();
  for (const r of readCsv(src('dfe_lait_bds_long_csc_subset_2016_2025.csv'))) {
    const id = wanted.get(r['Short Desc']!);
    if (!id) continue;
    const name = r['LA and Regions']!;
    const num = Number(r['LA Number']);
    // LA numbers identify authorities; England (970) and regions (980–990) only by name.
    const area = (num < 970 ? byOldCode.get(num) : undefined) ?? byKey.get(areaNameKey(name));
    if (!area) {
      unmatched.add(`${num} ${name}`);
      continue;
    }
    addAlias(area, name);
    const period = parsePeriod(r.Years!);
    const cell = parseCell(r.Values!);
    if (period === null || cell === null) throw new Error(`LAIT: cannot read ${r.Years} / ${r.Values}`);
    // LAIT writes floats as 64.599999999999994; round to the dictionary's precision.
    const value = cell.value === null ? null : Math.round(cell.value * 1e6) / 1e6;
    obs.push({ indicatorId: id, areaCode: area.code, period, value, status: cell.status });
  }
  return { obs, unmatched };
}

/**
 * EES measures bundled: which file each comes from, and the column where a later
 * edition renamed it; names, labels and filters are in known-columns.ts.
 */
const CIN_B1 = 'b1_children_in_need_2013_to_2025.csv';
const CIN_C1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const CSWW = 'csww_indicators_2017_to_2025.csv';
const EES_FILES: { id: string; file: string; column?: string }[] = [
  { id: 'cpp_count', file: 'd5_cpps_at31march_by_duration_2013_to_2025.csv' },
  { id: 'cpp_started_count', file: 'd3_cpps_subsequent_plan_2013_to_2025.csv' },
  { id: 'cpp_subsequent_count', file: 'd3_cpps_subsequent_plan_2013_to_2025.csv' },
  { id: 'cin_count', file: CIN_B1 },
  { id: 'referral_count', file: CIN_C1, column: 'referral_count' },
  { id: 'rereferral_count', file: CIN_C1, column: 'rereferral_count' },
  { id: 's47_count', file: 'c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv' },
  { id: 'icpc_count', file: 'c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv' },
  { id: 'cla_count', file: 'cla_number_and_rate_per_10k_children_2021_to_2025.csv' },
  { id: 'child_population', file: 'ons_mid-year_population_estimates_2012_to_2024.csv' },
  { id: 'sw_turnover_pct', file: CSWW },
  { id: 'sw_agency_pct', file: CSWW },
  { id: 'sw_vacancy_pct', file: CSWW },
  { id: 'sw_caseload', file: CSWW },
  { id: 'sw_absence_pct', file: CSWW },
];

/** Counts read only as numerators of a bundled percentage, not bundled as indicators of their own. */
const NUMERATOR_ONLY: { id: string; file: string; column: string }[] = [
  { id: 'no_further_action_count', file: CIN_C1, column: 'no_further_action_count' },
  { id: 'not_in_need_count', file: CIN_C1, column: 'not_in_need_count' },
];

const EES_MEASURES: (EesColumn & { file: string })[] = EES_FILES.map(({ id, file, column }) => {
  const known = EES_COLUMNS.find((c) => c.id === id);
  if (!known) throw new Error(`known-columns.ts has no EES column for ${id}`);
  return { ...known, ...(column ? { column } : {}), file };
});

function eesObservations(lookup: AreaLookup, measures: (Pick<EesColumn, 'id' | 'column' | 'where' | 'periodShift'> & { file: string })[]): Obs[] {
  const obs: Obs[] = [];
  const cache = new Map<string, Row[]>();
  for (const m of measures) {
    const rows = cache.get(m.file) ?? readCsv(src(m.file));
    cache.set(m.file, rows);
    if (rows[0] && !(m.column in rows[0])) throw new Error(`${m.file}: no column ${m.column} for ${m.id}`);
    for (const r of rows) {
      if (!matchesWhere(m.where, (c) => r[c])) continue;
      const codes = eesAreaCodes(r, lookup);
      const period = parsePeriod(r.time_period!);
      const cell = parseCell(r[m.column] ?? '');
      if (period === null || cell === null) throw new Error(`${m.file}: cannot read ${m.column}=${r[m.column]} for ${codes.join(' / ')} ${r.time_period}`);
      for (const areaCode of codes) obs.push({ indicatorId: m.id, areaCode, period: period + (m.periodShift ?? 0), value: cell.value, status: cell.status });
    }
  }
  return obs;
}

/**
 * Rate series where both counts exist carry numerator and denominator, for confidence
 * intervals. Rates per 10,000 follow DfE's method: the count ÷ the ONS mid-year
 * estimate of children aged 0–17 of the year before (child_population is already
 * shifted to the year it serves) × 10,000.
 */
const NUMERATOR_DENOMINATOR: Record<string, [string, string]> = {
  cpp_rate: ['cpp_count', 'child_population'],
  cin_rate: ['cin_count', 'child_population'],
  referral_rate: ['referral_count', 'child_population'],
  s47_rate: ['s47_count', 'child_population'],
  icpc_rate: ['icpc_count', 'child_population'],
  cla_rate: ['cla_count', 'child_population'],
  rereferral_pct: ['rereferral_count', 'referral_count'],
  cpp_second_or_later_pct: ['cpp_subsequent_count', 'cpp_started_count'],
  no_further_action_percent: ['no_further_action_count', 'referral_count'],
  not_in_need_percent: ['not_in_need_count', 'referral_count'],
};

function attachCounts(obs: Obs[], extra: Obs[]): void {
  const lookup = new Map<string, number>();
  for (const o of [...obs, ...extra]) if (o.value !== null) lookup.set(`${o.indicatorId}|${o.areaCode}|${o.period}`, o.value);
  for (const o of obs) {
    const pair = NUMERATOR_DENOMINATOR[o.indicatorId];
    if (!pair || o.value === null) continue;
    const num = lookup.get(`${pair[0]}|${o.areaCode}|${o.period}`);
    const den = lookup.get(`${pair[1]}|${o.areaCode}|${o.period}`);
    if (num !== undefined && den !== undefined && den > 0) {
      o.numerator = num;
      o.denominator = den;
    }
  }
}

/**
 * The rates LAIT publishes against DfE's method applied to the counts: a check that
 * the counts and population attached to each rate are the ones it was made from.
 * LAIT re-bases its populations, so a small difference is expected; a large one
 * means a count is attached to the wrong rate.
 */
function checkRates(obs: Obs[]): string {
  let worst: { diff: number; what: string } = { diff: 0, what: '' };
  let n = 0;
  let over1 = 0;
  for (const o of obs) {
    if (o.value === null || o.numerator === undefined || o.denominator === undefined || !NUMERATOR_DENOMINATOR[o.indicatorId]) continue;
    const perTenThousand = o.indicatorId.endsWith('_rate');
    const derived = (o.numerator / o.denominator) * (perTenThousand ? 10000 : 100);
    if (o.value < 5) continue;
    const diff = Math.abs(derived - o.value) / o.value;
    const what = `${o.indicatorId} ${o.areaCode} ${o.period}: published ${o.value}, ${o.numerator} ÷ ${o.denominator} gives ${derived.toFixed(1)}`;
    if (diff > 0.25) throw new Error(`${what}: a count is attached to the wrong figure`);
    if (diff > worst.diff) worst = { diff, what };
    if (diff > 0.01) over1++;
    n++;
  }
  return `${n} published rates and percentages against their counts: ${over1} differ by more than 1%, the most ${(worst.diff * 100).toFixed(1)}% (${worst.what})`;
}

/** Which edition each source's figures are, short enough to show beside a chart. */
const VINTAGE: Record<string, string> = {
  dfe_lait: 'LAIT, revised populations, April 2026 release',
  dfe_cin: 'EES, Characteristics of children in need, 2025 edition',
  dfe_cin_factors: 'EES, Characteristics of children in need, 2025 edition (2018 to 2025); shares worked out from its counts',
  dfe_csww: 'EES, Children’s social work workforce, 2025 edition (years to 30 September)',
  dfe_cla: 'EES, Children looked after in England, 2025 edition',
  ons_population: 'ONS mid-year estimates to mid-2024, in DfE’s EES layout',
  ofsted_inspections: 'Ofsted, inspection outcomes as at 31 March 2025 (published 25 September 2025)',
};

// ---------------------------------------------------------------- neighbours

function neighbourModels(byOldCode: Map<number, Area>): NeighbourModel[] {
  const toCode = (n: string) => byOldCode.get(Number(n))?.code;
  const m2025: NeighbourModel = { id: 'sn2025', label: 'DfE statistical neighbours (2025 model)', source: 'dfe_statistical_neighbours', neighbours: {}, importId: 'bundled' };
  for (const r of readCsv(src('dfe_statistical_neighbours_sn_model_2025_wide.csv'))) {
    const self = toCode(r.old_la_code!);
    if (!self) continue;
    const list = [];
    for (let i = 1; i <= 10; i++) {
      const code = toCode(r[`SN_${i}`]!);
      if (code) list.push({ code, closeness: r[`SN_${i}P`]!.trim() });
    }
    m2025.neighbours[self] = list;
  }
  // The 2021 file repeats its "SNP" header, so read it by position.
  const m2021: NeighbourModel = { id: 'sn2021', label: 'DfE statistical neighbours (April 2021 groupings)', source: 'dfe_statistical_neighbours', neighbours: {}, importId: 'bundled' };
  const text = readFileSync(src('dfe_statistical_neighbours_New_Statistical_Neighbour_Groupings_April_2021.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
  for (const r of rows) {
    const self = toCode(r[0]!);
    if (!self) continue;
    const list = [];
    for (let i = 0; i < 10; i++) {
      const code = toCode(r[5 + i * 2] ?? '');
      if (code) list.push({ code, closeness: (r[6 + i * 2] ?? '').trim() });
    }
    m2021.neighbours[self] = list;
  }
  return [m2025, m2021];
}

// ---------------------------------------------------------------- documents

/** The seed minutes, with the area and year from their hand labels (labels.json). */
const SEEDS: { file: string; areaCode: string; period: number; title: string; meetingDate?: string; source: string }[] = [
  { file: '000_b9f82886d45750af.txt', areaCode: 'E10000034', period: 2021, title: 'Worcestershire Safeguarding Children Partnership Annual report 2020/21', source: 'Worcestershire County Council, agenda item minutes' },
  { file: '001_7d2fc69c39e578eb.txt', areaCode: 'E10000034', period: 2017, title: 'Worcestershire Safeguarding Children Board Annual Report 2016/17 (Overview and Scrutiny minutes)', source: 'Worcestershire County Council, agenda and minutes' },
  { file: '002_b572f51729a155e2.txt', areaCode: 'E08000030', period: 2020, title: 'Walsall Safeguarding Partnership Annual Report 2019-20', meetingDate: '2021-03-18', source: 'Walsall Council, Overview and Scrutiny Committee report' },
  { file: '003_996ac505cb252bef.txt', areaCode: 'E08000029', period: 2021, title: 'Update on Multi-Agency Safeguarding Arrangements (Solihull)', source: 'Solihull Metropolitan Borough Council, agenda item minutes' },
  { file: '004_f0b0a95ae1cdd7cd.txt', areaCode: 'E06000019', period: 2017, title: 'Herefordshire Safeguarding Children Board (HSCB) Annual Report 2016/17', source: 'Herefordshire Council, agenda item minutes' },
];

function seedDocuments(): SourceDocument[] {
  return SEEDS.map((s) => {
    const text = readFileSync(join(root, 'data', 'seeds', s.file), 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    return {
      id: `seed-${s.file.slice(0, 3)}`,
      areaCode: s.areaCode,
      period: s.period,
      title: s.title,
      ...(s.meetingDate ? { meetingDate: s.meetingDate } : {}),
      source: s.source,
      text,
      hash,
      importId: 'bundled',
    };
  });
}

// ---------------------------------------------------------------- main

/** Workforce measures take their polarity from LAIT's dictionary, which lists them (its extract does not). */
const POLARITY_FROM_LAIT: Record<string, string> = {
  sw_turnover_pct: 'Work_Force_TO_Rate',
  sw_agency_pct: 'Work_Force_Agecy_Rate',
  sw_vacancy_pct: 'Work_Force_Vac_Rate',
  sw_absence_pct: 'Work_Force_SWAbsence',
};

function main(): void {
  const { areas, byOldCode, byKey, codeRemap } = buildAreas();
  const known = new Set(areas.map((a) => a.code));
  const lookup: AreaLookup = { codeRemap, known, byOldCode: new Map([...byOldCode].map(([n, a]) => [n, a.code])) };
  const dict = laitDictionary();
  const lait = laitObservations(byOldCode, byKey);
  const ees = eesObservations(lookup, EES_MEASURES);
  const numerators = eesObservations(lookup, NUMERATOR_ONLY);
  const factors = readFactors(src(FACTORS_FILE), lookup);
  const ofsted = readInspections(src(INSPECTIONS_FILE), codeRemap, known);
  const all = [...lait.obs, ...ees, ...factors.obs, ...ofsted.obs];
  // An authority's last year is the last with a figure: the files keep rows of 'x' for abolished ones.
  const lastYear = new Map<string, number>();
  for (const o of [...lait.obs, ...ees]) if (o.value !== null) lastYear.set(o.areaCode, Math.max(lastYear.get(o.areaCode) ?? 0, o.period));
  settleSharedNames(areas, lastYear);
  attachCounts(all, numerators);
  const rateCheck = checkRates(all);

  const indicators: Indicator[] = [
    ...LAIT_MEASURES.map((m) => {
      const row = dict.get(m.lait);
      return {
        id: m.id,
        label: m.label,
        shortLabel: m.shortLabel,
        unit: m.unit,
        polarity: POLARITY[row?.Polarity ?? '-'] ?? 'neither',
        definition: definitionOf(row),
        source: 'dfe_lait',
        decimals: m.decimals,
        vintage: VINTAGE.dfe_lait!,
        importId: 'bundled',
      };
    }),
    ...EES_MEASURES.map((m) => {
      const laitCode = POLARITY_FROM_LAIT[m.id];
      const polarity = laitCode ? POLARITY[dict.get(laitCode)?.Polarity ?? '-'] : undefined;
      if (laitCode && !polarity) throw new Error(`dfe_lait_data_dictionary.csv: no polarity for ${laitCode}`);
      return { id: m.id, label: m.label, shortLabel: m.shortLabel, unit: m.unit, polarity: polarity ?? ('neither' as const), definition: m.definition, source: m.source, decimals: m.decimals, vintage: VINTAGE[m.source]!, importId: 'bundled' };
    }),
    ...factorIndicators(factors.header, VINTAGE.dfe_cin_factors!),
    ...ilacsIndicators(VINTAGE.ofsted_inspections!),
  ];
  for (const i of indicators) if (!i.vintage) throw new Error(`${i.id}: no vintage for its source ${i.source}`);

  const missing = new Set(all.filter((o) => !known.has(o.areaCode)).map((o) => o.areaCode));
  if (missing.size) throw new Error(`Observations for unknown areas: ${[...missing].join(', ')}`);

  const documents = seedDocuments();
  // Themes and priorities of the seeds, by the same tagger the app runs on imports.
  const themed = documents.map((d) => documentRecords(d));
  const body: Omit<Bundle, 'hash'> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    builtFrom: 'data/source (byte copies of the published files; see data/source/PROVENANCE.md)',
    sources: SOURCES,
    areas,
    indicators,
    series: seriesToJson(all, new Map(indicators.filter((i) => i.source === 'dfe_cin_factors' && i.unit === 'percent').map((i) => [i.id, i.decimals]))),
    neighbourModels: neighbourModels(byOldCode),
    documents,
    themeMentions: themed.flatMap((t) => t.mentions),
    priorities: themed.flatMap((t) => t.priorities),
    inspections: ofsted.set,
  };
  const json = JSON.stringify(body);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const bundle: Bundle = { ...body, hash };
  writeFileSync(join(root, 'data', 'bundle.json'), JSON.stringify(bundle));
  // The hash alone is compiled into the app, so it can tell whether the bundle must be loaded.
  writeFileSync(join(root, 'data', 'bundle-meta.json'), `${JSON.stringify({ hash })}\n`);
  console.log(
    `data/bundle.json: ${areas.length} areas, ${indicators.length} indicators, ${all.length} observations, ` +
      `${bundle.documents.length} documents (${bundle.priorities?.length ?? 0} priorities), ${ofsted.set.inspections.length} inspections and visits, hash ${hash}; ${rateCheck}` +
      (lait.unmatched.size ? `; LAIT areas without a GSS code, left out: ${[...lait.unmatched].join('; ')}` : ''),
  );
  const map = buildMap(root);
  console.log(`data/england-utla-map.json: ${map.areas} boundaries, ${(map.bytes / 1024).toFixed(0)} KB`);
}

main();
