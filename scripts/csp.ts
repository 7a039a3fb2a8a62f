/**
 * The Content Security Policy, in one place: written into the built index.html as a
 * <meta> (static hosts cannot be relied on to send headers) and sent as a header by
 * `vite preview`, so the browser tests run under it. Not applied to `vite dev`, whose
 * hot reloading injects <style> elements.
 *
 * No inline or eval script, no inline style, and nothing fetched from another origin.
 */
const directives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  // Svelte's component styles are compiled into the CSS file; it sets dynamic styles
  // through the CSSOM (element.style), which CSP allows. Static style="" attributes in
  // templates would be blocked: use classes.
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

function serialise(extra: Record<string, string> = {}): string {
  return Object.entries({ ...directives, ...extra })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** For the <meta> tag. frame-ancestors is ignored (with a console warning) in a meta policy, so it is left out. */
export const CSP_META = serialise();

/** For hosts that can send headers (and `vite preview`): also forbids framing by other sites. */
export const CSP_HEADER = serialise({ 'frame-ancestors': "'none'" });
