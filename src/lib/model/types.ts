import type { OrdinalScale } from './ordinal';
import type { StatusCode } from './status';

/** ONS GSS code, e.g. E10000034. Codes are the identity of an area; names vary. */
export type AreaCode = string;

export type AreaLevel = 'national' | 'regional' | 'local_authority';

export interface Area {
  code: AreaCode;
  name: string;
  level: AreaLevel;
  /** GSS code of the region (E12…) for a local authority; absent otherwise. */
  regionCode?: AreaCode;
  /** DfE 3-digit LA number, where known (885 = Worcestershire). */
  oldLaCode?: number;
  /** Other names this area goes by in published files. */
  aliases: string[];
  /** Codes this area had before a boundary or status change (E10000002 → E06000060). */
  previousCodes?: AreaCode[];
  /** Which import created the area: 'bundled' or an import id (custom areas). */
  importId: string;
}

/** Whether a higher value is better, worse, or neither (most CSC measures: context, not a target). */
export type Polarity = 'higher_is_better' | 'lower_is_better' | 'neither';

/**
 * Rates per 1,000, 10,000 or 100,000 are kept as published (DfE's children's social
 * care rates are per 10,000 children; others publish per 1,000 or per 100,000), never
 * rescaled. `gbp_thousands`: money in £ thousand, as spending tables publish it.
 * `mean`: an average per something (cases per social worker), comparable between
 * areas but neither a rate of children nor a share. `ordinal`: ordered categories
 * (Ofsted judgements) stored as their codes in `scale`: shown in words and symbols,
 * counted, never averaged or drawn on a number line.
 */
export type IndicatorUnit = 'rate_per_10000' | 'rate_per_1000' | 'rate_per_100000' | 'percent' | 'count' | 'gbp_thousands' | 'mean' | 'ordinal';

/** Every unit, for validating files and backups. */
export const INDICATOR_UNITS: readonly IndicatorUnit[] = ['rate_per_10000', 'rate_per_1000', 'rate_per_100000', 'percent', 'count', 'gbp_thousands', 'mean', 'ordinal'];

export interface Indicator {
  id: string;
  label: string;
  /** Short label for axes and pickers. */
  shortLabel: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  definition: string;
  /** Id of the source in the bundle's sources, or the import's file name. */
  source: string;
  /** Decimal places to show. */
  decimals: number;
  /**
   * Which edition of the source the figures are ("LAIT, revised populations, April
   * 2026"; "EES, first release, 2025"): two sources of one measure can differ.
   */
  vintage?: string;
  /** The categories of an `ordinal` indicator, its values being their codes. */
  scale?: OrdinalScale;
  /** This indicator is one breakdown of another: its figures for one value of a filter. */
  breakdown?: IndicatorBreakdown;
  importId: string;
}

/**
 * A breakdown of an indicator by the filters of a tidy file (EES `characteristic`,
 * `population_type`, `age`, …): "Referrals, rate (Age 10 to 15)" is the breakdown
 * `{ of: 'referral_rate', by: 'characteristic', value: 'Age 10 to 15' }`. Each breakdown
 * keeps an indicator id of its own (`referral_rate__age_10_to_15`, as imports always
 * made them), so figures stay keyed by indicator × area × year and every link naming it
 * opens unchanged; `of` groups the breakdowns of one measure under the indicator of its
 * total, whether or not the total is held.
 */
export interface IndicatorBreakdown {
  /** Id of the indicator this breaks down: the one the total's figures land on. */
  of: string;
  /** The filter column or columns ("characteristic"; "age, gender"). */
  by: string;
  /** The value or values ("Age 10 to 15"; "Under 1, Female"). */
  value: string;
}

/** A reporting year, stored as the calendar year in which it ends (2016-17 → 2017). */
export type Period = number;

export interface Observation {
  indicatorId: string;
  areaCode: AreaCode;
  period: Period;
  /** null when the cell carries a status instead of a number. */
  value: number | null;
  status: StatusCode | null;
  numerator?: number;
  denominator?: number;
  importId: string;
}

