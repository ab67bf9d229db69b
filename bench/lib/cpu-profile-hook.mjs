// Loaded into the real server with NODE_OPTIONS=--import=<this file> when the suite runs with
// --profile (Node 20 refuses --cpu-prof in NODE_OPTIONS): samples the process with the inspector's
// profiler and writes <BENCH_PROFILE_DIR>/server-<pid>.tmp.cpuprofile when it exits.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 250 });
  session.post('Profiler.start');
  // An in-thread session answers synchronously, so this still runs inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `server-${process.pid}.tmp.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
