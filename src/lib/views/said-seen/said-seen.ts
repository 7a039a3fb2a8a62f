/**
 * Said and seen: for one area, one row per theme putting what its documents said (the
 * years the theme was named a priority or discussed, with the sentence) beside what
 * the theme's linked measures show (latest figure against England and the statistical
 * neighbours' average), a plain reading of the two, and the mismatches flagged.
 *
 * Everything here is an association between published figures and the documents the
 * app holds, never a judgement of the partnership: the flags say so, and name the
 * documents they rest on. The rules (also in docs/said-and-seen.md):
 *
 * Significance is tested at the level the link chose (95% or 99.8%), and the
 * neighbours' average is their mean or median as it chose; every sentence names the level.
 *
 * - Seen but not said: a linked measure is significantly worse than England in its
 *   latest year (a higher figure where higher shows more of the theme or is worse; a
 *   lower one where lower is worse), and in that year and the year before the theme
 *   was neither named a priority nor discussed in the documents held.
 * - Said but not seen: the theme was named a priority (its latest year in range) and
 *   no measure is linked to it, or every linked figure that could be tested for that
 *   year was similar to England. Figures that cannot be tested (no published counts,
 *   judgements in words) neither raise nor clear it.
 */
import { describeInspection, inForceAt, JUDGEMENTS, type Inspection } from '../../model/inspections';
import { isOrdinal } from '../../model/ordinal';
import { formatPeriod } from '../../model/period';
import { STATUS_MEANING } from '../../model/status';
import type { Area, AreaCode, Indicator, Observation, Period, Priority, ThemeMention } from '../../model/types';
import { count } from '../../model/words';
import { describeValue, formatValue } from '../../model/format';
import { readAreaYear, yearsHeld, type AreaYear, type ReadingOptions } from '../../stats/area-year';
import type { AverageMethod } from '../../stats/benchmarks';
import { levelText, type ConfidenceLevel } from '../../stats/confidence';
import { recentTrend, trendSymbol, trendWords } from '../../stats/trend';
import type { Comparison } from '../../stats/significance';
import type { DocumentHead } from '../../themes/evidence';
import type { ThemeMeasures } from '../../themes/measure-links';
import { listJoin } from '../../model/words';

/** What a flag and a reading are, said once under every said-and-seen table. */
export const ASSOCIATION_NOTE =
  'These readings and flags set published figures beside the documents the app holds. They are an association, not a judgement of the partnership: a theme can be well handled without being written about, and documents not held cannot be read.';

/** A year the theme was said: a priority (with its label) or a discussion, with the sentence to show. */
export interface SaidEntry {
  period: Period;
  /** The priority as the partnership wrote it; absent for a discussion. */
  label?: string;
  sentence?: string;
  documentTitle?: string;
  /** Where the sentence is: the Themes page with it highlighted, or the cell's evidence. */
  href: string;
}

export interface SeenMeasure {
  indicator: Indicator;
  origin: 'bundled' | 'user';
  /** The figure of the latest year held up to the years in view, or null when the area has none. */
  latest: AreaYear | null;
  /** Which difference from England shows more of the theme, or is worse; null when neither can be said. */
  direction: 'higher' | 'lower' | null;
  /** Significantly different from England in that direction in its latest year. */
  worse: boolean;
  /**
   * The direction over the five years up to the latest, by the recent-trend test of
   * stats/trend.ts (Fingertips' method) with its symbol, or why it cannot be said;
   * null for judgements in words, which have no trend.
   */
  trend: string | null;
  /** For an Ofsted judgement: the judgement in words with the inspection's date. */
  judgement?: string;
}

export type FlagKind = 'seen_not_said' | 'said_not_seen';

export interface Flag {
  kind: FlagKind;
  /** "Seen but not said". */
  title: string;
  /** What was found, in a sentence. */
  text: string;
  /** The documents it rests on. */
  basis: string;
}

export interface SaidSeenRow {
  themeId: string;
  themeLabel: string;
  areaCode: AreaCode;
  areaName: string;
  priorities: SaidEntry[];
  discussed: SaidEntry[];
  seen: SeenMeasure[];
  /** Why no figure is linked, when none is. */
  noMeasure?: string;
  reading: string;
  flags: Flag[];
}

