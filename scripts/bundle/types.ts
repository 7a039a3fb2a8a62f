import type { BundleObservation } from '../../src/lib/model/bundle';

/** An observation on its way into the bundle. */
export type Obs = BundleObservation & { indicatorId: string };
