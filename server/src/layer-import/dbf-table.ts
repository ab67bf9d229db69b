// The attribute table of a Shapefile (.dbf, dBase III). Text is decoded in the code page the .cpg
// names, else the one the header's language driver byte names, else UTF-8 if it decodes cleanly,
// else GB18030 (what Chinese desktop GIS writes by default).
import { unreadable } from './import-error.ts';

export type DbfValue = string | number | boolean | null;

const LDID: Record<number, string> = { 0x4d: 'gb18030', 0x7a: 'gb18030', 0x57: 'windows-1252' };
const CPG_ALIASES: Record<string, string> = { '936': 'gb18030', cp936: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', '65001': 'utf-8', utf8: 'utf-8', 'utf-8': 'utf-8' };

export function encodingFromCpg(cpg: string | undefined): string | null {
  if (!cpg) return null;
  const key = cpg.trim().toLowerCase();
  if (CPG_ALIASES[key]) return CPG_ALIASES[key];
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return null;
  }
}

function chooseEncoding(bytes: Uint8Array, ldid: number, cpg: string | null): string {
  if (cpg) return cpg;
  if (LDID[ldid]) return LDID[ldid];
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export interface DbfTable {
  encoding: string;
  fields: string[];
  rows: Record<string, DbfValue>[];
}

export function readDbf(bytes: Uint8Array, cpg: string | null): DbfTable {
  if (bytes.length < 33) throw unreadable('.dbf 文件不完整');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recordLen = v.getUint16(10, true);
  if (headerLen < 33 || headerLen > bytes.length || recordLen < 1) throw unreadable('.dbf 文件头无效');
  if (headerLen + count * recordLen > bytes.length) throw unreadable(`.dbf 被截断：应有 ${count} 条记录`);
  const encoding = chooseEncoding(bytes.subarray(headerLen), bytes[29]!, cpg);
  const text = new TextDecoder(encoding);
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLen && bytes[p] !== 0x0d; p += 32) {
    const raw = bytes.subarray(p, p + 11);
    const nul = raw.indexOf(0);
    const name = text.decode(nul >= 0 ? raw.subarray(0, nul) : raw).trim();
    const length = bytes[p + 16]!;
    if (!name) throw unreadable('.dbf 有无名字段');
    fields.push({ name, type: String.fromCharCode(bytes[p + 11]!), offset, length });
    offset += length;
  }
  if (offset > recordLen) throw unreadable('.dbf 字段长度之和超过记录长度');
  const rows: Record<string, DbfValue>[] = [];
  for (let r = 0; r < count; r++) {
    const at = headerLen + r * recordLen;
    if (bytes[at] === 0x2a) { rows.push({}); continue; } // deleted: kept so rows stay aligned with shapes
    const row: Record<string, DbfValue> = {};
    for (const f of fields) {
      const raw = text.decode(bytes.subarray(at + f.offset, at + f.offset + f.length)).trim();
      row[f.name] = value(f.type, raw);
    }
    rows.push(row);
  }
  return { encoding, fields: fields.map((f) => f.name), rows };
}

function value(type: string, raw: string): DbfValue {
  if (raw === '' || /^\*+$/.test(raw)) return null;
  switch (type) {
    case 'N': case 'F': {
      // Codes are stored as N fields by some tools: keep long digit strings as text, exact.
      if (/^\d{6,}$/.test(raw)) return raw;
      const n = Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    case 'L': return /^[YyTt]$/.test(raw) ? true : /^[NnFf]$/.test(raw) ? false : null;
    default: return raw;
  }
}
