import { areaNameKey, isAreaCode } from './area-names';
import type { Area } from './types';

/**
 * Areas matching what the user typed, best first: an exact code, then names and
 * aliases that start with the text, then words that start with it, then anywhere;
 * equally good matches by name.
 */
export function searchAreas(query: string, areas: readonly Area[], limit = 10): Area[] {
  const q = query.trim();
  if (!q) return [];
  const code = q.toUpperCase();
  if (isAreaCode(code)) return byName(areas.filter((a) => a.code === code || a.previousCodes?.includes(code))).slice(0, limit);
  const key = areaNameKey(q);
  const scored: { area: Area; score: number }[] = [];
  for (const area of areas) {
    let score = 0;
    if (key) {
      for (const alias of [area.name, ...area.aliases]) {
        const k = areaNameKey(alias);
        if (k === key) score = Math.max(score, 90);
        else if (k.startsWith(key)) score = Math.max(score, 80);
        else if (k.split(' ').some((w) => w.startsWith(key))) score = Math.max(score, 60);
        else if (k.includes(key)) score = Math.max(score, 40);
      }
      if (!score && area.code.startsWith(code) && /^[EWSNK]\d/.test(code)) score = 30;
    }
    if (score) scored.push({ area, score });
  }
  scored.sort((a, b) => b.score - a.score || a.area.name.localeCompare(b.area.name));
  return scored.slice(0, limit).map((s) => s.area);
}

const byName = (areas: Area[]): Area[] => areas.sort((a, b) => a.name.localeCompare(b.name));

const LEVEL_LABEL: Record<Area['level'], string> = { national: 'country', regional: 'region', local_authority: 'local authority' };
export function levelLabel(area: Area): string {
  return LEVEL_LABEL[area.level];
}
