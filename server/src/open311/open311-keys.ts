// Who may POST service requests: keys the admin issues to an integrator (a 12345 hotline system, a
// WeChat mini-program …) and can revoke. The key itself is shown once, at issue.
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../domain-error.ts';
import type { Open311KeyRecord, Open311KeysRepo } from './keys-repo.ts';

/** Accepted only while the server runs with DEMO=1; never stored, so it dies with demo mode. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';
export const DEMO_OPEN311_LABEL = 'demo';

const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export class Open311Keys {
  constructor(
    private readonly repo: Open311KeysRepo,
    private readonly opts: { demo: boolean; now?: () => number },
  ) {}

  async issue(label: string): Promise<{ record: Open311KeyRecord; key: string }> {
    if (label === DEMO_OPEN311_LABEL) throw new DomainError('conflict', `the label '${DEMO_OPEN311_LABEL}' is reserved for the demo key`);
    const key = `o311_${randomBytes(24).toString('base64url')}`;
    const keyHash = hashKey(key);
    const record: Open311KeyRecord = { id: keyHash.slice(0, 16), label, keyHash, createdAt: this.time(), revokedAt: null };
    if (!(await this.repo.insert(record))) throw new DomainError('conflict', `a key labelled '${label}' already exists (labels stay taken after revocation, so old cases keep one meaning)`);
    return { record, key };
  }

  /** The label of an active key, or null for an unknown or revoked one. */
  async labelOf(key: string): Promise<string | null> {
    if (this.opts.demo && key === DEMO_OPEN311_KEY) return DEMO_OPEN311_LABEL;
    const record = await this.repo.byHash(hashKey(key));
    return record && record.revokedAt === null ? record.label : null;
  }

  list(): Promise<Open311KeyRecord[]> { return this.repo.list(); }

  revoke(id: string): Promise<boolean> { return this.repo.revoke(id, this.time()); }

  private time(): number {
    return (this.opts.now ?? Date.now)();
  }
}
