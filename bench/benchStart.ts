/**
 * `npm run bench:start`: how long `npm start` takes on an existing store (warm start) and how much
 * memory the Node process and the Neo4j JVM hold, idle and under load, at the default graph size
 * (what `npm start` loads: seeds, club register, openfootball). Prints medians of several starts,
 * because the machine is shared and noisy (docs/benchmarks.md).
 *
 *   npm run bench:start                               a fresh temp store: one first start, then the warm starts
 *   npm run bench:start -- --store /tmp/start-big     an existing store (e.g. filled by npm run bench:import)
 *
 * Options: --starts 5 (warm starts), --load-seconds 10 (README tie query at --connections 10 after
 * the last start, for the RSS under load; 0 skips it), --port 4407, --bolt-port 8007, --json FILE.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { embeddedInstance, graphSize, loadAverage, readmeTieQuery, rssMiB, startPitchGraphProcess } from "./pitchGraphProcess.ts";

const { values: options } = parseArgs({
  options: {
    store: { type: "string" },
    starts: { type: "string", default: "5" },
    "load-seconds": { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "4407" },
    "bolt-port": { type: "string", default: "8007" },
    json: { type: "string" },
  },
});
const say = (line: string) => console.log(`[bench:start] ${line}`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (value: number) => value.toFixed(1);
const mib = (value: number) => value.toFixed(0);

/** The phases the "Ready in ..." line lists: "phase 1.2 s, phase 0.3 s". */
function phasesOf(log: string[]): Record<string, number> {
  const ready = log.find((line) => line.includes("] Ready in"));
  const list = ready ? /: (.*)\. Ctrl-C/.exec(ready)?.[1] ?? "" : "";
  return Object.fromEntries([...list.matchAll(/(.+?) (\d+(?:\.\d+)?) s(?:, |$)/g)].map(([, phase, value]) => [phase!.trim(), Number(value)]));
}

async function main(): Promise<void> {
  const freshStore = !options.store;
  const dataDir = options.store ? path.resolve(options.store) : mkdtempSync(path.join(os.tmpdir(), "start-bench-"));
  const store = { dataDir, httpPort: Number(options.port), boltPort: Number(options["bolt-port"]) };
  const figures: Record<string, unknown> = { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), store: dataDir };
  say(`store ${dataDir}${freshStore ? " (fresh)" : ""}; load average ${figures.loadAverageAtStart}`);
  try {
    if (freshStore) {
      say("first start on the empty store (default graph loads) ...");
      const first = await startPitchGraphProcess(store);
      figures.firstStart = { secondsToFirstAnswer: first.secondsToFirstAnswer, secondsToReadyLine: first.secondsToReady };
      say(`first start: first answer after ${seconds(first.secondsToFirstAnswer)} s, "Ready" at ${seconds(first.secondsToReady)} s`);
      await first.stop();
    }
    const starts: { toAnswer: number; toReady: number; phases: Record<string, number>; idleNode: number; idleJvm: number }[] = [];
    for (let run = 1; run <= Number(options.starts); run += 1) {
      const app = await startPitchGraphProcess(store);
      try {
        const jvmPid = embeddedInstance(dataDir).pid;
        if (run === 1) {
          figures.graph = await graphSize(app);
          say(`graph: ${JSON.stringify(figures.graph)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const start = { toAnswer: app.secondsToFirstAnswer, toReady: app.secondsToReady, phases: phasesOf(app.log), idleNode: rssMiB(app.process.pid), idleJvm: rssMiB(jvmPid) };
        starts.push(start);
        say(
          `warm start ${run}: first answer ${seconds(start.toAnswer)} s, "Ready" ${seconds(start.toReady)} s; idle RSS Node ${mib(start.idleNode)} MiB, JVM ${mib(start.idleJvm)} MiB; load ${loadAverage()}`,
        );
        if (run === Number(options.starts) && Number(options["load-seconds"]) > 0) {
          const peak = { node: 0, jvm: 0 };
          const timer = setInterval(() => {
            peak.node = Math.max(peak.node, rssMiB(app.process.pid) || 0);
            peak.jvm = Math.max(peak.jvm, rssMiB(jvmPid) || 0);
          }, 250);
          const result = await autocannon({
            url: app.graphqlUrl,
            method: "POST",
            body: JSON.stringify({ query: readmeTieQuery }),
            headers: { "content-type": "application/json" },
            connections: Number(options.connections),
            duration: Number(options["load-seconds"]),
          });
          clearInterval(timer);
          figures.underLoad = { rssMiB: peak, requestsPerSecond: result["2xx"] / result.duration, errors: result.errors + result.non2xx };
        }
      } finally {
        await app.stop();
      }
    }
    const phaseNames = Object.keys(starts[0]?.phases ?? {});
    figures.warmStarts = starts;
    figures.median = {
      secondsToFirstAnswer: median(starts.map((start) => start.toAnswer)),
      secondsToReadyLine: median(starts.map((start) => start.toReady)),
      phases: Object.fromEntries(phaseNames.map((phase) => [phase, median(starts.map((start) => start.phases[phase] ?? Number.NaN))])),
      idleRssMiB: { node: median(starts.map((start) => start.idleNode)), jvm: median(starts.map((start) => start.idleJvm)) },
    };
    figures.loadAverageAtEnd = loadAverage();
    const m = figures.median as { secondsToFirstAnswer: number; secondsToReadyLine: number; phases: Record<string, number>; idleRssMiB: { node: number; jvm: number } };
    const underLoad = figures.underLoad as { rssMiB: { node: number; jvm: number }; requestsPerSecond: number; errors: number } | undefined;
    console.log("");
    console.log(`warm start to first answer, median of ${starts.length}: ${seconds(m.secondsToFirstAnswer)} s (${starts.map((start) => seconds(start.toAnswer)).join(", ")})`);
    console.log(`"Ready" line, median: ${seconds(m.secondsToReadyLine)} s (${starts.map((start) => seconds(start.toReady)).join(", ")})`);
    console.log(`phases, median: ${phaseNames.map((phase) => `${phase} ${seconds(m.phases[phase]!)} s`).join(", ")}`);
    console.log(`RSS idle, median: Node ${mib(m.idleRssMiB.node)} MiB, JVM ${mib(m.idleRssMiB.jvm)} MiB`);
    if (underLoad) console.log(
      `RSS peak under load (README tie query, ${options.connections} connections, ${options["load-seconds"]} s, ${underLoad.requestsPerSecond.toFixed(0)} req/s, ${underLoad.errors} errors): ` +
        `Node ${mib(underLoad.rssMiB.node)} MiB, JVM ${mib(underLoad.rssMiB.jvm)} MiB`,
    );
    console.log(`graph ${JSON.stringify(figures.graph)}; load average ${figures.loadAverageAtStart} at the start, ${figures.loadAverageAtEnd} at the end`);
    if (options.json) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    if (freshStore) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
