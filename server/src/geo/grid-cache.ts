// The unit grid in a compact binary form, so a start maps typed arrays instead of parsing tens of MB
// of GeoJSON (~142k cells: 48 MB of text, seconds of parsing and garbage collection). Holds the
// cells' properties (as dictionaries), their polygons (flat coordinates), and the cell index's
// arrays (boxes, the bucket grid, Flatbush's buffer). Keyed by the SHA-256 of the GeoJSON bytes: a
// changed source has another key, so a stale cache is never read. A file that is unreadable,
// truncated or of another format version is ignored (and rewritten).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AreaIndex, type AreaIndexParts } from './area-index.ts';
import type { PolygonRings } from './point-in-polygon.ts';
import type { CellProps, Feature, FeatureCollection } from './layers.ts';

const MAGIC = 'CWGRID03';
/** Cache files kept in a directory (the newest); older ones, and other format versions, are removed. */
const KEEP = 6;
const ABSENT = 0xffffffff;
const CELL_KEYS = ['code', 'community', 'street', 'district', 'areaM2', 'owner'] as const satisfies readonly (keyof CellProps)[];

export interface CachedGrid {
  grid: FeatureCollection<CellProps>;
  cells: AreaIndex<CellProps>;
}

const hashes = new WeakMap<Buffer, string>();

/** SHA-256 of the bytes, remembered per buffer (the same file is keyed several times at start). */
export function contentHash(raw: Buffer): string {
  let h = hashes.get(raw);
  if (!h) hashes.set(raw, (h = createHash('sha256').update(raw).digest('hex')));
  return h;
}

export function gridCacheFile(dir: string, raw: Buffer): string {
  return join(dir, `grid-${contentHash(raw)}.${MAGIC.toLowerCase()}.bin`);
}

interface Columns {
  n: number;
  geomType: Uint8Array;
  polyStart: Uint32Array;
  ringStart: Uint32Array;
  coordStart: Uint32Array;
  coords: Float64Array;
}

function polygonsAt(c: Columns, i: number): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (let p = c.polyStart[i]!; p < c.polyStart[i + 1]!; p++) {
    const rings: PolygonRings = [];
    for (let r = c.ringStart[p]!; r < c.ringStart[p + 1]!; r++) {
      const ring: number[][] = [];
      for (let k = c.coordStart[r]!; k < c.coordStart[r + 1]!; k++) ring.push([c.coords[2 * k]!, c.coords[2 * k + 1]!]);
      rings.push(ring);
    }
    out.push(rings);
  }
  return out;
}

/** A cell read from the cache: its properties at once, its geometry decoded when first asked for. */
class CachedCell {
  readonly type = 'Feature' as const;
  private decoded: { type: string; coordinates: unknown } | null = null;
  constructor(readonly properties: CellProps, private readonly columns: Columns, private readonly i: number) {}
  get geometry(): { type: string; coordinates: unknown } {
    if (!this.decoded) {
      const polys = polygonsAt(this.columns, this.i);
      this.decoded = this.columns.geomType[this.i] === 1 ? { type: 'MultiPolygon', coordinates: polys } : { type: 'Polygon', coordinates: polys[0] ?? [] };
    }
    return this.decoded;
  }
  toJSON(): Feature<CellProps> {
    return { type: 'Feature', properties: this.properties, geometry: this.geometry };
  }
}

// Sections are 8-byte aligned typed arrays, each preceded by its byte length.
class Writer {
  readonly chunks: Buffer[] = [];
  private size = 0;
  add(bytes: Uint8Array): void {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(bytes.byteLength, 0);
    const pad = (8 - (bytes.byteLength % 8)) % 8;
    this.chunks.push(head, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Buffer.alloc(pad));
    this.size += 8 + bytes.byteLength + pad;
  }
  typed(a: Float64Array | Uint32Array | Uint8Array): void {
    this.add(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
}

class Reader {
  private pos = MAGIC.length;
  constructor(private readonly buf: Buffer) {}
  bytes(): Uint8Array {
    if (this.pos + 8 > this.buf.length) throw new Error('truncated');
    const len = this.buf.readUInt32LE(this.pos);
    const start = this.pos + 8;
    if (start + len > this.buf.length) throw new Error('truncated');
    this.pos = start + len + ((8 - (len % 8)) % 8);
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset + start, len);
  }
  f64(): Float64Array { const b = this.bytes(); return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8); }
  u32(): Uint32Array { const b = this.bytes(); return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4); }
  u8(): Uint8Array { return this.bytes(); }
  json<T>(): T { return JSON.parse(Buffer.from(this.bytes()).toString('utf8')) as T; }
  get done(): boolean { return this.pos === this.buf.length; }
}

