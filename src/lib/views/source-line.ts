import type { DataSource } from '../model/types';

/** The source line printed under an exported chart, with the figures' edition where known. */
export function exportSourceLine(source: DataSource | undefined, vintage?: string | undefined): string {
  return source ? `Source: ${source.publisher}, ${source.title}${vintage ? ` (${vintage})` : ''}. ${source.licence}.` : 'Source: as stated in Safeguarding Lens.';
}
