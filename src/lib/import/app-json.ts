/**
 * The app's own data file: versioned JSON that export writes and import reads,
 * so that export then import loses nothing. The schema is documented in docs/data-format.md
 * ("The app's data file"). validateAppFile() checks a parsed file item by item and
 * returns what it could read with the issues found; it never throws.
 */
import { isAreaCode } from '../model/area-names';
import type { OrdinalScale } from '../model/ordinal';
import { parsePeriod } from '../model/period';
import { seriesFromObservations, type ObservationSeries } from '../model/series';
import { STATUS_CODES, type StatusCode } from '../model/status';
import { INDICATOR_UNITS, type Area, type AreaLevel, type Indicator, type IndicatorUnit, type Observation, type Polarity, type Priority, type SourceDocument, type ThemeLinkEdit } from '../model/types';
import type { IssueList } from './issues';
import { isRecord } from '../model/is-record';
import { errorMessage } from '../model/errors';

export const APP_FORMAT = 'safeguarding-lens/data';
export const APP_VERSION = 1;

export interface AppObservation {
  indicatorId: string;
  areaCode: string;
  /** The year the reporting period ends in (2025 = 2024-25). */
  period: number;
  /** null when the figure is suppressed or missing: then `status` says why. */
  value: number | null;
  status?: StatusCode;
  numerator?: number;
  denominator?: number;
}

export type AppArea = Omit<Area, 'importId'>;
export type AppIndicator = Omit<Indicator, 'importId'>;
export type AppDocument = Omit<SourceDocument, 'importId'>;
export type AppPriority = Omit<Priority, 'importId'>;
/** A user's choice to link a measure to a theme (`linked` true) or to unlink a bundled one (false). */
export type AppThemeLink = Pick<ThemeLinkEdit, 'themeId' | 'indicatorId' | 'linked' | 'editedAt'>;

export interface AppFile {
  format: typeof APP_FORMAT;
  version: number;
  /** ISO timestamp of the export. */
  exportedAt?: string;
  /** Free text: where the file came from. */
  description?: string;
  areas: AppArea[];
  indicators: AppIndicator[];
  observations: AppObservation[];
  documents: AppDocument[];
  priorities: AppPriority[];
  /** The sender's theme links (optional: files without it, and older apps, read the rest). */
  themeLinks?: AppThemeLink[];
}

const LEVELS: AreaLevel[] = ['national', 'regional', 'local_authority'];
const UNITS = INDICATOR_UNITS;
const POLARITIES: Polarity[] = ['higher_is_better', 'lower_is_better', 'neither'];
const ID = /^[A-Za-z0-9_.-]{1,64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;
const str = (v: unknown): v is string => typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An ordinal indicator's categories, or why they cannot be read. */
function readScale(v: unknown): OrdinalScale | string {
  if (!isRecord(v) || !str(v.id) || !str(v.label) || !Array.isArray(v.categories) || v.categories.length < 2) return 'should give id, label and at least two categories.';
  const categories: OrdinalScale['categories'] = [];
  for (const [k, c] of v.categories.entries()) {
    if (!isRecord(c) || !num(c.code) || !str(c.label) || !str(c.short) || !str(c.symbol)) return `category ${k + 1} needs code (a number), label, short and symbol.`;
    if (categories.length && c.code <= categories[categories.length - 1]!.code) return `category ${k + 1}: codes should rise in the scale's order.`;
    categories.push({ code: c.code, label: c.label, short: c.short, symbol: c.symbol });
  }
  return { id: v.id, label: v.label, categories };
}

/** JSON.parse with a message that says where the text stops making sense. */
export function parseJsonText(text: string, issues: IssueList): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = errorMessage(e);
    const pos = /position (\d+)/.exec(message);
    const truncated = /end of (JSON )?(data|input)|Unterminated|Unexpected end/i.test(message) || (pos !== null && Number(pos[1]) >= text.trimEnd().length - 1);
    if (truncated) {
      issues.error('the JSON stops before it is complete (the file may have been cut short while saving or downloading).');
    } else if (pos) {
      const at = Number(pos[1]);
      const before = text.slice(0, at);
      const line = before.split('\n').length;
      const column = at - before.lastIndexOf('\n');
      issues.error(`this is not valid JSON: it cannot be read at line ${line}, character ${column}.`);
    } else {
      issues.error(`this is not valid JSON (${message}).`);
    }
    return undefined;
  }
}

export interface ValidAppFile {
  areas: Area[];
  indicators: Indicator[];
  observations: Omit<Observation, 'importId'>[];
  documents: SourceDocument[];
  priorities: Priority[];
  /** The sender's theme links; stored as the user's own choices (db/imports.ts). */
  themeLinks?: ThemeLinkEdit[];
}

