import { formatValue } from '../model/format';
import type { AreaCode, Indicator, Period } from '../model/types';
import type { QuartileCuts } from '../stats/quartiles';
import { comparisonLabel, judge, type Judgement } from '../stats/significance';
import type { RankedData, RankedRow } from './ranked-data';

/**
 * One indicator of an area profile, as a Fingertips spine chart draws it: England
 * at the centre, the spread of every authority as a bar (darker over the middle
 * half), and the area, its region and its neighbours' average as marks. Positions
 * run 0–1 across the spine: England at 0.5 and the farther of the lowest and highest
 * authority at an end, so every row uses the same width and England lines up.
 * With a polarity, better is to the right (as in Fingertips); without one, higher is.
 */
export interface SpineRow {
  indicator: Indicator;
  period: Period;
  row: RankedRow | null;
  judgement: Judgement;
  england: number | null;
  region: { label: string; value: number } | null;
  neighbours: { label: string; value: number } | null;
  cuts: QuartileCuts | null;
  of: number;
  /** Positions on the spine, 0–1; null where there is no figure. */
  pos: { value: number | null; region: number | null; neighbours: number | null; min: number; q1: number; q3: number; max: number } | null;
}

export function spinePosition(v: number, england: number, cuts: QuartileCuts, flip: boolean): number {
  const spread = Math.max(Math.abs(cuts.max - england), Math.abs(england - cuts.min));
  if (spread === 0) return 0.5;
  const p = (v - england) / (2 * spread);
  return 0.5 + (flip ? -p : p);
}

/** A spine row for `code` from that indicator's ranking. */
export function buildSpineRow(indicator: Indicator, ranked: RankedData, code: AreaCode): SpineRow {
  const row = [...ranked.ranked, ...ranked.unranked].find((r) => r.code === code) ?? null;
  const england = ranked.benchmarks.find((b) => b.role === 'england')?.value ?? null;
  const reg = ranked.benchmarks.find((b) => b.role === 'region');
  const nb = ranked.benchmarks.find((b) => b.role === 'neighbours');
  const region = reg && reg.value !== null ? { label: reg.label, value: reg.value } : null;
  const neighbours = nb && nb.value !== null ? { label: nb.label, value: nb.value } : null;
  const cuts = ranked.cuts;
  const flip = indicator.polarity === 'lower_is_better';
  const at = (v: number | null | undefined) => (v == null || england === null || !cuts ? null : spinePosition(v, england, cuts, flip));
  const pos =
    england !== null && cuts
      ? {
          value: at(row?.value),
          region: at(region?.value),
          neighbours: at(neighbours?.value),
          min: at(cuts.min)!,
          q1: at(cuts.q1)!,
          q3: at(cuts.q3)!,
          max: at(cuts.max)!,
        }
      : null;
  return {
    indicator,
    period: ranked.year,
    row,
    judgement: row ? judge(row.comparison, indicator.polarity) : 'not_compared',
    england,
    region,
    neighbours,
    cuts,
    of: ranked.ranked.length,
    pos,
  };
}

/** What the keyboard readout says about one spine row. */
export function describeSpineRow(r: SpineRow, areaName: string, formatPeriod: (p: Period) => string): string {
  const ind = r.indicator;
  const f = (v: number) => formatValue(ind, v);
  const unit = ind.unit === 'rate_per_10000' ? ' per 10,000 children' : '';
  const parts = [
    `${ind.shortLabel}, ${formatPeriod(r.period)}: ${areaName} ${r.row?.value != null ? `${f(r.row.value)}${unit}` : 'no figure'}`,
  ];
  if (r.row && r.row.comparison !== 'not_compared') parts.push(comparisonLabel(r.row.comparison, ind.polarity).toLowerCase().replace('england', 'England'));
  if (r.england !== null) parts.push(`England ${f(r.england)}`);
  if (r.region) parts.push(`${r.region.label} ${f(r.region.value)}`);
  if (r.neighbours) parts.push(`${r.neighbours.label.toLowerCase()} ${f(r.neighbours.value)}`);
  if (r.cuts) parts.push(`authorities range from ${f(r.cuts.min)} to ${f(r.cuts.max)}`);
  return parts.join('; ');
}
