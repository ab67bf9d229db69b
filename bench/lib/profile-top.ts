// Prints the functions with the most self time in a V8 .cpuprofile (what `--profile` writes):
//   tsx bench/lib/profile-top.ts <file.cpuprofile> [count]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export function topSelfTime(profile: Profile, count: number): { fn: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*\/(node_modules\/\.pnpm\/|work\/main\/)/, '')}:${n.callFrame.lineNumber + 1}` : '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([fn, ms]) => ({ fn, ms, share: ms / total }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [count]');
  for (const r of topSelfTime(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(n ?? 25))) {
    console.log(`${(r.share * 100).toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(7)} ms  ${r.fn}`);
  }
}
