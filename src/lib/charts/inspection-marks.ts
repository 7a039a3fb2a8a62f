/**
 * Ofsted inspections as a row of marks above a trend chart whose x axis is reporting
 * years (a year is placed at its end, 31 March): each inspection at its date with its
 * overall judgement as a symbol and a word, each visit as a small symbol, in as few
 * lanes as keep the labels apart.
 */
import { labelLanes } from './label-lanes';
import { chartText, type ChartText } from './text-scale';

export interface InspectionMarkInput {
  /** ISO date the inspection began. */
  date: string;
  /** "★ Good" for an inspection with an overall judgement; absent for a visit. */
  judgement?: string | undefined;
}

export interface InspectionMark {
  date: string;
  /** Where on the chart, in pixels from the plot's left edge. */
  x: number;
  lane: number;
  /** The label's left edge and text. */
  left: number;
  label: string;
  judged: boolean;
}

/** Lane height in px at normal type (`text.fit` grows it with the text). */
export const MARK_LANE = 15;
/** At most this many lanes: the band TrendChart keeps above the plot is MARK_LANES × MARK_LANE; a crowd beyond shares the last lane. */
export const MARK_LANES = 2;
/** What a visit shows: it makes no judgement. */
export const VISIT_SYMBOL = '○';

/**
 * A date on a reporting-year axis: 31 March 2023 is 2023 (the end of 2022-23), and
 * 15 May 2023 a little past it, 2023.12.
 */
export function periodPosition(iso: string): number {
  const d = Date.parse(`${iso}T00:00:00Z`);
  const year = Number(iso.slice(0, 4));
  return year + (d - Date.UTC(year, 2, 31)) / (365.25 * 86_400_000);
}

/** The marks of the inspections that fall on the plot (0 to `width` px), placed in lanes wide enough for their labels in `text`. */
export function inspectionMarks(list: readonly InspectionMarkInput[], x: (period: number) => number, width: number, text: ChartText = chartText()): InspectionMark[] {
  const shown = list.filter((i) => {
    const px = x(periodPosition(i.date));
    return px >= -0.5 && px <= width + 0.5;
  });
  const items = shown.map((i) => {
    const label = i.judgement ?? VISIT_SYMBOL;
    return { x: x(periodPosition(i.date)), width: text.width(label) + 4 };
  });
  const lanes = labelLanes(items, width, 4);
  return shown.map((i, k) => ({ date: i.date, x: items[k]!.x, lane: Math.min(MARK_LANES - 1, lanes[k]!.lane), left: lanes[k]!.left, label: i.judgement ?? VISIT_SYMBOL, judged: i.judgement !== undefined }));
}
