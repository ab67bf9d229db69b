import type pg from 'pg';
import { ConflictError, UniqueViolation, type LayerVersionRecord, type LayersRepo } from '../types.ts';
import { inTransaction } from './transaction.ts';

interface Row {
  layer: string; version: number; created_at: string; created_by: string; source_name: string;
  feature_count: number; report: unknown; active: boolean;
}

const COLUMNS = 'layer, version, created_at, created_by, source_name, feature_count, report, active';
const record = (r: Row): LayerVersionRecord => ({
  layer: r.layer, version: r.version, createdAt: Number(r.created_at), createdBy: r.created_by, sourceName: r.source_name,
  featureCount: r.feature_count, report: r.report, active: r.active,
});

/** Applies and undos of one layer queue behind a transaction-scoped advisory lock, so the
 *  expected-version check and the switch are one step even when no version is active yet. */
async function lockAndExpect(tx: pg.PoolClient, layer: string, expectedActive: number): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('cw.layer_versions'), hashtext($1))", [layer]);
  const { rows } = await tx.query<{ version: number }>('SELECT version FROM layer_versions WHERE layer = $1 AND active', [layer]);
  const current = rows[0]?.version ?? 0;
  if (current !== expectedActive) throw new ConflictError(`layer ${layer} is at version ${current}, not ${expectedActive}`);
}

export function postgresLayers(pool: pg.Pool): LayersRepo {
  return {
    async apply(v, expectedActive) {
      try {
        return await inTransaction(pool, async (tx) => {
          await lockAndExpect(tx, v.layer, expectedActive);
          await tx.query('UPDATE layer_versions SET active = FALSE WHERE layer = $1 AND active', [v.layer]);
          const { rows } = await tx.query<Row>(`INSERT INTO layer_versions (layer, version, created_at, created_by, source_name, feature_count, report, geojson_gz, active)
            SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, TRUE FROM layer_versions WHERE layer = $1
            RETURNING ${COLUMNS}`, [v.layer, v.createdAt, v.createdBy, v.sourceName, v.featureCount, JSON.stringify(v.report), Buffer.from(v.geojsonGz)]);
          return record(rows[0]!);
        });
      } catch (err) {
        throw err instanceof UniqueViolation ? new ConflictError(`layer ${v.layer} changed meanwhile`) : err;
      }
    },
    async activate(layer, version, expectedActive) {
      await inTransaction(pool, async (tx) => {
        await lockAndExpect(tx, layer, expectedActive);
        if (version !== 0) {
          const { rowCount } = await tx.query('SELECT 1 FROM layer_versions WHERE layer = $1 AND version = $2', [layer, version]);
          if (!rowCount) throw new ConflictError(`layer ${layer} has no version ${version}`);
        }
        await tx.query('UPDATE layer_versions SET active = FALSE WHERE layer = $1 AND active', [layer]);
        if (version !== 0) await tx.query('UPDATE layer_versions SET active = TRUE WHERE layer = $1 AND version = $2', [layer, version]);
      });
    },
    async list(layer) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM layer_versions WHERE layer = $1 ORDER BY version DESC`, [layer]);
      return rows.map(record);
    },
    async active() {
      const { rows } = await pool.query<{ layer: string; version: number; geojson_gz: Buffer }>('SELECT layer, version, geojson_gz FROM layer_versions WHERE active ORDER BY layer');
      return rows.map((r) => ({ layer: r.layer, version: r.version, geojsonGz: r.geojson_gz }));
    },
    async bytes(layer, version) {
      const { rows } = await pool.query<{ geojson_gz: Buffer }>('SELECT geojson_gz FROM layer_versions WHERE layer = $1 AND version = $2', [layer, version]);
      return rows[0]?.geojson_gz ?? null;
    },
  };
}
