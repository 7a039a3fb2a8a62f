/**
 * The second half of reading the app's data file: a validated file (validateAppFile)
 * against what the app already holds. Shared by the import worker and by data carried
 * in a shared link or dashboard file, so both are checked the same way.
 */
import type { Area } from '../model/types';
import { appSeries, type ValidAppFile } from './app-json';
import { AreaResolver } from './area-match';
import type { IssueList } from './issues';
import type { KnownData, ParsedFile } from './plan';

/**
 * Matches a validated file's areas and indicators to the app's: areas it defines that
 * the app lacks are added, others are matched like any file's (unknown ones get a
 * provisional code and are listed), and every figure must name an indicator in the
 * file or the app. Returns null, with the errors in `issues`, when it cannot be used.
 */
export function readAppData(valid: ValidAppFile, known: KnownData, importId: string, issues: IssueList): ParsedFile | null {
  const resolver = new AreaResolver(known.areas);
  const fileAreas = new Map<string, Area>(valid.areas.map((a) => [a.code, a]));
  const newAreas = valid.areas.filter((a) => known.areas.byCode[a.code] === undefined);
  const knownIds = new Set(known.indicators.map((i) => i.id));
  const fileIds = new Set(valid.indicators.map((i) => i.id));
  valid.observations.forEach((o, i) => {
    if (!knownIds.has(o.indicatorId) && !fileIds.has(o.indicatorId)) {
      issues.error(`observations item ${i + 1}: the indicator “${o.indicatorId}” is neither in the file’s "indicators" nor in the app.`, undefined, 'indicatorId');
      return;
    }
    if (fileAreas.has(o.areaCode) && known.areas.byCode[o.areaCode] === undefined) return;
    const area = fileAreas.get(o.areaCode);
    o.areaCode = resolver.resolve(o.areaCode, area?.oldLaCode !== undefined ? String(area.oldLaCode) : '', area?.name ?? '', i + 1);
  });
  if (issues.hasErrors) return null;
  return {
    kind: 'app_json',
    rows: valid.observations.length,
    series: appSeries(importId, valid.observations),
    indicators: valid.indicators.filter((i) => !knownIds.has(i.id)),
    areas: newAreas,
    unknownAreas: [...resolver.unknown.values()],
    documents: valid.documents,
    priorities: valid.priorities,
    ...(valid.themeLinks ? { themeLinks: valid.themeLinks } : {}),
    warnings: issues.list(),
  };
}
