// What an uploaded file really is, decided by its first bytes: the client's filename and
// Content-Type are never trusted, so a text file renamed .jpg is refused.

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ImageType {
  mime: PhotoMime;
  ext: 'jpg' | 'png' | 'webp';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/** The accepted image type of `bytes`, or null when it is none of JPEG, PNG or WebP. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (startsWith(bytes, PNG_SIGNATURE)) return { mime: 'image/png', ext: 'png' };
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { mime: 'image/webp', ext: 'webp' };
  }
  return null;
}

/** 415: the body is not a type we store. Carries its status like DomainError does, so the
 *  app's error handler answers it as a 4xx with this message. */
export class UnsupportedMediaTypeError extends Error {
  readonly statusCode = 415;
  readonly code = 'unsupported_media_type';
}