export interface SaidSeenInput {
  area: Area;
  /** Themes in taxonomy order. */
  themes: readonly { id: string; label: string }[];
  links: ReadonlyMap<string, ThemeMeasures>;
  indicators: ReadonlyMap<string, Indicator>;
  /** Each linked measure's observations: the area's, England's and the neighbours', every year. */
  observations: ReadonlyMap<string, readonly Observation[]>;
  neighbourCodes: readonly AreaCode[];
  /** The area's priorities, theme mentions, documents and inspections (every year). */
  priorities: readonly Priority[];
  mentions: readonly ThemeMention[];
  documents: readonly DocumentHead[];
  inspections: readonly Inspection[];
  /** The years said is read in; figures are read up to `to`. Absent: every year held. */
  from?: Period | undefined;
  to?: Period | undefined;
  /** The level of every comparison (absent: 95%) and how the neighbours' figures are averaged (absent: the mean): the link's `level` and `average`. */
  level?: ReadingOptions['level'];
  average?: ReadingOptions['average'];
  /** Links to the evidence on the Themes page. */
  href: {
    sentence: (p: { areaCode: AreaCode; themeId: string; period: Period; documentId: string; start: number }) => string;
    cell: (p: { areaCode: AreaCode; themeId: string; period: Period }) => string;
  };
}

export function saidSeenRows(input: SaidSeenInput): SaidSeenRow[] {
  return input.themes.map((t) => saidSeenRow(input, t));
}

function saidSeenRow(input: SaidSeenInput, theme: { id: string; label: string }): SaidSeenRow {
  const { area } = input;
  const from = input.from ?? -Infinity;
  const to = input.to ?? Infinity;
  const inRange = (p: Period) => p >= from && p <= to;
  const docsById = new Map(input.documents.map((d) => [d.id, d]));
  const themePriorities = input.priorities.filter((p) => !p.removed && p.themeIds.includes(theme.id));
  const themeMentions = input.mentions.filter((m) => m.themeId === theme.id && (m.present ?? true));

  const priorities: SaidEntry[] = themePriorities
    .filter((p) => inRange(p.period))
    .sort((a, b) => a.period - b.period || a.label.localeCompare(b.label))
    .map((p) => {
      const doc = p.documentId ? docsById.get(p.documentId) : undefined;
      return {
        period: p.period,
        label: p.label,
        ...(p.evidence ? { sentence: p.evidence.sentence } : {}),
        ...(doc ? { documentTitle: doc.title } : {}),
        href:
          p.evidence && p.documentId
            ? input.href.sentence({ areaCode: area.code, themeId: theme.id, period: p.period, documentId: p.documentId, start: p.evidence.start })
            : input.href.cell({ areaCode: area.code, themeId: theme.id, period: p.period }),
      };
    });

  const byYear = new Map<Period, ThemeMention[]>();
  for (const m of themeMentions) if (inRange(m.period)) byYear.set(m.period, [...(byYear.get(m.period) ?? []), m]);
  const discussed: SaidEntry[] = [...byYear]
    .sort((a, b) => a[0] - b[0])
    .map(([period, ms]) => {
      // The sentence that says most about the theme, the earliest of equals.
      const best = ms
        .flatMap((m) => m.evidence.map((e) => ({ m, e })))
        .sort((a, b) => (b.e.weight ?? 1) - (a.e.weight ?? 1) || a.e.start - b.e.start)[0];
      const doc = best ? docsById.get(best.m.documentId) : undefined;
      return {
        period,
        ...(best ? { sentence: best.e.sentence } : {}),
        ...(doc ? { documentTitle: doc.title } : {}),
        href: input.href.cell({ areaCode: area.code, themeId: theme.id, period }),
      };
    });

  const linked = input.links.get(theme.id);
  const seen: SeenMeasure[] = (linked?.measures ?? []).flatMap((lm) => {
    const indicator = input.indicators.get(lm.indicatorId);
    if (!indicator) return [];
    const obs = input.observations.get(lm.indicatorId) ?? [];
    const year = latestHeld(obs, area.code, to);
    const latest = year === undefined ? null : readAreaYear(indicator.unit, obs, area.code, year, input.neighbourCodes, reading(input));
    const direction = concernDirection(indicator, lm.higherShowsMore === true);
    const judgement = isOrdinal(indicator) && latest?.value !== null && latest ? describeJudgement(indicator, input.inspections, area.code, latest) : undefined;
    return [
      {
        indicator,
        origin: lm.origin,
        latest,
        direction,
        worse: direction !== null && latest?.vsEngland === direction,
        trend: latest && !isOrdinal(indicator) ? trendOf(indicator, obs, area.code, latest.period) : null,
        ...(judgement ? { judgement } : {}),
      },
    ];
  });

  const flags: Flag[] = [];
  const seenFlag = seenNotSaid(input, theme, seen, themePriorities, themeMentions);
  if (seenFlag) flags.push(seenFlag);
  const saidFlag = saidNotSeen(input, theme, seen, themePriorities.filter((p) => inRange(p.period)), docsById);
  if (saidFlag) flags.push(saidFlag);

  const row: SaidSeenRow = {
    themeId: theme.id,
    themeLabel: theme.label,
    areaCode: area.code,
    areaName: area.name,
    priorities,
    discussed,
    seen,
    reading: '',
    flags,
  };
  if (!seen.length) row.noMeasure = linked?.why ?? 'No figure is linked to this theme.';
  row.reading = `${saidSentence(input, row)} ${seenSentence(row)}`.trim();
  return row;
}