/** Checks a parsed app file. Items with problems are reported by list and item number, and left out. */
export function validateAppFile(json: unknown, issues: IssueList): ValidAppFile | null {
  if (isRecord(json) && json.format === 'safeguarding-lens/dashboard') {
    issues.error('this is a dashboard file (a view with the data it shows): open it with “Open a dashboard file” on the Data page.');
    return null;
  }
  if (!isRecord(json) || json.format !== APP_FORMAT) {
    issues.error(`this JSON is not a Safeguarding Lens data file (its "format" should be "${APP_FORMAT}").`);
    return null;
  }
  if (!num(json.version) || json.version < 1) {
    issues.error('the file has no valid "version".', undefined, 'version');
    return null;
  }
  if (json.version > APP_VERSION) {
    issues.error(`the file is version ${json.version}, newer than this app can read (version ${APP_VERSION}). Update the app and try again.`, undefined, 'version');
    return null;
  }
  const list = (name: string): unknown[] => {
    const v = json[name];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      issues.error(`"${name}" should be a list.`, undefined, name);
      return [];
    }
    return v;
  };
  const out: ValidAppFile = { areas: [], indicators: [], observations: [], documents: [], priorities: [] };
  const at = (listName: string, i: number, field: string, message: string) => issues.error(`${listName} item ${i + 1}: ${message}`, undefined, field);

  list('areas').forEach((a, i) => {
    if (!isRecord(a)) return at('areas', i, '', 'should be an object.');
    if (!str(a.code) || !isAreaCode(a.code)) return at('areas', i, 'code', 'is not a GSS code or a custom area code (X and eight digits).');
    if (!str(a.name) || !a.name.trim()) return at('areas', i, 'name', 'has no name.');
    if (!LEVELS.includes(a.level as AreaLevel)) return at('areas', i, 'level', `should be one of ${LEVELS.join(', ')}.`);
    out.areas.push({
      code: a.code,
      name: a.name,
      level: a.level as AreaLevel,
      ...(str(a.regionCode) ? { regionCode: a.regionCode } : {}),
      ...(num(a.oldLaCode) ? { oldLaCode: a.oldLaCode } : {}),
      aliases: Array.isArray(a.aliases) ? a.aliases.filter(str) : [a.name],
      ...(Array.isArray(a.previousCodes) ? { previousCodes: a.previousCodes.filter(str) } : {}),
      importId: '',
    });
  });

  list('indicators').forEach((d, i) => {
    if (!isRecord(d)) return at('indicators', i, '', 'should be an object.');
    if (!str(d.id) || !ID.test(d.id)) return at('indicators', i, 'id', 'should be letters, digits, _ . or - (at most 64).');
    if (!str(d.label) || !d.label.trim()) return at('indicators', i, 'label', 'has no label.');
    if (!UNITS.includes(d.unit as IndicatorUnit)) return at('indicators', i, 'unit', `should be one of ${UNITS.join(', ')}.`);
    const scale = d.unit === 'ordinal' ? readScale(d.scale) : undefined;
    if (typeof scale === 'string') return at('indicators', i, 'scale', scale);
    out.indicators.push({
      id: d.id,
      label: d.label,
      shortLabel: str(d.shortLabel) && d.shortLabel.trim() ? d.shortLabel : d.label,
      unit: d.unit as IndicatorUnit,
      polarity: POLARITIES.includes(d.polarity as Polarity) ? (d.polarity as Polarity) : 'neither',
      definition: str(d.definition) ? d.definition : '',
      source: str(d.source) ? d.source : '',
      decimals: num(d.decimals) && d.decimals >= 0 && d.decimals <= 6 ? Math.round(d.decimals) : 1,
      ...(str(d.vintage) && d.vintage.trim() ? { vintage: d.vintage } : {}),
      ...(scale ? { scale } : {}),
      importId: '',
    });
  });

  list('observations').forEach((o, i) => {
    if (issues.full) return;
    if (!isRecord(o)) return at('observations', i, '', 'should be an object.');
    if (!str(o.indicatorId) || !ID.test(o.indicatorId)) return at('observations', i, 'indicatorId', 'is not an indicator id.');
    if (!str(o.areaCode) || !o.areaCode.trim()) return at('observations', i, 'areaCode', 'has no area code.');
    const period = num(o.period) ? parsePeriod(String(o.period)) : str(o.period) ? parsePeriod(o.period) : null;
    if (period === null) return at('observations', i, 'period', `“${String(o.period)}” is not a year (2025 means 2024-25).`);
    const status = o.status === undefined || o.status === null ? null : o.status;
    if (status !== null && !(STATUS_CODES as readonly unknown[]).includes(status)) return at('observations', i, 'status', `“${String(status)}” is not one of ${STATUS_CODES.join(' ')}.`);
    let value: number | null;
    if (o.value === null || o.value === undefined) value = null;
    else if (num(o.value)) value = o.value;
    else return at('observations', i, 'value', `“${String(o.value)}” is not a number (write null and a status for a suppressed figure).`);
    if (value !== null && status !== null) return at('observations', i, 'status', 'has both a value and a status.');
    const obs: Omit<Observation, 'importId'> = { indicatorId: o.indicatorId, areaCode: o.areaCode.trim(), period, value, status: value === null ? ((status as StatusCode | null) ?? 'blank') : null };
    if (num(o.numerator)) obs.numerator = o.numerator;
    if (num(o.denominator)) obs.denominator = o.denominator;
    out.observations.push(obs);
  });

  list('documents').forEach((d, i) => {
    if (!isRecord(d)) return at('documents', i, '', 'should be an object.');
    if (!str(d.id) || !str(d.areaCode) || !num(d.period) || !str(d.title) || !str(d.text)) return at('documents', i, '', 'needs id, areaCode, period, title and text.');
    out.documents.push({
      id: d.id,
      areaCode: d.areaCode,
      period: d.period,
      title: d.title,
      ...(str(d.meetingDate) ? { meetingDate: d.meetingDate } : {}),
      source: str(d.source) ? d.source : '',
      text: d.text,
      hash: str(d.hash) ? d.hash : '',
      importId: '',
    });
  });

  list('priorities').forEach((p, i) => {
    if (!isRecord(p)) return at('priorities', i, '', 'should be an object.');
    if (!str(p.id) || !str(p.areaCode) || !num(p.period) || !str(p.label)) return at('priorities', i, '', 'needs id, areaCode, period and label.');
    // Only the fields a priority has, each checked: anything else a file or a link brings
    // (`constructor`, `__proto__`, a made-up `editedAt`) is dropped, never stored.
    const e = p.evidence;
    const evidence = isRecord(e) && num(e.start) && num(e.end) && str(e.sentence) ? { start: e.start, end: e.end, sentence: e.sentence } : undefined;
    const editedAt = str(p.editedAt) && ISO_TIME.test(p.editedAt) && !Number.isNaN(Date.parse(p.editedAt)) ? p.editedAt : undefined;
    out.priorities.push({
      id: p.id,
      areaCode: p.areaCode,
      period: p.period,
      label: p.label,
      themeIds: Array.isArray(p.themeIds) ? p.themeIds.filter(str) : [],
      ...(str(p.documentId) ? { documentId: p.documentId } : {}),
      ...(evidence ? { evidence } : {}),
      ...(p.userEdited === true ? { userEdited: true } : {}),
      ...(p.removed === true ? { removed: true } : {}),
      ...(editedAt ? { editedAt } : {}),
      importId: '',
    });
  });

  list('themeLinks').forEach((l, i) => {
    if (!isRecord(l)) return at('themeLinks', i, '', 'should be an object.');
    if (!str(l.themeId) || !ID.test(l.themeId) || !str(l.indicatorId) || !ID.test(l.indicatorId) || typeof l.linked !== 'boolean')
      return at('themeLinks', i, '', 'needs themeId and indicatorId (ids) and linked (true or false).');
    if (!str(l.editedAt) || !ISO_TIME.test(l.editedAt) || Number.isNaN(Date.parse(l.editedAt))) return at('themeLinks', i, 'editedAt', 'should be an ISO time.');
    (out.themeLinks ??= []).push({ id: `${l.themeId}|${l.indicatorId}`, themeId: l.themeId, indicatorId: l.indicatorId, linked: l.linked, editedAt: l.editedAt, importId: '' });
  });
  return out;
}

