/**
 * Theme mentions → the areas × themes grid the heatmap and its table draw. A cell
 * says in how many of the area's documents (in the chosen years) the theme was
 * discussed, and how many sentences discussed it; a theme named only in passing is
 * kept apart from one never named.
 */
import type { AreaCode, ThemeMention } from '../model/types';

export interface HeatCell {
  areaCode: AreaCode;
  themeId: string;
  /** The area's documents in range. */
  documents: number;
  /** Documents in which the theme is substantively discussed. */
  present: number;
  /** Sentences that discuss it, over those documents. */
  sentences: number;
  /** Named somewhere, even if only in passing or negated. */
  named: boolean;
  /** present / documents, 0 when there are no documents. */
  share: number;
}

export interface HeatmapData {
  rows: { code: AreaCode; label: string; documents: number }[];
  columns: { id: string; label: string }[];
  /** cells[row][column]. */
  cells: HeatCell[][];
}

export function buildHeatmap(
  mentions: readonly ThemeMention[],
  documentsPerArea: ReadonlyMap<AreaCode, number>,
  rows: readonly { code: AreaCode; label: string }[],
  columns: readonly { id: string; label: string }[],
): HeatmapData {
  const key = (a: string, t: string) => `${a}|${t}`;
  const agg = new Map<string, { present: number; sentences: number; named: boolean }>();
  for (const m of mentions) {
    const k = key(m.areaCode, m.themeId);
    const e = agg.get(k) ?? { present: 0, sentences: 0, named: false };
    // Older records have no `present`; they were only written for themes judged present.
    const present = m.present ?? true;
    if (present) {
      e.present += 1;
      e.sentences += m.count;
    }
    e.named = true;
    agg.set(k, e);
  }
  return {
    rows: rows.map((r) => ({ ...r, documents: documentsPerArea.get(r.code) ?? 0 })),
    columns: [...columns],
    cells: rows.map((r) =>
      columns.map((c) => {
        const e = agg.get(key(r.code, c.id));
        const documents = documentsPerArea.get(r.code) ?? 0;
        const present = e?.present ?? 0;
        return { areaCode: r.code, themeId: c.id, documents, present, sentences: e?.sentences ?? 0, named: e?.named ?? false, share: documents ? present / documents : 0 };
      }),
    ),
  };
}

/** Plain words for a cell, for the keyboard readout and the table's buttons. */
export function describeCell(cell: HeatCell, areaLabel: string, themeLabel: string): string {
  if (cell.documents === 0) return `${areaLabel}, ${themeLabel}: no documents in these years`;
  const docs = `${cell.documents} document${cell.documents === 1 ? '' : 's'}`;
  if (cell.present === 0) return `${areaLabel}, ${themeLabel}: ${cell.named ? 'named only in passing' : 'not discussed'} in ${docs}`;
  return `${areaLabel}, ${themeLabel}: discussed in ${cell.present} of ${docs}, ${cell.sentences} sentence${cell.sentences === 1 ? '' : 's'}`;
}

/** One sentence stating the key values, for the figure's description. */
export function heatmapSummary(data: HeatmapData): string {
  const totals = data.columns.map((c, j) => ({
    label: c.label,
    areas: data.cells.filter((row) => row[j]!.present > 0).length,
    sentences: data.cells.reduce((n, row) => n + row[j]!.sentences, 0),
  }));
  const withDocs = data.rows.filter((r) => r.documents > 0).length;
  if (withDocs === 0) return 'No minutes or reports are held for these areas and years.';
  const top = totals.filter((t) => t.areas > 0).sort((a, b) => b.areas - a.areas || b.sentences - a.sentences || a.label.localeCompare(b.label)).slice(0, 3);
  const none = data.rows.length - withDocs;
  return (
    `${withDocs} of ${data.rows.length} areas have documents in these years. ` +
    (top.length
      ? `Most discussed: ${top.map((t) => `${t.label} (${t.areas} area${t.areas === 1 ? '' : 's'}, ${t.sentences} sentence${t.sentences === 1 ? '' : 's'})`).join(', ')}.`
      : 'No theme is discussed.') +
    (none ? ` ${none} area${none === 1 ? ' has' : 's have'} no documents.` : '')
  );
}
