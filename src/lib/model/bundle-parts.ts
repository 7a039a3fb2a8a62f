/**
 * The bundled data as the app fetches it: two files cut from `data/bundle.json` when
 * the app is built (scripts/bundle-parts.ts). A shared Compare link on a first visit
 * waits only for the core, a few dozen KB: every area, indicator, source, neighbour
 * model and priority, and the series of the indicators the first view shows by
 * default. The rest (the other series, the documents, their themes and the Ofsted
 * inspections) follows in the background. The bundle's hash is the hash of the whole.
 */
import type { BUNDLE_FORMAT, Bundle, BundleSeries } from './bundle';

/** Indicators whose series come with the core: the one a default Compare view draws. */
export const CORE_INDICATORS: readonly string[] = ['cpp_rate'];

export type BundleCore = Omit<Bundle, 'series' | 'documents' | 'themeMentions' | 'inspections'> & {
  /** The series of CORE_INDICATORS. */
  series: BundleSeries[];
};

export interface BundleRest {
  format: typeof BUNDLE_FORMAT;
  /** The same hash as the core it completes. */
  hash: string;
  series: BundleSeries[];
  documents: Bundle['documents'];
  themeMentions?: Bundle['themeMentions'];
  inspections?: Bundle['inspections'];
}

/** Cuts a bundle in two; every record lands in exactly one part. */
export function splitBundle(bundle: Bundle): { core: BundleCore; rest: BundleRest } {
  const core = new Set(CORE_INDICATORS);
  const { series, documents, themeMentions, inspections, ...meta } = bundle;
  return {
    core: { ...meta, series: series.filter((s) => core.has(s.indicatorId)) },
    rest: {
      format: bundle.format,
      hash: bundle.hash,
      series: series.filter((s) => !core.has(s.indicatorId)),
      documents,
      ...(themeMentions ? { themeMentions } : {}),
      ...(inspections ? { inspections } : {}),
    },
  };
}

