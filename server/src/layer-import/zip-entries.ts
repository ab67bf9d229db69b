// The files inside an uploaded zip, read from its central directory and inflated with hard caps: a
// zip bomb (a few KB that inflates to gigabytes) stops at the cap however its headers lie, because
// the inflated bytes are counted as they come out; only the entries a reader asks for are inflated. Entry names are never used as paths, but one that
// tries to climb out ("../../etc/passwd", "/etc/passwd", "C:\x") marks a hostile archive: refused.
import { inflateRawSync } from 'node:zlib';
import { ImportError, unreadable } from './import-error.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Per entry and for the whole archive, inflated. */
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 64, maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 384 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  local: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function unsafeName(name: string): boolean {
  return name.includes('\0') || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)
    || name.split('/').some((part) => part === '..');
}

/** The files in the archive's central directory (directories and __MACOSX resource forks left out);
 *  nothing is inflated yet. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (!isZip(bytes)) throw unreadable('文件不是 zip 压缩包（Shapefile 请把 .shp/.shx/.dbf/.prj 打包成一个 zip 上传）');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw unreadable('zip 压缩包不完整（找不到中央目录）');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw unreadable('不支持 ZIP64 压缩包');
  if (count > limits.maxEntries) throw new ImportError(413, `zip 内文件过多（${count} 个，上限 ${limits.maxEntries}）`);
  if (cdOffset + cdSize > eocd) throw unreadable('zip 中央目录越界');

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const utf8 = new TextDecoder('utf-8');
  const gbk = new TextDecoder('gb18030');
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw unreadable('zip 中央目录损坏');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) throw unreadable('zip 中央目录损坏');
    // Bit 11: the name is UTF-8; otherwise Chinese Windows zips use the GBK code page.
    const name = (flags & 0x800 ? utf8 : gbk).decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (unsafeName(name)) throw unreadable(`zip 内文件名不允许：${JSON.stringify(name.slice(0, 80))}`);
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    entries.push({ name, method, flags, compressed, local });
  }
  return entries;
}

/** One entry's bytes, inflated up to `budget` bytes (counted as they come out, whatever the headers say). */
export function extract(bytes: Uint8Array, e: ZipEntry, budget: number): Uint8Array {
  if (e.flags & 1) throw unreadable(`zip 内文件 ${e.name} 已加密`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== LOCAL) throw unreadable(`zip 内文件 ${e.name} 的头部损坏`);
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  if (start + e.compressed > bytes.length) throw unreadable(`zip 内文件 ${e.name} 被截断`);
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) return stored(data, budget, e.name);
  if (e.method === 8) return inflate(data, budget, e.name);
  throw unreadable(`zip 内文件 ${e.name} 的压缩方式（${e.method}）不受支持`);
}

const tooBig = (name: string, budget: number) =>
  new ImportError(413, `zip 内文件 ${name} 解压后超过上限（${Math.round(budget / 1048576)} MB），疑似压缩炸弹，已拒绝`);

function stored(data: Uint8Array, budget: number, name: string): Uint8Array {
  if (data.length > budget) throw tooBig(name, budget);
  return data;
}

function inflate(data: Uint8Array, budget: number, name: string): Uint8Array {
  try {
    // zlib stops at maxOutputLength with ERR_BUFFER_TOO_LARGE: a bomb never gets further than the cap.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(name, budget);
    throw unreadable(`zip 内文件 ${name} 无法解压（数据损坏或被截断）`);
  }
}