/** Observations → the columnar series the database keeps. */
export function appSeries(importId: string, observations: Omit<Observation, 'importId'>[]): ObservationSeries[] {
  return seriesFromObservations(importId, observations);
}

/** Builds the file export writes. */
export function buildAppFile(
  data: { areas: Area[]; indicators: Indicator[]; observations: Observation[]; documents?: SourceDocument[]; priorities?: Priority[]; themeLinks?: ThemeLinkEdit[] },
  description: string,
): AppFile {
  const strip = <T extends { importId: string }>(x: T): Omit<T, 'importId'> => {
    const { importId: _drop, ...rest } = x;
    return rest;
  };
  return {
    format: APP_FORMAT,
    version: APP_VERSION,
    exportedAt: new Date().toISOString(),
    description,
    areas: data.areas.map(strip),
    indicators: data.indicators.map(strip),
    observations: data.observations.map((o) => {
      const out: AppObservation = { indicatorId: o.indicatorId, areaCode: o.areaCode, period: o.period, value: o.value };
      if (o.value === null) out.status = o.status ?? 'blank';
      if (o.numerator !== undefined) out.numerator = o.numerator;
      if (o.denominator !== undefined) out.denominator = o.denominator;
      return out;
    }),
    documents: (data.documents ?? []).map(strip),
    priorities: (data.priorities ?? []).map(strip),
    ...(data.themeLinks?.length ? { themeLinks: data.themeLinks.map(({ themeId, indicatorId, linked, editedAt }) => ({ themeId, indicatorId, linked, editedAt })) } : {}),
  };
}
