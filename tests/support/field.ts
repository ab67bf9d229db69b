// What the field sends a running server in integration tests: a device's OsmAnd report on the
// device port, and a case a duty officer creates over REST. Both expect success.
import { expect } from 'vitest';
import type { ServerProcess } from './server-process.ts';

/** One OsmAnd GET on the node's device port. */
export async function reportFix(node: ServerProcess, id: string, lon: number, lat: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${node.osmandPort}/?id=${id}&lat=${lat}&lon=${lon}`);
  expect(res.status, await res.text()).toBe(200);
}

/** A street_dirty case at 114.02 + k·1e-4, 32.98 with the given description. */
export async function createCase(node: ServerProcess, token: string, k: number, description: string): Promise<{ id: string }> {
  const res = await fetch(`${node.url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ category: 'street_dirty', lon: 114.02 + k * 1e-4, lat: 32.98, description }),
  });
  const body = await res.text();
  expect(res.status, body).toBe(201);
  return JSON.parse(body) as { id: string };
}
