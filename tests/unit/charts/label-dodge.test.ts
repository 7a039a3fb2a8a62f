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
