import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dodgeLabels } from '../../../src/lib/charts/label-dodge';

describe('dodgeLabels', () => {
  it('leaves labels that do not collide where they are', () => {
    expect(dodgeLabels([10, 50, 100], 12, 0, 200)).toEqual([10, 50, 100]);
  });

  it('pushes colliding labels apart, keeping the given order of targets', () => {
    expect(dodgeLabels([50, 45, 52], 10, 0, 200)).toEqual([55, 45, 65]);
  });

  it('pulls a stack back inside the bottom bound', () => {
    expect(dodgeLabels([195, 198, 199], 10, 0, 200)).toEqual([180, 190, 200]);
  });

  it('spreads labels evenly when there are more than fit', () => {
    expect(dodgeLabels([5, 5, 5], 100, 0, 100)).toEqual([0, 50, 100]);
  });

  it('always keeps labels in bounds and apart when they fit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 350, noNaN: true }), { maxLength: 12 }), (targets) => {
        const gap = 14;
        const out = dodgeLabels(targets, gap, 0, 300);
        expect(out).toHaveLength(targets.length);
        const sorted = [...out].sort((a, b) => a - b);
        for (const p of sorted) expect(p >= -1e-9 && p <= 300 + 1e-9).toBe(true);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(gap - 1e-9);
      }),
    );
  });
});

describe('dodgeLabels with labels of more than one line', () => {
  // A one-line label counts as the gap (14); one wrapped onto two lines 13px apart as 27.
  it('keeps a two-line label half of both heights from its neighbour', () => {
    expect(dodgeLabels([50, 52], 14, 0, 200, [14, 27])).toEqual([50, 70.5]);
    expect(dodgeLabels([50, 52], 14, 0, 200, [27, 27])).toEqual([50, 77]);
  });

  it('keeps a two-line label’s first and last lines where a one-line label may go', () => {
    expect(dodgeLabels([200], 14, 0, 200, [27])).toEqual([193.5]);
    expect(dodgeLabels([-10], 14, 0, 200, [40])).toEqual([13]);
  });

  it('is the one-line dodging when every label is one line', () => {
    expect(dodgeLabels([50, 45, 52], 10, 0, 200, [10, 10, 10])).toEqual(dodgeLabels([50, 45, 52], 10, 0, 200));
  });

  it('squeezes labels taller than the room evenly', () => {
    expect(dodgeLabels([5, 5], 10, 0, 20, [30, 30])).toEqual([10, 10]);
    expect(dodgeLabels([5, 5, 5], 10, 0, 40, [10, 30, 10])).toEqual([0, 20, 40]);
  });

  it('always keeps labels of any height in bounds and clear of each other when they fit', () => {
    const gap = 14;
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.double({ min: -50, max: 350, noNaN: true }), lines: fc.integer({ min: 1, max: 3 }) }), { maxLength: 8 }),
        (labels) => {
          const sizes = labels.map((l) => gap + (l.lines - 1) * 13);
          const out = dodgeLabels(
            labels.map((l) => l.t),
            gap,
            0,
            300,
            sizes,
          );
          if (sizes.reduce((a, b) => a + b, 0) > 300 + gap) return;
          const blocks = out.map((c, i) => ({ top: c - sizes[i]! / 2, bottom: c + sizes[i]! / 2 })).sort((a, b) => a.top - b.top);
          for (const b of blocks) expect(b.top >= -gap / 2 - 1e-9 && b.bottom <= 300 + gap / 2 + 1e-9).toBe(true);
          for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.top).toBeGreaterThanOrEqual(blocks[i - 1]!.bottom - 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});
