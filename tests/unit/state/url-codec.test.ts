import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MALFORMED_LINKS } from '../../fixtures/malformed-links';
import {
  decodeHash,
  DEFAULT_AREAS,
  DEFAULT_LINK,
  defaultView,
  encodeHash,
  LINK_PARAMS,
  LINK_VERSION,
  MAX_AREAS,
  ROUTES,
  vintageOf,
  withLinkParams,
  type LinkParams,
  type View,
} from '../../../src/lib/state/url-codec';

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

  it('reads the neighbours, map and Area parameters', () => {
    expect(decodeHash('#/compare?neighbours=sn2021&neighboursOf=e08000030&map=1').view).toMatchObject({ neighbours: 'sn2021', neighboursOf: 'E08000030', map: true });
    expect(decodeHash('#/compare?neighbours=none').view).toMatchObject({ neighbours: 'none' });
    // The default model is left out, so old and new links read the same.
    expect(decodeHash('#/compare?neighbours=sn2025&map=0').view).toEqual(defaultView());
    expect(decodeHash('#/area/E10000034?indicator=cin_rate&neighbours=sn2021').view).toEqual({ name: 'area', code: 'E10000034', indicator: 'cin_rate', neighbours: 'sn2021' });
  });

  it('reads an embed (embed=1) as a link parameter, written only when on', () => {
    expect(decodeHash('#/compare?embed=1').link.embed).toBe(true);
    expect(decodeHash('#/compare').link.embed).toBeUndefined();
    expect(decodeHash('#/compare?embed=yes').problems.join(' ')).toContain('is not an embed setting');
    expect(encodeHash(defaultView(), { embed: true })).toBe('#/compare?embed=1');
    expect(encodeHash(defaultView(), { embed: false })).toBe('#/compare');
  });

  it('reads where the trend chart’s value axis starts; the default (zero) reads as absent', () => {
    expect(decodeHash('#/compare?axis=fit').view).toMatchObject({ axis: 'fit' });
    expect(decodeHash('#/area/E10000034?axis=fit').view).toEqual({ name: 'area', code: 'E10000034', axis: 'fit' });
    expect(decodeHash('#/compare?axis=zero').view).toEqual(defaultView());
    const bad = decodeHash('#/compare?axis=log');
    expect(bad.view).toEqual(defaultView());
    expect(bad.problems.join(' ')).toContain('is not a value axis');
  });

  it('reads a breakdown beside its indicator, writes it after the indicator, and reads it back (round trip)', () => {
    const hash = '#/compare?areas=E10000034&indicator=rate_per_10000&breakdown=children_starting_to_be_looked_after_each_year&from=2024';
    const { view, problems } = decodeHash(hash);
    expect(problems).toEqual([]);
    expect(view).toEqual({ name: 'compare', areas: ['E10000034'], indicator: 'rate_per_10000', breakdown: 'children_starting_to_be_looked_after_each_year', from: 2024 });
    expect(encodeHash(view)).toBe(hash);
    const area = decodeHash('#/area/E10000034?indicator=rate_per_10000&breakdown=children_starting');
    expect(area.view).toEqual({ name: 'area', code: 'E10000034', indicator: 'rate_per_10000', breakdown: 'children_starting' });
    expect(encodeHash(area.view)).toBe('#/area/E10000034?indicator=rate_per_10000&breakdown=children_starting');
  });

  it('leaves a link without a breakdown as it was: the old form names the breakdown’s own id, read and written unchanged', () => {
    const old = '#/compare?areas=E10000034&indicator=rate_per_10000__children_starting_to_be_looked_after_each_year&from=2024&to=2025';
    const { view, problems } = decodeHash(old);
    expect(problems).toEqual([]);
    expect(view).not.toHaveProperty('breakdown');
    expect(encodeHash(view)).toBe(old);
    // Share writes defaults, and a breakdown has none: the total is written by leaving it out.
    expect(encodeHash(view, {}, { defaults: true })).not.toContain('breakdown=');
  });

  it('reports a breakdown that is not a name and shows the total; an empty one is no breakdown', () => {
    const bad = decodeHash('#/compare?indicator=rate&breakdown=a%20b');
    expect(bad.view).toEqual({ ...defaultView(), indicator: 'rate' });
    expect(bad.problems).toEqual(['“a b” is not a breakdown name, so the indicator’s total is shown.']);
    expect(decodeHash('#/compare?indicator=rate&breakdown=')).toMatchObject({ view: { ...defaultView(), indicator: 'rate' }, problems: [] });
  });

  it('reads the level of the verdicts and the neighbours’ average; the defaults (95, mean) read as absent', () => {
    expect(decodeHash('#/compare?level=99.8&average=median').view).toMatchObject({ level: 99.8, average: 'median' });
    expect(decodeHash('#/area/E10000034?level=99.8&average=median').view).toEqual({ name: 'area', code: 'E10000034', level: 99.8, average: 'median' });
    expect(decodeHash('#/compare?level=95&average=mean').view).toEqual(defaultView());
  });

  it('reads the chart type and the funnel’s overdispersion adjustment', () => {
    expect(decodeHash('#/compare?chart=funnel&overdispersion=multiplicative').view).toMatchObject({ chart: 'funnel', overdispersion: 'multiplicative' });
    // The defaults are read as absent, so old and new links read the same.
    expect(decodeHash('#/compare?chart=ranked&overdispersion=none').view).toEqual(defaultView());
    const bad = decodeHash('#/compare?chart=pie&overdispersion=lots');
    expect(bad.view).toEqual(defaultView());
    expect(bad.problems).toEqual([
      '“pie” is not one of ranked, funnel (for “chart”), so the ranked chart is shown.',
      '“lots” is not one of none, additive, multiplicative (for “overdispersion”), so the funnel’s limits are not adjusted.',
    ]);
    expect(encodeHash({ ...defaultView(), chart: 'funnel' }, {}, { defaults: true })).toContain('&chart=funnel&overdispersion=none');
  });

  it('reads custom area codes (areas kept from an import) in links', () => {
    expect(decodeHash('#/area/X12345678').view).toEqual({ name: 'area', code: 'X12345678' });
    expect(decodeHash('#/compare?areas=E10000034,X12345678').view).toMatchObject({ areas: ['E10000034', 'X12345678'] });
  });

  it('opens the default Compare view for an empty hash', () => {
    for (const h of ['', '#', '#/', '#/compare']) expect(decodeHash(h)).toEqual({ view: defaultView(), problems: [], link: DEFAULT_LINK });
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
    ['#/compare?neighbours=<b>', 'not a statistical neighbour model', { name: 'compare' }],
    ['#/compare?neighboursOf=Worcs', 'is not an area code', { name: 'compare' }],
    ['#/compare?map=yes', 'is not 1 or 0', { name: 'compare' }],
    ['#/area/E10000034?indicator=%3Cx%3E', 'is not an indicator name', { name: 'area', code: 'E10000034' }],
    ['#/compare?level=90', 'is not a level the app tests at', { name: 'compare' }],
    ['#/area/E10000034?level=99.9', 'is not a level the app tests at', { name: 'area' }],
    ['#/compare?average=mode', 'is not an average', { name: 'compare' }],
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
      { numRuns: 1000 },
    );
  });
});

