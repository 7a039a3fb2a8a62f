/**
 * What makes two documents the same document: their words. The same minutes saved as
 * .txt, as a web page or as Markdown give different bytes, line breaks, bullets,
 * quotes and dashes, but the same letters and numbers in the same order; the themes
 * must count them once. Case is ignored too (a heading in capitals in one copy).
 */
export function documentIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
