import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWidth, labelLanes } from '../../../src/lib/charts/label-lanes';

describe('labelLanes', () => {
  it('keeps far-apart labels in one lane, centred on their x', () => {
    expect(labelLanes([{ x: 50, width: 40 }, { x: 200, width: 40 }], 400)).toEqual([
      { lane: 0, left: 30 },
      { lane: 0, left: 180 },
    ]);
  });

  it('moves an overlapping label to the next lane and reuses lanes once clear', () => {
    const out = labelLanes([{ x: 50, width: 60 }, { x: 70, width: 60 }, { x: 300, width: 60 }], 400);
    expect(out.map((o) => o.lane)).toEqual([0, 1, 0]);
  });

  it('keeps labels inside the chart', () => {
    expect(labelLanes([{ x: 5, width: 60 }, { x: 398, width: 60 }], 400)).toEqual([
      { lane: 0, left: 0 },
      { lane: 0, left: 340 },
    ]);
  });

  it('never lets two labels in one lane overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: 0, max: 500 }), width: fc.integer({ min: 10, max: 120 }) }), { maxLength: 25 }), (items) => {
        const out = labelLanes(items, 500, 4);
        for (let a = 0; a < items.length; a++)
          for (let b = a + 1; b < items.length; b++) {
            if (out[a]!.lane !== out[b]!.lane) continue;
            const [l1, r1] = [out[a]!.left, out[a]!.left + items[a]!.width];
            const [l2, r2] = [out[b]!.left, out[b]!.left + items[b]!.width];
            expect(r1 + 4 <= l2 || r2 + 4 <= l1).toBe(true);
          }
      }),
    );
  });
});

describe('fitWidth', () => {
  const measure = (s: string) => s.length * 10;
  it('keeps a label that fits whole, and cuts a longer one to fit with an ellipsis', () => {
    expect(fitWidth('Kingston upon Hull', 180, measure)).toBe('Kingston upon Hull');
    expect(fitWidth('Kingston upon Hull', 100, measure)).toBe('Kingston …');
    expect(measure(fitWidth('Bournemouth, Christchurch and Poole', 123, measure))).toBeLessThanOrEqual(123);
  });
});