describe('the parameter tables', () => {
  const routes = Object.values(ROUTES);

  it.each(routes.flatMap((r) => r.params.map((p) => [r.path, p.key, r, p] as const)))('%s reads and writes %s as documented', (_path, key, route, p) => {
    const base = route.example.split('?')[0]!;
    // `at` is a place in `doc`, and means nothing alone.
    const extra = key === 'at' ? '&doc=seed-004' : '';
    const hash = `${base}?${key}=${p.example}${extra}`;
    const { view, problems } = decodeHash(hash);
    expect(problems).toEqual([]);
    expect(view.name).toBe(route.name);
    expect(encodeHash(view).split(/[?&]/)).toContain(`${key}=${p.example}`);
  });

  it.each(routes.map((r) => [r.path, r] as const))('the documented example of %s opens with no problems and is written back as it was', (_path, route) => {
    const { view, problems } = decodeHash(route.example);
    expect(problems).toEqual([]);
    expect(encodeHash(view)).toBe(route.example);
  });

  it('takes each name once across a route and the parameters every route takes', () => {
    for (const r of routes) {
      const keys = [...r.params, ...LINK_PARAMS].map((p) => p.key);
      expect(new Set(keys).size, r.path).toBe(keys.length);
      expect(keys).not.toContain('carry');
    }
  });
});

