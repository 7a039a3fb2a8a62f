import { isAreaCode } from '../model/area-names';
import { parsePeriod } from '../model/period';
import type { AreaCode, Period } from '../model/types';
import { param, shorten, type LinkParam, type ParamSpec, type Parsed, type WriteOptions } from './link-param';

/** The four partnerships whose minutes ship with the app. */
export const DEFAULT_AREAS: readonly AreaCode[] = ['E10000034', 'E08000030', 'E08000029', 'E06000019'];
export const DEFAULT_INDICATOR = 'cpp_rate';
/** Enough for a readable chart; a link asking for more is cut short with a message. */
export const MAX_AREAS = 20;
export const DEFAULT_NEIGHBOURS = 'sn2025';
/** `neighbours=none` hides the neighbours' benchmark. */
export const NO_NEIGHBOURS = 'none';
/**
 * The level a verdict is tested at: 95% (Fingertips' default) or 99.8% (its stricter
 * choice). The same values as stats' ConfidenceLevel, written here because state does
 * not import stats.
 */
export type LinkLevel = 95 | 99.8;
/** How the neighbours' figures are averaged: mean (as LAIT) or median (as DfE's outcomes-and-enablers dashboard). */
export type LinkAverage = 'mean' | 'median';

/** Where a trend chart's value axis starts: at zero, or fitted to the figures drawn (with a break marked). */
export type LinkAxis = 'zero' | 'fit';

export interface CompareView {
  name: 'compare';
  areas: AreaCode[];
  indicator: string;
  /** The value of the indicator's breakdown shown (model/breakdown.ts); absent: its total. */
  breakdown?: string;
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
  /** Level of the comparison with England and of the intervals; absent: 95. */
  level?: LinkLevel;
  /** The neighbours' average as a mean or a median; absent: mean. */
  average?: LinkAverage;
  /** Every authority for the year as a ranked bar chart or a funnel plot; absent: ranked. */
  chart?: CompareChart;
  /** The funnel plot's control limits adjusted for overdispersion (Spiegelhalter 2005); absent: none. */
  overdispersion?: OverdispersionChoice;
  /** The trend chart's value axis; absent: zero. */
  axis?: LinkAxis;
}

export type CompareChart = 'ranked' | 'funnel';
export const COMPARE_CHARTS: readonly CompareChart[] = ['ranked', 'funnel'];
/** As stats/funnel.ts's `Overdispersion`: written here because links sit below the statistics. */
export type OverdispersionChoice = 'none' | 'additive' | 'multiplicative';
export const OVERDISPERSION_CHOICES: readonly OverdispersionChoice[] = ['none', 'additive', 'multiplicative'];

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
  /** As on Compare: the said-and-seen figures' level and neighbours' average. */
  level?: LinkLevel;
  average?: LinkAverage;
}

