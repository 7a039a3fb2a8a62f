import bundleMeta from '../../../data/bundle-meta.json';
import { vintageOf } from '../state/url-codec';

/** The edition of the bundled figures this build ships, as links record it. */
export const BUNDLE_VINTAGE = vintageOf(bundleMeta.hash);

/**
 * What to tell someone who opens a link made on other figures than those now bundled,
 * or null when the link does not say or the figures are the same.
 */
export function vintageNotice(linkVintage: string | undefined, current: string = BUNDLE_VINTAGE): string | null {
  if (linkVintage === undefined || linkVintage === current) return null;
  // Editions are content hashes: they mean nothing to a reader and have no order, so the
  // message neither quotes them nor assumes the link is the older one (an installed app
  // that has not updated yet can open a link made on newer figures).
  return (
    'This link was made with a different edition of the figures from the one shown here: they have been revised since, ' +
    'or this copy of the app has not updated yet. Some values may differ from what the sender saw; the Data page lists the sources shown.'
  );
}
