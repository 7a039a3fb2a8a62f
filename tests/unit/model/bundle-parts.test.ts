import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../../src/lib/model/bundle';
import { CORE_INDICATORS, splitBundle } from '../../../src/lib/model/bundle-parts';
import { DEFAULT_INDICATOR } from '../../../src/lib/state/url-codec';

const bundle = JSON.parse(readFileSync(new URL('../../../data/bundle.json', import.meta.url), 'utf8')) as Bundle;

describe('splitBundle', () => {
  const { core, rest } = splitBundle(bundle);

  it('puts every record of data/bundle.json in exactly one part', () => {
    const joined: Bundle = {
      ...core,
      series: [...core.series, ...rest.series],
      documents: rest.documents,
      ...(rest.themeMentions ? { themeMentions: rest.themeMentions } : {}),
      ...(rest.inspections ? { inspections: rest.inspections } : {}),
    };
    const ids = (b: Bundle) => b.series.map((s) => s.indicatorId).sort();
    expect(ids(joined)).toEqual(ids(bundle));
    expect(new Set(ids(joined)).size).toBe(bundle.series.length);
    expect(joined).toEqual({ ...bundle, series: joined.series });
    expect(rest.hash).toBe(bundle.hash);
  });

  it('gives the core the series a default Compare link draws, and little else', () => {
    expect(CORE_INDICATORS).toContain(DEFAULT_INDICATOR);
    expect(core.series.map((s) => s.indicatorId)).toEqual([DEFAULT_INDICATOR]);
    expect(core.indicators).toHaveLength(bundle.indicators.length);
    expect(JSON.stringify(core).length).toBeLessThan(JSON.stringify(bundle).length / 5);
  });
});
