import { isAreaCode } from '../model/area-names';
import { parsePeriod } from '../model/period';
import type { AreaCode, Period } from '../model/types';

/** The four partnerships whose minutes ship with the app. */
export const DEFAULT_AREAS: readonly AreaCode[] = ['E10000034', 'E08000030', 'E08000029', 'E06000019'];
export const DEFAULT_INDICATOR = 'cpp_rate';
/** Enough for a readable chart; a link asking for more is cut short with a message. */
export const MAX_AREAS = 20;

export interface CompareView {
  name: 'compare';
  areas: AreaCode[];
  indicator: string;
  /** Absent: the first year with data. */
  from?: Period;
  /** Absent: the latest year with data. */
  to?: Period;
  /** The year of the ranking and table; absent: the latest in range. */
  year?: Period;
  /** Theme id whose priority years are marked on the trend chart; absent: no markers. */
  theme?: string;
}

export interface ThemesView {
  name: 'themes';
  areas: AreaCode[];
  from?: Period;
  to?: Period;
  /** With `area`: the heatmap cell whose evidence is open. */
  theme?: string;
  area?: AreaCode;
  /** A document open in full, scrolled to the sentence starting at `at`. */
  doc?: string;
  at?: number;
}

export interface AreaView {
  name: 'area';
  code: AreaCode;
}

export interface DataView {
  name: 'data';
}

export type View = CompareView | ThemesView | AreaView | DataView;

export interface Decoded {
  view: View;
  /** Plain-language notes on what in the link could not be used. */
  problems: string[];
}

export function defaultView(): CompareView {
  return { name: 'compare', areas: [...DEFAULT_AREAS], indicator: DEFAULT_INDICATOR };
}

const MAX_HASH_LENGTH = 4000;

/** Reads a location hash such as `#/compare?areas=E10000034&indicator=cpp_rate`. Never throws. */
export function decodeHash(rawHash: string): Decoded {
  const problems: string[] = [];
  let hash = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  if (hash.length > MAX_HASH_LENGTH) {
    return { view: defaultView(), problems: ['The link is too long to be a Safeguarding Lens link, so the default view is shown.'] };
  }
  const q = hash.indexOf('?');
  const path = q === -1 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  const route = segments[0] ?? 'compare';

  switch (route) {
    case 'compare': {
      const view: CompareView = { ...defaultView() };
      if (params.has('areas')) view.areas = readAreas(params.get('areas')!, problems);
      const indicator = params.get('indicator');
      if (indicator !== null) {
        if (/^[A-Za-z0-9_.-]{1,64}$/.test(indicator)) view.indicator = indicator;
        else problems.push(`“${shorten(indicator)}” is not an indicator name, so ${DEFAULT_INDICATOR} is shown.`);
      }
      readYears(params, view, problems, true);
      readTheme(params, view, problems);
      return { view, problems };
    }
    case 'themes': {
      const view: ThemesView = { name: 'themes', areas: [...DEFAULT_AREAS] };
      if (params.has('areas')) view.areas = readAreas(params.get('areas')!, problems);
      readYears(params, view, problems, false);
      readTheme(params, view, problems);
      readEvidence(params, view, problems);
      return { view, problems };
    }
    case 'area': {
      const code = (segments[1] ?? '').toUpperCase();
      if (isAreaCode(code)) return { view: { name: 'area', code }, problems };
      problems.push(code ? `“${shorten(segments[1]!)}” is not an area code, so the Compare view is shown.` : 'The link names no area, so the Compare view is shown.');
      return { view: defaultView(), problems };
    }
    case 'data':
      return { view: { name: 'data' }, problems };
    default:
      problems.push(`There is no “${shorten(route)}” page, so the Compare view is shown.`);
      return { view: defaultView(), problems };
  }
}

function readAreas(raw: string, problems: string[]): AreaCode[] {
  const out: AreaCode[] = [];
  for (const part of raw.split(',')) {
    const code = part.trim().toUpperCase();
    if (code === '') continue;
    if (!isAreaCode(code)) problems.push(`“${shorten(part.trim())}” is not an area code and was left out.`);
    else if (!out.includes(code)) out.push(code);
  }
  if (out.length > MAX_AREAS) {
    problems.push(`The link names ${out.length} areas; the first ${MAX_AREAS} are shown.`);
    out.length = MAX_AREAS;
  }
  return out;
}

