// Road sections contracted to responsible units (分包路段): the main roads of the centre, drawn
// approximately, cut at cross roads into sections of ≥1.5 km, each given to a unit. Road names are
// real names of 驻马店 roads; their lines are plausible, not surveyed.
import * as turf from '@turf/turf';
import type { Feature, LineString, Position } from './geojson-types.ts';
import { roundPosition } from './precision.ts';
import type { AreaIndex } from './area-index.ts';
import { DEV_ZONE_CODE } from './dev-zone-outline.ts';
import type { Imports } from './imports.ts';

export interface RoadSectionProps {
  id: string;
  name: string;
  unit: string;
  street: string;
  district: string;
  /** False for sections imported from an authoritative source. */
  approximate: boolean;
}

export interface Road {
  name: string;
  /** West→east or north→south. */
  path: Position[];
}

export const ROADS: readonly Road[] = [
  { name: '雪松路', path: [[113.972, 33.004], [114.01, 33.003], [114.045, 33.004], [114.078, 33.002]] },
  { name: '健康路', path: [[113.982, 32.991], [114.02, 32.99], [114.062, 32.989]] },
  { name: '解放路', path: [[113.965, 32.981], [114.0, 32.9815], [114.04, 32.981], [114.088, 32.98]] },
  { name: '练江大道', path: [[113.985, 32.959], [114.03, 32.958], [114.082, 32.951]] },
  { name: '金山路', path: [[113.935, 32.944], [113.975, 32.946], [114.016, 32.946]] },
  { name: '骏马路', path: [[113.945, 32.925], [113.98, 32.926], [114.016, 32.925]] },
  { name: '驿城大道', path: [[113.986, 33.035], [113.985, 33.0], [113.984, 32.962]] },
  { name: '文化路', path: [[114.006, 33.022], [114.005, 32.99], [114.006, 32.966]] },
  { name: '中华路', path: [[114.02, 33.032], [114.02, 33.0], [114.019, 32.962]] },
  { name: '风光路', path: [[114.031, 33.02], [114.031, 32.99], [114.03, 32.963]] },
  { name: '前进路', path: [[114.043, 33.03], [114.043, 32.995], [114.044, 32.962]] },
  { name: '乐山大道', path: [[114.058, 33.045], [114.057, 33.0], [114.058, 32.948]] },
  { name: '开源大道', path: [[113.98, 32.966], [113.979, 32.93], [113.972, 32.9]] },
];

/** Units that contract road sections, in the order they are handed out. */
const YICHENG_UNITS = [
  '市城管局', '市公安局', '驿城区文明办', '市教育局', '市住建局', '市交通运输局', '市市场监管局', '市卫健委',
  '市生态环境局', '市文明办', '驿城区城管局', '市自然资源和规划局', '市水利局', '市商务局', '市民政局', '市财政局',
];
const DEV_ZONE_UNITS = ['开发区管委会', '开发区城管局', '市公安局', '开发区文明办'];

const MIN_SECTION_KM = 1.5;

export interface Placement { street: string; district: string }

/** A section with the names it was cut between (cross roads, or 西端/东端/北端/南端). */
export interface RoadSection {
  road: string;
  from: string;
  to: string;
  feature: Feature<LineString, RoadSectionProps>;
}

