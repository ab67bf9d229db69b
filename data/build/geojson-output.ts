// Writes committed layers: compact (one feature per line, no indentation) so diffs stay readable and
// files small, with fixed key order so a rebuild is byte-identical.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from './geojson-types.ts';

export function featureCollection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

export function serializeCollection(fc: FeatureCollection<Geometry, unknown>): string {
  const lines = fc.features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