describe('links made with Share', () => {
  it('write every parameter that has a default, so a changed default does not change the link', () => {
    expect(encodeHash(defaultView(), {}, { defaults: true })).toBe('#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&neighbours=sn2025&map=0&level=95&average=mean&chart=ranked&overdispersion=none&axis=zero');
    expect(encodeHash({ name: 'themes', areas: [...DEFAULT_AREAS] }, {}, { defaults: true })).toBe('#/themes?areas=E10000034,E08000030,E08000029,E06000019&level=95&average=mean');
    expect(encodeHash({ name: 'area', code: 'E10000034' }, { version: 1 }, { defaults: true })).toBe('#/area/E10000034?indicator=cpp_rate&neighbours=sn2025&level=95&average=mean&axis=zero&v=1');
    expect(encodeHash({ name: 'data' }, {}, { defaults: true })).toBe('#/data');
  });

  it('open the same view as the short link the address bar shows', () => {
    for (const v of [defaultView(), { ...defaultView(), neighbours: 'none', map: true }, { name: 'area' as const, code: 'E06000019' }, { name: 'themes' as const, areas: ['E10000034'] }]) {
      const full = decodeHash(encodeHash(v, {}, { defaults: true }));
      expect(full.problems).toEqual([]);
      expect(full.view).toEqual(decodeHash(encodeHash(v)).view);
    }
  });
});

describe('links from earlier versions', () => {
  // The examples the README documented before links carried a version (`v`).
  it.each([
    ['#/compare?areas=E10000034,E08000030&indicator=cpp_rate&from=2016&to=2025&year=2025', 'compare'],
    ['#/themes?areas=E10000034,E06000019&from=2017&to=2021', 'themes'],
    ['#/area/E10000034', 'area'],
    ['#/data', 'data'],
  ])('%s still opens with no problems, read as version 1', (hash, name) => {
    const { view, problems, link } = decodeHash(hash);
    expect(problems).toEqual([]);
    expect(view.name).toBe(name);
    expect(link).toEqual({ version: 1, present: false });
  });
});

describe('parameters every route accepts', () => {
  it('reads the version, the data edition and presentation mode on any route', () => {
    for (const base of ['#/compare?areas=E10000034', '#/themes?from=2017', '#/area/E10000034', '#/data']) {
      const { problems, link } = decodeHash(withLinkParams(base, { version: 1, vintage: 'd59f6065', present: true }));
      expect(problems, base).toEqual([]);
      expect(link, base).toEqual({ version: 1, vintage: 'd59f6065', present: true });
    }
  });

  it('keeps the first eight hex digits of a longer data edition, in lower case', () => {
    expect(decodeHash('#/compare?data=D59F6065E90DB1F4').link.vintage).toBe('d59f6065');
    expect(vintageOf('D59F6065E90DB1F4')).toBe('d59f6065');
  });

  it('treats present=0 as the usual view', () => {
    expect(decodeHash('#/compare?present=0')).toMatchObject({ problems: [], link: { present: false } });
  });

  it('says so when a link comes from a newer version, and still reads what it can', () => {
    const { view, problems, link } = decodeHash('#/compare?areas=E10000034&v=2');
    expect(link.version).toBe(2);
    expect(view).toMatchObject({ areas: ['E10000034'] });
    expect(problems.join(' ')).toContain('newer version');
  });
});

