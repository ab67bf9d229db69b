// What one server node tells the others each tick: the latest fix of every patrol that reported to
// it (or whose busy flag it changed), with the fix time, so every node keeps the same live state and
// a display's snapshot on any node shows every patrol. Fixed-size binary records; the frame format
// for displays is lossy (1e-5°, no time), this one is exact so nodes can compare times.
//   u8 version | u32 count | count × (u32 index | f64 lon | f64 lat | f64 time | f32 speed | f32 heading | u8 busy)

export interface PeerFix {
  index: number;
  lon: number;
  lat: number;
  time: number;
  speed: number;
  heading: number;
  busy: boolean;
}

const VERSION = 1;
const HEADER = 1 + 4;
const RECORD = 4 + 8 + 8 + 8 + 4 + 4 + 1;

export function encodePeerFixes(fixes: readonly PeerFix[]): Uint8Array {
  const buf = new Uint8Array(HEADER + fixes.length * RECORD);
  const view = new DataView(buf.buffer);
  view.setUint8(0, VERSION);
  view.setUint32(1, fixes.length, true);
  let o = HEADER;
  for (const f of fixes) {
    view.setUint32(o, f.index, true);
    view.setFloat64(o + 4, f.lon, true);
    view.setFloat64(o + 12, f.lat, true);
    view.setFloat64(o + 20, f.time, true);
    view.setFloat32(o + 28, f.speed, true);
    view.setFloat32(o + 32, f.heading, true);
    view.setUint8(o + 36, f.busy ? 1 : 0);
    o += RECORD;
  }
  return buf;
}

/** The fixes in a message from another node, or null if it is not one (wrong type, size or version). */
export function decodePeerFixes(data: unknown): PeerFix[] | null {
  if (!(data instanceof Uint8Array) || data.length < HEADER) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(1, true);
  if (view.getUint8(0) !== VERSION || data.length !== HEADER + count * RECORD) return null;
  const out: PeerFix[] = [];
  for (let k = 0, o = HEADER; k < count; k++, o += RECORD) {
    const fix = {
      index: view.getUint32(o, true),
      lon: view.getFloat64(o + 4, true),
      lat: view.getFloat64(o + 12, true),
      time: view.getFloat64(o + 20, true),
      speed: view.getFloat32(o + 28, true),
      heading: view.getFloat32(o + 32, true),
      busy: view.getUint8(o + 36) === 1,
    };
    if (![fix.lon, fix.lat, fix.time, fix.speed, fix.heading].every(Number.isFinite)) return null;
    out.push(fix);
  }
  return out;
}
