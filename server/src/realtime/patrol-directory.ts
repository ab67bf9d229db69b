// The patrols' directory as displays fetch it (GET /api/v1/patrols/directory): JSON built once per
// directory size (patrols only ever join, so the count is its version), compressed once with
// brotli and gzip, and named by an ETag of its content so walls revalidate it for free.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { PatrolDirectory } from '@cw/shared/realtime/patrol-directory';
import type { PatrolRecord } from '../store/types.ts';

export type ContentEncoding = 'br' | 'gzip' | 'identity';

export interface DirectoryBody {
  /** Patrols in it. */
  count: number;
  etag: string;
  encoded: Record<ContentEncoding, Buffer>;
}

export function directoryOf(records: readonly PatrolRecord[]): PatrolDirectory {
  const patrols: PatrolDirectory['patrols'] = [];
  for (const r of records) {
    if (r) patrols.push({ id: r.id, index: r.index, name: r.name, kind: r.kind, unit: r.unit, street: r.homeStreet });
  }
  return { patrols };
}

export class PatrolDirectoryCache {
  private body: DirectoryBody | null = null;

  constructor(private readonly records: () => readonly PatrolRecord[]) {}

  /** The directory as it is now; rebuilt only when patrols joined since the last build. */
  current(): DirectoryBody {
    const records = this.records();
    if (this.body?.count === records.length) return this.body;
    const json = Buffer.from(JSON.stringify(directoryOf(records)));
    this.body = {
      count: records.length,
      etag: `"pd-${records.length}-${createHash('sha256').update(json).digest('base64url').slice(0, 16)}"`,
      encoded: {
        identity: json,
        // Quality 5: within a few per cent of the best ratio here at a tenth of the time.
        br: brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }),
        gzip: gzipSync(json, { level: 6 }),
      },
    };
    return this.body;
  }
}

/** The best encoding an Accept-Encoding header allows (q=0 refuses one). */
export function pickEncoding(header: string | undefined): ContentEncoding {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const allowed = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return 'identity';
}

/** True when an If-None-Match header names this ETag (or is `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