/** The drawn sections, or the imported ones (street and district looked up at their midpoints). */
export function buildRoadSections(streets: AreaIndex<Placement>, imported: Imports['roadSections'] = null): RoadSection[] {
  if (imported) return imported.map((s) => importedSection(s, streets));
  const lines = ROADS.map((r) => turf.lineString(r.path));
  const out: RoadSection[] = [];
  const handedOut = new Map<string, number>();
  ROADS.forEach((road, i) => {
    const line = lines[i]!;
    const length = turf.length(line);
    const crossings = crossRoads(i, lines)
      .filter((c) => c.at > 0.05 && c.at < length - 0.05)
      .sort((a, b) => a.at - b.at);
    const ends = endNames(road);
    const cuts: { at: number; name: string }[] = [{ at: 0, name: ends[0] }];
    for (const c of crossings) {
      if (c.at - cuts[cuts.length - 1]!.at >= MIN_SECTION_KM && length - c.at >= MIN_SECTION_KM / 2) cuts.push(c);
    }
    cuts.push({ at: length, name: ends[1] });
    for (let k = 0; k + 1 < cuts.length; k++) {
      const from = cuts[k]!, to = cuts[k + 1]!;
      const piece = turf.lineSliceAlong(line, from.at, to.at);
      const mid = turf.along(piece, (to.at - from.at) / 2).geometry.coordinates;
      const place = streets.find(mid);
      if (!place) throw new Error(`road section ${road.name} ${from.name}—${to.name} lies outside every street`);
      const units = place.district === DEV_ZONE_CODE ? DEV_ZONE_UNITS : YICHENG_UNITS;
      const n = handedOut.get(place.district) ?? 0;
      handedOut.set(place.district, n + 1);
      out.push({
        road: road.name,
        from: from.name,
        to: to.name,
        feature: {
          type: 'Feature',
          properties: {
            id: `RS${String(out.length + 1).padStart(3, '0')}`,
            name: `${road.name}（${from.name}—${to.name}）`,
            unit: units[n % units.length]!,
            street: place.street,
            district: place.district,
            approximate: true,
          },
          geometry: { type: 'LineString', coordinates: piece.geometry.coordinates.map(roundPosition) },
        },
      });
    }
  });
  return out;
}

function importedSection(s: NonNullable<Imports['roadSections']>[number], streets: AreaIndex<Placement>): RoadSection {
  const line = turf.lineString(s.coordinates.map(roundPosition));
  const mid = turf.along(line, turf.length(line) / 2).geometry.coordinates;
  const place = streets.find(mid);
  if (!place) throw new Error(`imported road section ${s.properties.id} lies outside every street`);
  const { id, name, unit } = s.properties;
  return {
    road: String(name),
    from: '',
    to: '',
    feature: {
      type: 'Feature',
      properties: { id: String(id), name: String(name), unit: String(unit), street: place.street, district: place.district, approximate: false },
      geometry: { type: 'LineString', coordinates: line.geometry.coordinates },
    },
  };
}

/** Every crossing of two roads, once. */
export function roadCrossings(): { roads: [string, string]; point: Position }[] {
  const lines = ROADS.map((r) => turf.lineString(r.path));
  const out: { roads: [string, string]; point: Position }[] = [];
  for (let i = 0; i < ROADS.length; i++) {
    for (const c of crossRoads(i, lines)) {
      const j = ROADS.findIndex((r) => r.name === c.name);
      if (j > i) out.push({ roads: [ROADS[i]!.name, c.name], point: c.point });
    }
  }
  return out;
}

/** Where other roads cross road i, as km along it. */
function crossRoads(i: number, lines: ReturnType<typeof turf.lineString>[]): { at: number; name: string; point: Position }[] {
  const line = lines[i]!;
  const out: { at: number; name: string; point: Position }[] = [];
  lines.forEach((other, j) => {
    if (j === i) return;
    for (const p of turf.lineIntersect(line, other).features) {
      const at = turf.nearestPointOnLine(line, p).properties.location;
      out.push({ at, name: ROADS[j]!.name, point: p.geometry.coordinates });
    }
  });
  return out;
}

function endNames(road: Road): [string, string] {
  const a = road.path[0]!, b = road.path[road.path.length - 1]!;
  const eastWest = Math.abs(b[0]! - a[0]!) * Math.cos((33 * Math.PI) / 180) > Math.abs(b[1]! - a[1]!);
  return eastWest ? ['西端', '东端'] : ['北端', '南端'];
}
