import type Database from 'better-sqlite3';
import { ConflictError, type LayerVersionRecord, type LayersRepo } from '../types.ts';

interface Row {
  layer: string; version: number; created_at: number; created_by: string; source_name: string;
  feature_count: number; report: string; active: number;
}

const COLUMNS = 'layer, version, created_at, created_by, source_name, feature_count, report, active';
const record = (r: Row): LayerVersionRecord => ({
  layer: r.layer, version: r.version, createdAt: r.created_at, createdBy: r.created_by, sourceName: r.source_name,
  featureCount: r.feature_count, report: JSON.parse(r.report) as unknown, active: r.active === 1,
});

export function sqliteLayers(db: Database.Database): LayersRepo {
  const activeOf = db.prepare<[string], { version: number }>('SELECT version FROM layer_versions WHERE layer = ? AND active = 1');
  const next = db.prepare<[string], { v: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM layer_versions WHERE layer = ?');
  const exists = db.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM layer_versions WHERE layer = ? AND version = ?');
  const deactivate = db.prepare('UPDATE layer_versions SET active = 0 WHERE layer = ? AND active = 1');
  const activate = db.prepare('UPDATE layer_versions SET active = 1 WHERE layer = ? AND version = ?');
  const insert = db.prepare(`INSERT INTO layer_versions (layer, version, created_at, created_by, source_name, feature_count, report, geojson_gz, active)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const list = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM layer_versions WHERE layer = ? ORDER BY version DESC`);
  const get = db.prepare<[string, number], Row>(`SELECT ${COLUMNS} FROM layer_versions WHERE layer = ? AND version = ?`);
  const active = db.prepare<[], { layer: string; version: number; geojson_gz: Buffer }>('SELECT layer, version, geojson_gz FROM layer_versions WHERE active = 1 ORDER BY layer');
  const bytes = db.prepare<[string, number], { geojson_gz: Buffer }>('SELECT geojson_gz FROM layer_versions WHERE layer = ? AND version = ?');

  const expect = (layer: string, expectedActive: number) => {
    const current = activeOf.get(layer)?.version ?? 0;
    if (current !== expectedActive) throw new ConflictError(`layer ${layer} is at version ${current}, not ${expectedActive}`);
  };

  const applyTx = db.transaction((v: Parameters<LayersRepo['apply']>[0], expectedActive: number): LayerVersionRecord => {
    expect(v.layer, expectedActive);
    const version = next.get(v.layer)!.v;
    deactivate.run(v.layer);
    insert.run(v.layer, version, v.createdAt, v.createdBy, v.sourceName, v.featureCount, JSON.stringify(v.report), Buffer.from(v.geojsonGz));
    return record(get.get(v.layer, version)!);
  });
  const activateTx = db.transaction((layer: string, version: number, expectedActive: number) => {
    expect(layer, expectedActive);
    if (version !== 0 && !exists.get(layer, version)) throw new ConflictError(`layer ${layer} has no version ${version}`);
    deactivate.run(layer);
    if (version !== 0) activate.run(layer, version);
  });

  return {
    async apply(v, expectedActive) { return applyTx.immediate(v, expectedActive); },
    async activate(layer, version, expectedActive) { activateTx.immediate(layer, version, expectedActive); },
    async list(layer) { return list.all(layer).map(record); },
    async active() { return active.all().map((r) => ({ layer: r.layer, version: r.version, geojsonGz: r.geojson_gz })); },
    async bytes(layer, version) { return bytes.get(layer, version)?.geojson_gz ?? null; },
  };
}
