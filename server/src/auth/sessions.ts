// Bearer tokens: random, shown once, stored only as a SHA-256 hash. Login sessions expire; display
// tokens (kiosk links for the wall) live until revoked. A short in-memory cache keeps the socket and
// API hot paths off the database.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '@cw/shared/schemas/auth';
import type { SessionRecord, Store } from '../store/types.ts';

export const LOGIN_TTL_MS = 12 * 3600_000;
const CACHE_MS = 30_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class SessionService {
  private readonly cache = new Map<string, { user: SessionUser | null; until: number }>();

  constructor(private readonly store: Store, private readonly now: () => number = Date.now) {}

  async issue(username: string, kind: SessionRecord['kind'], label = ''): Promise<{ token: string; record: SessionRecord }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const record: SessionRecord = {
      tokenHash: hashToken(token), username, kind, label, createdAt,
      expiresAt: kind === 'login' ? createdAt + LOGIN_TTL_MS : null, revokedAt: null,
    };
    await this.store.sessions.create(record);
    return { token, record };
  }

  /** The user a token stands for, or null when unknown, expired, revoked or disabled. */
  async resolve(token: string): Promise<SessionUser | null> {
    if (!token || token.length > 200) return null;
    const hash = hashToken(token);
    const now = this.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.user;
    const user = await this.lookup(hash, now);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { user, until: now + CACHE_MS });
    return user;
  }

  private async lookup(hash: string, now: number): Promise<SessionUser | null> {
    const s = await this.store.sessions.get(hash);
    if (!s || s.revokedAt !== null || (s.expiresAt !== null && s.expiresAt <= now)) return null;
    const u = await this.store.users.get(s.username);
    if (!u || u.disabled) return null;
    return u.patrolId ? { username: u.username, role: u.role, patrolId: u.patrolId } : { username: u.username, role: u.role };
  }

  async revoke(token: string): Promise<void> {
    await this.revokeHash(hashToken(token));
  }

  async revokeHash(hash: string): Promise<boolean> {
    this.cache.delete(hash);
    return this.store.sessions.revoke(hash, this.now());
  }
}
