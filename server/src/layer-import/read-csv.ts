// A CSV of points: a header row, longitude and latitude columns (lon/lng/longitude/经度 and
// lat/latitude/纬度, any case), every other column a property. RFC 4180 quoting; UTF-8 with or
// without BOM, else GB18030 (what Excel saves on Chinese Windows).
import { unreadable } from './import-error.ts';
import type { RawFeature } from './raw-feature.ts';

const LON = /^(lon|lng|long|longitude|x|经度|东经)$/i;
const LAT = /^(lat|latitude|y|纬度|北纬)$/i;

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Rows of fields; quotes may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (quoted) throw unreadable('CSV 的引号没有闭合');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function readCsvPoints(bytes: Uint8Array): { features: RawFeature[]; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  const rows = parseCsv(text);
  const header = rows[0]?.map((h) => h.trim());
  if (!header || rows.length < 2) throw unreadable('CSV 至少要有表头和一行数据');
  const lon = header.findIndex((h) => LON.test(h));
  const lat = header.findIndex((h) => LAT.test(h));
  if (lon < 0 || lat < 0) throw unreadable(`CSV 找不到经纬度列（表头：${header.slice(0, 12).join(', ').slice(0, 200)}）；列名应为 lon/lng/longitude/经度 与 lat/latitude/纬度`);
  if (new Set(header).size !== header.length) throw unreadable('CSV 表头有重复的列名');
  const features: RawFeature[] = [];
  for (const r of rows.slice(1)) {
    const properties: Record<string, unknown> = {};
    header.forEach((h, i) => { if (i !== lon && i !== lat && h) properties[h] = r[i]?.trim() ?? null; });
    const x = Number(r[lon]?.trim() || NaN);
    const y = Number(r[lat]?.trim() || NaN);
    features.push({ geometry: { type: 'Point', coordinates: [x, y] }, properties });
  }
  return { features, encoding };
}