function readYears(params: URLSearchParams, view: { from?: Period; to?: Period; year?: Period }, problems: string[], withYear: boolean): void {
  const names = withYear ? (['from', 'to', 'year'] as const) : (['from', 'to'] as const);
  for (const key of names) {
    const raw = params.get(key);
    if (raw === null) continue;
    const p = parsePeriod(raw);
    if (p === null) problems.push(`“${shorten(raw)}” is not a year (for “${key}”), so it was ignored.`);
    else view[key] = p;
  }
  if (view.from !== undefined && view.to !== undefined && view.from > view.to) {
    problems.push(`The years were the wrong way round (${view.from} to ${view.to}), so they were swapped.`);
    [view.from, view.to] = [view.to, view.from];
  }
}

function readTheme(params: URLSearchParams, view: { theme?: string }, problems: string[]): void {
  const theme = params.get('theme');
  if (theme === null || theme === '') return;
  if (/^[a-z_]{1,40}$/.test(theme)) view.theme = theme;
  else problems.push(`“${shorten(theme)}” is not a theme name, so no theme is chosen.`);
}

function readEvidence(params: URLSearchParams, view: ThemesView, problems: string[]): void {
  const area = params.get('area');
  if (area !== null && area !== '') {
    const code = area.trim().toUpperCase();
    if (isAreaCode(code)) view.area = code;
    else problems.push(`“${shorten(area)}” is not an area code, so no evidence is open.`);
  }
  const doc = params.get('doc');
  if (doc !== null && doc !== '') {
    if (/^[A-Za-z0-9:_.-]{1,100}$/.test(doc)) view.doc = doc;
    else problems.push(`“${shorten(doc)}” is not a document id, so no document is open.`);
  }
  const at = params.get('at');
  if (at !== null && at !== '') {
    if (/^\d{1,9}$/.test(at) && view.doc !== undefined) view.at = Number(at);
    else problems.push(`“${shorten(at)}” is not a place in a document, so the document opens at the top.`);
  }
}

/** Quoting a tampered link back at the user: keep it short and printable. */
function shorten(s: string): string {
  const printable = s.replace(/[^\x20-\x7E\u00A0-\uFFFF]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

/** Writes a view as a location hash, leaving defaults out. */
export function encodeHash(view: View): string {
  switch (view.name) {
    case 'compare': {
      const parts: string[] = [];
      if (!sameAreas(view.areas, DEFAULT_AREAS)) parts.push(`areas=${view.areas.map(encodeURIComponent).join(',')}`);
      if (view.indicator !== DEFAULT_INDICATOR) parts.push(`indicator=${encodeURIComponent(view.indicator)}`);
      if (view.from !== undefined) parts.push(`from=${view.from}`);
      if (view.to !== undefined) parts.push(`to=${view.to}`);
      if (view.year !== undefined) parts.push(`year=${view.year}`);
      if (view.theme !== undefined) parts.push(`theme=${encodeURIComponent(view.theme)}`);
      return `#/compare${parts.length ? `?${parts.join('&')}` : ''}`;
    }
    case 'themes': {
      const parts: string[] = [];
      if (!sameAreas(view.areas, DEFAULT_AREAS)) parts.push(`areas=${view.areas.map(encodeURIComponent).join(',')}`);
      if (view.from !== undefined) parts.push(`from=${view.from}`);
      if (view.to !== undefined) parts.push(`to=${view.to}`);
      if (view.theme !== undefined) parts.push(`theme=${encodeURIComponent(view.theme)}`);
      if (view.area !== undefined) parts.push(`area=${encodeURIComponent(view.area)}`);
      if (view.doc !== undefined) parts.push(`doc=${encodeURIComponent(view.doc)}`);
      if (view.doc !== undefined && view.at !== undefined) parts.push(`at=${view.at}`);
      return `#/themes${parts.length ? `?${parts.join('&')}` : ''}`;
    }
    case 'area':
      return `#/area/${encodeURIComponent(view.code)}`;
    case 'data':
      return '#/data';
  }
}

function sameAreas(a: readonly AreaCode[], b: readonly AreaCode[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
