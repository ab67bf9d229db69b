import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has the documented defaults in demo mode', () => {
    const c = loadConfig({ DEMO: '1' });
    expect(c).toMatchObject({ port: 8080, osmandPort: 5055, demo: true, simulate: 300, demoPassword: 'zmd-demo', registerUnknownDevices: true });
  });
  it('refuses to start on default secrets without DEMO', () => {
    expect(() => loadConfig({})).toThrow(/ADMIN_PASSWORD is required/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'zmd-demo' })).toThrow(/at least 12 characters/);
    expect(loadConfig({ ADMIN_PASSWORD: 'a-long-enough-secret' }).simulate).toBe(0);
  });
  it('takes a postgres:// DATABASE_URL and refuses anything else', () => {
    expect(loadConfig({ DEMO: '1' }).databaseUrl).toBeNull();
    expect(loadConfig({ DEMO: '1', DATABASE_URL: 'postgresql://u@db:5432/cw' }).databaseUrl).toBe('postgresql://u@db:5432/cw');
    expect(() => loadConfig({ DEMO: '1', DATABASE_URL: 'mysql://u@db/cw' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
  });
  it('takes a redis:// or rediss:// REDIS_URL only beside a DATABASE_URL', () => {
    const pg = 'postgres://u@db:5432/cw';
    expect(loadConfig({ DEMO: '1' })).toMatchObject({ redisUrl: null, redisKeyPrefix: 'cw' });
    expect(loadConfig({ DEMO: '1', DATABASE_URL: pg, REDIS_URL: 'rediss://:secret@cache:6380/2', REDIS_KEY_PREFIX: 'zmd:prod' }))
      .toMatchObject({ redisUrl: 'rediss://:secret@cache:6380/2', redisKeyPrefix: 'zmd:prod' });
    expect(() => loadConfig({ DEMO: '1', DATABASE_URL: pg, REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => loadConfig({ DEMO: '1', REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
    expect(() => loadConfig({ DEMO: '1', DATABASE_URL: pg, REDIS_URL: 'redis://cache', REDIS_KEY_PREFIX: 'a b' })).toThrow(/REDIS_KEY_PREFIX/);
  });
  it('names every bad variable at once', () => {
    try {
      loadConfig({ DEMO: 'maybe', PORT: '99999', SIMULATE: '-1', ASSESSMENT_DATE: 'soon' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const name of ['DEMO', 'PORT', 'SIMULATE', 'ASSESSMENT_DATE']) expect(msg).toContain(name);
    }
  });
});
