// manifest.json: what the build wrote (counts, bytes, areas), from which sources, and a content hash
// in place of a build date, so an unchanged rebuild writes an unchanged manifest.
import { createHash } from 'node:crypto';
import type { SourcePackage } from './source-packages.ts';

export interface LayerEntry {
  file: string;
  features: number;
  bytes: number;
}

export interface Manifest {
  layers: Record<string, LayerEntry>;
  areasKm2: Record<string, number>;
  unitGrid: Record<string, number | string>;
  partition: Record<string, number>;
  sources: (SourcePackage & { extract: string; integrity: string })[];
  /** Files from data/imports/ that replaced approximations (empty: all approximations in place). */
  imports: string[];
  contentHash: string;
}

export function contentHash(files: readonly { file: string; text: string }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) h.update(`${f.file}\n${f.text}\n`);
  return `sha256:${h.digest('hex')}`;
}

export function serializeManifest(m: Manifest): string {
  return JSON.stringify(m, null, 1) + '\n';
}