export interface AreaView {
  name: 'area';
  code: AreaCode;
  /** Indicator of the area's trend chart; absent: cpp_rate. */
  indicator?: string;
  /** As on Compare. */
  breakdown?: string;
  /** Statistical neighbour model, as on Compare; absent: 'sn2025'. */
  neighbours?: string;
  /** As on Compare. */
  level?: LinkLevel;
  average?: LinkAverage;
  axis?: LinkAxis;
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
  /** Embedded in another page (`embed=1`): the view's figures, read-only, without the app's header, footer and controls. */
  embed?: boolean;
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

// ---------------------------------------------------------------------------------------
// How each kind of value is read. Messages quote the link back, short and printable.

function readAreaList(raw: string): Parsed<AreaCode[]> {
  const problems: string[] = [];
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
  return { value: out, problems };
}

const readYear = (key: string) => (raw: string): Parsed<Period> => {
  const p = parsePeriod(raw);
  return p === null ? { problems: [`“${shorten(raw)}” is not a year (for “${key}”), so it was ignored.`] } : { value: p };
};

function readIndicator(raw: string): Parsed<string> {
  return ID_PATTERN.test(raw) ? { value: raw } : { problems: [`“${shorten(raw)}” is not an indicator name, so ${DEFAULT_INDICATOR} is shown.`] };
}

function readBreakdown(raw: string): Parsed<string> {
  if (raw === '') return {};
  return ID_PATTERN.test(raw) ? { value: raw } : { problems: [`“${shorten(raw)}” is not a breakdown name, so the indicator’s total is shown.`] };
}

function readNeighbourModel(raw: string): Parsed<string> {
  // Only the form is checked here; whether the model exists is checked against the data (state/neighbours.ts).
  return ID_PATTERN.test(raw) ? { value: raw } : { problems: [`“${shorten(raw)}” is not a statistical neighbour model, so the 2025 model is used.`] };
}

function readTheme(raw: string): Parsed<string> {
  if (raw === '') return {};
  return /^[a-z_]{1,40}$/.test(raw) ? { value: raw } : { problems: [`“${shorten(raw)}” is not a theme name, so no theme is chosen.`] };
}

const readCode = (what: string) => (raw: string): Parsed<AreaCode> => {
  if (raw === '') return {};
  const code = raw.trim().toUpperCase();
  return isAreaCode(code) ? { value: code } : { problems: [`“${shorten(raw)}” is not an area code${what}.`] };
};

function readLevel(raw: string): Parsed<LinkLevel> {
  return raw === '95' ? { value: 95 } : raw === '99.8' ? { value: 99.8 } : { problems: [`“${shorten(raw)}” is not a level the app tests at (write level=95 or level=99.8), so 95% is used.`] };
}

function readAverage(raw: string): Parsed<LinkAverage> {
  return raw === 'mean' || raw === 'median' ? { value: raw } : { problems: [`“${shorten(raw)}” is not an average (write average=mean or average=median), so the mean is used.`] };
}
/** One of a fixed list of words. */
const readChoice =
  <T extends string>(key: string, choices: readonly T[], otherwise: string) =>
  (raw: string): Parsed<T> =>
    (choices as readonly string[]).includes(raw) ? { value: raw as T } : { problems: [`“${shorten(raw)}” is not one of ${choices.join(', ')} (for “${key}”), so ${otherwise}.`] };

function readAxis(raw: string): Parsed<LinkAxis> {
  return raw === 'zero' || raw === 'fit' ? { value: raw } : { problems: [`“${shorten(raw)}” is not a value axis (write axis=zero or axis=fit), so the axis starts at zero.`] };
}

const writeList = (codes: readonly string[]) => codes.map(encodeURIComponent).join(',');
const writeText = (s: string) => encodeURIComponent(s);

// `level` and `average` mean the same on Compare, the area page and Themes: declared once, used by each.
const LEVEL_SPEC: Omit<ParamSpec<{ level?: LinkLevel }, 'level'>, 'field'> = {
  key: 'level',
  parse: readLevel,
  write: String,
  default: 95,
  doc: 'Level of every comparison with England and of the intervals: `95` or `99.8` (Fingertips’ two levels). Each verdict names it.',
  example: '99.8',
};
const AVERAGE_SPEC: Omit<ParamSpec<{ average?: LinkAverage }, 'average'>, 'field'> = {
  key: 'average',
  parse: readAverage,
  write: String,
  default: 'mean',
  doc: 'How the statistical neighbours’ figures are averaged: `mean` (as LAIT) or `median` (as DfE’s outcomes-and-enablers dashboard).',
  example: 'median',
};

const AXIS_SPEC: Omit<ParamSpec<{ axis?: LinkAxis }, 'axis'>, 'field'> = {
  key: 'axis',
  parse: readAxis,
  write: String,
  default: 'zero',
  doc: 'The trend chart’s value axis: `zero` starts it at zero; `fit` fits it to the figures drawn, with a break marked on the axis when it does not start at zero.',
  example: 'fit',
};

// Compare and the area page read a breakdown alike.
const BREAKDOWN_SPEC: Omit<ParamSpec<{ breakdown?: string }, 'breakdown'>, 'field'> = {
  key: 'breakdown',
  parse: readBreakdown,
  write: writeText,
  doc:
    'A value of the indicator’s breakdown by a filter of the file it came from (EES `characteristic`, `population_type`, …): the last part of the value’s indicator id, after `__`. ' +
    'A value the indicator does not have shows what a link without `breakdown` shows, with a message. Links written before this parameter name the value’s own id in `indicator` (`indicator=rate_per_10000__children_starting_to_be_looked_after_each_year`) and open on the same figures.',
  absent: 'the indicator’s total, or its first value when the data holds no total',
  example: 'children_starting_to_be_looked_after_each_year',
};

// ---------------------------------------------------------------------------------------
// The parameters of each route, in the order links write them. To add a parameter: add
// its field to the view's interface above and one entry here; decoding, encoding,
// Share links and docs/links.md (`npm run docs`) follow.

const compare = param<CompareView>();
const COMPARE_PARAMS: LinkParam<CompareView>[] = [
  compare({
    key: 'areas',
    field: 'areas',
    parse: readAreaList,
    write: writeList,
    default: DEFAULT_AREAS as AreaCode[],
    required: true,
    doc: `Comma-separated ONS GSS codes (or custom \`X\` codes of imported areas), at most ${MAX_AREAS}; the default is the four partnerships whose minutes ship with the app.`,
    example: 'E10000034,E08000030',
  }),
  compare({
    key: 'indicator',
    field: 'indicator',
    parse: readIndicator,
    write: writeText,
    default: DEFAULT_INDICATOR,
    required: true,
    doc: 'Indicator id (letters, digits, `_ . -`): the trend, ranking, table and map show it.',
    example: 'cin_rate',
  }),
  compare({ field: 'breakdown', ...BREAKDOWN_SPEC }),
  compare({ key: 'from', field: 'from', parse: readYear('from'), write: String, doc: 'First year of the trend.', absent: 'the indicator’s first year', example: '2016' }),
  compare({ key: 'to', field: 'to', parse: readYear('to'), write: String, doc: 'Last year of the trend.', absent: 'the indicator’s latest year', example: '2025' }),
  compare({ key: 'year', field: 'year', parse: readYear('year'), write: String, doc: 'Year of the summary table, ranking and map.', absent: '`to`', example: '2024' }),
  compare({
    key: 'neighbours',
    field: 'neighbours',
    parse: readNeighbourModel,
    write: writeText,
    default: DEFAULT_NEIGHBOURS,
    doc: `Statistical neighbour model whose average is drawn as a benchmark: \`sn2025\`, \`sn2021\`, or \`${NO_NEIGHBOURS}\` to hide it. A model the app does not hold is reported and the default used.`,
    example: 'sn2021',
  }),
  compare({
    key: 'neighboursOf',
    field: 'neighboursOf',
    parse: readCode(' (for “neighboursOf”), so it was ignored'),
    write: writeText,
    doc: 'Whose statistical neighbours (a GSS code among `areas`).',
    absent: 'the first chosen local authority',
    example: 'E08000030',
  }),
  compare({
    key: 'map',
    field: 'map',
    parse: (raw) => (raw === '1' ? { value: true } : raw === '0' ? { value: false } : { problems: [`“${shorten(raw)}” is not 1 or 0 (for “map”), so it was ignored.`] }),
    write: (on) => (on ? '1' : '0'),
    default: false,
    doc: '`1` shows the map of every authority for `year`.',
    example: '1',
  }),
  compare({
    key: 'theme',
    field: 'theme',
    parse: readTheme,
    write: writeText,
    doc: 'A theme id: marks on the trend the years in which each area named that theme as a priority.',
    absent: 'no markers',
    example: 'neglect',
  }),
  compare({ field: 'level', ...LEVEL_SPEC }),
  compare({ field: 'average', ...AVERAGE_SPEC }),
  compare({
    key: 'chart',
    field: 'chart',
    parse: readChoice('chart', COMPARE_CHARTS, 'the ranked chart is shown'),
    write: writeText,
    default: 'ranked',
    doc: 'Every authority for `year` as a `ranked` bar chart or a `funnel` plot (value against its denominator, with control limits).',
    example: 'funnel',
  }),
  compare({
    key: 'overdispersion',
    field: 'overdispersion',
    parse: readChoice('overdispersion', OVERDISPERSION_CHOICES, 'the funnel’s limits are not adjusted'),
    write: writeText,
    default: 'none',
    doc: 'With `chart=funnel`, the funnel plot’s control limits: `none` (chance alone), or widened for overdispersion, `additive` (random effects, τ²) or `multiplicative` (φ), as Spiegelhalter 2005.',
    example: 'additive',
  }),
  compare({ field: 'axis', ...AXIS_SPEC }),
];

const themes = param<ThemesView>();
const THEMES_PARAMS: LinkParam<ThemesView>[] = [
  themes({ key: 'areas', field: 'areas', parse: readAreaList, write: writeList, default: DEFAULT_AREAS as AreaCode[], required: true, doc: 'As on Compare.', example: 'E10000034,E06000019' }),
  themes({ key: 'from', field: 'from', parse: readYear('from'), write: String, doc: 'First year of the heatmap and timeline.', absent: 'the first year of the documents and priorities held', example: '2017' }),
  themes({ key: 'to', field: 'to', parse: readYear('to'), write: String, doc: 'Last year.', absent: 'the latest year of the documents and priorities held', example: '2021' }),
  themes({ key: 'theme', field: 'theme', parse: readTheme, write: writeText, doc: 'A theme id: highlights its priorities; with `area`, opens the evidence of that heatmap cell.', absent: 'none', example: 'neglect' }),
  themes({ key: 'area', field: 'area', parse: readCode(', so no evidence is open'), write: writeText, doc: 'GSS code of the heatmap cell whose evidence is open (with `theme`).', absent: 'none', example: 'E06000019' }),
  themes({
    key: 'doc',
    field: 'doc',
    parse: (raw) => (raw === '' ? {} : /^[A-Za-z0-9:_.-]{1,100}$/.test(raw) ? { value: raw } : { problems: [`“${shorten(raw)}” is not a document id, so no document is open.`] }),
    write: writeText,
    doc: 'Id of a document opened in full.',
    absent: 'none',
    example: 'seed-004',
  }),
  themes({
    key: 'at',
    field: 'at',
    parse: (raw) => (raw === '' ? {} : /^\d{1,9}$/.test(raw) ? { value: Number(raw) } : { problems: [notAPlace(raw)] }),
    // A place in a document means nothing without the document.
    write: (at, view) => (view.doc !== undefined ? String(at) : undefined),
    doc: 'Character offset of a sentence in `doc`, highlighted and scrolled to.',
    absent: 'the top of the document',
    example: '2233',
  }),
  themes({ field: 'level', ...LEVEL_SPEC, doc: 'As on Compare: the level of the said-and-seen figures’ comparisons with England.' }),
  themes({ field: 'average', ...AVERAGE_SPEC, doc: 'As on Compare: how the said-and-seen figures’ neighbours are averaged.' }),
];

function notAPlace(raw: string): string {
  return `“${shorten(raw)}” is not a place in a document, so the document opens at the top.`;
}

const area = param<AreaView>();
const AREA_PARAMS: LinkParam<AreaView>[] = [
  area({ key: 'indicator', field: 'indicator', parse: readIndicator, write: writeText, default: DEFAULT_INDICATOR, doc: 'Indicator of the area’s trend chart.', example: 's47_rate' }),
  area({ field: 'breakdown', ...BREAKDOWN_SPEC, doc: 'A value of the trend indicator’s breakdown, as on Compare.' }),
  area({
    key: 'neighbours',
    field: 'neighbours',
    parse: readNeighbourModel,
    write: writeText,
    default: DEFAULT_NEIGHBOURS,
    doc: `Statistical neighbour model, as on Compare (\`${NO_NEIGHBOURS}\` hides the neighbours’ average).`,
    example: 'sn2021',
  }),
  area({ field: 'level', ...LEVEL_SPEC }),
  area({ field: 'average', ...AVERAGE_SPEC }),
  area({ field: 'axis', ...AXIS_SPEC }),
];

/** Years given the wrong way round are swapped, with a note. */
function orderYears(view: { from?: Period; to?: Period }, problems: string[]): void {
  if (view.from !== undefined && view.to !== undefined && view.from > view.to) {
    problems.push(`The years were the wrong way round (${view.from} to ${view.to}), so they were swapped.`);
    [view.from, view.to] = [view.to, view.from];
  }
}

export interface RouteSpec<V extends View> {
  name: V['name'];
  /** The route as the docs write it. */
  path: string;
  doc: string;
  params: LinkParam<V>[];
  /** A link to this route, for the docs and the round-trip tests. */
  example: string;
  /** The view before its parameters are read, from the path after the route name; a string is a problem. */
  start: (rest: string[]) => V | string;
  /** Rules between parameters, applied after all are read. */
  finish?: (view: V, problems: string[]) => void;
  /** The path written before the parameters. */
  pathOf: (view: V) => string;
}

/** Every route the app has, in the order the docs list them. */
export const ROUTES: { [N in View['name']]: RouteSpec<Extract<View, { name: N }>> } = {
  compare: {
    name: 'compare',
    path: '#/compare',
    doc: 'Compare areas on one indicator: trend, ranking of every authority, table and map. An empty hash opens it with its defaults.',
    params: COMPARE_PARAMS,
    example: '#/compare?areas=E10000034,E08000030&indicator=cin_rate&from=2016&to=2025&year=2025&neighbours=sn2021&map=1',
    start: () => ({ name: 'compare', areas: [...DEFAULT_AREAS], indicator: DEFAULT_INDICATOR }),
    finish: orderYears,
    pathOf: () => '#/compare',
  },
  themes: {
    name: 'themes',
    path: '#/themes',
    doc: 'Themes of the documents held and the priorities named, by area and year, with the evidence.',
    params: THEMES_PARAMS,
    example: '#/themes?areas=E10000034,E06000019&from=2017&to=2021&theme=neglect&area=E06000019',
    start: () => ({ name: 'themes', areas: [...DEFAULT_AREAS] }),
    finish: (view, problems) => {
      orderYears(view, problems);
      if (view.at !== undefined && view.doc === undefined) {
        problems.push(notAPlace(String(view.at)));
        delete view.at;
      }
    },
    pathOf: () => '#/themes',
  },
  area: {
    name: 'area',
    path: '#/area/CODE',
    doc: 'One area’s profile: every indicator against England, its region and neighbours, its trend, documents and themes. `CODE` is its GSS code.',
    params: AREA_PARAMS,
    example: '#/area/E10000034?indicator=s47_rate',
    start: ([rawCode]) => {
      const code = (rawCode ?? '').toUpperCase();
      if (isAreaCode(code)) return { name: 'area', code };
      return code ? `“${shorten(rawCode!)}” is not an area code, so the Compare view is shown.` : 'The link names no area, so the Compare view is shown.';
    },
    pathOf: (view) => `#/area/${encodeURIComponent(view.code)}`,
  },
  data: {
    name: 'data',
    path: '#/data',
    doc: 'Imports, export, backup and restore. No parameters of its own.',
    params: [],
    example: '#/data',
    start: () => ({ name: 'data' }),
    pathOf: () => '#/data',
  },
};

// ---------------------------------------------------------------------------------------
// Parameters every route takes, written after the view's own.

const common = param<LinkParams>();
export const LINK_PARAMS: LinkParam<LinkParams>[] = [
  common({
    key: 'v',
    field: 'version',
    parse: (raw) => {
      if (!/^[1-9]\d{0,3}$/.test(raw)) return { problems: [`“${shorten(raw)}” is not a link version, so the link was read as version ${LINK_VERSION}.`] };
      const version = Number(raw);
      return version > LINK_VERSION
        ? { value: version, problems: [`This link was made by a newer version of Safeguarding Lens (link version ${version}); this version shows what it can of it.`] }
        : { value: version };
    },
    write: String,
    default: 1,
    required: true,
    doc: 'Version of this link contract; links made with **Share** write it. A link without `v` (the address bar, links made before versioning) is read as version 1. A link with a higher `v` than the app knows opens as far as it can, with a message. New optional parameters do not change `v`; only a change that older versions would misread does.',
    example: '1',
  }),
  common({
    key: 'data',
    field: 'vintage',
    parse: (raw) =>
      /^[0-9a-f]{8,64}$/i.test(raw) ? { value: raw.slice(0, VINTAGE_LENGTH).toLowerCase() } : { problems: [`“${shorten(raw)}” is not an edition of the figures (for “data”), so it was ignored.`] },
    write: writeText,
    doc: 'Edition of the bundled figures the link was made on: the first eight hex digits of the bundle’s content hash (`data/bundle-meta.json`); links made with **Share** write it. When it differs from the figures the app holds, the page says the figures have been revised since (or that this copy of the app has not updated yet). Changing the view drops it.',
    absent: 'not said',
    example: 'd59f6065',
  }),
  common({
    key: 'present',
    field: 'present',
    parse: (raw) =>
      raw === '1' ? { value: true } : raw === '0' ? { value: false } : { problems: [`“${shorten(raw)}” is not a presentation setting (write present=1), so the usual view is shown.`] },
    // Written only when on: presentation is how a link is shown, not what it shows.
    write: (on) => (on ? '1' : undefined),
    default: false,
    required: true,
    doc: '`1`: presentation mode for councillors: read-only (the selection written out instead of the pickers, no data controls), larger type, a print layout. It stays on when moving between views until **Leave presentation mode**.',
    example: '1',
  }),
  common({
    key: 'embed',
    field: 'embed',
    parse: (raw) => (raw === '1' ? { value: true } : raw === '0' ? { value: false } : { problems: [`“${shorten(raw)}” is not an embed setting (write embed=1), so the usual view is shown.`] }),
    // Written only when on, as `present`: how a link is shown, not what it shows.
    write: (on) => (on ? '1' : undefined),
    absent: 'the whole app',
    doc: '`1`: the view embedded in another page (an `<iframe>`, from **Copy embed code** under Share): its charts, tables, summaries and sources, read-only, without the app’s header, footer and controls, and a link to open it in full. See [hosting](hosting.md) for the `frame-ancestors` a host sets.',
    example: '1',
  }),
];

/** `carry` is read apart (it may be long, and is kept as written); listed for the docs. */
export const CARRY_DOC = {
  key: 'carry',
  doc: 'Imported data the view draws on, carried with the link (see [carrying data](carrying.md)): the dashboard envelope as JSON, deflated (zlib, with its checksum) and base64url-encoded; written last. The one parameter that may make a link longer than 4,000 characters (at most 16,000 are read). Changing the view drops it from the address bar.',
};

// ---------------------------------------------------------------------------------------

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
  const params = new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');