export interface SourceDocument {
  id: string;
  areaCode: AreaCode;
  period: Period;
  title: string;
  /** ISO date (yyyy-mm-dd) of the meeting, where known. */
  meetingDate?: string;
  /** Where the text came from: a file name or a description of the publisher. */
  source: string;
  text: string;
  hash: string;
  importId: string;
}

export interface EvidenceSnippet {
  /** Offsets into the document text: [start, end). */
  start: number;
  end: number;
  sentence: string;
  /** How much the sentence says about the theme (0–1): below 0.5 it is a passing or negated mention. */
  weight?: number;
  /** Why the weight is below 1 ("negated", "a name in a list"). */
  note?: string;
}

export interface ThemeMention {
  id: string;
  documentId: string;
  themeId: string;
  areaCode: AreaCode;
  period: Period;
  /** Sentences that substantively discuss the theme. */
  count: number;
  /** Share of the document's sentences that touch the theme (0–1). */
  share: number;
  /** Whether the tagger judged the theme substantively discussed; false for passing or negated mentions only. */
  present?: boolean;
  /** Sum of the evidence weights, against the document's threshold. */
  score?: number;
  evidence: EvidenceSnippet[];
  importId: string;
}

export interface Priority {
  id: string;
  areaCode: AreaCode;
  period: Period;
  label: string;
  themeIds: string[];
  documentId?: string;
  evidence?: EvidenceSnippet;
  /** True once the user has edited, added or removed it; such priorities survive re-import. */
  userEdited?: boolean;
  /** A user-removed priority is kept as a tombstone so a re-import does not bring it back. */
  removed?: boolean;
  /** When the user last changed it (ISO timestamp); absent on edits made before it was recorded. */
  editedAt?: string;
  importId: string;
}

/**
 * The user's change to which measures show a theme (data/theme-links.json holds the
 * bundled links): a measure linked to a theme, or a bundled link removed. Kept like
 * priority edits (importId 'user'): neither a new bundle nor undoing an import
 * deletes it, so a link to an imported indicator comes back when it is imported again.
 */
export interface ThemeLinkEdit {
  /** `${themeId}|${indicatorId}` */
  id: string;
  themeId: string;
  indicatorId: string;
  /** true: linked by the user; false: a bundled link the user removed. */
  linked: boolean;
  /** ISO timestamp of the change; on merging backups the later change wins. */
  editedAt: string;
  importId: string;
}

/** The importId of the figures bundled with the app: every other importId is a user's import. */
export const BUNDLED = 'bundled';

export type ImportKind = 'bundled' | 'ees_csv' | 'generic_csv' | 'app_json' | 'document' | 'xlsx' | 'ods' | 'backup';

export interface ImportRecord {
  id: string;
  fileName: string;
  /** SHA-256 of the file bytes, hex. */
  hash: string;
  kind: ImportKind;
  /** ISO timestamp. */
  importedAt: string;
  counts: { areas: number; indicators: number; observations: number; documents: number; priorities: number };
  warnings: string[];
  /** About how many bytes its records take (db/record-size.ts); written since schema version 2. */
  storedBytes?: number;
  /**
   * Which edition of its publication the file is, in the user's words ("main tables,
   * first release, 2018"): a file says nothing of it, and two editions of one measure
   * can differ. Also written as the `vintage` of the indicators the import brought.
   */
  edition?: string;
}

export interface NeighbourLink {
  code: AreaCode;
  /** DfE closeness band, e.g. "Very close". */
  closeness: string;
}

/** One statistical neighbour model: each authority's ten neighbours in order of closeness. */
export interface NeighbourModel {
  id: string;
  label: string;
  source: string;
  neighbours: Record<AreaCode, NeighbourLink[]>;
  importId: string;
}

export interface DataSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  licence: string;
  /** What vintage or commit the figures were taken from. */
  vintage: string;
  files: string[];
}
