// Rivers and ecological corridors (生态廊道). No public geometry exists for them, so these are
// plausible centrelines drawn from general knowledge of the city (练江河 across the south of the old
// town, 小清河 down its east side, 冷水河 in the north joining 小清河, 开源河 through 开发区 into
// 练江河). Only 小清河 is named as a corridor in the source article; the other three corridors are
// assumed to follow the other rivers the brief names. All are labelled approximate and importable.
import * as turf from '@turf/turf';
import type { Feature, LineString, Polygon, Position } from './geojson-types.ts';
import { roundAreal, roundPosition } from './precision.ts';
import { seededRandom } from './prng.ts';
import { localPlane } from './planar.ts';
import type { Imports } from './imports.ts';

export type WaterwayKind = 'corridor' | 'river';

export interface WaterwayProps {
  id: string;
  name: string;
  kind: WaterwayKind;
  bufferMeters: number;
  /** False for lines imported from an authoritative source. */
  approximate: boolean;
  note: string;
}

export interface ZoneProps {
  id: string;
  name: string;
  kind: WaterwayKind;
  bufferMeters: number;
}

/** Half-width of the zone drawn around each line. */
const RIVER_BUFFER_M = 30;
const CORRIDOR_BUFFER_M = 200;

interface River { key: string; name: string; controls: Position[] }

const RIVERS: readonly River[] = [
  { key: 'xiaoqinghe', name: '小清河', controls: [[114.05, 33.08], [114.055, 33.05], [114.06, 33.02], [114.062, 33.0], [114.065, 32.98], [114.07, 32.96], [114.08, 32.94], [114.095, 32.91], [114.11, 32.88]] },
  { key: 'lianjianghe', name: '练江河', controls: [[113.905, 32.985], [113.94, 32.978], [113.97, 32.972], [113.995, 32.967], [114.02, 32.964], [114.045, 32.96], [114.07, 32.955], [114.1, 32.948], [114.13, 32.94]] },
  { key: 'lengshuihe', name: '冷水河', controls: [[113.93, 33.07], [113.96, 33.05], [113.985, 33.035], [114.01, 33.025], [114.035, 33.02], [114.058, 33.025]] },
  { key: 'kaiyuanhe', name: '开源河', controls: [[113.93, 32.905], [113.95, 32.92], [113.97, 32.935], [113.985, 32.948], [114.0, 32.958], [114.015, 32.964]] },
];

const NOTE_RIVER = '近似河道中心线，示意，可导入实测数据替换。Approximate centreline, replaceable by import.';
const NOTE_CORRIDOR =
  '近似生态廊道走向：小清河廊道见于创文报道，其余三条假定沿简报所列河流；可导入替换。Approximate; only the 小清河 corridor is named in the source, the others are assumed to follow the rivers in the brief.';

export interface Waterways {
  lines: Feature<LineString, WaterwayProps>[];
  zones: Feature<Polygon, ZoneProps>[];
}

const NOTE_IMPORTED = '导入自 data/imports/corridors.geojson。Imported.';

/** The drawn rivers and corridors, or the imported ones when data/imports/ has them. */
export function buildWaterways(imported: Imports['corridors'] = null): Waterways {
  const lines = imported ? imported.map(importedLine) : drawnLines();
  const zones = lines.map((line): Feature<Polygon, ZoneProps> => {
    const { id, name, kind, bufferMeters } = line.properties;
    const buffered = turf.buffer(line, bufferMeters, { units: 'meters', steps: 8 });
    const g = buffered && roundAreal(buffered.geometry as Polygon);
    if (!g || g.type !== 'Polygon') throw new Error(`buffer of ${id} is not one polygon`);
    return { type: 'Feature', properties: { id, name, kind, bufferMeters }, geometry: g };
  });
  return { lines, zones };
}

function importedLine(l: NonNullable<Imports['corridors']>[number]): Feature<LineString, WaterwayProps> {
  const { id, name, kind, bufferMeters, note } = l.properties;
  return {
    type: 'Feature',
    properties: { id: String(id), name: String(name), kind, bufferMeters: Number(bufferMeters), approximate: false, note: note ? String(note) : NOTE_IMPORTED },
    geometry: { type: 'LineString', coordinates: l.coordinates.map(roundPosition) },
  };
}

function drawnLines(): Feature<LineString, WaterwayProps>[] {
  const lines: Feature<LineString, WaterwayProps>[] = [];
  for (const kind of ['corridor', 'river'] as const) {
    for (const river of RIVERS) {
      const props: WaterwayProps = {
        id: `${kind}-${river.key}`,
        name: kind === 'corridor' ? `${river.name}生态廊道` : river.name,
        kind,
        bufferMeters: kind === 'corridor' ? CORRIDOR_BUFFER_M : RIVER_BUFFER_M,
        approximate: true,
        note: kind === 'corridor' ? NOTE_CORRIDOR : NOTE_RIVER,
      };
      // The river meanders; its corridor is the smooth green belt along it.
      const path = kind === 'river' ? meander(river.controls, `river:${river.key}`) : river.controls;
      lines.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: smooth(path) } });
    }
  }
  return lines;
}

/** Control points every ~600 m, each pushed sideways by up to ±120 m (seeded). */
function meander(controls: Position[], stream: string): Position[] {
  const rng = seededRandom(stream);
  const plane = localPlane(controls[0]![0]!, controls[0]![1]!);
  const out: Position[] = [controls[0]!];
  for (let i = 0; i + 1 < controls.length; i++) {
    const [ax, ay] = plane.toPlane(controls[i]!);
    const [bx, by] = plane.toPlane(controls[i + 1]!);
    const len = Math.hypot(bx - ax, by - ay);
    const steps = Math.max(1, Math.round(len / 600));
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      const side = k === steps ? 0 : rng.range(-120, 120);
      out.push(plane.toLonLat([ax + t * (bx - ax) - (side * (by - ay)) / len, ay + t * (by - ay) + (side * (bx - ax)) / len]));
    }
  }
  return out;
}

/** A smooth curve through the points, thinned to within ~3 m of it. */
function smooth(points: Position[]): Position[] {
  const curve = turf.bezierSpline(turf.lineString(points), { resolution: 10000, sharpness: 0.85 });
  const thinned = turf.simplify(curve, { tolerance: 0.00003, highQuality: true });
  return thinned.geometry.coordinates.map(roundPosition);
}

/** The river lines, for placing riverside sites. */
export function riverLines(w: Waterways): Feature<LineString, WaterwayProps>[] {
  return w.lines.filter((l) => l.properties.kind === 'river');
}