type ColumnKind = 'f64' | 'str' | 'json';
interface Meta { n: number; keys: string[]; kinds: ColumnKind[] }

/** The cache bytes for a parsed grid and its index, or null when the grid holds something the
 *  format does not (a geometry other than Polygon/MultiPolygon, coordinates with altitude, ids). */
export function encodeGridCache(grid: FeatureCollection<CellProps>, cells: AreaIndex<CellProps>): Buffer | null {
  const features = grid.features;
  const n = features.length;
  const geomType = new Uint8Array(n);
  const polyStart = new Uint32Array(n + 1);
  const ringStarts: number[] = [0];
  const coordStarts: number[] = [0];
  const coords: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = features[i]!;
    if (f.id !== undefined) return null;
    const g = f.geometry;
    let polys: PolygonRings[];
    if (g?.type === 'Polygon') polys = [g.coordinates as PolygonRings];
    else if (g?.type === 'MultiPolygon') { polys = g.coordinates as PolygonRings[]; geomType[i] = 1; } else return null;
    for (const p of polys) {
      for (const ring of p) {
        for (const pt of ring) {
          if (pt.length !== 2) return null;
          coords.push(pt[0]!, pt[1]!);
        }
        coordStarts.push(coords.length / 2);
      }
      ringStarts.push(coordStarts.length - 1);
    }
    polyStart[i + 1] = ringStarts.length - 1;
  }
  // Properties as columns: numbers as Float64, text as a dictionary of strings (codes are unique,
  // the rest repeat a lot) joined by NUL, anything else as a dictionary of JSON values.
  const keys: string[] = [];
  for (const f of features) for (const k of Object.keys(f.properties)) if (!keys.includes(k)) keys.push(k);
  const props = (i: number) => features[i]!.properties as unknown as Record<string, unknown>;
  const kinds: ColumnKind[] = [];
  const dicts: unknown[][] = [];
  const columns = keys.map((k) => {
    let numbers = true, strings = true;
    for (let i = 0; i < n; i++) {
      const v = props(i)[k];
      if (!Object.hasOwn(props(i), k)) { numbers = false; continue; }
      if (typeof v !== 'number') numbers = false;
      if (typeof v !== 'string' || v.includes('\u0000')) strings = false;
    }
    if (numbers) {
      kinds.push('f64');
      dicts.push([]);
      return Float64Array.from(features, (f) => (f.properties as unknown as Record<string, number>)[k]!);
    }
    kinds.push(strings ? 'str' : 'json');
    const ids = new Map<string, number>();
    const dict: unknown[] = [];
    const col = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      if (!Object.hasOwn(props(i), k)) { col[i] = ABSENT; continue; }
      const v = props(i)[k];
      const key = typeof v === 'string' ? `s${v}` : JSON.stringify(v);
      let id = ids.get(key);
      if (id === undefined) { ids.set(key, (id = dict.length)); dict.push(v); }
      col[i] = id;
    }
    dicts.push(dict);
    return col;
  });
  const parts = cells.parts();
  const w = new Writer();
  w.add(Buffer.from(JSON.stringify({ n, keys, kinds } satisfies Meta)));
  keys.forEach((_, j) => w.add(Buffer.from(kinds[j] === 'str' ? (dicts[j] as string[]).join('\u0000') : kinds[j] === 'json' ? JSON.stringify(dicts[j]) : '')));
  w.typed(geomType);
  w.typed(polyStart);
  w.typed(Uint32Array.from(ringStarts));
  w.typed(Uint32Array.from(coordStarts));
  w.typed(Float64Array.from(coords));
  for (const c of columns) w.typed(c);
  w.typed(parts.boxes);
  w.typed(parts.isBox);
  w.typed(parts.flatbush ?? new Uint8Array(0));
  w.typed(parts.buckets?.frame ?? new Float64Array(0));
  w.typed(parts.buckets?.offsets ?? new Uint32Array(0));
  w.typed(parts.buckets?.ids ?? new Uint32Array(0));
  return Buffer.concat([Buffer.from(MAGIC), ...w.chunks]);
}

