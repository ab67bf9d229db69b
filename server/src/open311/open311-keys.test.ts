import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../domain-error.ts';
import { DEMO_OPEN311_KEY, Open311Keys } from './open311-keys.ts';
import { sqliteOpen311KeysRepo } from './sqlite-keys-repo.ts';
import type { Open311KeysRepo } from './keys-repo.ts';

describe('Open311Keys', () => {
  let dir: string;
  let file: string;
  let repo: Open311KeysRepo;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-o311-'));
    file = join(dir, 'open311.db');
    repo = sqliteOpen311KeysRepo(file);
  });
  afterEach(async () => { await repo.close(); rmSync(dir, { recursive: true, force: true }); });

  it('issues a key that resolves to its label, survives a reopen, and is stored only as a hash', async () => {
    const keys = new Open311Keys(repo, { demo: false });
    const { record, key } = await keys.issue('wechat-mini');
    expect(await keys.labelOf(key)).toBe('wechat-mini');
    await repo.close();
    repo = sqliteOpen311KeysRepo(file);
    const reopened = new Open311Keys(repo, { demo: false });
    expect(await reopened.labelOf(key)).toBe('wechat-mini');
    expect(await reopened.list()).toEqual([record]);
    const onDisk = ['', '-wal'].map((s) => { try { return readFileSync(file + s).toString('latin1'); } catch { return ''; } }).join('');
    expect(onDisk).toContain(record.keyHash);
    expect(onDisk).not.toContain(key);
  });

  it('stops accepting a revoked key, keeps its label taken, and revokes only once', async () => {
    const keys = new Open311Keys(repo, { demo: false, now: () => 1_000 });
    const { record, key } = await keys.issue('hotline');
    expect(await keys.revoke(record.id)).toBe(true);
    expect(await keys.labelOf(key)).toBeNull();
    expect(await keys.revoke(record.id)).toBe(false);
    expect((await keys.list())[0]!.revokedAt).toBe(1_000);
    await expect(keys.issue('hotline')).rejects.toBeInstanceOf(DomainError);
  });

  it('accepts the demo key only in demo mode and never for an unknown key', async () => {
    expect(await new Open311Keys(repo, { demo: true }).labelOf(DEMO_OPEN311_KEY)).toBe('demo');
    expect(await new Open311Keys(repo, { demo: false }).labelOf(DEMO_OPEN311_KEY)).toBeNull();
    expect(await new Open311Keys(repo, { demo: true }).labelOf('xyz')).toBeNull();
    await expect(new Open311Keys(repo, { demo: false }).issue('demo')).rejects.toMatchObject({ code: 'conflict' });
  });
});
