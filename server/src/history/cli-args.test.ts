import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from './cli-args.ts';

const NOW = Date.parse('2026-11-27T10:00:00+08:00');

describe('history generator options', () => {
  it('has small defaults and takes every option in either form', () => {
    const d = parseArgs([], {}, NOW);
    expect(d).toMatchObject({ cases: 20_000, days: 365, patrols: 120, patrolDays: 3, fixSeconds: 15, end: NOW, assessmentMmdd: '09-01' });
    expect(d.dataDir).toMatch(/\.data$/);
    const o = parseArgs(['--cases', '1000000', '--days=30', '--seed', '7', '--data-dir', '/tmp/x', '--patrol-days', '0', '--end', '2026-06-30'], {}, NOW);
    expect(o).toMatchObject({ cases: 1_000_000, days: 30, seed: 7, dataDir: '/tmp/x', patrolDays: 0, end: Date.parse('2026-06-30T23:59:59.999+08:00') });
    // Today ends now, not at midnight: history never runs into the future.
    expect(parseArgs(['--end', '2026-11-27'], {}, NOW).end).toBe(NOW);
    expect(parseArgs([], { DATA_DIR: '/srv/cw' }, NOW).dataDir).toBe('/srv/cw');
  });

  it('refuses bad values with every problem named', () => {
    const bad = (args: string[], re: RegExp) => expect(() => parseArgs(args, {}, NOW)).toThrow(re);
    bad(['--cases', '0'], /--cases must be an integer/);
    bad(['--cases', '1e3'], /--cases must be an integer/);
    bad(['--days', 'many'], /--days/);
    bad(['--end', '2026-13-01'], /--end must be YYYY-MM-DD/);
    bad(['--assessment', '9-1'], /--assessment must be MM-DD/);
    bad(['--colour', 'red'], /unknown option --colour/);
    bad(['--cases'], /needs a value/);
    bad(['stray'], /unexpected argument/);
    expect(() => parseArgs(['--cases', '0', '--days', '0'], {}, NOW)).toThrow(ArgsError);
    try { parseArgs(['--cases', '0', '--days', '0'], {}, NOW); } catch (err) { expect((err as Error).message.split('\n')).toHaveLength(2); }
  });
});
