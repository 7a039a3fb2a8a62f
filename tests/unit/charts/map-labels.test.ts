import { describe, expect, it } from 'vitest';
import { placeMapLabels } from '../../../src/lib/charts/map-labels';

describe('placeMapLabels', () => {
  it('leaves labels that do not collide on their areas', () => {
    expect(placeMapLabels([{ x: 50, y: 100, width: 60 }, { x: 200, y: 102, width: 60 }], 13, 400)).toEqual([{ x: 50, y: 100 }, { x: 200, y: 102 }]);
  });

  it('moves neighbouring labels apart vertically (Warwickshire and Worcestershire)', () => {
    // Label points as data/england-utla-map.json gives them, widths as estimated for 11 px text.
    const [war, wor] = placeMapLabels([{ x: 314, y: 358, width: 74 }, { x: 277, y: 365, width: 87 }], 13, 600);
    expect(Math.abs(war!.y - wor!.y)).toBeGreaterThanOrEqual(13);
    expect([war!.x, wor!.x]).toEqual([314, 277]);
  });

  it('dodges a chain of overlapping labels as one group, within the map', () => {
    const out = placeMapLabels([{ x: 10, y: 2, width: 40 }, { x: 40, y: 3, width: 40 }, { x: 70, y: 4, width: 40 }], 13, 100);
    const ys = out.map((p) => p.y).sort((a, b) => a - b);
    expect(ys[0]).toBeGreaterThanOrEqual(6.5);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(13);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(13);
  });
});
