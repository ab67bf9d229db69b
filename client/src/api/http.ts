// The one place REST calls are made, so the session token rides along the same way everywhere:
// as a bearer header (display tokens have no cookie) next to the httpOnly cookie of a login.
let bearer: string | null = null;

export function setBearerToken(token: string | null): void {
  bearer = token;
}

export function authHeaders(): Record<string, string> {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's own `message` from an error body, for people to read. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : '';
  } catch {
    return '';
  }
}

async function send<T>(method: string, path: string, headers: Record<string, string>, body: BodyInit | null): Promise<T> {
  const res = await fetch(path, { method, headers: { Accept: 'application/json', ...authHeaders(), ...headers }, credentials: 'same-origin', body });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new HttpError(res.status, `${method} ${path} → ${res.status} ${text.slice(0, 200)}`, serverMessage(text));
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return body === undefined
    ? send<T>(method, path, {}, null)
    : send<T>(method, path, { 'Content-Type': 'application/json' }, JSON.stringify(body));
}

export const getJson = <T>(path: string): Promise<T> => request<T>('GET', path);
export const postJson = <T>(path: string, body?: unknown): Promise<T> => request<T>('POST', path, body ?? {});
/** multipart/form-data (photos); the browser sets the boundary header itself. */
export const postForm = <T>(path: string, form: FormData): Promise<T> => send<T>('POST', path, {}, form);
/** An authenticated GET of binary content (photos), as a Blob. */
export async function getBlob(path: string): Promise<Blob> {
  const res = await fetch(path, { headers: authHeaders(), credentials: 'same-origin' });
  if (!res.ok) throw new HttpError(res.status, `GET ${path} → ${res.status}`);
  return res.blob();
}
