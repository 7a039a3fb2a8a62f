import { estimateTextWidth } from './label-lanes';
import { wrapLabel } from './direct-labels';

/**
 * A chart as a stand-alone picture for a board paper: the chart's own SVG with its
 * title above and its source and date below, as an SVG file or a PNG drawn from it.
 *
 * The app styles its SVG with CSS classes that a stand-alone file would lose, so the
 * styles that matter are copied from the rendered chart onto the copy as attributes.
 * The PNG is drawn through a blob: URL and a canvas (same origin, no inline script),
 * so it keeps working under a strict Content Security Policy that allows img-src blob:.
 */
export interface ExportLabels {
  title: string;
  /** "Source: …; licence …". */
  source: string;
  /** When the picture was made, e.g. "23 November 2026". */
  date: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif';

/** Wraps text into lines no wider than `width` px (estimated), as direct labels wrap (a word wider than a line is broken with a hyphen). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  return wrapLabel(text, width, (s) => estimateTextWidth(s, fontSize));
}

/** Serialises a rendered chart SVG with its title, source and date. */
export function chartSvgForExport(svg: SVGSVGElement, labels: ExportLabels): { svg: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const w = Math.max(320, Math.round(box.width || Number(svg.getAttribute('width')) || 640));
  const h = Math.round(box.height || Number(svg.getAttribute('height')) || 360);
  const pad = 16;
  const titleLines = wrapText(labels.title, w - 2 * pad, 16);
  const footLines = wrapText(`${labels.source} Made with Safeguarding Lens on ${labels.date}.`, w - 2 * pad, 11);
  const top = pad + titleLines.length * 22 + 8;
  const height = top + h + 12 + footLines.length * 15 + pad;

  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.removeAttribute('aria-hidden');
  clone.removeAttribute('class');
  clone.removeAttribute('data-testid');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('overflow', 'visible');
  clone.querySelectorAll('.cursor').forEach((n) => n.remove());

  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement as unknown as SVGSVGElement;
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(w));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${w} ${height}`);
  root.setAttribute('font-family', FONT);
  const el = (name: string, attrs: Record<string, string>, text?: string) => {
    const n = doc.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    root.appendChild(n);
    return n;
  };
  // The picture stands alone, so the page's colours (app.css) are written into it.
  const colour = (name: string) => getComputedStyle(svg).getPropertyValue(name).trim();
  el('title', {}, labels.title);
  el('rect', { x: '0', y: '0', width: String(w), height: String(height), fill: colour('--background') });
  titleLines.forEach((t, i) => el('text', { x: String(pad), y: String(pad + 16 + i * 22), 'font-size': '16', 'font-weight': '700', fill: colour('--text') }, t));
  root.appendChild(doc.importNode(clone, true));
  footLines.forEach((t, i) => el('text', { x: String(pad), y: String(top + h + 12 + 11 + i * 15), 'font-size': '11', fill: colour('--text-soft') }, t));
  return { svg: new XMLSerializer().serializeToString(doc), width: w, height };
}

function inlineStyles(source: Element, target: Element): void {
  const cs = getComputedStyle(source);
  if (source instanceof SVGElement && !(source instanceof SVGSVGElement && source === target)) {
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v && v !== 'none' && v !== 'normal' && v !== 'auto') target.setAttribute(p, v);
      else if (v === 'none' && (p === 'fill' || p === 'stroke')) target.setAttribute(p, 'none');
    }
  }
  const s = source.children;
  const t = target.children;
  for (let i = 0; i < s.length && i < t.length; i++) inlineStyles(s[i]!, t[i]!);
}

/** Draws an SVG string onto a canvas at `scale` and returns a PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as a picture.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw pictures (no canvas).');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Today's date as the export footer writes it. */
export function exportDate(d = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
