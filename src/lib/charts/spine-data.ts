import { formatValue, ratePhrase } from '../model/format';
import type { Period } from '../model/types';
import type { ProfileRow } from '../stats/profile';
import type { QuartileCuts } from '../stats/quartiles';
import { comparisonLabel } from '../stats/significance';

/**
 * A profile row placed on a Fingertips spine chart: England at the centre, the
 * spread of every authority as a bar (darker over the middle half), and the area,
 * its region and its neighbours' average as marks. Positions run 0–1 across the
 * spine: England at 0.5 and the farther of the lowest and highest authority at an
 * end, so every row uses the same width and England lines up. With a polarity,
 * better is to the right (as in Fingertips); without one, higher is.
 */
export interface SpineRow extends ProfileRow {
  /** Positions on the spine, 0–1; null where there is no figure. */
  pos: { value: number | null; region: number | null; neighbours: number | null; min: number; q1: number; q3: number; max: number } | null;
}

export function spinePosition(v: number, england: number, cuts: QuartileCuts, flip: boolean): number {
  const spread = Math.max(Math.abs(cuts.max - england), Math.abs(england - cuts.min));
  if (spread === 0) return 0.5;
  const p = (v - england) / (2 * spread);
  return 0.5 + (flip ? -p : p);
}

/** Where a profile row's figures sit on the spine. */
export function spineRow(profile: ProfileRow): SpineRow {
  const { england, cuts } = profile;
  const flip = profile.indicator.polarity === 'lower_is_better';
  const at = (v: number | null | undefined) => (v == null || england === null || !cuts ? null : spinePosition(v, england, cuts, flip));
  const pos =
    england !== null && cuts
      ? {
          value: at(profile.row?.value),
          region: at(profile.region?.value),
          neighbours: at(profile.neighbours?.value),
          min: at(cuts.min)!,
          q1: at(cuts.q1)!,
          q3: at(cuts.q3)!,
          max: at(cuts.max)!,
        }
      : null;
  return { ...profile, pos };
}

/** What the keyboard readout says about one spine row. */
export function describeSpineRow(r: SpineRow, areaName: string, formatPeriod: (p: Period) => string): string {
  const ind = r.indicator;
  const f = (v: number) => formatValue(ind, v);
  const unit = ratePhrase(ind.unit) ? ` ${ratePhrase(ind.unit)}` : '';
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
