import { encodeHash, LINK_VERSION, type View } from '../state/url-codec';

export interface ShareRequest {
  /** Where the app is served, without the hash: origin and path, e.g. `https://example.org/lens/`. */
  base: string;
  /** The view being shared. */
  view: View;
  /** The edition of the bundled figures the view is drawn from (see vintage.ts). */
  vintage: string;
  /** Open the link in presentation mode (read-only, larger type). */
  present: boolean;
}

/**
 * The link a Share control offers: every parameter that shapes the view, defaults
 * included (so the link keeps its meaning if a default changes), plus the contract
 * version and the data edition, so that a recipient opening it after the figures are
 * revised is told so.
 */
export function shareLink({ base, view, vintage, present }: ShareRequest): string {
  return `${base}${encodeHash(view, { version: LINK_VERSION, vintage, present }, { defaults: true })}`;
}

/** The address of the running app without its hash, for `ShareRequest.base`. */
export function appBase(loc: Pick<Location, 'origin' | 'pathname'>): string {
  return `${loc.origin}${loc.pathname}`;
}
