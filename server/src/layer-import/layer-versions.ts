// Applying an import and undoing one: the store switches the active version in one transaction
// (refused if another apply or undo got there first), then this node swaps its layers and tells
// its displays; the other nodes hear of it and do the same from the store.
import type { LayerHistory } from '@cw/shared/schemas/imports';
import type { LayerName } from '../geo/layers.ts';
import { DomainError } from '../domain-error.ts';
import { ConflictError, type LayersRepo } from '../store/types.ts';
import { ImportError } from './import-error.ts';
import type { ImportJob } from './import-jobs.ts';

export interface LayerVersionsDeps {
  repo: LayersRepo;
  activeVersion: (layer: LayerName) => number;
  /** Rebuilds this node's layers from the store and swaps them in. */
  reload: () => Promise<unknown>;
  /** Tells this node's displays and the other nodes. */
  announce: (layer: LayerName, version: number) => void;
  now?: () => number;
}

const conflict = (err: unknown): never => {
  if (err instanceof ConflictError) throw new DomainError('conflict', `图层已被其他操作更改，请刷新后重试（${err.message}）`);
  throw err;
};

export class LayerVersions {
  constructor(private readonly d: LayerVersionsDeps) {}

  async apply(job: ImportJob): Promise<number> {
    if (job.state !== 'ready') throw new DomainError('conflict', `导入状态为 ${job.state}，只有检查完成的导入可以应用`);
    if (!job.report || job.report.counts.errors > 0 || !job.geojsonGz) throw new ImportError(422, '验证报告有错误，不能应用：请修正后重新上传');
    job.state = 'applying';
    let version: number;
    try {
      const rec = await this.d.repo.apply({
        layer: job.layer, createdAt: (this.d.now ?? Date.now)(), createdBy: job.createdBy, sourceName: job.sourceName,
        featureCount: job.report.counts.accepted, report: job.report, geojsonGz: job.geojsonGz,
      }, this.d.activeVersion(job.layer)).catch(conflict);
      version = rec.version;
    } catch (err) {
      job.state = 'ready';
      throw err;
    }
    job.state = 'applied';
    job.version = version;
    job.phase = `已应用为第 ${version} 版`;
    job.geojsonGz = null;
    await this.d.reload();
    this.d.announce(job.layer, version);
    return version;
  }

  /** Back to the version before the active one (by number), or to the committed file. */
  async undo(layer: LayerName): Promise<number> {
    const current = this.d.activeVersion(layer);
    if (current === 0) throw new DomainError('conflict', '此图层正在使用随系统提供的数据，没有可撤销的导入');
    const previous = (await this.d.repo.list(layer)).find((v) => v.version < current)?.version ?? 0;
    await this.d.repo.activate(layer, previous, current).catch(conflict);
    await this.d.reload();
    this.d.announce(layer, previous);
    return previous;
  }

  async history(layer: LayerName): Promise<LayerHistory> {
    const versions = await this.d.repo.list(layer);
    return {
      layer,
      active: this.d.activeVersion(layer),
      versions: versions.map((v) => {
        const counts = (v.report as { counts?: { errors?: number; warnings?: number; repaired?: number } } | null)?.counts ?? {};
        return {
          layer, version: v.version, createdAt: v.createdAt, createdBy: v.createdBy, sourceName: v.sourceName,
          featureCount: v.featureCount, active: v.active,
          counts: { errors: counts.errors ?? 0, warnings: counts.warnings ?? 0, repaired: counts.repaired ?? 0 },
        };
      }),
    };
  }
}
