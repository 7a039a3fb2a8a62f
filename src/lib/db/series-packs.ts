/**
 * How observation series are laid out in the `series` store (schema version 3 on).
 *
 * An import's series are stored several to a record ("packs" of about
 * PACK_BYTES), not one record per series. Chromium's IndexedDB writes many
 * medium-sized records far more slowly than the same bytes in a few large ones:
 * measured in Chromium 150, 503 records of 30 KB took 0.4–0.9 s to put, and the
 * same 15 MB as 8–63 records took about 0.1 s. EES files with a filter column
 * (`characteristic`) bring hundreds of small series, so one per record made
 * storing cost more than reading the file. A series of PACK_BYTES or more is
 * stored alone; a pack never mixes imports, so undo still deletes by `importId`.
 * The bundled data is packed the same way (bundled.ts): a first visit waits for it to
 * be written, and most of its seventy series are small.
 */
import type { ObservationSeries } from '../model/series';
import { estimateBytes } from './record-size';

export interface SeriesPack {
  /**
   * `${importId}#${n}` for an import's packs; a pack of one series (packOfOne: the
   * bundled data, and records of version 2) has the series' `${importId}:${indicatorId}`.
   */
  id: string;
  importId: string;
  /** The indicators of `series`, in the same order: a multi-entry index. */
  indicatorIds: string[];
  series: ObservationSeries[];
  /**
   * What the pack holds, one key per series (spansOf): a multi-entry index from schema
   * version 5. The database writes it for every pack stored (database.ts); nothing else does.
   */
  spans?: SeriesSpan[];
}

/** A series as the `spans` index keys it: its indicator, its import, and its first and last period. */
export type SeriesSpan = [indicatorId: string, importId: string, first: number, last: number];

/**
 * The index keys of a pack's series, so that what the library holds of each indicator
 * (queries.ts seriesCatalog: the years and the imports) is read from the index alone.
 * Reading the packs themselves meant reading every figure held, the slowest step of a
 * return visit's first chart. A series without periods spans Infinity to -Infinity
 * (both valid keys), so its import still counts as holding the indicator.
 */
export function spansOf(pack: Pick<SeriesPack, 'importId' | 'series'>): SeriesSpan[] {
  return pack.series.map((s) => {
    let first = Infinity;
    let last = -Infinity;
    for (const p of s.periods) {
      if (p < first) first = p;
      if (p > last) last = p;
    }
    return [s.indicatorId, pack.importId, first, last];
  });
}

/**
 * An eighth of a megabyte, from measurements in Chromium 150 with the 1M-row benchmark
 * file (503 series): packs of 64 KB stored it in 240–310 ms, 128 KB in 190–235 ms and
 * 256 KB in 165–280 ms; but a chart reads a whole pack to use one series of it, and
 * the first chart query after a reload took 7–24 ms with 128 KB packs (as with one
 * series a record) against 15–65 ms with 256 KB packs.
 */
export const PACK_BYTES = 1 << 17;

/**
 * Packs one import's series, in their order, into records of about `target`
 * bytes each. Every series lands in exactly one pack.
 */
export function packSeries(importId: string, series: readonly ObservationSeries[], target: number = PACK_BYTES): SeriesPack[] {
  const packs: SeriesPack[] = [];
  let open: ObservationSeries[] = [];
  let bytes = 0;
  const close = () => {
    if (!open.length) return;
    packs.push({ id: `${importId}#${packs.length}`, importId, indicatorIds: open.map((s) => s.indicatorId), series: open });
    open = [];
    bytes = 0;
  };
  for (const s of series) {
    open.push(s);
    bytes += estimateBytes(s);
    if (bytes >= target) close();
  }
  close();
  return packs;
}

/** The pack as the database stores it: with the spans its series give, whatever it came with (database.ts). */
export function withSpans(pack: SeriesPack): SeriesPack {
  return { ...pack, spans: spansOf(pack) };
}

/** A version-2 series record as a pack of its own, under the same key. */
export function packOfOne(s: ObservationSeries): SeriesPack {
  return { id: s.id, importId: s.importId, indicatorIds: [s.indicatorId], series: [s] };
}

/** The series of packs, all of them or those of one indicator. */
export function unpack(packs: readonly SeriesPack[], indicatorId?: string): ObservationSeries[] {
  const out: ObservationSeries[] = [];
  for (const p of packs) for (const s of p.series) if (indicatorId === undefined || s.indicatorId === indicatorId) out.push(s);
  return out;
}
