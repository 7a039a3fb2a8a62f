/** Six authorities in one region (two tied, one suppressed, one abolished), England and the region, for ranking tests. */
import type { Area, Observation } from '../../src/lib/model/types';
import { area, obs } from './builders';

export const AREAS: Area[] = [
  area('E92000001', 'England', 'national'),
  area('E12000005', 'West Midlands', 'regional'),
  area('E06000001', 'Alpha', 'local_authority', 'E12000005'),
  area('E06000002', 'Bravo', 'local_authority', 'E12000005'),
  area('E06000003', 'Charlie', 'local_authority', 'E12000005'),
  area('E06000004', 'Delta', 'local_authority', 'E12000005'),
  area('E06000005', 'Echo (abolished)', 'local_authority', 'E12000005'),
  area('E06000006', 'Foxtrot', 'local_authority', 'E12000005'),
];

export const OBS: Observation[] = [
  obs('E92000001', 2025, 40),
  obs('E92000001', 2024, 42),
  obs('E12000005', 2025, 45),
  obs('E06000001', 2025, 60, { numerator: 600, denominator: 100_000 }),
  obs('E06000001', 2024, 55),
  obs('E06000002', 2025, 40, { numerator: 400, denominator: 100_000 }),
  obs('E06000003', 2025, 40),
  obs('E06000004', 2025, 20, { numerator: 200, denominator: 100_000 }),
  obs('E06000006', 2025, null),
  obs('E06000005', 2024, 33),
];
