import type { DataSource, Indicator } from '../model/types';

/**
 * The source line printed under an exported chart, with the figures' edition where known:
 * a bundled source by its publisher and title, an imported indicator by its file.
 */
export function exportSourceLine(source: DataSource | undefined, indicator: Pick<Indicator, 'source' | 'vintage'> | undefined): string {
  const vintage = indicator?.vintage;
  if (source) return `Source: ${source.publisher}, ${source.title}${vintage ? ` (${vintage})` : ''}. ${source.licence}.`;
  if (indicator) return `Source: imported from ${indicator.source}${vintage ? ` (${vintage})` : ''}.`;
  return 'Source: as stated in Safeguarding Lens.';
}
