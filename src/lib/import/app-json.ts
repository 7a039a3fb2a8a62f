/**
 * The app's own data file: versioned JSON that export writes and import reads,
 * so that export then import loses nothing. The schema is documented in docs/data-format.md
 * ("The app's data file"). validateAppFile() checks a parsed file item by item, each
 * list against its declared checks (model/record-spec.ts, as backups are checked), and
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
import { readBreakdown } from '../model/breakdown';
import { isBool, isStr, refusal, type Check, type TableSpec } from '../model/record-spec';
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

const must =
  (ok: (v: unknown, r: Json) => boolean, why: string): Check =>
  (v, r) =>
    ok(v, r) ? undefined : why;
const filled = (v: unknown): v is string => str(v) && v.trim() !== '';
const isId = (v: unknown): v is string => str(v) && ID.test(v);
const finite: Check = (v) => (num(v) ? undefined : 'is not a number');
const isIsoTime = (v: unknown): v is string => str(v) && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v));
/** A figure's status: null when the file gives none. */
const statusOf = (o: Json): unknown => (o.status === undefined || o.status === null ? null : o.status);
/** A figure's value: null when the file gives none, undefined when it is not a number. */
const valueOf = (o: Json): number | null | undefined => (o.value === null || o.value === undefined ? null : num(o.value) ? o.value : undefined);
const periodOf = (o: Json): number | null => (num(o.period) ? parsePeriod(String(o.period)) : str(o.period) ? parsePeriod(o.period) : null);

/** One list of the file: the checks an item must pass, and the item as stored. */
interface ListSpec<T> {
  spec: TableSpec;
  /** The checked item as stored: each other field read leniently (a default, or left out), nothing else kept. */
  read: (r: Json) => T;
  /** Stop reading the list once the issues are full: a file may hold millions of figures. */
  bounded?: boolean;
}

const AREAS: ListSpec<Area> = {
  spec: {
    key: 'code',
    fields: {
      code: must((v) => str(v) && isAreaCode(v), 'is not a GSS code or a custom area code (X and eight digits).'),
      name: must(filled, 'has no name.'),
      level: must((v) => LEVELS.includes(v as AreaLevel), `should be one of ${LEVELS.join(', ')}.`),
    },
  },
  read: (a) => ({
    code: a.code as string,
    name: a.name as string,
    level: a.level as AreaLevel,
    ...(str(a.regionCode) ? { regionCode: a.regionCode } : {}),
    ...(num(a.oldLaCode) ? { oldLaCode: a.oldLaCode } : {}),
    aliases: Array.isArray(a.aliases) ? a.aliases.filter(str) : [a.name as string],
    ...(Array.isArray(a.previousCodes) ? { previousCodes: a.previousCodes.filter(str) } : {}),
    importId: '',
  }),
};

const INDICATORS: ListSpec<Indicator> = {
  spec: {
    key: 'id',
    fields: {
      id: must(isId, 'should be letters, digits, _ . or - (at most 64).'),
      label: must(filled, 'has no label.'),
      unit: must((v) => UNITS.includes(v as IndicatorUnit), `should be one of ${UNITS.join(', ')}.`),
      scale: (v, d) => {
        const scale = d.unit === 'ordinal' ? readScale(v) : undefined;
        return typeof scale === 'string' ? scale : undefined;
      },
    },
  },
  read: (d) => {
    const scale = d.unit === 'ordinal' ? (readScale(d.scale) as OrdinalScale) : undefined;
    const breakdown = readBreakdown(d.breakdown);
    return {
      id: d.id as string,
      label: d.label as string,
      shortLabel: filled(d.shortLabel) ? d.shortLabel : (d.label as string),
      unit: d.unit as IndicatorUnit,
      polarity: POLARITIES.includes(d.polarity as Polarity) ? (d.polarity as Polarity) : 'neither',
      definition: str(d.definition) ? d.definition : '',
      source: str(d.source) ? d.source : '',
      decimals: num(d.decimals) && d.decimals >= 0 && d.decimals <= 6 ? Math.round(d.decimals) : 1,
      ...(filled(d.vintage) ? { vintage: d.vintage } : {}),
      ...(scale ? { scale } : {}),
      ...(breakdown ? { breakdown } : {}),
      importId: '',
    };
  },
};

