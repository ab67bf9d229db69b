// CPU time of another process from /proc/<pid>/stat (utime + stime), so a server running as a child
// process is measured apart from the load generators and clients in this one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    const raw = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim();
    ticksPerSecond = Number(raw) || 100;
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the numeric fields follow its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** Resident set size in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

export interface CpuWindow {
  /** CPU seconds used in the window. */
  cpu: number;
  /** Wall seconds of the window. */
  wall: number;
}

/** Starts a measurement window on a process; call the result to end it. */
export function cpuWindow(pid: number): () => CpuWindow {
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  return () => ({ cpu: cpuSeconds(pid) - c0, wall: (performance.now() - t0) / 1000 });
}
