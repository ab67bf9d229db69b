import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Value from 'typebox/value';
import { PatrolDirectory } from '@cw/shared/realtime/patrol-directory';
import type { PatrolRecord } from '../store/types.ts';
import { PatrolDirectoryCache, directoryOf, matchesEtag, pickEncoding } from './patrol-directory.ts';

const record = (index: number): PatrolRecord => ({
  id: `P-${index}`, index, deviceId: `dev-${index}`, name: `巡查${index}`, kind: 'volunteer', unit: 'U1', homeStreet: index % 2 ? '411702001' : null, createdAt: 0,
});

describe('PatrolDirectoryCache', () => {
  it('lists who each frame index is, in the shared schema, without device ids or positions', () => {
    const dir = directoryOf([record(0), record(1)]);
    expect(Value.Check(PatrolDirectory, dir)).toBe(true);
    expect(dir.patrols[1]).toEqual({ id: 'P-1', index: 1, name: '巡查1', kind: 'volunteer', unit: 'U1', street: '411702001' });
  });

  it('builds once per directory size, in three encodings that all decode to the same JSON', () => {
    const records = [record(0), record(1), record(2)];
    const cache = new PatrolDirectoryCache(() => records);
    const a = cache.current();
    expect(cache.current()).toBe(a);
    const json = a.encoded.identity.toString();
    expect(JSON.parse(json)).toEqual(directoryOf(records));
    expect(brotliDecompressSync(a.encoded.br).toString()).toBe(json);
    expect(gunzipSync(a.encoded.gzip).toString()).toBe(json);
    records.push(record(3));
    const b = cache.current();
    expect(b).not.toBe(a);
    expect(b.count).toBe(4);
    expect(b.etag).not.toBe(a.etag);
    // Same content, same tag (another node, a restart).
    expect(new PatrolDirectoryCache(() => records).current().etag).toBe(b.etag);
  });

  it('compresses a large directory to a fraction of its size', () => {
    const records = Array.from({ length: 5000 }, (_, i) => record(i));
    const body = new PatrolDirectoryCache(() => records).current();
    expect(body.encoded.br.length).toBeLessThan(body.encoded.identity.length / 5);
    expect(body.encoded.gzip.length).toBeLessThan(body.encoded.identity.length / 4);
  });
});

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['identity', 'identity'],
    [undefined, 'identity'],
    ['BR', 'br'],
  ] as const)('%s → %s', (header, encoding) => {
    expect(pickEncoding(header)).toBe(encoding);
  });
});

describe('matchesEtag', () => {
  it('matches a listed, weak or wildcard tag, not another one', () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"c"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
