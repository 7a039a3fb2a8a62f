/**
 * Published DfE column names and measure codes the app knows, mapped to its
 * indicator ids. One source of truth: the import worker maps files with these,
 * and scripts/build-data.ts builds the bundled data with them.
 */
import type { IndicatorUnit } from '../model/types';

export interface LaitMeasure {
  id: string;
  /** LAIT `Short Desc` measure code. */
  lait: string;
  label: string;
  shortLabel: string;
  unit: IndicatorUnit;
  decimals: number;
}

/** LAIT measures, with plain-language labels for councillors. */
export const LAIT_MEASURES: LaitMeasure[] = [
  { id: 'cpp_rate', lait: 'CPP_rate', label: 'Children on a child protection plan at 31 March, rate per 10,000 children', shortLabel: 'CP plan rate', unit: 'rate_per_10000', decimals: 1 },
  { id: 'cin_rate', lait: 'CIN', label: 'Children in need at 31 March, rate per 10,000 children', shortLabel: 'Children in need rate', unit: 'rate_per_10000', decimals: 1 },
  { id: 'referral_rate', lait: 'CPP_Total_Rateper10,000', label: 'Referrals to children’s social care in the year, rate per 10,000 children', shortLabel: 'Referral rate', unit: 'rate_per_10000', decimals: 1 },
  { id: 'rereferral_pct', lait: 'ReReferral', label: 'Re-referrals within 12 months of a previous referral, % of referrals', shortLabel: 'Re-referrals %', unit: 'percent', decimals: 1 },
  { id: 's47_rate', lait: 'Section_47', label: 'Section 47 enquiries started in the year, rate per 10,000 children', shortLabel: 'Section 47 rate', unit: 'rate_per_10000', decimals: 1 },
  { id: 'icpc_rate', lait: 'ISCP_Conf', label: 'Initial child protection conferences in the year, rate per 10,000 children', shortLabel: 'ICPC rate', unit: 'rate_per_10000', decimals: 1 },
  { id: 'cpp_second_or_later_pct', lait: 'PrevRegCPR', label: 'Child protection plans started in the year that were a second or later plan, %', shortLabel: 'Second or later CP plans %', unit: 'percent', decimals: 1 },
  { id: 'cpp_ceased_rate', lait: 'DeRegCPR', label: 'Child protection plans that ended in the year, rate per 10,000 children', shortLabel: 'CP plans ended rate', unit: 'rate_per_10000', decimals: 1 },
  { id: 'cpp_2yrs_ceased_pct', lait: 'CPPlans2yrs', label: 'Child protection plans ending in the year that had lasted 2 years or more, %', shortLabel: 'CP plans lasting 2+ years %', unit: 'percent', decimals: 1 },
  { id: 'cp_reviewed_pct', lait: 'RevCP', label: 'Child protection cases reviewed within the required timescales, %', shortLabel: 'CP reviews on time %', unit: 'percent', decimals: 1 },
  { id: 'cla_rate', lait: 'LAC', label: 'Children looked after at 31 March, rate per 10,000 children', shortLabel: 'Looked-after rate', unit: 'rate_per_10000', decimals: 0 },
  // Ids as an EES c1 file's columns become on import (lower case), so both land on one indicator.
  { id: 'no_further_action_percent', lait: 'CIN_Refferals_NFA', label: 'Referrals closed with no further action, % of referrals', shortLabel: 'Referrals with no further action %', unit: 'percent', decimals: 1 },
  { id: 'not_in_need_percent', lait: 'Referrals_AssessedNotNeed', label: 'Referrals assessed and found not to be in need, % of referrals', shortLabel: 'Assessed not in need %', unit: 'percent', decimals: 1 },
];

/**
 * LAIT codes for measures the bundle takes from EES instead, so that a LAIT
 * extract's figures land on the same indicators.
 */
export const LAIT_ALIASES: Record<string, string> = {
  CPP_Num: 'cpp_count',
  LACnum: 'cla_count',
  CPP_Total_NumRef: 'referral_count',
};

