// KML placemarks (Point, LineString, Polygon with holes, MultiGeometry) with their name,
// description and ExtendedData as properties. Entity declarations are refused before parsing (no
// entity expansion, no external references), and the tree is walked without recursion.
import { XMLParser } from 'fast-xml-parser';
import { unreadable } from './import-error.ts';
import type { RawFeature, RawGeometry } from './raw-feature.ts';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['Document', 'Folder', 'Placemark', 'Data', 'SimpleData', 'Point', 'LineString', 'Polygon', 'MultiGeometry', 'innerBoundaryIs', 'SchemaData']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string' ? (v as Node)['#text'] as string : null);

function coords(v: unknown): number[][] {
  const t = text(v) ?? '';
  return t.split(/\s+/).filter(Boolean).map((tuple) => tuple.split(',').slice(0, 2).map(Number));
}

function ring(boundary: unknown): number[][] {
  return coords(arr(boundary)[0]?.LinearRing && (arr(boundary)[0]!.LinearRing as Node).coordinates);
}

function geometriesOf(pm: Node): RawGeometry[] {
  const out: RawGeometry[] = [];
  const stack: Node[] = [pm];
  while (stack.length) {
    const n = stack.pop()!;
    for (const p of arr(n.Point)) out.push({ type: 'Point', coordinates: coords(p.coordinates)[0] ?? [] });
    for (const l of arr(n.LineString)) out.push({ type: 'LineString', coordinates: coords(l.coordinates) });
    for (const poly of arr(n.Polygon)) {
      out.push({ type: 'Polygon', coordinates: [ring(poly.outerBoundaryIs), ...arr(poly.innerBoundaryIs).map((b) => ring(b))] });
    }
    stack.push(...arr(n.MultiGeometry));
  }
  return out;
}

function combine(parts: RawGeometry[]): RawGeometry | null {
  if (parts.length <= 1) return parts[0] ?? null;
  const kinds = new Set(parts.map((p) => p.type));
  if (kinds.size !== 1) return { type: 'GeometryCollection', coordinates: null };
  const kind = parts[0]!.type;
  return { type: `Multi${kind}`, coordinates: parts.map((p) => p.coordinates) };
}

function propertiesOf(pm: Node): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const name = text(pm.name);
  if (name !== null) props.name = name;
  const description = text(pm.description);
  if (description !== null) props.description = description;
  const ext = (pm.ExtendedData ?? {}) as Node;
  for (const d of arr(ext.Data)) if (typeof d['@name'] === 'string') props[d['@name']] = text(d.value);
  for (const sd of arr(ext.SchemaData)) {
    for (const d of arr(sd.SimpleData)) if (typeof d['@name'] === 'string') props[d['@name']] = text(d);
  }
  return props;
}

export function readKml(bytes: Uint8Array): RawFeature[] {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('KML 不是有效的 UTF-8 文本');
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw unreadable('KML 不允许 DOCTYPE 或实体声明');
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (err) {
    throw unreadable(`KML 无法解析：${(err as Error).message.slice(0, 200)}`);
  }
  const root = doc.kml as Node | undefined;
  if (!root || typeof root !== 'object') throw unreadable('不是 KML 文件（没有 <kml> 根元素）');
  const features: RawFeature[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const pm of arr(n.Placemark)) features.push({ geometry: combine(geometriesOf(pm)), properties: propertiesOf(pm) });
    for (const key of ['Document', 'Folder'] as const) stack.push(...arr(n[key]).reverse());
  }
  return features;
}
