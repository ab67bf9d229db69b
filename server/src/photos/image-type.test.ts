import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffImageType } from './image-type.ts';
import { renderPlaceholderPng } from './placeholder-png.ts';

const tiny = sharp({ create: { width: 4, height: 3, channels: 3, background: '#c33' } });

describe('sniffImageType', () => {
  it('recognises real JPEG, PNG and WebP files by their first bytes', async () => {
    expect(sniffImageType(await tiny.clone().jpeg().toBuffer())).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(sniffImageType(renderPlaceholderPng(4, 3, [1, 2, 3]))).toEqual({ mime: 'image/png', ext: 'png' });
    expect(sniffImageType(await tiny.clone().webp().toBuffer())).toEqual({ mime: 'image/webp', ext: 'webp' });
  });

  it('refuses text, GIF, SVG, a RIFF that is not WebP and truncated signatures', async () => {
    expect(sniffImageType(Buffer.from('just some text pretending to be a .jpg'))).toBeNull();
    expect(sniffImageType(await tiny.clone().gif().toBuffer())).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});
