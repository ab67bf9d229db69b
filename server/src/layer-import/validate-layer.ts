// The whole validation of one imported layer → the report the admin reads before applying, and the
// clean collection that would replace the live layer. Properties: required ones present, codes well
// formed, unique and consistent with their parent chain, parents existing in the live layers.
// Geometry: see check-geometry.ts. Topology (polygon layers): see check-topology.ts. Unit cells must
// each lie in a community (an error: the locator would attribute cases there to no community);
// a cell lying in another community than its code says is a warning.
import type { MultiPolygon, Polygon } from 'geojson';
import type { ImportReport } from '@cw/shared/schemas/imports';
import type { LayerName, LoadedLayers } from '../geo/layers.ts';
import type { Locator } from '../geo/locator.ts';
import { LAYER_KINDS, SITE_CATEGORY, childLayerOf } from './layer-kinds.ts';
import { checkGeometry, type CleanGeometry } from './check-geometry.ts';
import { checkGaps, checkOverlaps, polygonArea, type ParentArea, type PolygonItem } from './check-topology.ts';
import { Issues } from './issues.ts';
import type { RawFeature } from './raw-feature.ts';
import type { ImportFormat } from './read-upload.ts';

export interface LiveGeo {
  layers: LoadedLayers;
  locator: Locator;
}

export interface OutFeature {
  type: 'Feature';
  properties: Record<string, string | number | boolean | null>;
  geometry: CleanGeometry;
}

export interface Validated {
  report: ImportReport;
  features: OutFeature[];
}

export interface ValidateInput {
  layer: LayerName;
  features: readonly RawFeature[];
  sourceName: string;
  format: ImportFormat;
  crsLabel: string;
  notes: readonly string[];
}

export type Progress = (phase: string, fraction: number) => Promise<void>;

const SERVICE_MARGIN_DEG = 0.2;
const YIELD_EVERY = 2000;

function liveFeatures(live: LoadedLayers, layer: LayerName): { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] {
  const fc = JSON.parse(live.files.get(layer)!.raw.toString('utf8')) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };
  return fc.features;
}

function scalarProperties(raw: Record<string, unknown>): { props: Record<string, string | number | boolean | null>; bad: string | null } {
  const props: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.includes('\0') || (typeof v === 'string' && v.includes('\0'))) return { props, bad: `属性 ${JSON.stringify(k.replace(/\0/g, '\\0')).slice(0, 40)} 含 NUL 字符` };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') props[k] = typeof v === 'string' ? v.trim() : v;
    else if (typeof v === 'number') { if (!Number.isFinite(v)) return { props, bad: `属性 ${k.slice(0, 40)} 不是有限数值` }; props[k] = v; }
    else if (v === undefined) continue;
    else return { props, bad: `属性 ${k.slice(0, 40)} 不是简单值（对象或数组）` };
  }
  return { props, bad: null };
}

function inRings(x: number, y: number, rings: readonly (readonly number[][])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A point well inside a polygon (not on its border, where the neighbour could claim it): the mean
 *  of its outer ring's corners when that is inside (any convex piece), else the middle of the widest
 *  span a horizontal line through the polygon cuts. */
function insidePoint(g: Polygon | MultiPolygon): [number, number] {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates[0]!;
  const corners = rings[0]!.slice(0, -1);
  const mean: [number, number] = [corners.reduce((a, p) => a + p[0]!, 0) / corners.length, corners.reduce((a, p) => a + p[1]!, 0) / corners.length];
  if (inRings(mean[0], mean[1], rings)) return mean;
  const ys = corners.map((p) => p[1]!);
  const y = Math.min(...ys) + (Math.max(...ys) - Math.min(...ys)) * 0.5123;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if ((yi > y) !== (yj > y)) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = mean;
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1]! - xs[k]! > width) { width = xs[k + 1]! - xs[k]!; best = [(xs[k]! + xs[k + 1]!) / 2, y]; }
  }
  return best;
}

function midPoint(g: CleanGeometry): [number, number] {
  switch (g.type) {
    case 'Point': return g.coordinates;
    case 'LineString': return g.coordinates[Math.floor(g.coordinates.length / 2)]!;
    case 'MultiLineString': { const l = g.coordinates[0]!; return l[Math.floor(l.length / 2)]!; }
    case 'Polygon': return g.coordinates[0]![0]!;
    case 'MultiPolygon': return g.coordinates[0]![0]![0]!;
  }
}

