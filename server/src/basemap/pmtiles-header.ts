// The fixed 127-byte header of a PMTiles v3 archive (github.com/protomaps/PMTiles spec/v3): read at
// start so a wrong file stops the server with a message instead of failing in every browser later.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { TileFormat } from '@cw/shared/schemas/basemap';

export const PMTILES_HEADER_BYTES = 127;

export interface PmtilesHeader {
  /** 1 = MVT vector tiles; 2–5 = png, jpeg, webp, avif. */
  tileType: number;
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
}

/** Reads and checks the header; throws an Error whose message says what is wrong with the file. */
export function readPmtilesHeader(file: string): PmtilesHeader {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (size < PMTILES_HEADER_BYTES) throw new Error(`${file} is ${size} bytes, shorter than a PMTiles header`);
  const buf = Buffer.alloc(PMTILES_HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, PMTILES_HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return parsePmtilesHeader(buf, file);
}

export function parsePmtilesHeader(buf: Buffer, name = 'the archive'): PmtilesHeader {
  if (buf.toString('latin1', 0, 7) !== 'PMTiles') throw new Error(`${name} is not a PMTiles archive (no "PMTiles" magic)`);
  const version = buf[7]!;
  if (version !== 3) throw new Error(`${name} is PMTiles version ${version}; only version 3 is read`);
  const tileType = buf[99]!;
  const format: TileFormat | null = tileType === 1 ? 'vector' : tileType >= 2 && tileType <= 5 ? 'raster' : null;
  if (!format) throw new Error(`${name} has tile type ${tileType}; expected MVT (1) or png/jpeg/webp/avif (2–5)`);
  const minZoom = buf[100]!;
  const maxZoom = buf[101]!;
  if (minZoom > maxZoom) throw new Error(`${name} has min zoom ${minZoom} above max zoom ${maxZoom}`);
  return { tileType, format, minZoom, maxZoom };
}
