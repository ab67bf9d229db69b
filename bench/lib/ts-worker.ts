// Worker threads running TypeScript: the worker registers tsx itself before loading its module, as
// the main thread's loader hooks do not reach workers on Node 20.
import { Worker } from 'node:worker_threads';

export function startTsWorker(file: URL, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)})
    .then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })
    .catch((err) => { console.error(err); process.exit(1); });`;
  return new Worker(boot, { eval: true, workerData });
}
