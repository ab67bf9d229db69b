// Configuration from the environment, validated once at start with a clear message per problem.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { basemapFromEnv, type BasemapSetting } from './basemap/basemap-setting.ts';

export interface AppConfig {
  port: number;
  host: string;
  /** Where the database, photos and other state live. */
  dataDir: string;
  /** postgres://… moves the store to PostgreSQL; null keeps it in SQLite under dataDir. */
  databaseUrl: string | null;
  /** redis://… or rediss://… joins this node to the others through Socket.IO's Redis Streams
   *  adapter; null runs it alone. */
  redisUrl: string | null;
  /** Prefixes every Redis key and channel the nodes share, so deployments (or test runs) sharing one
   *  Redis never see each other's traffic. */
  redisKeyPrefix: string;
  /** Where the committed GeoJSON layers are read from. */
  layersDir: string;
  /** Built client to serve; absent in API-only tests. */
  clientDist: string | null;
  demo: boolean;
  /** Number of simulated patrols (0 = simulator off). */
  simulate: number;
  /** Simulated new cases per hour. */
  simulateCasesPerHour: number;
  osmandPort: number;
  demoPassword: string;
  /** Required outside DEMO: the first admin's password. */
  adminPassword: string | null;
  /** Register devices on their first report instead of refusing them. */
  registerUnknownDevices: boolean;
  tickMs: number;
  /** The date of the next assessment (复查测评), for the wall's countdown. */
  assessmentDate: number;
  logLevel: string;
  loginRateMax: number;
  /** Largest accepted case photo, in bytes. */
  photoMaxBytes: number;
  /** Open311 service requests one client address may POST per minute. */
  open311RateMax: number;
  /** The map under the wall's own layers (BASEMAP): none by default, so nothing loads from elsewhere. */
  basemap: BasemapSetting;
}

export const DEFAULT_DEMO_PASSWORD = 'zmd-demo';
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..', '..');

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
    return def;
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name} must be 1/0/true/false, got "${raw}"`);
  return def;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const demo = bool(env, 'DEMO', false, problems);
  const demoPassword = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (!demo) {
    if (!adminPassword) problems.push('ADMIN_PASSWORD is required when DEMO is off (the server refuses to start on default secrets)');
    else if (adminPassword.length < 12 || adminPassword === DEFAULT_DEMO_PASSWORD) {
      problems.push('ADMIN_PASSWORD must be at least 12 characters and not the demo password');
    }
  }
  const assessmentRaw = env.ASSESSMENT_DATE || '2027-09-01';
  const assessmentDate = Date.parse(`${assessmentRaw}T00:00:00+08:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(assessmentRaw) || Number.isNaN(assessmentDate)) {
    problems.push(`ASSESSMENT_DATE must be YYYY-MM-DD, got "${assessmentRaw}"`);
  }
  const clientDist = env.CLIENT_DIST ?? resolve(repoRoot, 'client', 'dist');
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl) {
    if (!/^rediss?:\/\/[^/]/.test(redisUrl)) problems.push('REDIS_URL must start with redis:// or rediss:// and name a host');
    // Nodes joined through Redis must share one store, or each would count its own case seq.
    if (!databaseUrl) problems.push('REDIS_URL needs DATABASE_URL: nodes joined through Redis must share one PostgreSQL store');
  }
  const redisKeyPrefix = env.REDIS_KEY_PREFIX || 'cw';
  if (!/^[\w:.-]{1,64}$/.test(redisKeyPrefix)) problems.push(`REDIS_KEY_PREFIX must be 1–64 letters, digits or _ : . -, got "${redisKeyPrefix}"`);
  const config: AppConfig = {
    port: int(env, 'PORT', 8080, 0, 65535, problems),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || resolve(repoRoot, '.data')),
    databaseUrl,
    redisUrl,
    redisKeyPrefix,
    layersDir: resolve(env.LAYERS_DIR || resolve(repoRoot, 'data')),
    clientDist: clientDist === '' ? null : clientDist,
    demo,
    simulate: int(env, 'SIMULATE', demo ? 300 : 0, 0, 100000, problems),
    simulateCasesPerHour: int(env, 'SIMULATE_CASES_PER_HOUR', 120, 0, 1000000, problems),
    osmandPort: int(env, 'OSMAND_PORT', 5055, 0, 65535, problems),
    demoPassword,
    adminPassword,
    registerUnknownDevices: bool(env, 'REGISTER_UNKNOWN_DEVICES', demo, problems),
    tickMs: int(env, 'TICK_MS', 1000, 50, 60000, problems),
    assessmentDate,
    logLevel: env.LOG_LEVEL || 'info',
    loginRateMax: int(env, 'LOGIN_RATE_MAX', 30, 1, 100000, problems),
    photoMaxBytes: int(env, 'PHOTO_MAX_BYTES', 8 * 1024 * 1024, 1024, 100 * 1024 * 1024, problems),
    open311RateMax: int(env, 'OPEN311_RATE_MAX', 60, 1, 100000, problems),
    basemap: basemapFromEnv(env, problems),
  };
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