  const link = { ...DEFAULT_LINK } as LinkParams;
  readParams(LINK_PARAMS, params, link, problems);
  if (carried.carry !== undefined) link.carry = carried.carry;
  if (carried.repeated) problems.push('“carry” is given more than once; the first is used.');

  const name = segments[0] ?? 'compare';
  const route = Object.hasOwn(ROUTES, name) ? (ROUTES[name as View['name']] as unknown as RouteSpec<View>) : undefined;
  let view: View;
  let known: readonly LinkParam<never>[] = [];
  if (!route) {
    problems.push(`There is no “${shorten(name)}” page, so the Compare view is shown.`);
    view = defaultView();
  } else {
    const started = route.start(segments.slice(1));
    if (typeof started === 'string') {
      problems.push(started);
      view = defaultView();
    } else {
      view = started;
      readParams(route.params, params, view, problems);
      route.finish?.(view, problems);
      known = route.params;
    }
  }
  problems.push(...unusedProblems(params, [...LINK_PARAMS, ...known]));
  return { view, problems, link };
}

function readParams<V>(list: readonly LinkParam<V>[], params: URLSearchParams, into: V, problems: string[]): void {
  for (const p of list) p.read(params.get(p.key), into, problems);
}

/** Parameters the route does not take, and any given twice. */
function unusedProblems(params: URLSearchParams, known: readonly { key: string }[]): string[] {
  const keys = new Set(known.map((p) => p.key));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === '' && value === '') continue;
    if (!keys.has(name)) out.push(`This view has no setting “${shorten(name)}”, so it was ignored.`);
    else if (params.getAll(name).length > 1) out.push(`“${shorten(name)}” is given more than once; the first is used.`);
  }
  return out;
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

