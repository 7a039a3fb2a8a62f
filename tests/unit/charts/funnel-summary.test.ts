import { describe, expect, it } from 'vitest';
import { describeFunnelPoint, funnelNote, funnelSummary, scientific, zoneParts } from '../../../src/lib/charts/funnel-summary';
import type { Readout } from '../../../src/lib/charts/readout';
import { buildFunnel, type FunnelInput } from '../../../src/lib/stats/funnel';
import { FUNNEL, FUNNEL_CHOSEN, FUNNEL_INPUTS, INDICATOR } from './fixtures';

describe('funnelSummary', () => {
  it('names the centre line, how many lie outside each pair of limits, and where each chosen area falls', () => {
    const s = funnelSummary(FUNNEL, INDICATOR, '2024-25', 'Children aged 0–17', FUNNEL_CHOSEN);
    expect(s).toContain('for 9 local authorities against children aged 0–17');
    expect(s).toContain('England’s 40.6 as the centre line');
    expect(s).toContain(`${FUNNEL.outside95} of 9 lie outside the 95% limits and ${FUNNEL.outside998} outside the 99.8% limits`);
    expect(s).toContain('Bravo 40.4, within the 95% limits');
  });
});

describe('describeFunnelPoint', () => {
  it('reads out the value, denominator, zone in a symbol and words, and the limits there', () => {
    const alpha = FUNNEL.points.find((p) => p.name === 'Alpha')!;
    expect(alpha.zone).toBe('above998');
    const r = describeFunnelPoint(alpha, INDICATOR, 'Children aged 0–17');
    expect(shown(r)).toMatch(/^Alpha: 61\.2 per 10,000 children; children aged 0–17 20,000; ▲ above the 99\.8% limits \(95% limits \d+\.\d to \d+\.\d, 99\.8% limits \d+\.\d to \d+\.\d\)$/);
  });

  it('keeps the symbol out of what a screen reader hears: only the words', () => {
    for (const p of FUNNEL.points) {
      const r = describeFunnelPoint(p, INDICATOR, 'Children aged 0–17');
      expect(spoken(r)).not.toMatch(/[○△▽▲▼]/);
      expect(spoken(r)).toContain(`; children aged 0–17 ${p.denominator.toLocaleString('en-GB')}; `);
      expect(spoken(r)).toMatch(/ (within|above|below) the (95|99\.8)% limits/);
    }
  });
});

/** The readout as the page shows it, marks and all. */
const shown = (r: Readout) => (typeof r === 'string' ? r : r.map((part) => (typeof part === 'string' ? part : part.mark)).join(''));
/** The readout as a screen reader hears it: the marks are aria-hidden. */
const spoken = (r: Readout) => (typeof r === 'string' ? r : r.map((part) => (typeof part === 'string' ? part : '')).join(''));

describe('zoneParts', () => {
  it('gives each zone the shape the chart draws it with (○ within, △ ▽ beyond 95%, ▲ ▼ beyond 99.8%), shown only, beside its words', () => {
    const zones = ['within', 'above95', 'below95', 'above998', 'below998'] as const;
    expect(zones.map((zone) => zoneParts({ zone }))).toEqual([
      [{ mark: '○' }, ' within the 95% limits'],
      [{ mark: '△' }, ' above the 95% limits (within 99.8%)'],
      [{ mark: '▽' }, ' below the 95% limits (within 99.8%)'],
      [{ mark: '▲' }, ' above the 99.8% limits'],
      [{ mark: '▼' }, ' below the 99.8% limits'],
    ]);
    expect(zones.map((zone) => shown(zoneParts({ zone })))).toEqual([
      '○ within the 95% limits',
      '△ above the 95% limits (within 99.8%)',
      '▽ below the 95% limits (within 99.8%)',
      '▲ above the 99.8% limits',
      '▼ below the 99.8% limits',
    ]);
  });
});

describe('funnelNote', () => {
  it('states the method; unadjusted and wider than chance, it says how many lie outside 99.8% and suggests the adjustment', () => {
    const note = funnelNote(FUNNEL, INDICATOR);
    expect(note[0]).toContain('exact Poisson limits');
    expect(note[0]).toContain('95% confidence interval leaves out England’s value');
    expect(note[1]).toBe(`${FUNNEL.outside998} of 9 authorities lie outside the 99.8% limits, where chance alone would put about 1 in 500: the spread is wider than chance alone; consider the overdispersion adjustment.`);
  });

  it('says nothing of overdispersion when the authorities vary as chance would', () => {
    const calm: FunnelInput[] = FUNNEL_INPUTS.map((p) => ({ ...p, value: 40.6 + (p.denominator % 3) * 0.1 }));
    const note = funnelNote(buildFunnel(FUNNEL.spec, calm, 'none'), INDICATOR);
    expect(note).toHaveLength(1);
  });

  it('additive: cites Spiegelhalter 2005 and gives τ² and the spread in the units shown', () => {
    const f = buildFunnel(FUNNEL.spec, FUNNEL_INPUTS, 'additive');
    const note = funnelNote(f, INDICATOR).join(' ');
    expect(note).toContain('additive (random effects)');
    expect(note).toContain('Spiegelhalter (2005');
    expect(note).toContain(`τ² = ${scientific(f.dispersion!.tau2)}`);
    expect(note).toMatch(/τ = \d+\.\d per 10,000 children/);
    expect(note).not.toContain('consider the overdispersion adjustment');
    expect(note).not.toContain('leaves out England’s value');
  });

  it('multiplicative: gives φ and how much wider the limits are', () => {
    const f = buildFunnel(FUNNEL.spec, FUNNEL_INPUTS, 'multiplicative');
    const note = funnelNote(f, INDICATOR).join(' ');
    expect(note).toContain('multiplicative');
    expect(note).toContain(`φ = ${scientific(f.dispersion!.phi)} (limits ${scientific(Math.sqrt(f.dispersion!.phi))} times as wide)`);
  });

  it('says when an adjustment was asked for but changes nothing', () => {
    const calm: FunnelInput[] = FUNNEL_INPUTS.map((p) => ({ ...p, value: 40.6 }));
    const note = funnelNote(buildFunnel(FUNNEL.spec, calm, 'multiplicative'), INDICATOR).join(' ');
    expect(note).toContain('so the limits are not adjusted');
  });
});

describe('scientific', () => {
  it.each([
    [0, '0'],
    [8.345, '8.35'],
    [0.0123, '0.0123'],
    [3.314e-6, '3.31 × 10⁻⁶'],
    [12345, '1.23 × 10⁴'],
  ])('%f → %s', (x, s) => expect(scientific(x)).toBe(s));
});
