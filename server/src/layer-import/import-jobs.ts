// Import jobs: an upload is read and validated in the background (the event loop yields between
// batches of features, so patrols keep moving), with a progress fraction and a phase name the admin
// page polls. A finished job keeps its report and the clean layer, gzipped, until it is applied,
// cancelled or expires. Jobs live in this node's memory (the admin's session is sticky to it).
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ImportJobView, ImportReport } from '@cw/shared/schemas/imports';
import type { LayerName } from '../geo/layers.ts';
import type { DeclaredCrs } from './crs.ts';
import { ImportError } from './import-error.ts';
import { readUpload, type ImportFormat } from './read-upload.ts';
import { serializeLayer, validateLayer, type LiveGeo } from './validate-layer.ts';
import type { ZipLimits } from './zip-entries.ts';

export interface ImportJob {
  id: string;
  layer: LayerName;
  format: ImportFormat;
  declared: DeclaredCrs | undefined;
  sourceName: string;
  state: ImportJobView['state'];
  progress: number;
  phase: string;
  createdBy: string;
  createdAt: number;
  failure: { statusCode: number; message: string } | null;
  report: ImportReport | null;
  version: number | null;
  /** The clean layer (one feature per line), gzipped; dropped once applied or cancelled. */
  geojsonGz: Buffer | null;
  done: Promise<void>;
}

export interface JobOptions {
  /** Jobs kept at once; the oldest finished ones go first. */
  maxJobs: number;
  /** A job not applied within this long is forgotten. */
  ttlMs: number;
  zipLimits?: ZipLimits;
}

const READ_SHARE = 0.25;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export const jobView = (j: ImportJob): ImportJobView => ({
  id: j.id, layer: j.layer, sourceName: j.sourceName, state: j.state, progress: j.progress, phase: j.phase,
  createdBy: j.createdBy, createdAt: j.createdAt, failure: j.failure, report: j.report, version: j.version,
});

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly live: () => LiveGeo,
    private readonly opts: JobOptions,
    private readonly onUpdate: (job: ImportJob) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  start(bytes: Buffer, meta: { layer: LayerName; format: ImportFormat; declared?: DeclaredCrs; sourceName: string; by: string }): ImportJob {
    this.expire();
    const busy = [...this.jobs.values()].filter((j) => j.state === 'reading' || j.state === 'checking').length;
    if (busy >= 2) throw new ImportError(422, '已有两个导入正在检查，请稍后再上传');
    const job: ImportJob = {
      id: randomUUID(), layer: meta.layer, format: meta.format, declared: meta.declared, sourceName: meta.sourceName,
      state: 'reading', progress: 0, phase: '读取文件', createdBy: meta.by, createdAt: this.now(),
      failure: null, report: null, version: null, geojsonGz: null, done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.done = tick().then(() => this.run(job, bytes));
    return job;
  }

  get(id: string): ImportJob | null {
    return this.jobs.get(id) ?? null;
  }

  list(): ImportJob[] {
    this.expire();
    return [...this.jobs.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  cancel(job: ImportJob): void {
    if (job.state === 'applying' || job.state === 'applied') throw new ImportError(422, '已应用的导入不能取消，请用“撤销”');
    job.state = 'cancelled';
    job.phase = '已取消';
    job.geojsonGz = null;
    this.onUpdate(job);
  }

  private update(job: ImportJob, phase: string, progress: number): void {
    job.phase = phase;
    job.progress = Math.max(job.progress, Math.min(1, progress));
    this.onUpdate(job);
  }

  private async run(job: ImportJob, bytes: Buffer): Promise<void> {
    try {
      const read = readUpload(bytes, job.format, job.declared, this.opts.zipLimits);
      if (job.state === 'cancelled') return;
      job.state = 'checking';
      this.update(job, '检查要素', READ_SHARE);
      const validated = await validateLayer(
        { layer: job.layer, features: read.features, sourceName: job.sourceName, format: job.format, crsLabel: read.crsLabel, notes: read.notes },
        this.live(),
        async (phase, f) => {
          if (job.state === 'cancelled') throw new Cancelled();
          this.update(job, phase, READ_SHARE + (1 - READ_SHARE) * f);
          await tick();
        },
      );
      job.report = validated.report;
      if (!validated.report.counts.errors) job.geojsonGz = gzipSync(serializeLayer(validated.features));
      job.state = 'ready';
      this.update(job, validated.report.counts.errors ? '检查完成：有错误，不能应用' : '检查完成', 1);
    } catch (err) {
      if (err instanceof Cancelled) return;
      job.state = 'failed';
      job.failure = err instanceof ImportError
        ? { statusCode: err.statusCode, message: err.message }
        : { statusCode: 400, message: `文件无法读取：${(err as Error).message?.slice(0, 200) ?? String(err)}` };
      this.update(job, '失败', 1);
    }
  }

  private expire(): void {
    const now = this.now();
    for (const [id, j] of this.jobs) if (now - j.createdAt > this.opts.ttlMs && j.state !== 'reading' && j.state !== 'checking' && j.state !== 'applying') this.jobs.delete(id);
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'reading' && j.state !== 'checking' && j.state !== 'applying').sort((a, b) => a.createdAt - b.createdAt);
    while (this.jobs.size >= this.opts.maxJobs && finished.length) this.jobs.delete(finished.shift()!.id);
  }
}

class Cancelled extends Error {}
