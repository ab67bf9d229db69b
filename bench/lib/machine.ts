// What the numbers were measured on: CPU model, cores and Node version.
import { cpus } from 'node:os';

export function machine(): string {
  const list = cpus();
  return `${list[0]?.model.trim() ?? 'unknown CPU'} × ${list.length} cores, Node ${process.version}`;
}
