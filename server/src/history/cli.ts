// pnpm data:history — fills a store with generated history (see README.md). Stop the server first.
import { ArgsError, parseArgs, USAGE } from './cli-args.ts';
import { fillStore } from './fill-store.ts';
import { StoreBusyError } from './history-writer.ts';

try {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const o = parseArgs(process.argv.slice(2));
  console.log(`generating ${o.cases} cases over ${o.days} days (seed ${o.seed}), ${o.patrols} patrols with ${o.patrolDays} days of tracks → ${o.dataDir}`);
  const r = await fillStore(o, { worker: true, log: (m) => console.log(m) });
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`done: ${r.cases} cases, ${r.events} events, ${r.positions} positions, ${r.patrols} patrols in ${s(r.ms.total)}`
    + ` (generate + write ${s(r.ms.rows)} of which the writer was busy ${s(r.ms.writing)}, indexes ${s(r.ms.indexes)}, commit ${s(r.ms.commit)};`
    + ` peak RSS of the writer ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
} catch (err) {
  if (err instanceof ArgsError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof StoreBusyError) console.error(err.message);
  else throw err;
  process.exit(2);
}