export interface EesColumn {
  id: string;
  /** Column name in the EES tidy file. */
  column: string;
  label: string;
  shortLabel: string;
  unit: IndicatorUnit;
  decimals: number;
  definition: string;
  /** Id of the bundled source the measure comes from. */
  source: string;
  /** Filter values the row must have, for files with several populations in one column. */
  where?: Record<string, string>;
  /** Shift applied to time_period: population estimates serve the following reporting year. */
  periodShift?: number;
}

/**
 * EES column names. Counts are bundled from EES; the rates and percentages are
 * bundled from LAIT but mean the same, so an EES file's rates land on those ids.
 */
export const EES_COLUMNS: EesColumn[] = [
  { id: 'cpp_count', column: 'CPP_At31', label: 'Children on a child protection plan at 31 March, number', shortLabel: 'CP plans (number)', unit: 'count', decimals: 0, definition: 'Number of children who were the subject of a child protection plan at 31 March.', source: 'dfe_cin' },
  { id: 'cpp_started_count', column: 'CPP_start', label: 'Child protection plans started in the year, number', shortLabel: 'CP plans started (number)', unit: 'count', decimals: 0, definition: 'Number of child protection plans that started during the year ending 31 March.', source: 'dfe_cin' },
  { id: 'cpp_subsequent_count', column: 'CPP_subsequent', label: 'Child protection plans started in the year that were a second or later plan, number', shortLabel: 'Second or later CP plans (number)', unit: 'count', decimals: 0, definition: 'Number of child protection plans started during the year that were a second or subsequent plan for the child.', source: 'dfe_cin' },
  { id: 'cin_count', column: 'At31_episodes', label: 'Children in need at 31 March, number', shortLabel: 'Children in need (number)', unit: 'count', decimals: 0, definition: 'Number of children in need episodes open at 31 March.', source: 'dfe_cin' },
  { id: 'referral_count', column: 'Referrals', label: 'Referrals to children’s social care in the year, number', shortLabel: 'Referrals (number)', unit: 'count', decimals: 0, definition: 'Number of referrals to children’s social care during the year ending 31 March.', source: 'dfe_cin' },
  { id: 'rereferral_count', column: 'Re_referrals', label: 'Re-referrals within 12 months, number', shortLabel: 'Re-referrals (number)', unit: 'count', decimals: 0, definition: 'Number of referrals within 12 months of a previous referral.', source: 'dfe_cin' },
  { id: 's47_count', column: 'Section47', label: 'Section 47 enquiries started in the year, number', shortLabel: 'Section 47 enquiries (number)', unit: 'count', decimals: 0, definition: 'Number of section 47 enquiries that started during the year ending 31 March.', source: 'dfe_cin' },
  { id: 'icpc_count', column: 'ICPC', label: 'Initial child protection conferences in the year, number', shortLabel: 'ICPCs (number)', unit: 'count', decimals: 0, definition: 'Number of initial child protection conferences held during the year ending 31 March.', source: 'dfe_cin' },
  { id: 'cla_count', column: 'children_count', label: 'Children looked after at 31 March, number', shortLabel: 'Looked-after children (number)', unit: 'count', decimals: 0, definition: 'Number of children looked after at 31 March.', source: 'dfe_cla', where: { population_type: 'Children looked after on 31 March each year' } },
  { id: 'child_population', column: 'population_estimate', label: 'Children aged 0 to 17 (ONS mid-year estimate used as the rate denominator)', shortLabel: 'Child population 0–17', unit: 'count', decimals: 0, definition: 'ONS mid-year estimate of children aged 0 to 17. Shown against the reporting year it is the denominator for: the mid-2024 estimate against 2024-25, as DfE does.', source: 'ons_population', where: { age_group: 'Children aged 0 to 17 years' }, periodShift: 1 },
  // The 2025 editions of the EES files renamed their columns in snake case.
  { id: 'rereferral_pct', column: 'rereferral_percent', label: 'Re-referrals within 12 months of a previous referral, % of referrals', shortLabel: 'Re-referrals %', unit: 'percent', decimals: 1, definition: '', source: 'dfe_cin' },
  // Children's social work workforce (EES), bundled from its indicators file.
  { id: 'sw_turnover_pct', column: 'turnover_rate_fte', label: 'Children and family social worker turnover rate (FTE), %', shortLabel: 'Social worker turnover %', unit: 'percent', decimals: 1, definition: 'Full-time equivalent (FTE) children and family social workers who left the local authority in the year to 30 September, as a percentage of FTE social workers in post at 30 September.', source: 'dfe_csww' },
  { id: 'sw_agency_pct', column: 'agency_rate_fte', label: 'Agency children and family social workers (FTE), % of all social workers', shortLabel: 'Agency social workers %', unit: 'percent', decimals: 1, definition: 'FTE agency (not directly employed) children and family social workers at 30 September, as a percentage of all FTE social workers (agency and employed).', source: 'dfe_csww' },
  { id: 'sw_vacancy_pct', column: 'vacancy_rate_fte', label: 'Children and family social worker vacancy rate (FTE), %', shortLabel: 'Social worker vacancies %', unit: 'percent', decimals: 1, definition: 'FTE vacancies for children and family social workers at 30 September, as a percentage of FTE vacancies and social workers in post.', source: 'dfe_csww' },
  { id: 'sw_caseload', column: 'caseload_fte', label: 'Average caseload of children and family social workers (FTE)', shortLabel: 'Social worker caseload', unit: 'mean', decimals: 1, definition: 'Cases held at 30 September divided by the FTE children and family social workers holding one or more cases: the average number of cases per case-holding social worker.', source: 'dfe_csww' },
  { id: 'sw_absence_pct', column: 'absence_rate_fte', label: 'Children and family social worker sickness absence rate (FTE), % of working days', shortLabel: 'Social worker absence %', unit: 'percent', decimals: 1, definition: 'FTE working days lost to sickness absence in the year to 30 September, as a percentage of the working days available to the FTE social workers in post.', source: 'dfe_csww' },
  // Rates and percentages: the bundle takes these from LAIT (same ids, same meaning).
  { id: 'referral_rate', column: 'Referrals_rate', label: 'Referrals to children’s social care in the year, rate per 10,000 children', shortLabel: 'Referral rate', unit: 'rate_per_10000', decimals: 1, definition: '', source: 'dfe_cin' },
  { id: 'rereferral_pct', column: 'Re_referrals_percent', label: 'Re-referrals within 12 months of a previous referral, % of referrals', shortLabel: 'Re-referrals %', unit: 'percent', decimals: 1, definition: '', source: 'dfe_cin' },
  { id: 'cin_rate', column: 'At31_episodes_rate', label: 'Children in need at 31 March, rate per 10,000 children', shortLabel: 'Children in need rate', unit: 'rate_per_10000', decimals: 1, definition: '', source: 'dfe_cin' },
  { id: 'cpp_second_or_later_pct', column: 'CPP_subsequent_percent', label: 'Child protection plans started in the year that were a second or later plan, %', shortLabel: 'Second or later CP plans %', unit: 'percent', decimals: 1, definition: '', source: 'dfe_cin' },
  { id: 'cla_rate', column: 'rate_per_10000', label: 'Children looked after at 31 March, rate per 10,000 children', shortLabel: 'Looked-after rate', unit: 'rate_per_10000', decimals: 0, definition: '', source: 'dfe_cla', where: { population_type: 'Children looked after on 31 March each year' } },
];

/** True when a row (filter column → value) satisfies a measure's `where`. */
export function matchesWhere(where: Record<string, string> | undefined, value: (column: string) => string | undefined): boolean {
  if (!where) return true;
  for (const [column, wanted] of Object.entries(where)) if (value(column) !== wanted) return false;
  return true;
}
