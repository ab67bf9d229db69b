import { describe, expect, it, vi } from 'vitest';
import { setBearerToken } from '../api/http.ts';
import { downloadCsv, fileNameFrom } from './download.ts';

describe('fileNameFrom', () => {
  it('reads the quoted, bare and RFC 5987 forms', () => {
    expect(fileNameFrom('attachment; filename="rankings-street-20260301-20260310.csv"', 'x.csv')).toBe('rankings-street-20260301-20260310.csv');
    expect(fileNameFrom('attachment; filename=duty.csv', 'x.csv')).toBe('duty.csv');
    expect(fileNameFrom("attachment; filename=\"a.csv\"; filename*=UTF-8''%E6%8E%92%E8%A1%8C.csv", 'x.csv')).toBe('排行.csv');
  });

  it('falls back when the header is missing or names a path', () => {
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv');
    expect(fileNameFrom('attachment', 'x.csv')).toBe('x.csv');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x.csv')).toBe(".._.._etc_passwd");
    expect(fileNameFrom('attachment; filename=".."', 'x.csv')).toBe('x.csv');
  });
});

describe('downloadCsv', () => {
  it('fetches with the bearer token and saves under the server\'s name', async () => {
    setBearerToken('tok-9');
    const body = '\uFEFF名称,问题数\r\n顺河街道,167\r\n';
    const fetchMock = vi.fn(async () => new Response(body, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="rankings.csv"' },
    }));
    const save = vi.fn();
    const saved = await downloadCsv('/api/v1/review/rankings.csv?level=street', 'fallback.csv', { fetch: fetchMock as unknown as typeof fetch, save });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/review/rankings.csv?level=street');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-9');
    expect(saved.name).toBe('rankings.csv');
    expect(saved.bytes).toBe(new TextEncoder().encode(body).length);
    const [blob, name] = save.mock.calls[0] as [Blob, string];
    expect(name).toBe('rankings.csv');
    expect(await blob.text()).toContain('顺河街道,167');
    setBearerToken(null);
  });

  it('throws on an error answer and saves nothing', async () => {
    const save = vi.fn();
    const fetchMock = vi.fn(async () => new Response('{"message":"bad level"}', { status: 400 }));
    await expect(downloadCsv('/x.csv', 'x.csv', { fetch: fetchMock as unknown as typeof fetch, save })).rejects.toThrow(/400/);
    expect(save).not.toHaveBeenCalled();
  });
});
