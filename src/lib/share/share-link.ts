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
  /** A link for an `<iframe>` (`embed=1`): the figures without the app around them. */
  embed?: boolean;
}

/**
 * The link a Share control offers: every parameter that shapes the view, defaults
 * included (so the link keeps its meaning if a default changes), plus the contract
 * version and the data edition, so that a recipient opening it after the figures are
 * revised is told so.
 */
export function shareLink({ base, view, vintage, present, embed }: ShareRequest): string {
  return `${base}${encodeHash(view, { version: LINK_VERSION, vintage, present, ...(embed ? { embed } : {}) }, { defaults: true })}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const attribute = (s: string) => s.replace(/[&"<>]/g, (c) => ESCAPES[c]!);

/**
 * The `<iframe>` a page pastes to embed a view: the embed link, a title naming what it
 * shows (a frame needs one for screen readers), and no border. Written as text for the
 * user to copy, with its attributes escaped.
 */
export function embedCode(embedLink: string, title: string): string {
  return `<iframe src="${attribute(embedLink)}" title="${attribute(title)}" width="100%" height="900" style="border: 0" loading="lazy"></iframe>`;
}

/** The address of the running app without its hash, for `ShareRequest.base`. */
export function appBase(loc: Pick<Location, 'origin' | 'pathname'>): string {
  return `${loc.origin}${loc.pathname}`;
}