const OBSERVATIONS: ListSpec<Omit<Observation, 'importId'>> = {
  bounded: true,
  spec: {
    fields: {
      indicatorId: must(isId, 'is not an indicator id.'),
      areaCode: must(filled, 'has no area code.'),
      period: (v, o) => (periodOf(o) === null ? `“${String(v)}” is not a year (2025 means 2024-25).` : undefined),
      status: (v, o) => {
        const status = statusOf(o);
        if (status === null) return undefined;
        if (!(STATUS_CODES as readonly unknown[]).includes(status)) return `“${String(status)}” is not one of ${STATUS_CODES.join(' ')}.`;
        // A figure with both is refused at its status; a value that is no number is the value's own check.
        return num(valueOf(o)) ? 'has both a value and a status.' : undefined;
      },
      value: (v, o) => (valueOf(o) === undefined ? `“${String(v)}” is not a number (write null and a status for a suppressed figure).` : undefined),
    },
  },
  read: (o) => {
    const value = valueOf(o)!;
    const status = statusOf(o) as StatusCode | null;
    return {
      indicatorId: o.indicatorId as string,
      areaCode: (o.areaCode as string).trim(),
      period: periodOf(o)!,
      value,
      status: value === null ? (status ?? 'blank') : null,
      ...(num(o.numerator) ? { numerator: o.numerator } : {}),
      ...(num(o.denominator) ? { denominator: o.denominator } : {}),
    };
  },
};

const DOCUMENTS: ListSpec<SourceDocument> = {
  spec: {
    key: 'id',
    together: { fields: { id: isStr, areaCode: isStr, period: finite, title: isStr, text: isStr }, why: 'needs id, areaCode, period, title and text.' },
    fields: {},
  },
  read: (d) => ({
    id: d.id as string,
    areaCode: d.areaCode as string,
    period: d.period as number,
    title: d.title as string,
    ...(str(d.meetingDate) ? { meetingDate: d.meetingDate } : {}),
    source: str(d.source) ? d.source : '',
    text: d.text as string,
    hash: str(d.hash) ? d.hash : '',
    importId: '',
  }),
};

const PRIORITIES: ListSpec<Priority> = {
  spec: {
    key: 'id',
    together: { fields: { id: isStr, areaCode: isStr, period: finite, label: isStr }, why: 'needs id, areaCode, period and label.' },
    fields: {},
  },
  // Only the fields a priority has, each checked: anything else a file or a link brings
  // (`constructor`, `__proto__`, a made-up `editedAt`) is dropped, never stored.
  read: (p) => {
    const e = p.evidence;
    const evidence = isRecord(e) && num(e.start) && num(e.end) && str(e.sentence) ? { start: e.start, end: e.end, sentence: e.sentence } : undefined;
    return {
      id: p.id as string,
      areaCode: p.areaCode as string,
      period: p.period as number,
      label: p.label as string,
      themeIds: Array.isArray(p.themeIds) ? p.themeIds.filter(str) : [],
      ...(str(p.documentId) ? { documentId: p.documentId } : {}),
      ...(evidence ? { evidence } : {}),
      ...(p.userEdited === true ? { userEdited: true } : {}),
      ...(p.removed === true ? { removed: true } : {}),
      ...(isIsoTime(p.editedAt) ? { editedAt: p.editedAt } : {}),
      importId: '',
    };
  },
};

const THEME_LINKS: ListSpec<ThemeLinkEdit> = {
  spec: {
    together: {
      fields: { themeId: must(isId, 'is not an id'), indicatorId: must(isId, 'is not an id'), linked: isBool },
      why: 'needs themeId and indicatorId (ids) and linked (true or false).',
    },
    fields: { editedAt: must(isIsoTime, 'should be an ISO time.') },
  },
  read: (l) => ({ id: `${String(l.themeId)}|${String(l.indicatorId)}`, themeId: l.themeId as string, indicatorId: l.indicatorId as string, linked: l.linked as boolean, editedAt: l.editedAt as string, importId: '' }),
};

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
  const read = <T>(name: string, { spec, read, bounded }: ListSpec<T>): T[] => {
    const items = json[name];
    if (items === undefined) return [];
    if (!Array.isArray(items)) {
      issues.error(`"${name}" should be a list.`, undefined, name);
      return [];
    }
    const out: T[] = [];
    for (const [i, item] of items.entries()) {
      if (bounded && issues.full) break;
      const wrong = isRecord(item) ? refusal(spec, item) : { field: '', why: 'should be an object.' };
      if (wrong) issues.error(`${name} item ${i + 1}: ${wrong.why}`, undefined, wrong.field);
      else out.push(read(item as Json));
    }
    return out;
  };
  const out: ValidAppFile = {
    areas: read('areas', AREAS),
    indicators: read('indicators', INDICATORS),
    observations: read('observations', OBSERVATIONS),
    documents: read('documents', DOCUMENTS),
    priorities: read('priorities', PRIORITIES),
  };
  const themeLinks = read('themeLinks', THEME_LINKS);
  return themeLinks.length ? { ...out, themeLinks } : out;
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
