import { describe, expect, it } from 'vitest';
import { MARKERS, seriesMarker } from '../../../src/lib/charts/palette';
import { MAX_AREAS } from '../../../src/lib/state/url-codec';

describe('series palette', () => {
  it('never gives two areas of one chart the same colour and marker', () => {
    // The colour is the series-N class, N = index % 8 (app.css); the marker is seriesMarker(index).
    const pairs = Array.from({ length: Math.max(MAX_AREAS, 64) }, (_, i) => `${i % 8}|${seriesMarker(i)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('keeps the first eight areas’ markers as they were', () => {
    expect(Array.from({ length: 8 }, (_, i) => seriesMarker(i))).toEqual(MARKERS);
  });
});
