// Rows of the patrols and positions tables as both engines return them (same column names and
// value types), mapped to records once for SQLite and PostgreSQL alike.
import type { PatrolKind } from '@cw/shared/domain/patrol';
import type { PatrolRecord, PositionRow } from './types.ts';

export interface PatrolRow { id: string; idx: number; device_id: string; name: string; kind: string; unit: string; home_street: string | null; created_at: number }
export interface PosRow { patrol_idx: number; t: number; lon: number; lat: number; speed: number; heading: number }

export const toPatrol = (r: PatrolRow): PatrolRecord => ({
  id: r.id, index: r.idx, deviceId: r.device_id, name: r.name, kind: r.kind as PatrolKind,
  unit: r.unit, homeStreet: r.home_street, createdAt: r.created_at,
});
export const toPos = (r: PosRow): PositionRow => ({
  patrolIndex: r.patrol_idx, time: r.t, lon: r.lon, lat: r.lat, speed: r.speed, heading: r.heading,
});
