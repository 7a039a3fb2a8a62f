/**
 * What the worker is asked to read, and what it hands back. Plain data, so it
 * can be posted between threads; the typed arrays in the series are transferred.
 */
import type { ObservationSeries } from '../model/series';
import type { Area, ImportKind, Indicator, Priority, SourceDocument, ThemeLinkEdit } from '../model/types';
import type { AreaLookup, UnknownArea } from './area-match';
import type { EesMeta } from './ees-zip';
import type { FilterChoice } from './ees-filters';
import type { FigureColumn } from './figure-columns';
import type { Issue } from './issues';

/** How a generic table (CSV or a worksheet) maps onto areas, years and indicators. Columns are 0-based. */
export interface TableMapping {
  /** Row number (1-based) of the header row; rows above it are titles and notes. */
  headerRow: number;
  /** long: one figure per row (area, year, indicator, value); wide: one column per year. */
  layout: 'long' | 'wide';
  areaCode: number | null;
  areaName: number | null;
  /** DfE 3-digit LA number. */
  oldLaCode: number | null;
  /** long: the year column. */
  period: number | null;
  /** long, when no column gives the year: the year of every figure (from the title, or typed). */
  fixedPeriod: number | null;
  /** The column naming the indicator; null when the whole file is one indicator (`target`). */
  indicator: number | null;
  /** long: a column with a readable label for the indicator codes (LAIT's "Data item"). */
  indicatorLabel: number | null;
  /** long, with an indicator column: the value column. */
  value: number | null;
  /** long, without an indicator column: the columns of figures, each an indicator. */
  figures: FigureColumn[];
  /** wide: the columns that hold one year each. */
  yearColumns: { column: number; period: number }[];
  /** wide: which indicator the values are, when there is no indicator column. */
  target: { kind: 'existing'; id: string } | { kind: 'new'; label: string } | null;
}

/** An EES tidy file: geography and time columns by name; the rest are filters or indicators. */
export interface EesPlan {
  header: string[];
  /** Columns that split the figures (category, characteristic, population_type, …). */
  filters: number[];
  /** Columns of figures. */
  indicators: number[];
  /** Labels, units, decimals and guidance from the file's .meta.csv and data guidance, where they came with it. */
  meta?: EesMeta;
  /** Which values of each filter are imported, each a breakdown (ees-filters.ts); a filter not listed is read whole. */
  choices?: FilterChoice[];
}

/** One worksheet of a workbook and how it is read. */
export interface SheetPlan {
  sheet: string;
  mapping: TableMapping;
}

export type ImportPlan =
  | { format: 'ees_tidy'; sheet?: string; ees: EesPlan }
  | { format: 'table'; sheet?: string; mapping: TableMapping }
  /** Several worksheets of one workbook in one import, each with its own mapping. */
  | { format: 'sheets'; sheets: SheetPlan[] }
  | { format: 'app_json' };

/** What the app already holds, for matching. */
export interface KnownData {
  areas: AreaLookup;
  indicators: { id: string; label: string; shortLabel: string }[];
}

/** The first look at a file: what it seems to be, and a guessed plan the user can correct. */
export interface Inspection {
  fileName: string;
  size: number;
  /** "DfE Explore Education Statistics (tidy CSV)", "CSV table", … */
  description: string;
  encoding?: string;
  sheets?: string[];
  sheet?: string;
  /** Sheets that describe the workbook (cover, contents, notes) rather than hold a table. */
  notesSheets?: string[];
  /** The first rows (up to PREVIEW_ROWS, 40 columns), for the mapping step. */
  preview: string[][];
  /** Whether the preview holds every row, so that what is left out can be counted before reading. */
  previewComplete: boolean;
  plan: ImportPlan;
  /** Whether the user should confirm or correct the plan before reading. */
  needsMapping: boolean;
  /** Why the guess may be wrong (shown in the mapping step). */
  doubts: string[];
}

export interface ParsedFile {
  kind: ImportKind;
  /** Data rows (or JSON observations) read. */
  rows: number;
  /** Series whose area codes may include provisional `?…` codes for unknown areas. */
  series: ObservationSeries[];
  /** Indicators the app does not have yet. */
  indicators: Indicator[];
  /** Areas the file defines that the app does not have (app JSON). */
  areas: Area[];
  unknownAreas: UnknownArea[];
  documents: SourceDocument[];
  priorities: Priority[];
  /** Theme links an app file brings (ValidAppFile). */
  themeLinks?: ThemeLinkEdit[];
  warnings: Issue[];
}