function reading(input: SaidSeenInput): ReadingOptions {
  return { level: input.level, average: input.average };
}

/** "↑ increasing and getting worse", "→ no significant change", "– cannot be calculated (…)": the five years up to `upTo`. */
function trendOf(indicator: Indicator, obs: readonly Observation[], code: AreaCode, upTo: Period): string {
  const trend = recentTrend(
    indicator,
    obs.filter((o) => o.areaCode === code && o.period <= upTo),
  );
  return `${trendSymbol(trend)} ${trendWords(trend)}`;
}

/** The latest year up to `to` in which the area has an observation (a figure or a status). */
function latestHeld(obs: readonly Observation[], code: AreaCode, to: Period): Period | undefined {
  return yearsHeld(obs, code)
    .filter((p) => p <= to)
    .pop();
}

/** The year to read a priority's figures in: that year if held, else the latest before it, else the first after it (up to `to`). */
function yearNear(obs: readonly Observation[], code: AreaCode, period: Period, to: Period): Period | undefined {
  const years = yearsHeld(obs, code).filter((p) => p <= to);
  return years.includes(period) ? period : (years.filter((p) => p < period).pop() ?? years.find((p) => p > period));
}

/**
 * Which difference from England is the one to flag: against the polarity where the
 * measure has one, otherwise "higher" where the links say a higher figure shows more
 * of the theme; null for judgements in words and measures with neither.
 */
export function concernDirection(indicator: Pick<Indicator, 'polarity' | 'unit'>, higherShowsMore: boolean): 'higher' | 'lower' | null {
  if (indicator.unit === 'ordinal') return null;
  if (indicator.polarity === 'lower_is_better') return 'higher';
  if (indicator.polarity === 'higher_is_better') return 'lower';
  return higherShowsMore ? 'higher' : null;
}

function describeJudgement(indicator: Indicator, inspections: readonly Inspection[], code: AreaCode, latest: AreaYear): string {
  const inForce = inForceAt(inspections, code, latest.period);
  const which = JUDGEMENTS.find((j) => j.indicatorId === indicator.id)?.id;
  if (inForce && which && inForce.judgements?.[which] === latest.value) return describeInspection(inForce, which);
  return formatValue(indicator, latest.value!);
}

