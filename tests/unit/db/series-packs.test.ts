import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateBytes } from '../../../src/lib/db/record-size';
import { packOfOne, packSeries, PACK_BYTES, unpack } from '../../../src/lib/db/series-packs';
import { SeriesBuilder, type ObservationSeries } from '../../../src/lib/model/series';

function series(indicatorId: string, rows: number): ObservationSeries {
  const b = new SeriesBuilder('imp', indicatorId);
  for (let i = 0; i < rows; i++) b.push(`E0600${String(i % 150).padStart(4, '0')}`, 2013 + (i % 13), i, 0);
  return b.finish();
}

describe('packSeries', () => {
  it('puts many small series of an EES filter column into a few records', () => {
    // The benchmark's shape: 503 characteristics of about 2,000 rows each.
    const many = Array.from({ length: 503 }, (_, i) => series(`referrals_rate_group_${i}`, 1989));
    const packs = packSeries('imp', many);
    expect(packs.length).toBeLessThanOrEqual(Math.ceil((503 * estimateBytes(many[0]!)) / PACK_BYTES));
    expect(packs.length).toBeGreaterThan(1);
    expect(unpack(packs)).toEqual(many);
  });

  it('stores a series of the target size or more on its own', () => {
    const big = series('big', 40_000);
    const packs = packSeries('imp', [series('a', 10), big, series('b', 10)], estimateBytes(big));
    expect(packs.map((p) => p.indicatorIds)).toEqual([['a', 'big'], ['b']]);
    expect(packSeries('imp', [big], estimateBytes(big)).map((p) => p.indicatorIds)).toEqual([['big']]);
  });

  it('keeps every series once, in order, each pack reaching the target but the last', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 300 }), { maxLength: 40 }), fc.integer({ min: 1, max: 5_000 }), (sizes, target) => {
        const input = sizes.map((rows, i) => series(`ind_${i}`, rows));
        const packs = packSeries('imp', input, target);
        expect(unpack(packs)).toEqual(input);
        expect(new Set(packs.map((p) => p.id)).size).toBe(packs.length);
        for (const [i, p] of packs.entries()) {
          expect(p.importId).toBe('imp');
          expect(p.indicatorIds).toEqual(p.series.map((s) => s.indicatorId));
          const bytes = p.series.reduce((n, s) => n + estimateBytes(s), 0);
          if (i < packs.length - 1) expect(bytes).toBeGreaterThanOrEqual(target);
          // A pack closes as soon as it reaches the target: without its last series it is under it.
          expect(bytes - estimateBytes(p.series.at(-1)!)).toBeLessThan(target);
        }
      }),
    );
  });
});

describe('unpack', () => {
  it('picks one indicator’s series out of packs', () => {
    const packs = [...packSeries('a', [series('x', 3), series('y', 2)]), packOfOne({ ...series('x', 1), id: 'b:x', importId: 'b' })];
    expect(unpack(packs, 'x').map((s) => [s.id, s.periods.length])).toEqual([
      ['imp:x', 3],
      ['b:x', 1],
    ]);
    expect(unpack(packs, 'z')).toEqual([]);
  });
});
