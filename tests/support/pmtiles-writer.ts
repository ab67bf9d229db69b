// A small PMTiles v3 writer for tests (spec: github.com/protomaps/PMTiles, spec/v3/spec.md): one
// root directory, no leaf directories, no compression, tiles stored in tile-id order. Enough for
// archives of a few hundred tiles; a real basemap comes from a real tool (pmtiles convert, planetiler).
import { deflateSync, crc32 } from 'node:zlib';

export const TILE_TYPE = { mvt: 1, png: 2, jpeg: 3, webp: 4 } as const;

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  metadata?: Record<string, unknown>;
}

/** Position of a tile on the Hilbert curve of its zoom, after every tile of the lower zooms. */
export function tileId(z: number, x: number, y: number): number {
  let before = 0;
  for (let i = 0; i < z; i++) before += 4 ** i;
  let d = 0;
  let [px, py] = [x, y];
  for (let s = 2 ** (z - 1); s >= 1; s /= 2) {
    const rx = (px & s) > 0 ? 1 : 0;
    const ry = (py & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so the curve stays continuous.
    if (ry === 0) {
      if (rx === 1) {
        px = s - 1 - px;
        py = s - 1 - py;
      }
      [px, py] = [py, px];
    }
  }
  return before + d;
}

function varint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

interface Entry { tileId: number; offset: number; length: number; runLength: number }

function directory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous tile"; otherwise offset + 1.
    varint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

export function writePmtiles(tiles: readonly ArchiveTile[], opts: ArchiveOptions): Buffer {
  const sorted = tiles.map((t) => ({ ...t, id: tileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of sorted) {
    entries.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
    offset += t.data.length;
  }
  const root = directory(entries);
  const metadata = Buffer.from(JSON.stringify(opts.metadata ?? {}));
  const tileData = Buffer.concat(sorted.map((t) => t.data));
  const zooms = sorted.map((t) => t.z);
  const [w, s, e, n] = opts.bounds;

  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'latin1');
  h[7] = 3;
  const rootOffset = 127;
  const metadataOffset = rootOffset + root.length;
  const tileOffset = metadataOffset + metadata.length;
  const u64 = (at: number, v: number) => h.writeBigUInt64LE(BigInt(v), at);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileOffset); // no leaf directories: an empty section where the tiles begin
  u64(48, 0);
  u64(56, tileOffset);
  u64(64, tileData.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  h[96] = 1; // clustered: tiles in tile-id order
  h[97] = 1; // internal compression: none
  h[98] = 1; // tile compression: none
  h[99] = opts.tileType;
  h[100] = Math.min(...zooms);
  h[101] = Math.max(...zooms);
  const e7 = (at: number, deg: number) => h.writeInt32LE(Math.round(deg * 1e7), at);
  e7(102, w);
  e7(106, s);
  e7(110, e);
  e7(114, n);
  h[118] = Math.max(...zooms);
  e7(119, (w + e) / 2);
  e7(123, (s + n) / 2);
  return Buffer.concat([h, root, metadata, tileData]);
}

/** An RGB PNG of `size`² pixels coloured by `pixel(x, y)`. */
export function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Web Mercator tile x/y ranges covering a bounding box at zoom z. */
export function tilesCovering([w, s, e, n]: [number, number, number, number], z: number): { x: number; y: number }[] {
  const scale = 2 ** z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * scale);
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * scale);
  };
  const out: { x: number; y: number }[] = [];
  for (let x = tx(w); x <= tx(e); x++) for (let y = ty(n); y <= ty(s); y++) out.push({ x, y });
  return out;
}
