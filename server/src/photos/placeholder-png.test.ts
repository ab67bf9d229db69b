import { describe, expect, it } from 'vitest';
import { crc32, inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { renderPlaceholderPng } from './placeholder-png.ts';

describe('renderPlaceholderPng', () => {
  it('encodes a PNG that an independent decoder reads with the right size and colours', async () => {
    const png = renderPlaceholderPng(40, 30, [200, 100, 50]);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 40, height: 30, channels: 3, format: 'raw' });
    const at = (x: number, y: number) => [...data.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3)];
    expect(at(20, 15)).toEqual([200, 100, 50]);
    expect(at(0, 0)).toEqual([120, 60, 30]);
    expect(at(39, 29)).toEqual([120, 60, 30]);
  });

  it('writes chunks with correct CRCs and rows that inflate to the image size', () => {
    const png = renderPlaceholderPng(3, 2, [0, 0, 0]);
    let at = 8;
    const types: string[] = [];
    while (at < png.length) {
      const len = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      types.push(type);
      expect(png.readUInt32BE(at + 8 + len)).toBe(crc32(png.subarray(at + 4, at + 8 + len)));
      if (type === 'IDAT') expect(inflateSync(png.subarray(at + 8, at + 8 + len)).length).toBe(2 * (1 + 3 * 3));
      at += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('refuses sizes and colours it cannot encode', () => {
    expect(() => renderPlaceholderPng(0, 10, [0, 0, 0])).toThrow(RangeError);
    expect(() => renderPlaceholderPng(10, 5000, [0, 0, 0])).toThrow(RangeError);
    expect(() => renderPlaceholderPng(1.5, 10, [0, 0, 0])).toThrow(RangeError);
    expect(() => renderPlaceholderPng(10, 10, [0, 256, 0])).toThrow(RangeError);
  });
});
