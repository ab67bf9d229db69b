// Where a polygon's boundary crosses itself (a ring crossing itself or another ring of the same
// polygon), found with a Flatbush index over the segments, so a 200,000-point outline costs
// milliseconds rather than the quadratic scan turf's kinks does. Rings that only touch at a vertex
// (a hole touching its outer ring) are valid in OGC terms and not reported; crossings and
// collinear overlaps are.
import Flatbush from 'flatbush';

type Ring = readonly (readonly [number, number])[];

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};
const within = (a: number, b: number, c: number) => Math.min(a, b) <= c && c <= Math.max(a, b);

export function selfIntersection(rings: readonly Ring[]): [number, number] | null {
  const segs: number[] = []; // ax, ay, bx, by, ring, index, ringSegments
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) segs.push(ring[i]![0], ring[i]![1], ring[i + 1]![0], ring[i + 1]![1], r, i, ring.length - 1);
  });
  const n = segs.length / 7;
  if (n < 3) return null;
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const o = i * 7;
    index.add(Math.min(segs[o]!, segs[o + 2]!), Math.min(segs[o + 1]!, segs[o + 3]!), Math.max(segs[o]!, segs[o + 2]!), Math.max(segs[o + 1]!, segs[o + 3]!));
  }
  index.finish();
  for (let i = 0; i < n; i++) {
    const o = i * 7;
    const [ax, ay, bx, by, ra, ia, na] = [segs[o]!, segs[o + 1]!, segs[o + 2]!, segs[o + 3]!, segs[o + 4]!, segs[o + 5]!, segs[o + 6]!];
    for (const j of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      if (j <= i) continue;
      const p = j * 7;
      const [cx, cy, dx, dy, rb, ib] = [segs[p]!, segs[p + 1]!, segs[p + 2]!, segs[p + 3]!, segs[p + 4]!, segs[p + 5]!];
      const adjacent = ra === rb && (Math.abs(ia - ib) === 1 || Math.abs(ia - ib) === na - 1);
      const o1 = orient(ax, ay, bx, by, cx, cy);
      const o2 = orient(ax, ay, bx, by, dx, dy);
      const o3 = orient(cx, cy, dx, dy, ax, ay);
      const o4 = orient(cx, cy, dx, dy, bx, by);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        // A proper crossing: report where.
        const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
        return [ax + t * (bx - ax), ay + t * (by - ay)];
      }
      if (o1 === 0 && o2 === 0) {
        // Collinear: an overlap of positive length is a fold back (a spike) or two rings sharing an edge.
        const horizontal = ax !== bx;
        const [a0, a1, c0, c1] = horizontal ? [ax, bx, cx, dx] : [ay, by, cy, dy];
        const overlap = Math.min(Math.max(a0, a1), Math.max(c0, c1)) - Math.max(Math.min(a0, a1), Math.min(c0, c1));
        if (overlap > 0) return [(cx + dx) / 2, (cy + dy) / 2];
        continue;
      }
      if (adjacent) continue;
      // A vertex of one segment lying inside the other (not at its ends): the ring touches itself there.
      if (o1 === 0 && within(ax, bx, cx) && within(ay, by, cy) && !(cx === ax && cy === ay) && !(cx === bx && cy === by) && ra === rb) return [cx, cy];
      if (o2 === 0 && within(ax, bx, dx) && within(ay, by, dy) && !(dx === ax && dy === ay) && !(dx === bx && dy === by) && ra === rb) return [dx, dy];
    }
  }
  return null;
}
