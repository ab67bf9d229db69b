// Fills a SQLite store with generated history: the generator's batches go to the writer, either
// from a worker thread (the CLI: generating and writing then use both cores) or in-process.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateHistory, type HistoryBatch, type HistoryOptions } from './generate-history.ts';
import { HistoryWriter } from './history-writer.ts';

export interface HistoryResult {
  cases: number;
  events: number;
  positions: number;
  patrols: number;
  /** rows: generating and writing the rows; writing: the part of it the writer was busy (the rest it
   *  waited for the generator); then rebuilding the indexes and committing. */
  ms: { total: number; rows: number; writing: number; indexes: number; commit: number };
}

export async function fillStore(o: HistoryOptions, opts: { worker: boolean; log?: (msg: string) => void } = { worker: true }): Promise<HistoryResult> {
  const started = performance.now();
  const writer = HistoryWriter.open(join(o.dataDir, 'command-center.db'));
  let patrols = 0;
  let days = 0;
  let writing = 0;
  const apply = (b: HistoryBatch) => {
    const t = performance.now();
    writer.apply(b);
    writing += performance.now() - t;
    if (b.kind === 'roster') patrols = b.patrols.length;
    if (b.kind === 'day' && ++days % 30 === 0) opts.log?.(`… ${days}/${o.days} days`);
  };
  try {
    if (opts.worker) await inWorker(o, writer, apply);
    else for (const b of generateHistory(o, writer.start())) apply(b);
    const rowsDone = performance.now();
    const counts = { cases: writer.cases.rows, events: writer.events.rows, positions: writer.positions.rows, patrols };
    const { indexMs, commitMs } = writer.finish({ ...counts, seed: o.seed, days: o.days, end: o.end, patrolDays: o.patrolDays });
    return {
      ...counts,
      ms: {
        total: Math.round(performance.now() - started), rows: Math.round(rowsDone - started), writing: Math.round(writing),
        indexes: Math.round(indexMs), commit: Math.round(commitMs),
      },
    };
  } catch (err) {
    writer.abort();
    throw err;
  }
}

function inWorker(o: HistoryOptions, writer: HistoryWriter, apply: (b: HistoryBatch) => void): Promise<void> {
  const acks = new SharedArrayBuffer(4);
  const stored = new Int32Array(acks);
  // The worker is TypeScript. On Node 20 a worker inherits no loader (and ignores --import in its
  // execArgv), so a two-line bootstrap registers tsx in the worker before loading it.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./generator-worker.ts', import.meta.url).href);
  const worker = new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, {
    eval: true, workerData: { options: o, start: writer.start(), acks },
  });
  return new Promise((resolve, reject) => {
    worker.on('message', (b: HistoryBatch | { kind: 'end' }) => {
      if (b.kind === 'end') { resolve(); return; }
      try {
        apply(b);
      } catch (err) {
        void worker.terminate();
        reject(err);
        return;
      }
      Atomics.add(stored, 0, 1);
      Atomics.notify(stored, 0);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => { if (code !== 0) reject(new Error(`history generator stopped with code ${code}`)); });
  });
}
