/**
 * Ofsted inspections of local authority children's services (ILACS) as events with
 * dates: the inspections since 2018 with their judgements, and the focused and
 * monitoring visits with their theme. The judgements in force at 31 March of each
 * year are also bundled as ordinal indicators (`ilacs_overall`, …) so that they sit
 * beside the figures; the events say when and what.
 */
import { OFSTED_JUDGEMENT, formatCategory } from './ordinal';
import type { AreaCode, Period } from './types';

export type InspectionKind = 'standard' | 'short' | 'focused_visit' | 'monitoring_visit';

export const INSPECTION_KIND_LABEL: Record<InspectionKind, string> = {
  standard: 'ILACS standard inspection',
  short: 'ILACS short inspection',
  focused_visit: 'ILACS focused visit',
  monitoring_visit: 'Monitoring visit',
};

/** Ofsted's overall judgement and its four sub-judgements (the care leavers one since January 2023). */
export const JUDGEMENTS = [
  { id: 'overall', indicatorId: 'ilacs_overall', label: 'Overall effectiveness' },
  { id: 'leaders', indicatorId: 'ilacs_leaders', label: 'The impact of leaders on social work practice with children and families' },
  { id: 'help_protection', indicatorId: 'ilacs_help_protection', label: 'The experiences and progress of children who need help and protection' },
  { id: 'children_in_care', indicatorId: 'ilacs_children_in_care', label: 'The experiences and progress of children in care' },
  { id: 'care_leavers', indicatorId: 'ilacs_care_leavers', label: 'The experiences and progress of care leavers' },
] as const;

export type JudgementId = (typeof JUDGEMENTS)[number]['id'];

export interface Inspection {
  /** `${areaCode}|${date}|${kind}`. */
  id: string;
  areaCode: AreaCode;
  /** The authority's name as Ofsted wrote it. */
  areaName: string;
  kind: InspectionKind;
  /** ISO date the inspection or visit began (Ofsted's "Inspection date"). */
  date: string;
  /** ISO date the report was published. */
  published: string;
  /** Judgement codes on OFSTED_JUDGEMENT, for inspections; none for visits. */
  judgements?: Partial<Record<JudgementId, number>>;
  /** What a focused or monitoring visit looked at ("Children in care"). */
  theme?: string;
  /** Ofsted lists the authority as no longer existing (a reorganisation). */
  abolished?: boolean;
}

/** Inspections and visits, bundled once (data/bundle.json) with where they come from. */
export interface InspectionSet {
  source: string;
  /** "as at 31 March 2025, with a report published by 30 June 2025". */
  asAt: string;
  inspections: Inspection[];
}

export function inspectionsOf(list: readonly Inspection[], areaCode: AreaCode): Inspection[] {
  return list.filter((i) => i.areaCode === areaCode).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The judgements in force at 31 March of a reporting year, as Ofsted counts them:
 * the latest inspection that took place by 31 March and whose report was published by
 * the following 30 June. Visits carry no judgement and do not replace one.
 */
export function inForceAt(list: readonly Inspection[], areaCode: AreaCode, period: Period): Inspection | undefined {
  const by = `${period}-03-31`;
  const publishedBy = `${period}-06-30`;
  let latest: Inspection | undefined;
  for (const i of list) {
    if (i.areaCode !== areaCode || !i.judgements || i.date > by || i.published > publishedBy) continue;
    if (!latest || i.date > latest.date) latest = i;
  }
  return latest;
}

/** The area's latest inspection with an overall judgement, whenever it was; undefined when none is held. */
export function latestJudged(list: readonly Inspection[], areaCode: AreaCode): Inspection | undefined {
  let latest: Inspection | undefined;
  for (const i of list) if (i.areaCode === areaCode && i.judgements?.overall !== undefined && (!latest || i.date > latest.date)) latest = i;
  return latest;
}

/** "15 May 2023": how inspection dates are written in the app. */
export function formatInspectionDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "★ Good (15 May 2023)": the latest overall judgement for a table cell; "–" when none is held. */
export function latestOverallCell(list: readonly Inspection[], areaCode: AreaCode): string {
  const i = latestJudged(list, areaCode);
  return i ? `${formatCategory(OFSTED_JUDGEMENT, i.judgements!.overall!)} (${formatInspectionDate(i.date)})` : '–';
}

/** "★ Good (inspected 15 May 2023)": a judgement with its date, for tables and sentences. */
export function describeInspection(i: Inspection, judgement: JudgementId = 'overall'): string {
  const date = formatInspectionDate(i.date);
  const code = i.judgements?.[judgement];
  if (code === undefined) return `${INSPECTION_KIND_LABEL[i.kind]}${i.theme ? ` (${i.theme})` : ''}, ${date}`;
  return `${formatCategory(OFSTED_JUDGEMENT, code)} (inspected ${date})`;
}
