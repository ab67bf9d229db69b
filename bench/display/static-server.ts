// A tiny static server for the display benchmark's page (127.0.0.1, free port): serves
// bench/display/index.html, MapLibre's dist files, and TypeScript modules of bench/, client/src/
// and shared/src/ transpiled to JavaScript on request (types stripped, nothing bundled), so the page
// runs the client's own modules. Bare "@cw/shared/…" imports go through the page's import map.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { repoRoot } from '../lib/servers.ts';

const maplibreDist = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'node_modules', 'maplibre-gl', 'dist');
/** URL prefixes the page may load, and where they live. */
const ROOTS: readonly [string, string][] = [
  ['/maplibre/', maplibreDist],
  ['/bench/display/', join(repoRoot, 'bench', 'display')],
  ['/client/src/', join(repoRoot, 'client', 'src')],
  ['/shared/src/', join(repoRoot, 'shared', 'src')],
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.ts': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

function resolvePath(urlPath: string): string | null {
  if (urlPath === '/') return join(repoRoot, 'bench', 'display', 'index.html');
  for (const [prefix, dir] of ROOTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(urlPath.slice(prefix.length))));
    if (!file.startsWith(dir + sep)) return null;
    // "@cw/shared/realtime/patrol-frame" arrives without its extension.
    if (!existsSync(file) && existsSync(`${file}.ts`)) return `${file}.ts`;
    return existsSync(file) && statSync(file).isFile() ? file : null;
  }
  return null;
}

const transpiled = new Map<string, { mtime: number; code: string }>();

function javascriptOf(file: string): string {
  const mtime = statSync(file).mtimeMs;
  const hit = transpiled.get(file);
  if (hit && hit.mtime === mtime) return hit.code;
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, sourceMap: false },
  });
  transpiled.set(file, { mtime, code: out.outputText });
  return out.outputText;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page').pathname;
    const file = resolvePath(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const body = extname(file) === '.ts' ? javascriptOf(file) : readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((res) => { server.closeAllConnections(); server.close(() => res()); }),
  };
}
