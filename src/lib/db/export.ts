/** What export writes: everything held except documents, one figure per indicator, area and year as the app shows it. */
import type { Area, Indicator, Observation, Priority } from '../model/types';
import type { LensDb } from './database';
import { getObservations } from './queries';

export interface ExportData {
  areas: Area[];
  indicators: Indicator[];
  observations: Observation[];
  priorities: Priority[];
}

export async function collectExport(db: LensDb): Promise<ExportData> {
  const [areas, indicators, priorities] = await Promise.all([db.areas.toArray(), db.indicators.toArray(), db.priorities.toArray()]);
  const observations: Observation[] = [];
  for (const ind of indicators) {
    const obs = await getObservations(db, ind.id);
    obs.sort((a, b) => a.areaCode.localeCompare(b.areaCode) || a.period - b.period);
    observations.push(...obs);
  }
  return { areas, indicators, observations, priorities };
}
