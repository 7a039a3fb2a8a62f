import { describe, expect, it } from 'vitest';
import { moveListCursor } from '../../../src/lib/charts/list-cursor';

describe('moveListCursor', () => {
  const chosen = [3, 40, 90];
  it('steps one and ten at a time, and to either end, within the list', () => {
    expect(moveListCursor('ArrowRight', 5, 100, chosen)).toBe(6);
    expect(moveListCursor('ArrowRight', 99, 100, chosen)).toBe(99);
    expect(moveListCursor('ArrowLeft', 0, 100, chosen)).toBe(0);
    expect(moveListCursor('PageDown', 95, 100, chosen)).toBe(99);
    expect(moveListCursor('PageUp', 5, 100, chosen)).toBe(0);
    expect(moveListCursor('Home', 50, 100, chosen)).toBe(0);
    expect(moveListCursor('End', 50, 100, chosen)).toBe(99);
  });

  it('jumps between the chosen areas, wrapping round, and stays put without any', () => {
    expect(moveListCursor('ArrowDown', 3, 100, chosen)).toBe(40);
    expect(moveListCursor('ArrowDown', 90, 100, chosen)).toBe(3);
    expect(moveListCursor('ArrowUp', 40, 100, chosen)).toBe(3);
    expect(moveListCursor('ArrowUp', 3, 100, chosen)).toBe(90);
    expect(moveListCursor('ArrowDown', 7, 100, [])).toBe(7);
    expect(moveListCursor('ArrowUp', 7, 100, [])).toBe(7);
  });

  it('leaves other keys to the chart frame', () => {
    expect(moveListCursor('Enter', 7, 100, chosen)).toBeNull();
  });
});
