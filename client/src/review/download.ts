// Saving what the review shows: the server's CSV tables (fetched with the session's bearer token —
// a plain link would not carry it) and images the page draws itself.
import { authHeaders, HttpError } from '../api/http.ts';

/** The file name of a `content-disposition: attachment; filename="…"` header (RFC 6266, with the
 *  RFC 5987 `filename*=UTF-8''…` form preferred), or the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return sanitize(decodeURIComponent(star[1]!.trim()), fallback);
    } catch {
      // A malformed escape: fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? sanitize(name, fallback) : fallback;
}

/** No directories, no control characters: a name the browser saves as given. */
function sanitize(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\\/\u0000-\u001f]/g, '_').trim();
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

export interface SavedFile {
  name: string;
  bytes: number;
}

export interface DownloadDeps {
  fetch: typeof fetch;
  save: (blob: Blob, name: string) => void;
}

const browserDeps = (): DownloadDeps => ({ fetch: globalThis.fetch.bind(globalThis), save: saveBlob });

/** Fetches an authenticated CSV export and saves it under the server's file name. */
export async function downloadCsv(path: string, fallbackName: string, deps: DownloadDeps = browserDeps()): Promise<SavedFile> {
  const res = await deps.fetch(path, { headers: { Accept: 'text/csv', ...authHeaders() }, credentials: 'same-origin' });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new HttpError(res.status, `GET ${path} → ${res.status} ${text.slice(0, 200)}`);
  }
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition'), fallbackName);
  deps.save(blob, name);
  return { name, bytes: blob.size };
}

/** Hands a blob to the browser's download (an object URL on a temporary link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    saveUrl(url, name);
  } finally {
    // The click has started the download by now; revoke a moment later for browsers that read late.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Downloads a URL (object or data URL) under a name. */
export function saveUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}
