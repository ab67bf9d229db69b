// Builds dist/server.mjs: the server's TypeScript and shared/ compiled into one ES module, packages
// from node_modules left as imports. Production runs it with plain node — no compiler at run time —
// so a restarted node serves again in about a second instead of the several seconds tsx spends
// compiling and resolving every module on start. `pnpm --filter @cw/server build` runs this.
import { build } from 'esbuild';
import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Packages that load native code or read files beside their own sources stay imports from
// node_modules; redis is loaded only when REDIS_URL is set. Everything else, pure JavaScript, is
// compiled in: resolving and loading hundreds of small module files is most of a cold start.
const KEEP_EXTERNAL = new Set(['better-sqlite3', 'sharp', 'pg', 'pg-native', 'redis', '@fastify/swagger-ui', '@fastify/static', 'esbuild']);

const serverDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const SERVER_BUNDLE = join(serverDir, 'dist', 'server.mjs');

/** Bundles src/server.ts into `outfile`; the file is replaced in one rename, so a process starting
 *  the previous bundle meanwhile never reads half a file. */
export async function bundleServer(outfile = SERVER_BUNDLE): Promise<string> {
  const result = await build({
    entryPoints: [join(serverDir, 'src', 'server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    // Bundled CommonJS packages still call require() for Node's own modules.
    banner: { js: "import { createRequire as __cwRequire } from 'node:module'; const require = __cwRequire(import.meta.url);" },
    plugins: [{
      name: 'packages-kept-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
          return KEEP_EXTERNAL.has(name) ? { path: args.path, external: true } : undefined;
        });
      },
    }],
  });
  const out = result.outputFiles[0]!;
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, out.contents);
  renameSync(tmp, outfile);
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await bundleServer();
  console.log(`built ${file}`);
}
