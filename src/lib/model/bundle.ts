import type { InspectionSet } from './inspections';
import { SeriesBuilder, type ObservationSeries } from './series';
import type { StatusCode } from './status';
import type { Area, AreaCode, DataSource, Indicator, NeighbourModel, Period, Priority, SourceDocument, ThemeMention } from './types';

export const BUNDLE_FORMAT = 'safeguarding-lens/bundle';
export const BUNDLE_VERSION = 1;

/** One indicator's observations, column-wise, as JSON (typed arrays do not survive JSON). */
export interface BundleSeries {
  indicatorId: string;
  areas: AreaCode[];
  /** Index into `areas`, one per observation. */
  area: number[];
  period: Period[];
  /**
   * null where the cell carries a status. Empty when `shareDecimals` is set: then each
   * value is worked out from its numerator and denominator (shareValue), which keeps
   * the bundle smaller than writing both.
   */
  value: (number | null)[];
  shareDecimals?: number;
  /** Statuses by observation index, only for cells without a value. */
  status: Record<number, StatusCode>;
  numerator?: (number | null)[];
  denominator?: (number | null)[];
}

/** The data shipped with the app (data/bundle.json), built by scripts/build-data.ts. */
export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** Content hash: a new hash replaces the bundled records in IndexedDB. */
  hash: string;
  builtFrom: string;
  sources: DataSource[];
  areas: Area[];
  indicators: Indicator[];
  series: BundleSeries[];
  neighbourModels: NeighbourModel[];
  documents: SourceDocument[];
  /** Themes of the bundled documents, tagged when the bundle is built (absent in older bundles). */
  themeMentions?: ThemeMention[];
  /** Priorities read from the bundled documents. */
  priorities?: Priority[];
  /** Ofsted inspections and visits with their dates (absent in older bundles). */
  inspections?: InspectionSet;
}

export interface BundleObservation {
  areaCode: AreaCode;
  period: Period;
  value: number | null;
  status: StatusCode | null;
  numerator?: number;
  denominator?: number;
}

/** A share as DfE publishes it: numerator ÷ denominator × 100, rounded half up to `decimals` places. */
export function shareValue(numerator: number, denominator: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((numerator / denominator) * 100 * f) / f;
}

/**
 * `shares`: indicators whose values are shares of their counts (indicator id →
 * decimals). Their values are left out and worked out again on reading; a value that
 * is not exactly that share stops the build.
 */
export function seriesToJson(observations: (BundleObservation & { indicatorId: string })[], shares: ReadonlyMap<string, number> = new Map()): BundleSeries[] {
  const byIndicator = new Map<string, BundleSeries>();
  const areaIndex = new Map<string, Map<AreaCode, number>>();
  for (const o of observations) {
    let s = byIndicator.get(o.indicatorId);
    if (!s) {
      s = { indicatorId: o.indicatorId, areas: [], area: [], period: [], value: [], status: {} };
      byIndicator.set(o.indicatorId, s);
      areaIndex.set(o.indicatorId, new Map());
    }
    const index = areaIndex.get(o.indicatorId)!;
    let a = index.get(o.areaCode);
    if (a === undefined) {
      a = s.areas.length;
      s.areas.push(o.areaCode);
      index.set(o.areaCode, a);
    }
    const i = s.period.length;
    s.area.push(a);
    s.period.push(o.period);
    s.value.push(o.value);
    if (o.value === null) s.status[i] = o.status ?? 'blank';
    if (o.numerator !== undefined && o.denominator !== undefined) {
      s.numerator ??= new Array<number | null>(i).fill(null);
      s.denominator ??= new Array<number | null>(i).fill(null);
    }
    if (s.numerator && s.denominator) {
      s.numerator[i] = o.numerator ?? null;
      s.denominator[i] = o.denominator ?? null;
    }
  }
  for (const s of byIndicator.values()) {
    const decimals = shares.get(s.indicatorId);
    if (decimals === undefined) continue;
    s.value.forEach((v, i) => {
      if (v === null) return;
      const num = s.numerator?.[i];
      const den = s.denominator?.[i];
      if (num == null || den == null || shareValue(num, den, decimals) !== v) throw new Error(`${s.indicatorId}: value ${v} at ${i} is not the share of its counts`);
    });
    s.shareDecimals = decimals;
    s.value = [];
  }
  return [...byIndicator.values()];
}

export function seriesFromJson(importId: string, json: BundleSeries): ObservationSeries {
  const b = new SeriesBuilder(importId, json.indicatorId, Math.max(1, json.period.length));
  for (let i = 0; i < json.period.length; i++) {
    const num = json.numerator?.[i] ?? undefined;
    const den = json.denominator?.[i] ?? undefined;
    const value =
      json.shareDecimals === undefined ? (json.value[i] ?? null) : json.status[i] === undefined && num !== undefined && den !== undefined ? shareValue(num, den, json.shareDecimals) : null;
    b.add(json.areas[json.area[i]!]!, json.period[i]!, value, value === null ? (json.status[i] ?? 'blank') : null, num, den);
  }
  return b.finish();
}
