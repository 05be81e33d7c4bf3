/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the busy time went: self time by
 * npm package (or "project src/", "GC"; Node's and V8's own code counted toward the package that
 * called it), and the top functions by self time.
 *
 *   npx tsx bench/summariseCpuProfile.ts DIR_OR_FILE.cpuprofile
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Busy (non-idle) sampled time, in ms. */
  totalMilliseconds: number;
  /** True when only samples inside the given time window were counted. */
  windowed: boolean;
  byPackage: { name: string; percent: number }[];
  topFunctions: { name: string; percent: number }[];
}

const nodeInternals = "node internals";
const builtins = "V8 builtins";

/** Where a frame's code comes from: the npm package, our own folders, Node, the VM. */
function packageOf(frame: ProfileNode["callFrame"]): string | null {
  const { url, functionName } = frame;
  if (functionName === "(idle)" || functionName === "(root)") return null;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "V8 (program: compiling, native code)";
  if (url.startsWith("node:")) return nodeInternals;
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage) return inPackage[1]!;
  const file = url.replace(/^file:\/\//, "");
  if (file.startsWith(projectRoot)) return `project ${path.relative(projectRoot, file).split("/")[0]}/`;
  return url ? url : builtins;
}

/** The newest main-thread .cpuprofile in `target` (a folder) or `target` itself; `window` in µs of the system's monotonic clock. */
export function summariseCpuProfiles(target: string, window?: { from: number; to: number }): ProfileSummary {
  // Node names profiles CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile; thread 0 is the main
  // thread (tsx's loader runs in a worker thread, profiled too, and of no interest here).
  const file = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name))
        .map((name) => path.join(target, name))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    : target;
  if (!file) throw new Error(`no .cpuprofile in ${target}`);
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

  const selfTime = new Map<number, number>();
  let at = profile.startTime;
  let inWindow = 0;
  const count = (useWindow: boolean) => {
    selfTime.clear();
    at = profile.startTime;
    profile.samples.forEach((id, index) => {
      at += profile.timeDeltas[index] ?? 0;
      if (useWindow && window && (at < window.from || at > window.to)) return;
      inWindow += 1;
      selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
  };
  count(true);
  const windowed = window !== undefined && inWindow > 100;
  if (!windowed) count(false);

  // Time in Node's own code and V8 builtins (socket writes, JSON, Buffer) counts toward the
  // nearest package up the stack that called it: "the driver" includes the driver's I/O.
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const owner = (id: number): string | null => {
    const own = packageOf(nodes.get(id)!.callFrame);
    if (own !== nodeInternals && own !== builtins) return own;
    for (let parent = parents.get(id); parent !== undefined; parent = parents.get(parent)) {
      const name = packageOf(nodes.get(parent)!.callFrame);
      if (name !== null && name !== nodeInternals && name !== builtins && !name.startsWith("V8 (")) return name;
    }
    return `${own} (no package on the stack: HTTP server, timers)`;
  };
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of selfTime) {
    const frame = nodes.get(id)!.callFrame;
    if (packageOf(frame) === null) continue;
    const name = owner(id)!;
    total += micros;
    byPackage.set(name, (byPackage.get(name) ?? 0) + micros);
    const own = packageOf(frame);
    const where = frame.url ? `${own} ${path.basename(frame.url)}:${frame.lineNumber + 1}` : own === name ? own : `${own}, called from ${name}`;
    const functionName = `${frame.functionName || "(anonymous)"} (${where})`;
    byFunction.set(functionName, (byFunction.get(functionName) ?? 0) + micros);
  }
  const ranked = (entries: Map<string, number>) =>
    [...entries].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({ name, percent: (100 * micros) / total }));
  return { file, totalMilliseconds: total / 1000, windowed, byPackage: ranked(byPackage), topFunctions: ranked(byFunction) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2];
  if (!target) {
    console.error("usage: npx tsx bench/summariseCpuProfile.ts DIR_OR_FILE.cpuprofile");
    process.exit(2);
  }
  const summary = summariseCpuProfiles(target);
  console.log(`${summary.file}: ${summary.totalMilliseconds.toFixed(0)} ms busy`);
  for (const entry of summary.byPackage.slice(0, 20)) console.log(`${entry.percent.toFixed(1).padStart(5)}%  ${entry.name}`);
  console.log("top functions:");
  for (const entry of summary.topFunctions.slice(0, 30)) console.log(`${entry.percent.toFixed(1).padStart(5)}%  ${entry.name}`);
}
