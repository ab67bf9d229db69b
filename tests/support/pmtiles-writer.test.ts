// The test writer checked against the reference reader (the `pmtiles` package the browser uses).
import { describe, expect, it } from 'vitest';
import { PMTiles, zxyToTileId, type Source } from 'pmtiles';
import { encodePng, tileId, tilesCovering, writePmtiles, TILE_TYPE } from './pmtiles-writer.ts';

function memorySource(buf: Buffer): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: Uint8Array.from(buf.subarray(offset, offset + length)).buffer }),
  };
}

describe('writePmtiles', () => {
  it('numbers tiles on the Hilbert curve as the spec does', () => {
    for (let z = 0; z <= 14; z++) {
      for (let k = 0; k < 40; k++) {
        const x = (k * 7919 + z * 31) % 2 ** z;
        const y = (k * 104729 + z * 17) % 2 ** z;
        expect(tileId(z, x, y), `${z}/${x}/${y}`).toBe(zxyToTileId(z, x, y));
      }
    }
  });

  it('writes an archive the reference reader reads back tile for tile', async () => {
    const bounds: [number, number, number, number] = [113.9, 32.9, 114.15, 33.05];
    const tiles = [];
    for (let z = 0; z <= 13; z++) {
      for (const { x, y } of tilesCovering(bounds, z)) tiles.push({ z, x, y, data: Buffer.from(`tile ${z}/${x}/${y} `.repeat(1 + (x % 5))) });
    }
    const archive = writePmtiles(tiles, { tileType: TILE_TYPE.png, bounds, metadata: { name: 'test', attribution: 'none' } });
    const p = new PMTiles(memorySource(archive));
    const h = await p.getHeader();
    expect(h).toMatchObject({ specVersion: 3, tileType: TILE_TYPE.png, minZoom: 0, maxZoom: 13, numAddressedTiles: tiles.length, clustered: true });
    expect(h.minLon).toBeCloseTo(113.9, 6);
    expect(h.maxLat).toBeCloseTo(33.05, 6);
    expect(await p.getMetadata()).toEqual({ name: 'test', attribution: 'none' });
    for (const t of tiles) {
      const got = await p.getZxy(t.z, t.x, t.y);
      expect(Buffer.from(got!.data).toString(), `${t.z}/${t.x}/${t.y}`).toBe(Buffer.from(t.data).toString());
    }
    const outside = tilesCovering([10, 10, 10.1, 10.1], 13)[0]!;
    expect(await p.getZxy(13, outside.x, outside.y)).toBeUndefined();
  });

  it('encodes PNGs with a valid signature and size', () => {
    const png = encodePng(4, (x, y) => [x * 60, y * 60, 0]);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(4);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  });
});
