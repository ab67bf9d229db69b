// Every socket command × every role: a role that may not send a command is refused as forbidden
// whatever it sent; an allowed role with a garbage payload gets past the role check (bad_request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@cw/shared/schemas/auth';
import { buildTestApp, listen, type TestApp, type TestSocket } from '../test/build-test-app.ts';

const COMMANDS: readonly [string, readonly Role[]][] = [
  ['patrols:subscribe', ['wall', 'dispatcher', 'leader', 'admin']],
  ['cases:catch-up', ['wall', 'dispatcher', 'leader', 'admin', 'patrol']],
  ['case:create', ['dispatcher', 'admin', 'patrol']],
  ['case:transition', ['dispatcher', 'admin', 'patrol']],
  ['patrol:report-position', ['patrol']],
];
const USERS: readonly [Role, string][] = [['wall', 'wall'], ['dispatcher', 'dispatcher'], ['leader', 'leader'], ['admin', 'admin'], ['patrol', 'patrol1']];

describe('socket commands × roles', () => {
  let t: TestApp;
  const sockets = new Map<Role, TestSocket>();
  beforeAll(async () => {
    t = await buildTestApp();
    const net = await listen(t.app);
    for (const [role, user] of USERS) sockets.set(role, await net.connect(await t.login(user)));
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    await t.close();
  });

  it.each(COMMANDS)('%s', async (event, allowed) => {
    for (const [role] of USERS) {
      const s = sockets.get(role)! as unknown as { emitWithAck: (e: string, p: unknown) => Promise<{ error?: { code: string } }> };
      const res = await s.emitWithAck(event, { garbage: '\u0000<script>' });
      const code = res.error?.code;
      if (allowed.includes(role)) expect(code, `${role} ${event}`).not.toBe('forbidden');
      else expect(code, `${role} ${event}`).toBe('forbidden');
    }
  });
});
