/**
 * Where a V8 CPU profile's time went: self time by function and by package, and the inclusive
 * time of the app's own functions. Profiles come from `BENCH_CPU_PROF=<dir> npm run bench`.
 *   npx tsx bench/profile.ts <file.cpuprofile> [rows]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile.ts <file.cpuprofile> [rows]");
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

/** Microseconds spent in each node itself. */
const self = new Map<number, number>();
profile.samples.forEach((id, index) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...self.values()].reduce((sum, value) => sum + value, 0);

function where(url: string) {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes("/build/server/")) return "app (build/server)";
  if (url.startsWith("node:")) return "node core";
  return url ? url.replace(/^file:\/\//, "") : "(native / GC / idle)";
}
/** The production build's frames, or the app's sources as the seed scripts run them (tsx). */
const isAppFrame = (url: string) =>
  url.includes("/build/server/") || (url.includes("/app/") && !url.includes("node_modules/"));
const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || "(anonymous)"} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

function top(map: Map<string, number>, title: string) {
  console.log(`\n## ${title}`);
  console.log("| share | ms | where |\n|---:|---:|---|");
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(
      `| ${((100 * micros) / total).toFixed(1)} % | ${(micros / 1000).toFixed(0)} | ${key} |`,
    );
  }
}

const bySelf = new Map<string, number>();
const byPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, micros] of self) {
  const node = byId.get(id)!;
  bySelf.set(label(node), (bySelf.get(label(node)) ?? 0) + micros);
  const pkg = node.callFrame.functionName.startsWith("(")
    ? node.callFrame.functionName
    : where(node.callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  // Each frame on the stack once (recursion counted once), for the app's own functions.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!;
    if (!isAppFrame(frame.callFrame.url)) continue;
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
}
console.log(`# ${file}: ${(total / 1000).toFixed(0)} ms sampled`);
top(byPackage, "Self time by package");
top(bySelf, "Self time by function");
top(inclusive, "Inclusive time of the app's own functions");
