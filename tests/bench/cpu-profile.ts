/**
 * Where a server's time went: the functions with the most self time in a V8 .cpuprofile (written
 * by node --cpu-prof when the process exits), grouped by function and source line.
 * Also runnable alone: node --import tsx tests/bench/cpu-profile.ts <file.cpuprofile>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TOP = 25;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export const summariseProfile = (file: string): string => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const f = byId.get(id)?.callFrame;
    const where = f?.url
      ? `${f.url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared)\//, '$1/')}:${f.lineNumber + 1}`
      : '';
    const key = `${f?.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return [
    `CPU profile ${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled; top ${TOP} by self time`,
    ...rows.map(([k, us]) => `  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
  ].join('\n');
};

export const summariseServerProfile = (dir: string): string => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
  if (files.length === 0) return `no CPU profile in ${dir}`;
  // node --cpu-prof writes one file per thread (tsx adds a loader thread): the main thread's is the largest.
  const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  return summariseProfile(main);
};

if (import.meta.url === `file://${process.argv[1]}`) console.log(summariseProfile(process.argv[2]!));