function seenNotSaid(input: SaidSeenInput, theme: { id: string; label: string }, seen: SeenMeasure[], priorities: readonly Priority[], mentions: readonly ThemeMention[]): Flag | null {
  const worse = seen.filter((m) => m.worse);
  if (!worse.length) return null;
  const year = Math.max(...worse.map((m) => m.latest!.period));
  const window = [year - 1, year];
  const inWindow = (p: Period) => p >= window[0]! && p <= window[1]!;
  if (priorities.some((p) => inWindow(p.period)) || mentions.some((m) => inWindow(m.period))) return null;
  const docs = input.documents.filter((d) => inWindow(d.period));
  const years = `${formatPeriod(window[0]!)} or ${formatPeriod(window[1]!)}`;
  const first = worse.find((m) => m.latest!.period === year)!;
  const y = first.latest!;
  const fmt = (n: number) => formatValue(first.indicator, n);
  return {
    kind: 'seen_not_said',
    title: 'Seen but not said',
    text:
      `${sentenceCase(shortName(first.indicator))} was significantly ${y.vsEngland} than England in ${formatPeriod(year)} (${fmt(y.value!)} against ${fmt(y.england!)}; ${y.level}% level), ` +
      `and the theme “${theme.label}” was neither named a priority nor discussed in ${docs.length ? `the documents held for ${years}` : `any document held for ${years}`}.`,
    basis: docs.length ? `Based on ${documentList(docs)}.` : `Based on the documents held for ${input.area.name}: none for ${years}.`,
  };
}

function saidNotSeen(input: SaidSeenInput, theme: { id: string; label: string }, seen: SeenMeasure[], priorities: readonly Priority[], docsById: ReadonlyMap<string, DocumentHead>): Flag | null {
  if (!priorities.length) return null;
  const period = Math.max(...priorities.map((p) => p.period));
  const stated = priorities.filter((p) => p.period === period);
  const docs = [...new Set(stated.map((p) => (p.documentId ? docsById.get(p.documentId) : undefined)).filter((d): d is DocumentHead => d !== undefined))];
  const basis = docs.length ? `Based on ${documentList(docs)}.` : 'Based on a priority you added.';
  const named = `The theme “${theme.label}” was named a priority in ${formatPeriod(period)} (“${stated[0]!.label}”)`;
  if (!seen.length) {
    return { kind: 'said_not_seen', title: 'Said but not seen', text: `${named}, but no published figure the app holds is linked to it.`, basis };
  }
  const tested: { m: SeenMeasure; y: AreaYear }[] = [];
  for (const m of seen) {
    if (isOrdinal(m.indicator)) continue;
    const obs = input.observations.get(m.indicator.id) ?? [];
    const near = yearNear(obs, input.area.code, period, input.to ?? Infinity);
    const y = near === undefined ? null : readAreaYear(m.indicator.unit, obs, input.area.code, near, input.neighbourCodes, reading(input));
    if (y && y.vsEngland !== 'not_compared') tested.push({ m, y });
  }
  if (!tested.length || tested.some((t) => t.y.vsEngland !== 'similar')) return null;
  const years = [...new Set(tested.map((t) => t.y.period))].sort((a, b) => a - b).map(formatPeriod);
  const what = tested.length === 1 ? `its linked figure (${shortName(tested[0]!.m.indicator)}) was` : `its ${tested.length} linked figures that could be tested were all`;
  return {
    kind: 'said_not_seen',
    title: 'Said but not seen',
    text: `${named}, but ${what} similar to England in ${listJoin(years)} ${levelText(tested[0]!.y.level)}.`,
    basis,
  };
}

function documentList(docs: readonly DocumentHead[]): string {
  const sorted = [...docs].sort((a, b) => a.period - b.period || a.title.localeCompare(b.title));
  const shown = sorted.slice(0, 3).map((d) => `“${d.title}” (${formatPeriod(d.period)})`);
  return sorted.length > 3 ? `${listJoin(shown)} and ${count(sorted.length - 3, 'other document')}` : listJoin(shown);
}

function saidSentence(input: SaidSeenInput, row: SaidSeenRow): string {
  const pYears = [...new Set(row.priorities.map((p) => p.period))].map(formatPeriod);
  const dYears = row.discussed.map((d) => formatPeriod(d.period));
  if (pYears.length && dYears.length) return `Named a priority in ${listJoin(pYears)}; discussed in the documents for ${listJoin(dYears)}.`;
  if (pYears.length) return `Named a priority in ${listJoin(pYears)}.`;
  if (dYears.length) return `Discussed in the documents for ${listJoin(dYears)}; not named a priority.`;
  const from = input.from ?? -Infinity;
  const to = input.to ?? Infinity;
  const docs = input.documents.filter((d) => d.period >= from && d.period <= to);
  if (!docs.length) return `No minutes or reports of ${row.areaName} are held${Number.isFinite(from) ? ' for these years' : ''}.`;
  const years = [...new Set(docs.map((d) => d.period))].sort((a, b) => a - b).map(formatPeriod);
  return `Neither named a priority nor discussed in the ${count(docs.length, 'document')} held (${listJoin(years)}).`;
}

