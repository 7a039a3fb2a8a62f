/**
 * A key under which names of the same area meet: "Herefordshire, County of",
 * "County of Herefordshire" and "HEREFORDSHIRE" all give "herefordshire".
 * Footnote digits glued on by spreadsheets ("England1") and the kind of council
 * ("Worcestershire CC", "Herefordshire UA") are dropped too.
 */
export function areaNameKey(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  s = s.replace(/\(pre lg\)/g, ' ');
  s = s.replace(/&/g, ' and ');
  // "Bristol, City of" is Bristol; but "City of London" keeps its prefix, or it would meet London.
  s = s.replace(/,\s*(county|city) of\s*$/, ' ');
  s = s.replace(/^(the )?county of\s+/, ' ');
  s = s.replace(/([a-z)])\d+$/, '$1');
  // "Worcestershire CC", "Herefordshire UA", "Walsall MBC": what kind of council, not another area.
  s = s.replace(/\s+(county council|city council|metropolitan borough council|borough council|council|cc|ua|mbc|lbc|rbc|bc)\.?$/, '');
  s = s.replace(/[^a-z0-9]+/g, ' ');
  return s.trim();
}

/** GSS codes are a letter for the nation and eight digits. */
export function isGssCode(code: string): boolean {
  return /^[EWSNK]\d{8}$/.test(code);
}

/**
 * Areas a user keeps from an import that the app does not know get `X` and eight
 * digits: never a GSS code, but linkable like one.
 */
export function isCustomAreaCode(code: string): boolean {
  return /^X\d{8}$/.test(code);
}

/** A code a link may name: a GSS code or a custom area's code. */
export function isAreaCode(code: string): boolean {
  return isGssCode(code) || isCustomAreaCode(code);
}