describe('malformed links', () => {
  it.each(MALFORMED_LINKS.filter((l) => !l.checkedAgainstData).map((l) => [l.name, l] as const))('%s: a message and the nearest view', (_name, l) => {
    const { view, problems } = decodeHash(l.hash);
    expect(problems.join(' ')).toContain(l.message);
    expect(view.name).toBe(l.view);
  });

  it('quotes tampered input back short and without control characters', () => {
    const { problems } = decodeHash(`#/compare?indicator=${encodeURIComponent('\u0000\u0007<script>' + 'x'.repeat(200))}`);
    expect(problems[0]).not.toMatch(/[\u0000-\u001f]/);
    expect(problems[0]!.length).toBeLessThan(120);
  });
});

describe('theme parameters', () => {
  it('reads a Themes link with open evidence and a Compare link with theme markers', () => {
    expect(decodeHash('#/themes?areas=E06000019&theme=neglect&area=E06000019&doc=seed-004&at=2233')).toMatchObject({
      view: { name: 'themes', areas: ['E06000019'], theme: 'neglect', area: 'E06000019', doc: 'seed-004', at: 2233 },
      problems: [],
    });
    expect(decodeHash('#/compare?theme=early_help').view).toMatchObject({ name: 'compare', theme: 'early_help' });
  });

  it.each([
    ['#/themes?theme=<b>', 'is not a theme name', {}],
    ['#/themes?area=nowhere', 'is not an area code', {}],
    ['#/themes?doc=../../etc', 'is not a document id', {}],
    ['#/themes?doc=seed-001&at=-5', 'is not a place in a document', { doc: 'seed-001' }],
    ['#/compare?theme=DROP%20TABLE', 'is not a theme name', { name: 'compare' }],
  ])('explains a bad theme parameter %s', (hash, message, expected) => {
    const { view, problems } = decodeHash(hash);
    expect(problems.join(' ')).toContain(message);
    expect(view).toMatchObject(expected);
    expect(view).not.toHaveProperty('theme');
  });

  it('keeps links without the new parameters as they were', () => {
    expect(encodeHash(decodeHash('#/themes?areas=E10000034&from=2017&to=2021').view)).toBe('#/themes?areas=E10000034&from=2017&to=2021');
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
  const themeId = fc.stringMatching(/^[a-z_]{1,40}$/);
  const docId = fc.stringMatching(/^[A-Za-z0-9:_.-]{1,100}$/);
  const viewArb: fc.Arbitrary<View> = fc.oneof(
    fc.record(
      {
        name: fc.constant('compare' as const),
        areas: fc.uniqueArray(code, { maxLength: MAX_AREAS }),
        indicator: fc.stringMatching(/^[a-z0-9_]{1,30}$/),
        from: year,
        to: year,
        year,
        neighbours: fc.constantFrom('sn2021', 'none', 'imported_model'),
        neighboursOf: code,
        map: fc.constant(true),
        theme: themeId,
      },
      { requiredKeys: ['name', 'areas', 'indicator'] },
    ),
    fc
      .record(
        { name: fc.constant('themes' as const), areas: fc.uniqueArray(code, { maxLength: MAX_AREAS }), from: year, to: year, theme: themeId, area: code, doc: docId, at: fc.nat({ max: 999_999_999 }) },
        { requiredKeys: ['name', 'areas'] },
      )
      // A place in a document means nothing without the document.
      .map((v) => (v.doc === undefined ? (({ at: _at, ...rest }) => rest)(v) : v)),
    fc.record({ name: fc.constant('area' as const), code, indicator: fc.stringMatching(/^[a-z0-9_]{1,30}$/).filter((i) => i !== 'cpp_rate'), neighbours: fc.constantFrom('sn2021', 'none') }, { requiredKeys: ['name', 'code'] }),
    fc.constant({ name: 'data' as const }),
  );

  it('writes the common parameters after the view, leaving defaults out', () => {
    expect(encodeHash(defaultView(), {})).toBe('#/compare');
    expect(encodeHash(defaultView(), { version: 1, vintage: 'd59f6065', present: true })).toBe('#/compare?v=1&data=d59f6065&present=1');
    expect(encodeHash({ name: 'data' }, { present: false })).toBe('#/data');
    expect(encodeHash({ name: 'area', code: 'E10000034' }, { present: true })).toBe('#/area/E10000034?present=1');
    expect(encodeHash({ name: 'compare', areas: ['E10000034'], indicator: 'cpp_rate' }, { version: LINK_VERSION })).toBe('#/compare?areas=E10000034&v=1');
  });

  const linkArb: fc.Arbitrary<LinkParams> = fc.record(
    { version: fc.constant(LINK_VERSION), vintage: fc.stringMatching(/^[0-9a-f]{8}$/), present: fc.boolean() },
    { requiredKeys: ['version', 'present'] },
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

  it('round-trips every valid view through a link made with Share', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        if ('from' in v && 'to' in v && v.from !== undefined && v.to !== undefined && v.from > v.to) [v.from, v.to] = [v.to, v.from];
        const { view, problems } = decodeHash(encodeHash(v, { version: LINK_VERSION }, { defaults: true }));
        expect(problems).toEqual([]);
        expect(view).toEqual(v);
      }),
    );
  });

  it('round-trips the common parameters with any view', () => {
    fc.assert(
      fc.property(viewArb, linkArb, (v, l) => {
        if ('from' in v && 'to' in v && v.from !== undefined && v.to !== undefined && v.from > v.to) [v.from, v.to] = [v.to, v.from];
        const { view, problems, link } = decodeHash(encodeHash(v, l));
        expect(problems).toEqual([]);
        expect(view).toEqual(v);
        expect(link).toEqual(l);
      }),
    );
  });
});