/** The edition of a bundle as a link records it: the first eight hex digits of its content hash. */
export function vintageOf(bundleHash: string): string {
  return bundleHash.slice(0, VINTAGE_LENGTH).toLowerCase();
}

/**
 * Writes a view as a location hash. The address bar leaves defaults out; a link made
 * with Share (`defaults: true`) writes every parameter that has a default, so it keeps
 * its meaning if a default changes. `link` adds the parameters every route accepts
 * (a shared link writes `v` and `data`; presentation mode `present`).
 */
export function encodeHash(view: View, link: Partial<LinkParams> = {}, opts: WriteOptions = { defaults: false }): string {
  return withLinkParams(encodeView(view, opts), link);
}

/** Appends the common parameters given in `link` to a hash written by encodeHash. */
export function withLinkParams(hash: string, link: Partial<LinkParams>): string {
  // Written when the caller gives them, default or not: a user's address bar carries no version, a shared link does.
  const given = LINK_PARAMS.filter((p) => p.has(link as LinkParams));
  const parts = writeParams(given, link as LinkParams, { defaults: true });
  if (!parts.length) return hash;
  return `${hash}${hash.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

function writeParams<V>(list: readonly LinkParam<V>[], view: V, opts: WriteOptions): string[] {
  const parts: string[] = [];
  for (const p of list) {
    const raw = p.write(view, opts);
    if (raw !== undefined) parts.push(`${p.key}=${raw}`);
  }
  return parts;
}

function encodeView(view: View, opts: WriteOptions): string {
  const route = ROUTES[view.name] as unknown as RouteSpec<View>;
  const parts = writeParams(route.params, view, opts);
  return `${route.pathOf(view)}${parts.length ? `?${parts.join('&')}` : ''}`;
}
