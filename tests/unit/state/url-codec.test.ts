import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHash, DEFAULT_AREAS, defaultView, encodeHash, MAX_AREAS, type View } from '../../../src/lib/state/url-codec';

describe('decodeHash', () => {
  it('reads the documented Compare link', () => {
    const { view, problems } = decodeHash('#/compare?areas=E10000034,E08000030&indicator=cpp_rate&from=2016&to=2025&year=2025');
    expect(problems).toEqual([]);
    expect(view).toEqual({ name: 'compare', areas: ['E10000034', 'E08000030'], indicator: 'cpp_rate', from: 2016, to: 2025, year: 2025 });
  });

  it('reads the Themes, Area and Data routes', () => {
    expect(decodeHash('#/themes?areas=E10000034&from=2017&to=2021').view).toEqual({ name: 'themes', areas: ['E10000034'], from: 2017, to: 2021 });
    expect(decodeHash('#/area/E10000034').view).toEqual({ name: 'area', code: 'E10000034' });
    expect(decodeHash('#/area/e10000034').view).toEqual({ name: 'area', code: 'E10000034' });
    expect(decodeHash('#/data').view).toEqual({ name: 'data' });
  });

  it('reads custom area codes (areas kept from an import) in links', () => {
    expect(decodeHash('#/area/X12345678').view).toEqual({ name: 'area', code: 'X12345678' });
    expect(decodeHash('#/compare?areas=E10000034,X12345678').view).toMatchObject({ areas: ['E10000034', 'X12345678'] });
  });

  it('opens the default Compare view for an empty hash', () => {
    for (const h of ['', '#', '#/', '#/compare']) expect(decodeHash(h)).toEqual({ view: defaultView(), problems: [] });
  });

  it('accepts years written as reporting periods', () => {
    expect(decodeHash('#/compare?from=2015-16&to=202425').view).toMatchObject({ from: 2016, to: 2025 });
  });

  it.each([
    ['#/compare?areas=E10000034,<script>alert(1)</script>', 'is not an area code', { areas: ['E10000034'] }],
    ['#/compare?indicator=%3Cimg%20src%3Dx%3E', 'is not an indicator name', { indicator: 'cpp_rate' }],
    ['#/compare?from=abc', 'is not a year', { name: 'compare' }],
    ['#/compare?from=2025&to=2016', 'wrong way round', { from: 2016, to: 2025 }],
    ['#/area/nowhere', 'is not an area code', { name: 'compare' }],
    ['#/area', 'names no area', { name: 'compare' }],
    ['#/settings', 'There is no “settings” page', { name: 'compare' }],
    [`#/compare?x=${'a'.repeat(5000)}`, 'too long', { name: 'compare' }],
  ])('explains a bad link %s and falls back', (hash, message, expected) => {
    const { view, problems } = decodeHash(hash);
    expect(problems.join(' ')).toContain(message);
    expect(view).toMatchObject(expected);
  });

  it('drops duplicate areas and caps the number of areas', () => {
    const many = Array.from({ length: 30 }, (_, i) => `E0600${String(i).padStart(4, '0')}`);
    const { view, problems } = decodeHash(`#/compare?areas=E10000034,E10000034,${many.join(',')}`);
    expect(view.name === 'compare' && view.areas.length).toBe(MAX_AREAS);
    expect(problems[0]).toContain(`first ${MAX_AREAS}`);
  });

  it('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const { view, problems } = decodeHash(s);
        expect(['compare', 'themes', 'area', 'data']).toContain(view.name);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('encodeHash', () => {
  it('leaves defaults out of the URL', () => {
    expect(encodeHash(defaultView())).toBe('#/compare');
    expect(encodeHash({ name: 'themes', areas: [...DEFAULT_AREAS] })).toBe('#/themes');
  });

  it('writes the documented parameter names', () => {
    expect(encodeHash({ name: 'compare', areas: ['E10000034', 'E08000030'], indicator: 'cin_rate', from: 2016, to: 2025, year: 2024 })).toBe(
      '#/compare?areas=E10000034,E08000030&indicator=cin_rate&from=2016&to=2025&year=2024',
    );
  });

  const code = fc.stringMatching(/^E\d{8}$/);
  const year = fc.integer({ min: 1990, max: 2100 });
  const viewArb: fc.Arbitrary<View> = fc.oneof(
    fc.record(
      {
        name: fc.constant('compare' as const),
        areas: fc.uniqueArray(code, { maxLength: MAX_AREAS }),
        indicator: fc.stringMatching(/^[a-z0-9_]{1,30}$/),
        from: year,
        to: year,
        year,
      },
      { requiredKeys: ['name', 'areas', 'indicator'] },
    ),
    fc.record({ name: fc.constant('themes' as const), areas: fc.uniqueArray(code, { maxLength: MAX_AREAS }), from: year, to: year }, { requiredKeys: ['name', 'areas'] }),
    fc.record({ name: fc.constant('area' as const), code }),
    fc.constant({ name: 'data' as const }),
  );

  it('round-trips every valid view through the URL', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        // Years the wrong way round are corrected on reading, so generate them in order.
        if ('from' in v && 'to' in v && v.from !== undefined && v.to !== undefined && v.from > v.to) [v.from, v.to] = [v.to, v.from];
        const { view, problems } = decodeHash(encodeHash(v));
        expect(problems).toEqual([]);
        expect(view).toEqual(v);
      }),
    );
  });
});