describe('carried data in a link', () => {
  const carry = 'eJw' + 'A'.repeat(7000);

  it('is taken out before the length check, and the rest of the link is read as usual', () => {
    const d = decodeHash(`#/compare?areas=E10000034&indicator=local_x&v=1&data=d59f6065&carry=${carry}`);
    expect(d.problems).toEqual([]);
    expect(d.view).toEqual({ name: 'compare', areas: ['E10000034'], indicator: 'local_x' });
    expect(d.link).toEqual({ version: 1, vintage: 'd59f6065', present: false, carry });
  });

  it('may stand anywhere in the parameters', () => {
    const d = decodeHash(`#/themes?carry=abc&areas=E10000034&present=1`);
    expect(d.link.carry).toBe('abc');
    expect(d.link.present).toBe(true);
    expect(d.view).toMatchObject({ name: 'themes', areas: ['E10000034'] });
    expect(decodeHash('#/data?carry=xyz')).toMatchObject({ view: { name: 'data' }, link: { carry: 'xyz' }, problems: [] });
  });

  it('uses the first when given twice, and says so', () => {
    const d = decodeHash('#/compare?carry=one&carry=two');
    expect(d.link.carry).toBe('one');
    expect(d.problems).toEqual(['“carry” is given more than once; the first is used.']);
  });

  it('does not let the rest of a link grow past the limit', () => {
    const d = decodeHash(`#/compare?x=${'a'.repeat(5000)}&carry=abc`);
    expect(d.problems[0]).toMatch(/too long/);
  });

  it('is never written by encodeHash', () => {
    const d = decodeHash('#/compare?areas=E10000034&carry=abc');
    expect(encodeHash(d.view, d.link)).toBe('#/compare?areas=E10000034&v=1');
  });
});
