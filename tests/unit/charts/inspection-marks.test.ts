import { describe, expect, it } from 'vitest';
import { inspectionMarks, MARK_LANES, periodPosition, VISIT_SYMBOL } from '../../../src/lib/charts/inspection-marks';

describe('inspection marks on a reporting-year axis', () => {
  it.each([
    ['2023-03-31', 2023],
    ['2023-05-15', 2023 + 45 / 365.25],
    ['2019-06-17', 2019 + 78 / 365.25],
    ['2022-07-18', 2022 + 109 / 365.25],
  ])('%s sits at %f (a year ends on 31 March)', (iso, expected) => {
    expect(periodPosition(iso)).toBeCloseTo(expected, 6);
  });

  // Worcestershire, LA_Inspection_Outcomes_as_at_31_March_2025.ods: RI 17 June 2019, Good 15 May 2023, a focused visit 3 December 2024.
  const worcs = [
    { date: '2019-06-17', judgement: '△ Requires improvement' },
    { date: '2023-05-15', judgement: '★ Good' },
    { date: '2024-12-03' },
  ];
  const x = (p: number) => (p - 2016) * 100;

  it('places each at its date, judgements with their words and visits as a bare symbol, on one lane when apart', () => {
    const marks = inspectionMarks(worcs, x, 900);
    expect(marks.map((m) => [m.label, m.judged, m.lane])).toEqual([
      ['△ Requires improvement', true, 0],
      ['★ Good', true, 0],
      [VISIT_SYMBOL, false, 0],
    ]);
    expect(marks[1]!.x).toBeCloseTo(712.3, 1);
  });

  it('leaves out what falls off the plot, and puts close labels in another lane, never more than the band holds', () => {
    expect(inspectionMarks(worcs, (p) => (p - 2020) * 180, 900).map((m) => m.date)).toEqual(['2023-05-15', '2024-12-03']);
    const crowd = inspectionMarks(
      ['2022-07-18', '2022-10-01', '2022-12-01', '2023-02-01'].map((date) => ({ date, judgement: '✕ Inadequate' })),
      x,
      900,
    );
    expect(crowd.map((m) => m.lane)).toEqual([0, 1, 1, 1].map((l) => Math.min(l, MARK_LANES - 1)));
  });
});