/** The grid and its cell index from cache bytes; throws on bytes that are not a whole cache. */
export function decodeGridCache(buf: Buffer): CachedGrid {
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a grid cache of this version');
  const r = new Reader(buf);
  const meta = r.json<Meta>();
  const n = meta.n;
  const dicts = meta.kinds.map((kind): unknown[] => {
    const text = Buffer.from(r.bytes()).toString('utf8');
    return kind === 'str' ? text.split('\u0000') : kind === 'json' ? JSON.parse(text) as unknown[] : [];
  });
  const columns: Columns = { n, geomType: r.u8(), polyStart: r.u32(), ringStart: r.u32(), coordStart: r.u32(), coords: r.f64() };
  const propColumns = meta.kinds.map((kind) => (kind === 'f64' ? r.f64() : r.u32()));
  const boxes = r.f64();
  const isBox = r.u8();
  const flatbush = r.u8();
  const frame = r.f64();
  const offsets = r.u32();
  const ids = r.u32();
  if (!r.done || columns.geomType.length !== n || columns.polyStart.length !== n + 1 || boxes.length !== 4 * n || isBox.length !== n
    || propColumns.some((c) => c.length !== n) || columns.coords.length !== 2 * columns.coordStart[columns.coordStart.length - 1]!) {
    throw new Error('inconsistent grid cache');
  }
  const items: CellProps[] = new Array(n);
  const features: CachedCell[] = new Array(n);
  const value = (j: number, i: number): unknown => {
    const v = propColumns[j]![i]!;
    return meta.kinds[j] === 'f64' ? v : v === ABSENT ? undefined : dicts[j]![v];
  };
  // The data build's cell properties, every one present: built as one literal shape (several times
  // faster for ~142k objects than adding keys one by one); anything else key by key.
  const usual = CELL_KEYS.length === meta.keys.length && CELL_KEYS.every((k, j) => meta.keys[j] === k)
    && propColumns.every((c, j) => meta.kinds[j] === 'f64' || !c.includes(ABSENT));
  for (let i = 0; i < n; i++) {
    let props: Record<string, unknown>;
    if (usual) {
      props = { code: value(0, i), community: value(1, i), street: value(2, i), district: value(3, i), areaM2: value(4, i), owner: value(5, i) };
    } else {
      props = {};
      for (let j = 0; j < meta.keys.length; j++) {
        const v = value(j, i);
        if (v !== undefined || meta.kinds[j] === 'f64') props[meta.keys[j]!] = v;
      }
    }
    items[i] = props as unknown as CellProps;
    features[i] = new CachedCell(items[i]!, columns, i);
  }
  const parts: AreaIndexParts<CellProps> = {
    items, boxes, isBox, polygons: (i) => polygonsAt(columns, i),
    // Flatbush reads its buffer in place: its offset must be 8-byte aligned (a copy when it is not).
    flatbush: flatbush.length ? (flatbush.byteOffset % 8 ? flatbush.slice() : flatbush) : null,
    buckets: frame.length ? { frame, offsets, ids } : null,
  };
  return { grid: { type: 'FeatureCollection', features: features as unknown as Feature<CellProps>[] }, cells: new AreaIndex(parts) };
}

/** The cached grid for these GeoJSON bytes, or null when there is no usable cache file. */
export function readGridCache(dir: string, raw: Buffer): CachedGrid | null {
  let buf: Buffer;
  try {
    buf = readFileSync(gridCacheFile(dir, raw));
  } catch {
    return null;
  }
  try {
    return decodeGridCache(buf);
  } catch {
    return null;
  }
}

/** Writes the cache for these GeoJSON bytes (atomically); false when it cannot (read-only dir, a
 *  grid the format does not hold). A cache is an optimisation: failing to write it is not an error. */
export function writeGridCache(dir: string, raw: Buffer, grid: FeatureCollection<CellProps>, cells: AreaIndex<CellProps>): boolean {
  const bytes = encodeGridCache(grid, cells);
  if (!bytes) return false;
  const file = gridCacheFile(dir, raw);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch {
    return false;
  }
  prune(dir);
  return true;
}

function prune(dir: string): void {
  try {
    const version = `.${MAGIC.toLowerCase()}.bin`;
    const files = readdirSync(dir).filter((f) => /^grid-[0-9a-f]+\.cwgrid\d+\.bin$/.test(f));
    const current = files.filter((f) => f.endsWith(version))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .map((x) => x.f);
    for (const f of [...files.filter((x) => !x.endsWith(version)), ...current.slice(KEEP)]) unlinkSync(join(dir, f));
  } catch {
    // Another process pruning at the same time, or a file already gone: the next write prunes again.
  }
}
