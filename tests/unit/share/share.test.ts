import { describe, expect, it } from 'vitest';
import bundleMeta from '../../../data/bundle-meta.json';
import { copyText } from '../../../src/lib/share/clipboard';
import { appBase, embedCode, shareLink } from '../../../src/lib/share/share-link';
import { BUNDLE_VINTAGE, vintageNotice } from '../../../src/lib/share/vintage';
import { decodeHash } from '../../../src/lib/state/url-codec';

describe('shareLink', () => {
  const view = { name: 'compare', areas: ['E10000034', 'E08000030'], indicator: 'cin_rate', from: 2018, to: 2025 } as const;

  it('writes the view with its defaults, the contract version and the data edition', () => {
    const link = shareLink({ base: 'https://example.org/lens/', view: { ...view, areas: [...view.areas] }, vintage: 'd59f6065', present: false });
    expect(link).toBe('https://example.org/lens/#/compare?areas=E10000034,E08000030&indicator=cin_rate&from=2018&to=2025&neighbours=sn2025&map=0&level=95&average=mean&chart=ranked&overdispersion=none&axis=zero&v=1&data=d59f6065');
  });

  it('is read back as the same view with no problems, in presentation mode when asked', () => {
    const link = shareLink({ base: 'https://example.org/', view: { ...view, areas: [...view.areas] }, vintage: BUNDLE_VINTAGE, present: true });
    const decoded = decodeHash(new URL(link).hash);
    expect(decoded.problems).toEqual([]);
    expect(decoded.view).toEqual(view);
    expect(decoded.link).toEqual({ version: 1, vintage: BUNDLE_VINTAGE, present: true });
  });

  it('takes the app address without its hash or query', () => {
    expect(appBase({ origin: 'https://example.org', pathname: '/lens/' })).toBe('https://example.org/lens/');
  });
});

describe('vintageNotice', () => {
  it('records the first eight hex digits of the bundle hash', () => {
    expect(BUNDLE_VINTAGE).toBe(bundleMeta.hash.slice(0, 8));
  });

  it('says nothing when the link does not say or the edition is the same', () => {
    expect(vintageNotice(undefined)).toBeNull();
    expect(vintageNotice(BUNDLE_VINTAGE)).toBeNull();
  });

  it('explains plainly when the link was made on other figures', () => {
    expect(vintageNotice('00000000', 'd59f6065')).toMatch(/different edition of the figures.*revised.*may differ/);
  });
});

describe('copyText', () => {
  it('resolves true once the clipboard has the text', async () => {
    let written = '';
    expect(await copyText('abc', { writeText: async (t: string) => void (written = t) })).toBe(true);
    expect(written).toBe('abc');
  });

  it('resolves false, without throwing, when there is no clipboard or it refuses', async () => {
    expect(await copyText('abc', null)).toBe(false);
    expect(await copyText('abc', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) })).toBe(false);
  });
});

describe('embed code', () => {
  it('frames the embed link with a title, its attributes escaped', () => {
    const link = shareLink({ base: 'https://example.org/lens/', view: { name: 'area', code: 'E10000034' }, vintage: 'd59f6065', present: false, embed: true });
    expect(link).toBe('https://example.org/lens/#/area/E10000034?indicator=cpp_rate&neighbours=sn2025&level=95&average=mean&axis=zero&v=1&data=d59f6065&embed=1');
    expect(embedCode(link, 'Safeguarding Lens: "area" <profile>')).toBe(
      '<iframe src="https://example.org/lens/#/area/E10000034?indicator=cpp_rate&amp;neighbours=sn2025&amp;level=95&amp;average=mean&amp;axis=zero&amp;v=1&amp;data=d59f6065&amp;embed=1" title="Safeguarding Lens: &quot;area&quot; &lt;profile&gt;" width="100%" height="900" style="border: 0" loading="lazy"></iframe>',
    );
  });
});

