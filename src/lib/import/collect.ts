/** Finishing touches shared by the table readers: series ids, repeated figures, decimals. */
import { SeriesBuilder, seriesId, type ObservationSeries } from '../model/series';
import { shortLabelOf } from '../model/indicator-label';
import type { Indicator, IndicatorUnit } from '../model/types';
import { guessDecimals } from './indicator-ids';
import type { IssueList } from './issues';

/** Trims a builder into the series of `indicatorId`, shifting periods if asked. */
export function finishSeries(builder: SeriesBuilder, importId: string, indicatorId: string, periodShift = 0): ObservationSeries {
  const s = builder.finish();
  if (periodShift) for (let i = 0; i < s.periods.length; i++) s.periods[i] = s.periods[i]! + periodShift;
  return { ...s, id: seriesId(importId, indicatorId), importId, indicatorId };
}

/**
 * Counts figures given twice for the same area and year. The later one wins (as
 * mergeSeries reads them), and the user is told, since it usually means a
 * breakdown column the file did not name.
 */
export function countRepeats(s: ObservationSeries): number {
  const n = s.periods.length;
  if (n < 2) return 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = s.periods[i]!;
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const span = max - min + 1;
  const cells = span * s.areaCodes.length;
  if (cells > 64_000_000) return 0;
  const seen = new Uint8Array(cells);
  let repeats = 0;
  for (let i = 0; i < n; i++) {
    const k = s.areaIndex[i]! * span + (s.periods[i]! - min);
    if (seen[k]) repeats++;
    else seen[k] = 1;
  }
  return repeats;
}

export function warnRepeats(series: ObservationSeries[], labels: Map<string, string>, issues: IssueList): void {
  for (const s of series) {
    const r = countRepeats(s);
    if (r > 0) {
      issues.warn(`repeat:${s.indicatorId}`, () =>
        `${r.toLocaleString('en-GB')} figures for “${labels.get(s.indicatorId) ?? s.indicatorId}” repeat an area and year given earlier in the file; the later figure is used.`,
      );
    }
  }
}

export function newIndicator(id: string, label: string, unit: IndicatorUnit, fileName: string, values: Float64Array, definition = ''): Indicator {
  return {
    id,
    label,
    shortLabel: shortLabelOf(label),
    unit,
    polarity: 'neither',
    definition: definition || `Imported from ${fileName}.`,
    source: fileName,
    decimals: guessDecimals(values, unit),
    importId: '',
  };
}

/** One indicator's figures from two parts of a file (two names, two sheets), the later part's last where both give an area and year. */
export function concatSeries(a: ObservationSeries, b: ObservationSeries): ObservationSeries {
  const builder = new SeriesBuilder(a.importId, a.indicatorId, a.periods.length + b.periods.length);
  for (const s of [a, b]) for (let i = 0; i < s.periods.length; i++) builder.push(s.areaCodes[s.areaIndex[i]!]!, s.periods[i]!, s.values[i]!, s.statuses[i]!);
  return { ...builder.finish(), id: a.id };
}
