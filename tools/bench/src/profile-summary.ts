/**
 * `node tools/bench/dist/profile-summary.js <file.cpuprofile> [regex]`: where a V8 CPU profile
 * (taken with `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…"`) spent its time — the share
 * of samples by function (self time), by package (node_modules name, or app file), and, with a
 * regex, the inclusive time of the functions whose "name package:line" matches it.
 */
import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  if (!url) return '(native)';
  const dep = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1];
  if (url.includes('/dist/')) return `app:${url.split('/dist/')[1]}`;
  return url.startsWith('node:') ? url : url.slice(-50);
}

const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${packageOf(f.url)}:${f.lineNumber}`;

function top(map: Map<string, number>, total: number, n: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
}

function main(): void {
  const [file, pattern] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node tools/bench/dist/profile-summary.js <file.cpuprofile> [regex]');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfByNode = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + dt);
  });

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, dt] of selfByNode) {
    const frame = nodes.get(id)!.callFrame;
    byFunction.set(label(frame), (byFunction.get(label(frame)) ?? 0) + dt);
    const pkg = packageOf(frame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = label(nodes.get(cur)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }

  console.log(`${(total / 1e6).toFixed(1)} s of samples`);
  console.log(`\nself time by function\n${top(byFunction, total, 25)}`);
  console.log(`\nself time by package\n${top(byPackage, total, 20)}`);
  if (pattern) {
    const re = new RegExp(pattern);
    const matching = new Map([...inclusive].filter(([k]) => re.test(k)));
    console.log(`\ninclusive time of /${pattern}/\n${top(matching, total, 40)}`);
  }
}

main();
