// Boolean operations on areal geometries, through turf (polyclip-ts). Slow on big inputs (~25 ms for
// a square against the 1,200-vertex district outline), so the hot paths use planar.ts / rect-clip.ts
// and these run only a few hundred times per build.
import * as turf from '@turf/turf';
import type { Areal, Feature, Ring } from './geojson-types.ts';
import { arealFrom, polygonsOf } from './geojson-types.ts';

const asFeature = (g: Areal): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry: g });

export function intersectAreal(a: Areal, b: Areal): Areal | null {
  return (turf.intersect(turf.featureCollection([asFeature(a), asFeature(b)])) as Feature<Areal> | null)?.geometry ?? null;
}

export function differenceAreal(a: Areal, b: Areal): Areal | null {
  return (turf.difference(turf.featureCollection([asFeature(a), asFeature(b)])) as Feature<Areal> | null)?.geometry ?? null;
}

export function unionAreal(parts: readonly Areal[]): Areal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return repairAreal(parts[0]!);
  return (turf.union(turf.featureCollection(parts.map(asFeature))) as Feature<Areal> | null)?.geometry ?? null;
}

/** buffer(0)-style repair: drops repeated positions, then lets the sweep line rebuild the rings, which
 *  removes zero-width spikes and splits self-touching rings into valid ones. */
export function repairAreal(g: Areal): Areal | null {
  const cleaned = arealFrom(polygonsOf(g).map((poly) => poly.map(dedupeRing)).filter((poly) => (poly[0]?.length ?? 0) >= 4));
  const [w, s, e, n] = turf.bbox(cleaned);
  const frame: Areal = turf.bboxPolygon([w - 1, s - 1, e + 1, n + 1]).geometry as Areal;
  return intersectAreal(cleaned, frame);
}

function dedupeRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}
