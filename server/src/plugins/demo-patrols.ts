// With DEMO=1: three patrol accounts tied to their own patrols, for trying the phone client
// (patrol1/patrol2/patrol3, the demo password). Their positions come only from the phone.
import fp from 'fastify-plugin';
import { hashPassword } from '../auth/password.ts';

export const DEMO_PATROLS = [1, 2, 3].map((n) => ({
  username: `patrol${n}`, id: `P-DEMO-${n}`, deviceId: `demo-phone-${n}`, name: `演示网格员${n}号`,
}));

export default fp<{ demoPassword: string }>(async (app, opts) => {
  const centre = app.geo.locator.locate(114.022, 32.98);
  for (const p of DEMO_PATROLS) {
    await app.live.register({ id: p.id, deviceId: p.deviceId, name: p.name, kind: 'grid_member', unit: '驿城区网格中心', homeStreet: centre.street }, Date.now());
    if (await app.store.users.get(p.username)) continue;
    await app.store.users.upsert({ username: p.username, role: 'patrol', passwordHash: await hashPassword(opts.demoPassword), patrolId: p.id, createdAt: Date.now(), disabled: false });
  }
}, { name: 'demo-patrols', dependencies: ['live', 'auth', 'geo'] });
