// Typed calls to the server's REST API (see shared/src/schemas for the bodies).
import type { CaseList, CaseStats } from '@cw/shared/schemas/cases';
import type { LoginReply, SessionUser } from '@cw/shared/schemas/auth';
import type { LayerVersions } from '@cw/shared/schemas/imports';
import { getJson, postJson } from './http.ts';
import type { LayerCollection, LayerName, WallConfig } from './types.ts';

export const api = {
  login: (username: string, password: string) =>
    postJson<LoginReply>('/api/v1/auth/login', { username, password }),
  me: () => getJson<SessionUser>('/api/v1/auth/me'),
  logout: () => postJson<unknown>('/api/v1/auth/logout'),
  config: () => getJson<WallConfig>('/api/v1/config'),
  /** A layer as of `version` (the version in the URL keeps a cached copy of another from answering). */
  layer: <N extends LayerName>(name: N, version = 0) => getJson<LayerCollection<N>>(`/api/v1/layers/${name}?v=${version}`),
  layerVersions: () => getJson<LayerVersions>('/api/v1/layer-versions'),
  openCases: (limit: number) => getJson<CaseList>(`/api/v1/cases?open=true&limit=${limit}`),
  caseStats: () => getJson<CaseStats>('/api/v1/cases/stats'),
};

/** Vector-tile template of the unit grid as of a version; MapLibre's worker needs it absolute. */
export function gridTileUrl(origin: string, version = 0): string {
  return `${origin}/api/v1/tiles/grid/{z}/{x}/{y}.pbf?v=${version}`;
}
