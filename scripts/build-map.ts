/**
 * Builds data/england-utla-map.json, the map of English upper-tier local authorities
 * that the Compare view draws, from ONS boundaries in data/source/
 * (onsvisual_uk-topojson_2014_2025.topo.json, built from ONS super-generalised
 * boundaries; OGL v3, contains OS data © Crown copyright and database right).
 *
 * Only the English `utla` layer is kept, with every vintage: each area carries the
 * `start`/`end` years of its code, so the app can draw the boundaries of the year
 * shown (Bournemouth and Poole before BCP, Cumbria before Cumberland, …).
 *
 * The paths are projected here, once (transverse Mercator on 2°W, as Ordnance Survey
 * maps are), so the app needs no projection or TopoJSON code at all. Each shared
 * border ("arc") is simplified once with Douglas–Peucker at half a pixel, so
 * neighbouring areas still meet exactly, and coordinates are whole pixels, written
 * as relative SVG path commands. London's 33 boroughs are also drawn enlarged in an
 * inset. About 12 KB gzip.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { MapFile } from '../src/lib/charts/map-data';

type Pt = [number, number];
interface Props {
  areacd: string;
  areanm: string;
  start?: number;
  end?: number;
}

export const MAP_WIDTH = 520;
export const MAP_HEIGHT = 600;
const INSET = { x: 372, y: 8, width: 146, height: 124 };
const TOLERANCE = 0.5;

/** Douglas–Peucker: keeps the points that matter at `tol` px. */
export function simplify(pts: Pt[], tol: number): Pt[] {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a]!;
    const [bx, by] = pts[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let max = 0;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i]!;
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (max > tol && at > 0) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** A ring as a relative path: "M12 30l3 -1…z"; repeated points dropped; null if it collapses. */
function ringPath(pts: Pt[]): string | null {
  const out: Pt[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3) return null;
  let d = `M${out[0]![0]} ${out[0]![1]}`;
  for (let i = 1; i < out.length; i++) d += `l${out[i]![0] - out[i - 1]![0]} ${out[i]![1] - out[i - 1]![1]}`;
  return `${d}z`;
}

/** Area-weighted centroid of a ring (shoelace), for placing a label. */
function ringCentroid(pts: Pt[]): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [x0, y0] = pts[j]!;
    const [x1, y1] = pts[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (a === 0) return { x: pts[0]?.[0] ?? 0, y: pts[0]?.[1] ?? 0, area: 0 };
  return { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a / 2) };
}

export function buildMap(root: string): { areas: number; bytes: number } {
  const topo = JSON.parse(readFileSync(join(root, 'data', 'source', 'onsvisual_uk-topojson_2014_2025.topo.json'), 'utf8')) as Topology;
  const layer = topo.objects.utla as GeometryCollection<Props>;
  const english = layer.geometries.filter((g) => /^E(06|08|09|10)/.test((g.properties as Props).areacd)) as (Polygon<Props> | MultiPolygon<Props>)[];
  const collection: GeometryCollection<Props> = { type: 'GeometryCollection', geometries: english };
  const features = feature(topo, collection);

  // Arcs decoded to longitude/latitude once.
  const t = topo.transform!;
  const arcs: Pt[][] = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Pt;
    });
  });

  const project = (proj: GeoProjection): ((i: number) => Pt[]) => {
    const cache = new Map<number, Pt[]>();
    return (i: number) => {
      const k = i >= 0 ? i : ~i;
      let pts = cache.get(k);
      if (!pts) {
        pts = simplify(
          arcs[k]!.map((p) => proj(p)! as Pt),
          TOLERANCE,
        ).map(([x, y]) => [Math.round(x), Math.round(y)] as Pt);
        cache.set(k, pts);
      }
      return i >= 0 ? pts : [...pts].reverse();
    };
  };
  const ringPoints = (arcOf: (i: number) => Pt[], ring: number[]): Pt[] => {
    const out: Pt[] = [];
    for (const i of ring) {
      const a = arcOf(i);
      out.push(...(out.length ? a.slice(1) : a));
    }
    return out;
  };
  const polygons = (g: Polygon<Props> | MultiPolygon<Props>): number[][][] => (g.type === 'Polygon' ? [g.arcs] : g.arcs);
  const shape = (arcOf: (i: number) => Pt[], g: Polygon<Props> | MultiPolygon<Props>) => {
    let d = '';
    let best = { x: 0, y: 0, area: -1 };
    for (const poly of polygons(g)) {
      poly.forEach((ring, k) => {
        const pts = ringPoints(arcOf, ring);
        const p = ringPath(pts);
        if (p) d += p;
        if (k === 0) {
          const c = ringCentroid(pts);
          if (c.area > best.area) best = c;
        }
      });
    }
    return { d, label: [Math.round(best.x), Math.round(best.y)] as [number, number] };
  };

  const main = project(geoTransverseMercator().rotate([2, 0]).fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], features));
  const london = features.features.filter((f) => f.properties.areacd.startsWith('E09'));
  const insetProj = geoTransverseMercator()
    .rotate([2, 0])
    .fitExtent(
      [
        [INSET.x + 4, INSET.y + 16],
        [INSET.x + INSET.width - 4, INSET.y + INSET.height - 4],
      ],
      { type: 'FeatureCollection', features: london },
    );
  const inset = project(insetProj);

  const out: MapFile = {
    format: 'safeguarding-lens/map',
    version: 1,
    source: 'ONS boundaries (super-generalised, via ONSvisual/uk-topojson), OGL v3.0; contains OS data © Crown copyright and database right',
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    inset: { ...INSET, label: 'London' },
    areas: english.map((g) => {
      const p = g.properties!;
      const s = shape(main, g);
      const isLondon = p.areacd.startsWith('E09');
      return {
        code: p.areacd,
        name: p.areanm,
        ...(p.start !== undefined ? { start: p.start } : {}),
        ...(p.end !== undefined ? { end: p.end } : {}),
        d: s.d,
        label: s.label,
        ...(isLondon ? { insetD: shape(inset, g).d } : {}),
      };
    }),
  };
  const json = JSON.stringify(out);
  writeFileSync(join(root, 'data', 'england-utla-map.json'), json);
  return { areas: out.areas.length, bytes: json.length };
}
