import { isAreaCode } from '../model/area-names';
import { parsePeriod } from '../model/period';
import type { AreaCode, Period } from '../model/types';

/** The four partnerships whose minutes ship with the app. */
export const DEFAULT_AREAS: readonly AreaCode[] = ['E10000034', 'E08000030', 'E08000029', 'E06000019'];
export const DEFAULT_INDICATOR = 'cpp_rate';
/** Enough for a readable chart; a link asking for more is cut short with a message. */
export const MAX_AREAS = 20;
export const DEFAULT_NEIGHBOURS = 'sn2025';
/** `neighbours=none` hides the neighbours' benchmark. */
export const NO_NEIGHBOURS = 'none';

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
  /** Statistical neighbour model for the neighbours' benchmark ('sn2021', or 'none' to hide it); absent: 'sn2025'. */
  neighbours?: string;
  /** Whose neighbours; absent: the first chosen local authority. */
  neighboursOf?: AreaCode;
  /** Show the map of every authority. */
  map?: boolean;
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
  /** Indicator of the area's trend chart; absent: cpp_rate. */
  indicator?: string;
  /** Statistical neighbour model, as on Compare; absent: 'sn2025'. */
  neighbours?: string;
}

export interface DataView {
  name: 'data';
}

export type View = CompareView | ThemesView | AreaView | DataView;

export interface Decoded {
  view: View;
  /** Plain-language notes on what in the link could not be used. */
  problems: string[];
  /** The parameters every route accepts: contract version, data vintage, presentation mode. */
  link: LinkParams;
}

/**
 * Parameters that any route accepts, read in one place so that views can add their
 * own parameters without touching these.
 */
export interface LinkParams {
  /**
   * Version of the URL contract the link was written in (`v`). Links without `v`
   * (written before versioning, or by the address bar) are read as version 1.
   */
  version: number;
  /**
   * The edition of the bundled figures the link was made on (`data`): the first
   * eight hex digits of the bundle's content hash. Absent when the link does not say.
   */
  vintage?: string;
  /** Presentation mode for councillors (`present=1`): read-only, larger type. */
  present: boolean;
  /**
   * Imported data the link carries (`carry`): compressed, base64url, read and checked
   * by share/carry-format.ts. Left as text here; never written by encodeHash.
   */
  carry?: string;
}

/** The URL contract this build writes. Raise it only for a change old readers would misread. */
export const LINK_VERSION = 1;
export const DEFAULT_LINK: Readonly<LinkParams> = { version: 1, present: false };
const VINTAGE_LENGTH = 8;

export function defaultView(): CompareView {
  return { name: 'compare', areas: [...DEFAULT_AREAS], indicator: DEFAULT_INDICATOR };
}

const MAX_HASH_LENGTH = 4000;
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Reads a location hash such as `#/compare?areas=E10000034&indicator=cpp_rate`. Never throws. */
export function decodeHash(rawHash: string): Decoded {
  const problems: string[] = [];
  const carried = takeCarry(rawHash.startsWith('#') ? rawHash.slice(1) : rawHash);
  const hash = carried.rest;
  if (hash.length > MAX_HASH_LENGTH) {
    return {
      view: defaultView(),
      problems: ['The link is too long to be a Safeguarding Lens link, so the default view is shown.'],
      link: { ...DEFAULT_LINK },
    };
  }
  const q = hash.indexOf('?');
  const path = q === -1 ? hash : hash.slice(0, q);
  const params = new ReadParams(q === -1 ? '' : hash.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  const link = readLinkParams(params, problems);
  if (carried.carry !== undefined) link.carry = carried.carry;
  if (carried.repeated) problems.push('“carry” is given more than once; the first is used.');
  const { view } = decodeView(segments, params, problems);
  problems.push(...params.unusedProblems());
  return { view, problems, link };
}

/**
 * Takes the `carry` parameter out of a hash before anything else: it is the one
 * parameter allowed to be long (its reader has its own limits), and it is kept as
 * written, since base64url needs no decoding.
 */
function takeCarry(hash: string): { rest: string; carry?: string; repeated: boolean } {
  const q = hash.indexOf('?');
  if (q === -1 || !hash.includes('carry=', q)) return { rest: hash, repeated: false };
  let carry: string | undefined;
  let repeated = false;
  const kept = hash
    .slice(q + 1)
    .split('&')
    .filter((part) => {
      if (!part.startsWith('carry=')) return true;
      if (carry === undefined) carry = part.slice('carry='.length);
      else repeated = true;
      return false;
    });
  return { rest: kept.length ? `${hash.slice(0, q)}?${kept.join('&')}` : hash.slice(0, q), ...(carry !== undefined ? { carry } : {}), repeated };
}

/**
 * URLSearchParams that remembers which names were read, so that whatever a route
 * did not use can be reported without a list of every route's parameter names.
 */
class ReadParams extends URLSearchParams {
  private readonly read = new Set<string>();
  override get(name: string): string | null {
    this.read.add(name);
    return super.get(name);
  }
  override getAll(name: string): string[] {
    this.read.add(name);
    return super.getAll(name);
  }
  override has(name: string, value?: string): boolean {
    this.read.add(name);
    return value === undefined ? super.has(name) : super.has(name, value);
  }

  unusedProblems(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const [name, value] of this.entries()) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (name === '' && value === '') continue;
      if (!this.read.has(name)) out.push(`This view has no setting “${shorten(name)}”, so it was ignored.`);
      else if (super.getAll(name).length > 1) out.push(`“${shorten(name)}” is given more than once; the first is used.`);
    }
    return out;
  }
}

