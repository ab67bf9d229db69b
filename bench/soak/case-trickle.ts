// New cases at a steady rate through the REST API, as a duty officer files them, so a soak covers
// the case path (validate → write → audit → broadcast to every display) and not only positions.

export interface CaseTrickle {
  counts(): { created: number; failed: number };
  stop(): Promise<void>;
}

const CATEGORIES = ['street_dirty', 'road_vending'] as const;
// Around the city centre, inside the mapped districts.
const CENTER = [114.022, 32.98] as const;

export function startCaseTrickle(url: string, token: string, everyMs: number): CaseTrickle {
  let created = 0;
  let failed = 0;
  let n = 0;
  const inFlight = new Set<Promise<void>>();
  const post = async (): Promise<void> => {
    const k = n++;
    try {
      const res = await fetch(`${url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          category: CATEGORIES[k % CATEGORIES.length],
          lon: CENTER[0] + ((k * 37) % 200 - 100) * 1e-4,
          lat: CENTER[1] + ((k * 53) % 200 - 100) * 1e-4,
          description: `soak case ${k}`,
          source: 'dispatcher',
        }),
      });
      await res.arrayBuffer();
      if (res.status === 201) created++;
      else failed++;
    } catch {
      failed++;
    }
  };
  const timer = setInterval(() => {
    const p = post().finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, everyMs);
  return {
    counts: () => ({ created, failed }),
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
    },
  };
}
