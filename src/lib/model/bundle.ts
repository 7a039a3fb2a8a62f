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
  /** null where the cell carries a status. */
  value: (number | null)[];
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
}

export interface BundleObservation {
  areaCode: AreaCode;
  period: Period;
  value: number | null;
  status: StatusCode | null;
  numerator?: number;
  denominator?: number;
}

export function seriesToJson(observations: (BundleObservation & { indicatorId: string })[]): BundleSeries[] {
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
  return [...byIndicator.values()];
}

export function seriesFromJson(importId: string, json: BundleSeries): ObservationSeries {
  const b = new SeriesBuilder(importId, json.indicatorId, Math.max(1, json.period.length));
  for (let i = 0; i < json.period.length; i++) {
    const value = json.value[i] ?? null;
    const num = json.numerator?.[i] ?? undefined;
    const den = json.denominator?.[i] ?? undefined;
    b.add(json.areas[json.area[i]!]!, json.period[i]!, value, value === null ? (json.status[i] ?? 'blank') : null, num, den);
  }
  return b.finish();
}
