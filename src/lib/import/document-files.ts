/**
 * Which files are minutes or reports (read by the themes import) rather than data
 * tables. Web pages and Markdown always are. A .txt file may be either: Excel's
 * "Text (tab delimited)" save is a table, and council minutes are often saved as
 * text. It is a table when most of its first lines split into the same number of
 * fields on one delimiter; prose does not.
 */
const ALWAYS_DOCUMENT = /\.(html?|md|markdown)$/i;
const MAYBE_DOCUMENT = /\.(txt|text)$/i;
const DELIMITERS = ['\t', ',', ';', '|'];

export function isDocumentFile(name: string, head: string): boolean {
  if (ALWAYS_DOCUMENT.test(name)) return true;
  if (!MAYBE_DOCUMENT.test(name)) return false;
  return !looksLikeTable(head);
}

export function looksLikeTable(head: string): boolean {
  // The last line of a slice may be cut short, so it is left out.
  const lines = head.split(/\r\n|\n|\r/).slice(0, -1).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length < 3) return false;
  return DELIMITERS.some((d) => {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = l.split(d).length - 1;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const [fields, lineCount] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    return fields >= 2 && lineCount >= Math.max(3, Math.ceil(lines.length * 0.8));
  });
}
