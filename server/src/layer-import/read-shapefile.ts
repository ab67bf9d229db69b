// A zipped Shapefile: one .shp with its .dbf, and a .prj (or a coordinate system the user declared);
// a .cpg names the attribute table's code page.
import { extract, listZip, type ZipLimits, ZIP_LIMITS } from './zip-entries.ts';
import { readShp } from './shp-geometry.ts';
import { encodingFromCpg, readDbf } from './dbf-table.ts';
import { crsFromPrj, geographic, type Crs } from './crs.ts';
import { ImportError, unreadable } from './import-error.ts';
import type { RawFeature } from './raw-feature.ts';

/** .prj and .cpg are a line of text; anything bigger is not one. */
const SMALL_FILE = 64 * 1024;

export interface ShapefileContents {
  features: RawFeature[];
  crs: Crs;
  notes: string[];
}

export function readShapefileZip(bytes: Uint8Array, crsDeclared: boolean, limits: ZipLimits = ZIP_LIMITS): ShapefileContents {
  const entries = listZip(bytes, limits);
  const shps = entries.filter((e) => e.name.toLowerCase().endsWith('.shp'));
  if (shps.length === 0) throw unreadable('zip 中没有 .shp 文件');
  if (shps.length > 1) throw unreadable(`zip 中有 ${shps.length} 个 .shp 文件，每次只导入一个图层`);
  const stem = shps[0]!.name.slice(0, -4);
  // Only the files of this one layer are inflated, each within what is left of the total budget.
  let left = limits.maxTotalBytes;
  const take = (ext: string, cap = limits.maxEntryBytes): Uint8Array | undefined => {
    const e = entries.find((x) => x.name.length === stem.length + ext.length && x.name.startsWith(stem) && x.name.toLowerCase().endsWith(ext));
    if (!e) return undefined;
    const out = extract(bytes, e, Math.min(cap, left));
    left -= out.length;
    return out;
  };
  const prj = take('.prj', SMALL_FILE);
  const cpg = take('.cpg', SMALL_FILE);
  const dbf = take('.dbf');
  if (!dbf) throw unreadable(`zip 中缺少 ${stem}.dbf（属性表）`);
  const shp = take('.shp')!;
  const notes: string[] = [];
  let crs: Crs;
  if (prj) crs = crsFromPrj(new TextDecoder().decode(prj));
  else if (crsDeclared) { crs = geographic(); notes.push('zip 中没有 .prj，按声明的坐标系读取'); }
  else throw new ImportError(422, `zip 中缺少 ${stem}.prj：无法确定坐标系（或在上传时声明坐标系）`);

  const shapes = readShp(shp);
  const table = readDbf(dbf, encodingFromCpg(cpg ? new TextDecoder().decode(cpg) : undefined));
  if (table.rows.length !== shapes.length) {
    throw unreadable(`.shp 有 ${shapes.length} 条记录，.dbf 有 ${table.rows.length} 条，二者不一致`);
  }
  notes.push(`属性表编码 ${table.encoding}`);
  return { features: shapes.map((geometry, i) => ({ geometry, properties: table.rows[i]! })), crs, notes };
}
