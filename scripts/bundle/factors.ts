/**
 * Factors identified at the end of assessment (EES "Characteristics of children in
 * need", c3): the file gives counts of episodes with each factor. The measure DfE
 * reports is the share: a factor's count ÷ episodes with assessment factors × 100.
 * Each factor becomes a percentage indicator keeping the count and the denominator
 * (for Wilson intervals); a symbol in either stays a status, never 0.
 */
import { shareValue } from '../../src/lib/model/bundle';
import { parseCell, type StatusCode } from '../../src/lib/model/status';
import { parsePeriod } from '../../src/lib/model/period';
import type { Indicator } from '../../src/lib/model/types';
import { eesAreaCodes, readCsv, type AreaLookup } from './csv';
import type { Obs } from './types';

export const FACTORS_FILE = 'c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';
const EPISODES = 'Episodes_with_assessment_factor';

/** DfE records some factors separately for the child, a parent or carer, and another person. */
const WHO: Record<string, string> = {
  child: 'concerning the child',
  parent: 'concerning a parent or carer',
  person: 'concerning another person in the household',
  unknown: 'by someone not recorded',
  child_on_child: 'by another child',
  adult_on_child: 'by an adult',
};
const WHO_SHORT: Record<string, string> = { child: 'child', parent: 'parent', person: 'other person', unknown: 'not recorded', child_on_child: 'child on child', adult_on_child: 'adult on child' };

const TOPICS: Record<string, string> = {
  Alcohol_Misuse: 'Alcohol misuse',
  Drug_Misuse: 'Drug misuse',
  Domestic_Abuse: 'Domestic abuse',
  Mental_Health: 'Mental health',
  Learning_Disability: 'Learning disability',
  Physical_Disability: 'Physical disability',
  Physical_Abuse: 'Physical abuse',
  Sexual_Abuse: 'Sexual abuse',
  Young_Carer: 'Young carer',
  Privately_fostered: 'Privately fostered',
  Unaccompanied_asylum_seeker: 'Unaccompanied asylum-seeking child',
  Going_missing: 'Going missing',
  Child_sexual_exploitation: 'Child sexual exploitation',
  Trafficking: 'Trafficking',
  Gangs: 'Gangs',
  Socially_unacceptable_behaviour: 'Socially unacceptable behaviour',
  Self_harm: 'Self-harm',
  Neglect: 'Neglect',
  Emotional_Abuse: 'Emotional abuse',
  Female_Genital_Mutilation: 'Female genital mutilation',
  Faith_linked_abuse: 'Abuse linked to faith or belief',
  Child_criminal_exploitation: 'Child criminal exploitation',
  Other: 'Other factors',
};

export const factorId = (column: string) => `factor_${column.toLowerCase()}`;

function describe(column: string): { topic: string; who?: string; whoShort?: string } {
  if (TOPICS[column]) return { topic: TOPICS[column] };
  for (const [suffix, who] of Object.entries(WHO)) {
    const topic = column.endsWith(`_${suffix}`) ? TOPICS[column.slice(0, -suffix.length - 1)] : undefined;
    if (topic) return { topic, who, whoShort: WHO_SHORT[suffix]! };
  }
  throw new Error(`${FACTORS_FILE}: no label for the column ${column}; add it to scripts/bundle/factors.ts`);
}

/** The factor columns, in the file's order: every column after the episodes count. */
function factorColumns(header: string[]): string[] {
  const at = header.indexOf(EPISODES);
  if (at < 0) throw new Error(`${FACTORS_FILE}: no ${EPISODES} column`);
  return header.slice(at + 1);
}

export function factorIndicators(header: string[], vintage: string): Indicator[] {
  const episodes: Indicator = {
    id: 'assessment_factor_episodes',
    label: 'Episodes of need with factors identified at the end of assessment, number',
    shortLabel: 'Assessments with factors (number)',
    unit: 'count',
    polarity: 'neither',
    definition: 'Episodes of need in the year with at least one factor identified at the end of the child’s assessment: the denominator of the assessment-factor percentages.',
    source: 'dfe_cin_factors',
    decimals: 0,
    vintage,
    importId: 'bundled',
  };
  return [
    episodes,
    ...factorColumns(header).map((column) => {
      const d = describe(column);
      const name = d.who ? `${d.topic} ${d.who}` : d.topic;
      return {
        id: factorId(column),
        label: `${name}: factor at the end of assessment, % of assessments with factors`,
        shortLabel: `Factor: ${d.topic.toLowerCase()}${d.whoShort ? ` (${d.whoShort})` : ''} %`,
        unit: 'percent' as const,
        polarity: 'neither' as const,
        definition:
          `Episodes of need in which ${name.charAt(0).toLowerCase()}${name.slice(1)} was identified as a factor at the end of the child’s assessment, ` +
          `as a percentage of episodes with any assessment factor (DfE’s measure: the count ÷ episodes with assessment factors × 100). ` +
          `An assessment can record several factors, so the factors add up to more than 100%.`,
        source: 'dfe_cin_factors',
        decimals: 1,
        vintage,
        importId: 'bundled',
      };
    }),
  ];
}

export function readFactors(path: string, lookup: AreaLookup): { header: string[]; obs: Obs[] } {
  const rows = readCsv(path);
  const header = Object.keys(rows[0] ?? {});
  const columns = factorColumns(header);
  const obs: Obs[] = [];
  for (const r of rows) {
    const period = parsePeriod(r.time_period!);
    const code = r.new_la_code || r.region_code || r.country_code;
    const areaCodes = eesAreaCodes(r, lookup);
    const episodes = parseCell(r[EPISODES] ?? '');
    if (period === null || episodes === null) throw new Error(`${path}: cannot read ${EPISODES}=${r[EPISODES]} for ${code} ${r.time_period}`);
    for (const areaCode of areaCodes) obs.push({ indicatorId: 'assessment_factor_episodes', areaCode, period, value: episodes.value, status: episodes.status });
    for (const column of columns) {
      const cell = parseCell(r[column] ?? '');
      if (cell === null) throw new Error(`${path}: cannot read ${column}=${r[column]} for ${code} ${r.time_period}`);
      const id = factorId(column);
      if (cell.value === null || episodes.value === null || episodes.value === 0) {
        // Without a count or a denominator there is no share: the symbol that explains why stays.
        const status: StatusCode = cell.status ?? episodes.status ?? 'z';
        for (const areaCode of areaCodes) obs.push({ indicatorId: id, areaCode, period, value: null, status });
        continue;
      }
      const share = shareValue(cell.value, episodes.value, 1);
      for (const areaCode of areaCodes) obs.push({ indicatorId: id, areaCode, period, value: share, status: null, numerator: cell.value, denominator: episodes.value });
    }
  }
  return { header, obs };
}
