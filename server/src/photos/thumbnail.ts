// Decodes an upload fully (so a file that only starts like an image is refused) and renders its
// thumbnail: at most 320 px on the long side, turned upright by its EXIF orientation, as WebP (which
// keeps a PNG's transparency and is small). sharp (libvips, a native library) is loaded on the first
// upload, not at start.
import { DomainError } from '../domain-error.ts';
import type { ImageType } from './image-type.ts';

export const THUMB_MAX_SIDE = 320;
export const THUMB_MIME = 'image/webp';
// A decompression bomb (a small file declaring a huge canvas) is refused before it is decoded.
const MAX_INPUT_PIXELS = 80_000_000;

export interface Rendition {
  thumb: Buffer;
  /** Upright size of the original. */
  width: number;
  height: number;
}

export async function renderThumbnail(bytes: Buffer, type: ImageType): Promise<Rendition> {
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const thumb = await image
      .rotate()
      .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    return { thumb, width: turned ? height : width, height: turned ? width : height };
  } catch (err) {
    throw new DomainError('bad_request', `the file starts like ${type.mime} but cannot be decoded (${(err as Error).message})`);
  }
}
