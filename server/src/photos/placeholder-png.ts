// A tiny PNG encoder so the demo simulator can attach a real, valid image to its cases without an
// image library: 8-bit RGB, one IDAT chunk, no filtering. Browsers, sharp and any viewer read it.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_SIDE = 4096;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  // The CRC covers the chunk type and data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A width×height PNG filled with `rgb`, framed by a darker 2 px border so it reads as a placeholder. */
export function renderPlaceholderPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  for (const [name, side] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_SIDE) throw new RangeError(`${name} must be an integer in 1..${MAX_SIDE}, got ${side}`);
  }
  if (rgb.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) throw new RangeError(`rgb must be three integers in 0..255, got ${rgb.join(',')}`);
  const border = rgb.map((c) => Math.round(c * 0.6));
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      const edge = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
      const c = edge ? border : rgb;
      const at = y * stride + 1 + x * 3;
      raw[at] = c[0]!; raw[at + 1] = c[1]!; raw[at + 2] = c[2]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour RGB
  // compression, filter method and interlace stay 0
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
