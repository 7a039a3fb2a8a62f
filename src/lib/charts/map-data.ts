import { rateInBrackets } from '../model/format';
import type { Area, AreaCode, IndicatorUnit, Period } from '../model/types';
import type { Ranking, RankingRow } from '../stats/ranking';

/**
 * The map file (data/england-utla-map.json, built by scripts/build-map.ts): English
 * upper-tier authorities of every boundary vintage as pre-projected SVG paths.
 */
export interface MapFile {
  format: 'safeguarding-lens/map';
  version: 1;
  source: string;
  width: number;
  height: number;
  /** The enlarged London inset's box. */
  inset: { x: number; y: number; width: number; height: number; label: string };
  areas: MapArea[];
}

export interface MapArea {
  /** GSS code of the boundary. */
  code: AreaCode;
  name: string;
  /** First and last boundary vintage with this code (a vintage runs from 1 April). */
  start?: number;
  end?: number;
  d: string;
  /** Label point: centroid of the largest part. */
  label: [number, number];
  /** Path in the London inset, for London boroughs. */
  insetD?: string;
}

/**
 * Which boundaries to draw for a reporting year ending 31 March `year`: those in
 * force on that day, i.e. of the vintage that began on 1 April of the year before.
 * So 2022-23 (year 2023) shows Cumbria and 2023-24 Cumberland and Westmorland and
 * Furness, matching the authorities DfE reports for each year.
 */
export function boundaryVintage(year: Period): number {
  return year - 1;
}

export interface MapFeature {
  /** The boundary's own code. */
  geometryCode: AreaCode;
  /** The area whose figures it shows (a boundary may carry an older code of the area). */
  areaCode: AreaCode | null;
  name: string;
  d: string;
  insetD?: string;
  label: [number, number];
}

/** The boundaries of a year, each matched to an area by its code or a code the area had before. */
export function mapFeatures(file: MapFile, year: Period, areas: ReadonlyMap<AreaCode, Area>): MapFeature[] {
  const v = boundaryVintage(year);
  const previous = new Map<AreaCode, AreaCode>();
  for (const a of areas.values()) for (const p of a.previousCodes ?? []) previous.set(p, a.code);
  return file.areas
    .filter((a) => (a.start ?? -Infinity) <= v && v <= (a.end ?? Infinity))
    .map((a) => {
      const areaCode = areas.has(a.code) ? a.code : (previous.get(a.code) ?? null);
      return {
        geometryCode: a.code,
        areaCode,
        name: (areaCode && areas.get(areaCode)?.name) || a.name,
        d: a.d,
        label: a.label,
        ...(a.insetD ? { insetD: a.insetD } : {}),
      };
    });
}

/** Each feature with its row in the ranking (null: no observation that year). */
export function joinRanking(features: readonly MapFeature[], data: Ranking): { feature: MapFeature; row: RankingRow | null }[] {
  const rows = new Map([...data.ranked, ...data.unranked].map((r) => [r.code, r]));
  return features.map((f) => ({ feature: f, row: f.areaCode ? (rows.get(f.areaCode) ?? null) : null }));
}

/** The sentence that labels the map: what it shades, and its extremes. */
export function mapSummary(data: Ranking, indicator: { shortLabel: string; unit: string; decimals: number }, formatPeriod: (p: Period) => string, fmt: (v: number) => string): string {
  const unit = rateInBrackets(indicator.unit as IndicatorUnit);
  let s = `Map of ${indicator.shortLabel}${unit} in ${formatPeriod(data.year)} across ${data.ranked.length} local authorities with a figure, shaded by quarter from lightest (lowest values) to darkest (highest).`;
  const byValue = [...data.ranked].sort((a, b) => b.value! - a.value!);
  const hi = byValue[0];
  const lo = byValue[byValue.length - 1];
  if (hi && lo && hi !== lo) s += ` Highest: ${hi.name} ${fmt(hi.value!)}; lowest: ${lo.name} ${fmt(lo.value!)}.`;
  const chosen = data.chosen.filter((r) => r.value !== null && r.band);
  if (chosen.length) s += ` Outlined: ${chosen.map((r) => `${r.name} ${fmt(r.value!)} (${r.band!.code})`).join(', ')}.`;
  return s;
}