export async function validateLayer(input: ValidateInput, live: LiveGeo, progress: Progress): Promise<Validated> {
  const kind = LAYER_KINDS[input.layer];
  const issues = new Issues();
  const seen = new Map<string, number>();
  const out: OutFeature[] = [];
  const polygons: PolygonItem[] = [];
  const parentCodes = kind.parent ? new Set(liveFeatures(live.layers, kind.parent.layer).map((f) => String(f.properties.code))) : null;
  const [w0, s0, e0, n0] = live.locator.bbox;
  let rejected = 0;
  let bbox: [number, number, number, number] | null = null;

  for (let i = 0; i < input.features.length; i++) {
    if (i % YIELD_EVERY === 0) await progress('检查要素', i / input.features.length);
    const raw = input.features[i]!;
    const errorsBefore = issues.errorCount;
    const { props, bad } = scalarProperties(raw.properties);
    let key = props[kind.key];
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0) {
      key = String(key);
      props[kind.key] = key;
      issues.repair(i, key, 'code_as_text', `${kind.key} 是数值，已按文本保存`);
    }
    const code = typeof key === 'string' && key ? key : null;
    if (bad) issues.error(i, code, 'not_scalar', bad);
    for (const p of kind.required) {
      const v = props[p];
      if (v === undefined || v === null || v === '') issues.error(i, code, 'property_missing', `缺少必填属性 ${p}`);
    }
    if (code) {
      if (kind.codeDigits && !new RegExp(`^\\d{${kind.codeDigits}}$`).test(code)) {
        issues.error(i, code, 'code_malformed', `编码应为 ${kind.codeDigits} 位数字`);
      } else if (seen.has(code)) {
        issues.error(i, code, 'code_duplicate', `编码与要素 ${seen.get(code)} 重复`);
      } else seen.set(code, i);
      if (kind.codeDigits) {
        for (const [p, digits] of kind.prefixes ?? []) {
          const v = props[p];
          if (typeof v === 'number') props[p] = String(v);
          if (props[p] !== undefined && props[p] !== null && props[p] !== '' && String(props[p]) !== code.slice(0, digits)) {
            issues.error(i, code, 'parent_mismatch', `${p}=${String(props[p]).slice(0, 20)} 与编码前 ${digits} 位 ${code.slice(0, digits)} 不一致`);
          }
        }
      }
      const parent = kind.parent ? props[kind.parent.property] : undefined;
      if (parentCodes && typeof parent === 'string' && parent && !parentCodes.has(parent)) {
        issues.error(i, code, 'parent_unknown', `上级 ${kind.parent!.property}=${parent} 在现行 ${kind.parent!.layer} 图层中不存在`);
      }
    }
    if (input.layer === 'inspection-points' && typeof props.category === 'string' && props.category && !SITE_CATEGORY.test(props.category)) {
      issues.error(i, code, 'category_unknown', `点位类别 ${props.category.slice(0, 20)} 不在 S01–S38 之内`);
    }
    if (input.layer === 'corridors' && typeof props.kind === 'string' && props.kind && props.kind !== 'corridor' && props.kind !== 'river') {
      issues.error(i, code, 'kind_unknown', `kind 应为 corridor 或 river`);
    }

    const g = checkGeometry(raw.geometry, kind.geometry);
    for (const r of g.repairs) issues.repair(i, code, r.rule, r.message);
    if (g.error) issues.error(i, code, g.error.rule, g.error.message);
    if (g.geometry && g.bbox) {
      const b = g.bbox;
      if (b[2] < w0 - SERVICE_MARGIN_DEG || b[0] > e0 + SERVICE_MARGIN_DEG || b[3] < s0 - SERVICE_MARGIN_DEG || b[1] > n0 + SERVICE_MARGIN_DEG) {
        issues.warn(i, code, 'outside_service_area', `要素在驿城区/开发区范围之外（${b[0].toFixed(4)}, ${b[1].toFixed(4)}）：坐标系是否正确？`);
      }
      bbox = bbox ? [Math.min(bbox[0], b[0]), Math.min(bbox[1], b[1]), Math.max(bbox[2], b[2]), Math.max(bbox[3], b[3])] : [...b];
      if (kind.placed) {
        const [x, y] = midPoint(g.geometry);
        const place = live.locator.locate(x, y);
        const filled: string[] = [];
        for (const [p, v] of [['street', place.street], ['community', place.community], ['district', place.district]] as const) {
          if ((props[p] === undefined || props[p] === null || props[p] === '') && v) { props[p] = v; filled.push(p); }
        }
        if (filled.length && input.layer === 'inspection-points' || filled.includes('street')) {
          issues.repair(i, code, 'placed_from_map', `按位置补上 ${filled.join('、')}`);
        }
      }
    }
    if (issues.errorCount > errorsBefore || !g.geometry) { rejected++; continue; }
    const geometry = g.geometry;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const areaM2 = polygonArea(geometry);
      if (input.layer === 'grid' && typeof props.areaM2 !== 'number') {
        props.areaM2 = Math.round(areaM2);
        issues.repair(i, code, 'area_computed', '补上 areaM2（按几何计算）');
      }
      const parent = kind.parent ? props[kind.parent.property] : null;
      polygons.push({ index: i, code, geometry, bbox: g.bbox!, areaM2, parent: typeof parent === 'string' ? parent : null });
    }
    out.push({ type: 'Feature', properties: props, geometry });
  }

  if (kind.geometry === 'polygon') {
    await progress('检查重叠', 0);
    // Only partitions must not overlap (a river's zone lies inside its corridor's by design).
    const overlapOf = kind.partition ? await checkOverlaps(polygons, issues, (f) => progress('检查重叠', f)) : new Map<number, number>();
    if (kind.parent) {
      await progress('检查缝隙', 0);
      const parents: ParentArea[] = liveFeatures(live.layers, kind.parent.layer).map((f) => ({
        code: String(f.properties.code), name: String(f.properties.name ?? f.properties.code),
        areaM2: polygonArea(f.geometry as Polygon | MultiPolygon),
      }));
      checkGaps(polygons, overlapOf, parents, issues);
    }
    if (input.layer === 'grid') {
      await progress('检查网格归属', 0);
      for (let k = 0; k < polygons.length; k++) {
        if (k % YIELD_EVERY === 0) await progress('检查网格归属', k / polygons.length);
        const p = polygons[k]!;
        const [x, y] = insidePoint(p.geometry);
        const community = live.locator.communities.get(x, y);
        if (!community) issues.error(p.index, p.code, 'cell_outside_community', `网格不在任何社区/村之内（${x.toFixed(6)}, ${y.toFixed(6)}）`);
        else if (community.code !== p.parent) issues.warn(p.index, p.code, 'cell_in_other_community', `网格位于 ${community.name}（${community.code}），编码却属于 ${p.parent}`);
      }
    }
    const child = childLayerOf(input.layer);
    if (child) {
      const codes = new Set(out.map((f) => String(f.properties.code)));
      const childProp = LAYER_KINDS[child].parent!.property;
      const orphans = new Map<string, number>();
      for (const f of liveFeatures(live.layers, child)) {
        const p = String(f.properties[childProp]);
        if (!codes.has(p)) orphans.set(p, (orphans.get(p) ?? 0) + 1);
      }
      for (const [p, n] of orphans) issues.warn(null, p, 'orphaned_children', `现行 ${child} 图层有 ${n} 个要素属于 ${p}，本次导入中没有此编码：请随后导入新的 ${child}`);
    }
  }
  await progress('完成', 1);

  return {
    features: out,
    report: {
      layer: input.layer, sourceName: input.sourceName, format: input.format, crs: input.crsLabel, notes: [...input.notes],
      counts: {
        features: input.features.length, accepted: out.length, rejected,
        errors: issues.errorCount, warnings: issues.warningCount, repaired: issues.repairCount,
      },
      byRule: issues.byRule, bbox,
      errors: issues.errors, warnings: issues.warnings, repaired: issues.repaired,
    },
  };
}

/** The collection as the committed files are written: one feature per line. */
export function serializeLayer(features: readonly OutFeature[]): Buffer {
  return Buffer.from(`{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
}
