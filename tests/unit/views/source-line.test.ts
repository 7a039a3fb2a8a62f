import { describe, expect, it } from 'vitest';
import type { DataSource } from '../../../src/lib/model/types';
import { exportSourceLine } from '../../../src/lib/views/source-line';

describe('exportSourceLine: the source under an exported chart', () => {
  const lait = { id: 'lait', publisher: 'Department for Education', title: 'Local Authority Interactive Tool (LAIT)', licence: 'Open Government Licence v3.0' } as DataSource;

  it('names a bundled source with the figures’ edition', () => {
    expect(exportSourceLine(lait, { source: 'lait', vintage: 'LAIT, revised populations, April 2026 release' })).toBe(
      'Source: Department for Education, Local Authority Interactive Tool (LAIT) (LAIT, revised populations, April 2026 release). Open Government Licence v3.0.',
    );
  });

  it('names an imported indicator by its file, with the edition the user gave it', () => {
    expect(exportSourceLine(undefined, { source: 'main_tables.xlsx', vintage: 'main tables, first release, 2018' })).toBe('Source: imported from main_tables.xlsx (main tables, first release, 2018).');
    expect(exportSourceLine(undefined, { source: 'main_tables.xlsx' })).toBe('Source: imported from main_tables.xlsx.');
  });
});