/** `v`, `data` and `present`: accepted on every route. */
function readLinkParams(params: URLSearchParams, problems: string[]): LinkParams {
  const link: LinkParams = { ...DEFAULT_LINK };
  const v = params.get('v');
  if (v !== null) {
    if (!/^[1-9]\d{0,3}$/.test(v)) problems.push(`“${shorten(v)}” is not a link version, so the link was read as version ${LINK_VERSION}.`);
    else {
      link.version = Number(v);
      if (link.version > LINK_VERSION)
        problems.push(`This link was made by a newer version of Safeguarding Lens (link version ${link.version}); this version shows what it can of it.`);
    }
  }
  const data = params.get('data');
  if (data !== null) {
    if (/^[0-9a-f]{8,64}$/i.test(data)) link.vintage = data.slice(0, VINTAGE_LENGTH).toLowerCase();
    else problems.push(`“${shorten(data)}” is not an edition of the figures (for “data”), so it was ignored.`);
  }
  const present = params.get('present');
  if (present !== null) {
    if (present === '1') link.present = true;
    else if (present !== '0') problems.push(`“${shorten(present)}” is not a presentation setting (write present=1), so the usual view is shown.`);
  }
  return link;
}

/** The edition of a bundle as a link records it: the first eight hex digits of its content hash. */
export function vintageOf(bundleHash: string): string {
  return bundleHash.slice(0, VINTAGE_LENGTH).toLowerCase();
}

function decodeView(segments: string[], params: URLSearchParams, problems: string[]): { view: View; problems: string[] } {
  const route = segments[0] ?? 'compare';

  switch (route) {
    case 'compare': {
      const view: CompareView = { ...defaultView() };
      if (params.has('areas')) view.areas = readAreas(params.get('areas')!, problems);
      const indicator = params.get('indicator');
      if (indicator !== null) {
        if (ID_PATTERN.test(indicator)) view.indicator = indicator;
        else problems.push(`“${shorten(indicator)}” is not an indicator name, so ${DEFAULT_INDICATOR} is shown.`);
      }
      readYears(params, view, problems, true);
      readNeighbours(params, view, problems);
      const of = params.get('neighboursOf');
      if (of !== null) {
        const code = of.trim().toUpperCase();
        if (isAreaCode(code)) view.neighboursOf = code;
        else problems.push(`“${shorten(of)}” is not an area code (for “neighboursOf”), so it was ignored.`);
      }
      const map = params.get('map');
      if (map === '1') view.map = true;
      else if (map !== null && map !== '0') problems.push(`“${shorten(map)}” is not 1 or 0 (for “map”), so it was ignored.`);
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
      if (isAreaCode(code)) {
        const view: AreaView = { name: 'area', code };
        const indicator = params.get('indicator');
        if (indicator !== null) {
          if (ID_PATTERN.test(indicator)) view.indicator = indicator;
          else problems.push(`“${shorten(indicator)}” is not an indicator name, so ${DEFAULT_INDICATOR} is shown.`);
        }
        readNeighbours(params, view, problems);
        return { view, problems };
      }
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

function readNeighbours(params: URLSearchParams, view: { neighbours?: string }, problems: string[]): void {
  const raw = params.get('neighbours');
  if (raw === null) return;
  if (ID_PATTERN.test(raw)) {
    if (raw !== DEFAULT_NEIGHBOURS) view.neighbours = raw;
  } else problems.push(`“${shorten(raw)}” is not a statistical neighbour model, so the 2025 model is used.`);
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

/**
 * Writes a view as a location hash, leaving defaults out. `link` adds the parameters
 * every route accepts (a shared link writes `v` and `data`; presentation mode `present`).
 */
export function encodeHash(view: View, link: Partial<LinkParams> = {}): string {
  return withLinkParams(encodeView(view), link);
}

/** Appends the common parameters to a hash written by encodeHash; defaults are left out. */
export function withLinkParams(hash: string, link: Partial<LinkParams>): string {
  const parts: string[] = [];
  if (link.version !== undefined) parts.push(`v=${link.version}`);
  if (link.vintage !== undefined) parts.push(`data=${encodeURIComponent(link.vintage)}`);
  if (link.present) parts.push('present=1');
  if (!parts.length) return hash;
  return `${hash}${hash.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

function encodeView(view: View): string {
  switch (view.name) {
    case 'compare': {
      const parts: string[] = [];
      if (!sameAreas(view.areas, DEFAULT_AREAS)) parts.push(`areas=${view.areas.map(encodeURIComponent).join(',')}`);
      if (view.indicator !== DEFAULT_INDICATOR) parts.push(`indicator=${encodeURIComponent(view.indicator)}`);
      if (view.from !== undefined) parts.push(`from=${view.from}`);
      if (view.to !== undefined) parts.push(`to=${view.to}`);
      if (view.year !== undefined) parts.push(`year=${view.year}`);
      if (view.neighbours !== undefined && view.neighbours !== DEFAULT_NEIGHBOURS) parts.push(`neighbours=${encodeURIComponent(view.neighbours)}`);
      if (view.neighboursOf !== undefined) parts.push(`neighboursOf=${encodeURIComponent(view.neighboursOf)}`);
      if (view.map) parts.push('map=1');
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
    case 'area': {
      const parts: string[] = [];
      if (view.indicator !== undefined && view.indicator !== DEFAULT_INDICATOR) parts.push(`indicator=${encodeURIComponent(view.indicator)}`);
      if (view.neighbours !== undefined && view.neighbours !== DEFAULT_NEIGHBOURS) parts.push(`neighbours=${encodeURIComponent(view.neighbours)}`);
      return `#/area/${encodeURIComponent(view.code)}${parts.length ? `?${parts.join('&')}` : ''}`;
    }
    case 'data':
      return '#/data';
  }
}

function sameAreas(a: readonly AreaCode[], b: readonly AreaCode[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
