import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('zmd-demo');
    const b = await hashPassword('zmd-demo');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('zmd-demo', a)).toBe(true);
    expect(await verifyPassword('zmd-dem0', a)).toBe(false);
    expect(await verifyPassword('zmd-demo', 'plain')).toBe(false);
  });
});