function seenSentence(row: SaidSeenRow): string {
  if (!row.seen.length) return 'No published figure the app holds is linked to it.';
  // What a reader most needs: the figures worse than England (two at most), else the first
  // that differs, else the first with a figure; the rest are in the figures column.
  const differs = (m: SeenMeasure) => m.latest?.vsEngland === 'higher' || m.latest?.vsEngland === 'lower';
  const worse = row.seen.filter((m) => m.worse).slice(0, 2);
  const pick = worse.length ? worse : [row.seen.find(differs) ?? row.seen.find((m) => m.latest?.value != null) ?? row.seen[0]!];
  const rest = row.seen.length - pick.length;
  return `${pick.map((m) => measureSentence(m, row.areaName)).join(' ')}${rest > 0 ? ` ${count(rest, 'more linked figure')} under “Seen”.` : ''}`;
}

const COMPARED: Record<Exclude<Comparison, 'not_compared'>, string> = { higher: 'significantly higher than', lower: 'significantly lower than', similar: 'similar to' };

/** "neighbours’ average" (their mean, as LAIT), or "neighbours’ median". */
export function neighboursAverageName(average: AverageMethod): string {
  return average === 'median' ? 'neighbours’ median' : 'neighbours’ average';
}

/** "Neglect was a factor in 19.1% of assessments in 2024-25: significantly higher than England (17.6%) and similar to the neighbours’ average (18.4%) (95% level)." */
export function measureSentence(m: SeenMeasure, areaName: string): string {
  const name = shortName(m.indicator);
  const y = m.latest;
  if (!y) return `${sentenceCase(name)}: no figure for ${areaName}.`;
  const period = formatPeriod(y.period);
  if (m.judgement) return `${sentenceCase(m.indicator.shortLabel)}: ${m.judgement}.`;
  if (y.value === null) return `${sentenceCase(name)}: no figure for ${period}${y.status ? ` (${STATUS_MEANING[y.status]})` : ''}.`;
  const v = formatValue(m.indicator, y.value);
  const what = isFactor(m.indicator) ? `${sentenceCase(name)} was a factor in ${v} of assessments in ${period}` : `${sentenceCase(name)}: ${describeValue(m.indicator, y.value, null)} in ${period}`;
  const fmt = (n: number) => formatValue(m.indicator, n);
  if (y.vsEngland === 'not_compared') return `${what}; England ${y.england === null ? 'has no figure' : fmt(y.england)} (not tested: no counts are published for it).`;
  const vsE = `${COMPARED[y.vsEngland]} England (${fmt(y.england!)})`;
  const level = levelText(y.level);
  if (!y.neighbours || y.vsNeighbours === 'not_compared') return `${what}: ${vsE} ${level}.`;
  const nb = `the ${neighboursAverageName(y.neighbours.average)} (${fmt(y.neighbours.value)})`;
  return `${what}: ${vsE} and ${y.vsNeighbours === y.vsEngland ? nb : `${COMPARED[y.vsNeighbours]} ${nb}`} ${level}.`;
}

function isFactor(i: Pick<Indicator, 'id'>): boolean {
  return i.id.startsWith('factor_');
}

/** "domestic abuse concerning a parent" from "Factor: domestic abuse (parent) %"; other measures by their short label. */
export function shortName(i: Pick<Indicator, 'id' | 'shortLabel'>): string {
  if (!isFactor(i)) return i.shortLabel;
  return i.shortLabel
    .replace(/^Factor:\s*/, '')
    .replace(/\s*%$/, '')
    .replace(/\s*\(parent\)$/, ' concerning a parent or carer')
    .replace(/\s*\(child\)$/, ' concerning the child')
    .replace(/\s*\(other person\)$/, ' concerning another person');
}

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
