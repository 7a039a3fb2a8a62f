/**
 * Guesses what a document is about before the user confirms it: which area (from
 * area names and aliases in the text, weighted towards the title and towards names
 * followed by "Safeguarding", "Council" and the like), which reporting year ("Annual
 * Report 2016/17", "2019-20 annual report", else the most named year span, else the
 * meeting date), the meeting date and a title.
 */
import { areaNameKey } from '../model/area-names';
import { parsePeriod } from '../model/period';
import type { AreaCode, Period } from '../model/types';

export interface AreaName {
  code: AreaCode;
  name: string;
  aliases: string[];
}

export interface AreaGuess {
  code: AreaCode;
  name: string;
  score: number;
}

export interface ContextGuess {
  /** Best first; empty when no area is named. */
  areas: AreaGuess[];
  period: Period | null;
  /** Why that year: quoted from the text. */
  periodReason?: string;
  meetingDate?: string;
  title?: string;
}

const CONTEXT_AFTER = /^[\s,]*(?:safeguarding|council|county council|city council|borough|metropolitan|children|partnership|lscb|lscp|scb|'s|’s)\b/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Areas named in the text, best first. Longer names win over names inside them (North Yorkshire over York). */
export function guessArea(text: string, areas: readonly AreaName[], limit = 5): AreaGuess[] {
  const head = text.slice(0, 600);
  const names: { name: string; area: AreaName }[] = [];
  const seen = new Set<string>();
  for (const a of areas) {
    for (const n of [a.name, ...a.aliases]) {
      // Forms like "Herefordshire, County of" are written "County of Herefordshire" or "Herefordshire" in prose.
      const plain = n.replace(/,\s*(?:County|City) of$/i, '').trim();
      const key = `${a.code}|${plain.toLowerCase()}`;
      if (plain.length < 3 || seen.has(key) || !/^\p{Lu}/u.test(plain)) continue;
      seen.add(key);
      names.push({ name: plain, area: a });
    }
  }
  names.sort((x, y) => y.name.length - x.name.length);
  const taken: [number, number][] = [];
  const scores = new Map<AreaCode, AreaGuess>();
  for (const { name, area } of names) {
    // Case-sensitive: "Reading" the town, not "reading" the report.
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRe(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}-])`, 'gu');
    for (const m of text.matchAll(re)) {
      const a = m.index;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && x < b)) continue;
      taken.push([a, b]);
      let s = 1;
      if (CONTEXT_AFTER.test(text.slice(b, b + 30))) s += 4;
      if (a < head.length) s += 3;
      const g = scores.get(area.code) ?? { code: area.code, name: area.name, score: 0 };
      g.score += s;
      scores.set(area.code, g);
    }
  }
  return [...scores.values()].sort((x, y) => y.score - x.score || x.name.localeCompare(y.name)).slice(0, limit);
}

const SPAN = /\b((?:19|20)\d\d)\s*[/–-]\s*(\d{2}|(?:19|20)\d\d)\b/g;

export function guessPeriod(text: string): { period: Period | null; reason?: string } {
  const report = /\b(?:annual\s+report|report|business\s+plan)\s*(?:for\s+|of\s+)?((?:19|20)\d\d\s*[/–-]\s*(?:\d{2}|(?:19|20)\d\d))|((?:19|20)\d\d\s*[/–-]\s*(?:\d{2}|(?:19|20)\d\d))\s+annual\s+report/i.exec(text);
  if (report) {
    const p = parsePeriod((report[1] ?? report[2]!).replace(/\s+/g, '').replace('–', '-'));
    if (p !== null) return { period: p, reason: report[0].trim() };
  }
  const counts = new Map<Period, number>();
  for (const m of text.matchAll(SPAN)) {
    const p = parsePeriod(`${m[1]}-${m[2]}`);
    if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (best) return { period: best[0], reason: `the year named most often (${best[0] - 1}-${String(best[0] % 100).padStart(2, '0')})` };
  const date = guessMeetingDate(text);
  if (date) {
    const [y, mo] = date.split('-').map(Number) as [number, number];
    return { period: mo >= 4 ? y + 1 : y, reason: `the meeting date (${date})` };
  }
  return { period: null };
}

/** The first full date in the opening of the document, as yyyy-mm-dd. */
export function guessMeetingDate(text: string): string | undefined {
  const head = text.slice(0, 1500);
  const m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december),?\s+((?:19|20)\d\d)\b/i.exec(head);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const BOILERPLATE = /^(?:agenda(?:s)?(?:,|\s+and|\s+item)?|minutes|items?|no\.?\s*item|name|venue|contact|supporting documents|apologies|declarations?)\b/i;

export function guessTitle(text: string): string | undefined {
  const lines = text
    .split(/\n/)
    // Agenda numbering ("2. ", "Item 6. ") is the meeting's, not the document's.
    .map((l) => l.replace(/\s+/g, ' ').trim().replace(/^(?:item\s+)?\d{1,3}[.)]\s+(?=\S)/i, ''))
    .filter((l) => /\p{L}{3}/u.test(l) && l.length <= 160);
  const strong = lines.find((l) => /\b(?:annual report|safeguarding)\b/i.test(l) && !BOILERPLATE.test(l) && !/[.]$/.test(l));
  const title = strong ?? lines.find((l) => !BOILERPLATE.test(l) && !/[.:]$/.test(l) && l.split(' ').length <= 14);
  // Council websites append the attachment's icon and size: "… Annual Report 2016-17 pdf icon PDF 107 KB".
  return title?.replace(/\s*pdf icon\b.*$/i, '').trim();
}

export function guessContext(text: string, areas: readonly AreaName[]): ContextGuess {
  const p = guessPeriod(text);
  const date = guessMeetingDate(text);
  const title = guessTitle(text);
  return {
    areas: guessArea(text, areas),
    period: p.period,
    ...(p.reason ? { periodReason: p.reason } : {}),
    ...(date ? { meetingDate: date } : {}),
    ...(title ? { title } : {}),
  };
}
