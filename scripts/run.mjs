#!/usr/bin/env node
// The two README commands (and a few helpers) go through here so that a machine with only Node 20
// and npm can run them: it brings the pinned pnpm, installs the workspace, then runs the task.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.4.2';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const task = process.argv[2];
const extra = process.argv.slice(3);

const env = { ...process.env };
// node-gyp under pnpm ignores npm's nodedir and tries to download headers; point it at Node's own.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
env.PNPM_CONFIG_PM_ON_FAIL ??= 'ignore';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...opts.env } });
  if (r.error) throw r.error;
  if (r.status !== 0 && !opts.allowFail) process.exit(r.status ?? 1);
  return r.status ?? 1;
}

function version(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', env });
  return r.status === 0 ? r.stdout.trim() : null;
}

function findPnpm() {
  if (version('pnpm') === PNPM_VERSION) return 'pnpm';
  const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (existsSync(local) && version(local) === PNPM_VERSION) return local;
  console.log(`[run] bringing pnpm ${PNPM_VERSION} into .tools/`);
  run('npm', ['install', '--prefix', join(root, '.tools'), `pnpm@${PNPM_VERSION}`, '--no-save', '--no-audit', '--no-fund', '--loglevel=error']);
  return local;
}

function mtime(p) {
  try { return statSync(join(root, p)).mtimeMs; } catch { return 0; }
}

const pnpm = findPnpm();

function install() {
  const lock = mtime('pnpm-lock.yaml');
  const installed = mtime('node_modules/.modules.yaml');
  if (installed && installed >= lock && !env.CI) return;
  run(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only']);
}

const tasks = {
  start() {
    install();
    run(pnpm, ['--filter', '@cw/client', 'build']);
    run(pnpm, ['--filter', '@cw/server', 'start'], {
      env: { DEMO: env.DEMO ?? '1', SIMULATE: env.SIMULATE ?? '300' },
    });
  },
  test() {
    install();
    run(pnpm, ['--filter', '@cw/client', 'build']);
    run(pnpm, ['run', '-r', '--parallel=false', 'typecheck']);
    run(pnpm, ['exec', 'vitest', 'run', ...extra]);
  },
  bench() {
    install();
    run(pnpm, ['--filter', '@cw/client', 'build']);
    run(pnpm, ['--filter', '@cw/tests', 'bench', ...extra]);
  },
  'data:history'() {
    install();
    run(pnpm, ['--filter', '@cw/server', 'exec', 'tsx', 'src/history/cli.ts', ...extra]);
  },
  'data:build'() {
    install();
    run(pnpm, ['--filter', '@cw/data', 'build', ...extra]);
  },
};

if (!tasks[task]) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(tasks).join('|')}>`);
  process.exit(2);
}
tasks[task]();
