// Who walks the streets, and how fast: used by the simulator and by dispatch ETAs.
export type PatrolKind = 'grid_member' | 'urban_officer' | 'traffic_police' | 'volunteer';
export const PATROL_KINDS: readonly PatrolKind[] = ['grid_member', 'urban_officer', 'traffic_police', 'volunteer'];

export interface PatrolKindInfo {
  zh: string;
  en: string;
  /** Typical travel speed in m/s, for ETAs and the simulator. */
  speedMps: number;
  /** How they move: walking, cycling (e-bike) or driving. */
  mode: 'walk' | 'cycle' | 'drive';
  color: string;
}

export const PATROL_KIND_INFO: Record<PatrolKind, PatrolKindInfo> = {
  grid_member: { zh: '网格员', en: 'Grid member', speedMps: 4.2, mode: 'cycle', color: '#4fc3f7' },
  urban_officer: { zh: '城管队员', en: 'Urban-management officer', speedMps: 8.3, mode: 'drive', color: '#ffb74d' },
  traffic_police: { zh: '交警', en: 'Traffic police', speedMps: 9.7, mode: 'drive', color: '#90caf9' },
  volunteer: { zh: '红马甲志愿者', en: 'Red-vest volunteer', speedMps: 1.3, mode: 'walk', color: '#ef5350' },
};

/** online: reported within STALE_AFTER_S; stale: within OFFLINE_AFTER_S; offline: older or never. */
export type PatrolStatus = 'online' | 'stale' | 'offline';
export const PATROL_STATUSES: readonly PatrolStatus[] = ['online', 'stale', 'offline'];
export const STALE_AFTER_S = 60;
export const OFFLINE_AFTER_S = 600;

export function patrolStatusAt(lastFixMs: number | null, nowMs: number): PatrolStatus {
  if (lastFixMs === null) return 'offline';
  const age = (nowMs - lastFixMs) / 1000;
  if (age <= STALE_AFTER_S) return 'online';
  if (age <= OFFLINE_AFTER_S) return 'stale';
  return 'offline';
}
