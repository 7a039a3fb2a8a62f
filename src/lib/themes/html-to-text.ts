/**
 * Plain text from HTML and Markdown minutes, by string processing alone: no DOM and no
 * markup parser, so nothing in an imported file can run. Block elements become line
 * breaks and list items bullets, so the sentence splitter sees the same structure a
 * reader does; scripts, styles and comments are dropped whole.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', pound: '£', euro: '€', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°', frac12: '½', times: '×',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', ouml: 'ö', uuml: 'ü', auml: 'ä', ccedil: 'ç', shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const BLOCK = /^(?:p|div|section|article|header|footer|main|aside|nav|h[1-6]|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|blockquote|pre|figure|figcaption|address|hr|form|fieldset|details|summary)$/i;

function tidy(s: string): string {
  return s
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, ' ');
  s = s.replace(/<(script|style|noscript|template|svg|math|iframe|object|head)\b[\s\S]*?<\/\1\s*>/gi, '\n');
  s = s.replace(/<(script|style|noscript|template|head)\b[\s\S]*$/gi, '\n');
  s = s.replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (tag: string, name: string) => {
    const closing = tag.startsWith('</');
    if (/^br$/i.test(name)) return '\n';
    if (/^li$/i.test(name)) return closing ? '\n' : '\n· ';
    if (/^(td|th)$/i.test(name)) return closing ? ' ' : ' ';
    if (BLOCK.test(name)) return '\n\n';
    return '';
  });
  s = s.replace(/<[^>]*>/g, '');
  s = s.replace(/\s*\n\s*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'));
  return tidy(decodeEntities(s.replace(/\r\n?/g, '\n').replace(/[ \t]*\n[ \t]*/g, '\n')));
}

export function markdownToText(md: string): string {
  let s = md.replace(/\r\n?/g, '\n');
  s = s.replace(/^```[^\n]*\n([\s\S]*?)^```\s*$/gm, '$1');
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  s = s.replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1');
  s = s.replace(/^\s{0,3}>\s?/gm, '');
  s = s.replace(/^\s{0,3}(?:[-*_]\s*){3,}$/gm, '');
  s = s.replace(/^(\s*)[*+]\s+/gm, '$1- ');
  s = s.replace(/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '');
  s = s.replace(/\s*\|\s*/g, (m) => (m.includes('\n') ? m : ' '));
  s = s.replace(/(\*\*|__)(.+?)\1/g, '$2');
  s = s.replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
  s = s.replace(/`([^`]+)`/g, '$1');
  // Inline HTML in Markdown is taken as text, tags dropped.
  s = s.replace(/<\/?[a-z][^>]*>/gi, '');
  return tidy(decodeEntities(s));
}

export type DocumentFormat = 'txt' | 'html' | 'md';

export function formatOf(fileName: string): DocumentFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return null;
}

/** The plain text of a document in one of the accepted formats. */
export function documentText(raw: string, format: DocumentFormat): string {
  const text = raw.replace(/^\uFEFF/, '');
  if (format === 'html') return htmlToText(text);
  if (format === 'md') return markdownToText(text);
  return text.replace(/\r\n?/g, '\n');
}
