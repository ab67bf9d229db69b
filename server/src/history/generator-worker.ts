// Runs the history generator on its own thread and posts each batch to the writer thread, at most
// AHEAD batches ahead of what the writer has stored (so memory stays flat however big the run).
import { parentPort, workerData } from 'node:worker_threads';
import { generateHistory, type HistoryOptions, type StoreStart } from './generate-history.ts';

export const AHEAD = 4;

const { options, start, acks } = workerData as { options: HistoryOptions; start: StoreStart; acks: SharedArrayBuffer };
const stored = new Int32Array(acks);
let posted = 0;
for (const batch of generateHistory(options, start)) {
  parentPort!.postMessage(batch);
  posted++;
  for (let seen = Atomics.load(stored, 0); posted - seen > AHEAD; seen = Atomics.load(stored, 0)) Atomics.wait(stored, 0, seen);
}
parentPort!.postMessage({ kind: 'end' });
