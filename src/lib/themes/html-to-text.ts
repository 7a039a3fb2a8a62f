/**
 * Plain text from HTML and Markdown minutes, by string processing alone: no DOM and no
 * markup parser, so nothing in an imported file can run. Block elements become line
 * breaks and list items bullets, so the sentence splitter sees the same structure a
 * reader does; scripts, styles and comments are dropped whole.
 *
 * Both run in time linear in the input, whatever it holds: HTML is read in one pass
 * that looks each closing `-->`, `>` or `</script>` up once (a file of a hundred
 * thousand unclosed `<!--` does not search to its end a hundred thousand times), and
 * the Markdown patterns cannot run past the next delimiter of their own kind.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', pound: '£', euro: '€', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°', frac12: '½', times: '×',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', ouml: 'ö', uuml: 'ü', auml: 'ä', ccedil: 'ç', shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z][a-z0-9]{0,31});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const BLOCK = /^(?:p|div|section|article|header|footer|main|aside|nav|h[1-6]|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|blockquote|pre|figure|figcaption|address|hr|form|fieldset|details|summary)$/i;
/** Elements whose content is not text for a reader: dropped with their content. */
const RAW = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head']);
/** Of those, the ones whose content runs to the end of the file when they are never closed. */
const RAW_TO_END = new Set(['script', 'style', 'noscript', 'template', 'head']);

/**
 * The next match of `find` at or after a position, remembering the last answer: when
 * nothing was found from an earlier position, nothing will be from a later one, and a
 * match found earlier is still the next one until the position passes it. So a scan
 * that asks again and again costs one pass over the text in all.
 */
function nextFinder(find: (from: number) => number): (from: number) => number {
  let askedFrom = -1;
  let answer = -1;
  return (from) => {
    if (askedFrom >= 0 && from >= askedFrom && (answer === -1 || answer >= from)) return answer;
    askedFrom = from;
    answer = find(from);
    return answer;
  };
}

/** Lines trimmed, runs of spaces and tabs made one, at most one blank line in a row, none at either end. */
function tidy(s: string): string {
  const out: string[] = [];
  for (const raw of s.split(/\r\n?|\n/)) {
    const line = raw.trim().replace(/[ \t]{2,}/g, ' ');
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

const TAG_NAME = /<(\/?)([a-z][a-z0-9-]*)/iy;

export function htmlToText(html: string): string {
  const out: string[] = [];
  const nextLt = nextFinder((from) => html.indexOf('<', from));
  const nextGt = nextFinder((from) => html.indexOf('>', from));
  const nextCommentEnd = nextFinder((from) => html.indexOf('-->', from));
  const closers = new Map<string, (from: number) => number>();
  const closerOf = (name: string) => {
    let f = closers.get(name);
    if (!f) {
      const re = new RegExp(`</${name}\\s*>`, 'gi');
      f = nextFinder((from) => {
        re.lastIndex = from;
        return re.exec(html) ? re.lastIndex : -1;
      });
      closers.set(name, f);
    }
    return f;
  };
  let i = 0;
  while (i < html.length) {
    const lt = nextLt(i);
    if (lt === -1) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = nextCommentEnd(i + 4);
      if (end !== -1) {
        out.push(' ');
        i = end + 3;
        continue;
      }
    }
    TAG_NAME.lastIndex = i;
    const tag = TAG_NAME.exec(html);
    const gt = nextGt(i + 1);
    if (tag && gt !== -1) {
      const closing = tag[1] === '/';
      const name = tag[2]!.toLowerCase();
      if (!closing && RAW.has(name)) {
        const close = closerOf(name)(gt + 1);
        if (close !== -1) {
          out.push('\n');
          i = close;
          continue;
        }
        if (RAW_TO_END.has(name)) {
          out.push('\n');
          break;
        }
      }
      out.push(name === 'br' ? '\n' : name === 'li' ? (closing ? '\n' : '\n· ') : name === 'td' || name === 'th' ? ' ' : BLOCK.test(name) ? '\n\n' : '');
      i = gt + 1;
      continue;
    }
    // Declarations and processing instructions (<!DOCTYPE …>, <?xml …?>) and a comment
    // never closed: dropped up to the next ">". A "<" before a space or digit is text.
    if (gt !== -1 && /[!?/]/.test(html[i + 1] ?? '')) {
      i = gt + 1;
      continue;
    }
    out.push('<');
    i++;
  }
  return tidy(decodeEntities(out.join('')));
}

/** Comments dropped; one never closed is left as it is. */
function dropComments(s: string): string {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const open = s.indexOf('<!--', i);
    const close = open === -1 ? -1 : s.indexOf('-->', open + 4);
    if (close === -1) {
      out.push(s.slice(i));
      return out.join('');
    }
    out.push(s.slice(i, open));
    i = close + 3;
  }
}

/** Fenced code blocks lose their fences (the code stays as text); an unclosed fence stays as written. */
function dropFences(lines: string[]): string[] {
  // For each line, the index of the next closing fence at or after it: one pass from the end.
  const nextClose = new Array<number>(lines.length + 1).fill(-1);
  for (let k = lines.length - 1; k >= 0; k--) nextClose[k] = /^```\s*$/.test(lines[k]!) ? k : nextClose[k + 1]!;
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const close = lines[k]!.startsWith('```') ? nextClose[k + 1]! : -1;
    if (close === -1) {
      out.push(lines[k]!);
      continue;
    }
    out.push(...lines.slice(k + 1, close));
    k = close;
  }
  return out;
}

function markdownLine(line: string): string {
  let s = line;
  const heading = /^[ \t]{0,3}#{1,6}[ \t]+/.exec(s);
  if (heading) {
    s = s.slice(heading[0].length);
    let e = s.length;
    while (e > 0 && (s[e - 1] === ' ' || s[e - 1] === '\t')) e--;
    while (e > 0 && s[e - 1] === '#') e--;
    s = s.slice(0, e).trimEnd();
  }
  s = s.replace(/^[ \t]{0,3}>[ \t]?/, '');
  if (/^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/.test(s)) return '';
  s = s.replace(/^([ \t]*)[*+][ \t]+/, '$1- ');
  if (/^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/.test(s)) return '';
  if (s.includes('|')) {
    s = s
      .replace(/^[ \t]*\|/, '')
      .replace(/\|[ \t]*$/, '')
      .split('|')
      .map((c) => c.trim())
      .join(' ');
  }
  return s;
}

export function markdownToText(md: string): string {
  let s = dropFences(dropComments(md.replace(/\r\n?/g, '\n')).split('\n'))
    .map(markdownLine)
    .join('\n');
  // Each pattern stops at the next delimiter of its kind, so none can scan the rest of the text again and again.
  s = s.replace(/!\[([^\][\n]*)\]\([^()\n]*\)/g, '$1');
  s = s.replace(/\[([^\][\n]+)\]\([^()\n]*\)/g, '$1');
  s = s.replace(/\*\*([^*\n]+)\*\*/g, '$1').replace(/__([^_\n]+)__/g, '$1');
  s = s.replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
  s = s.replace(/`([^`\n]+)`/g, '$1');
  // Inline HTML in Markdown is taken as text, tags dropped.
  s = s.replace(/<\/?[a-z][^<>]*>/gi, '');
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
