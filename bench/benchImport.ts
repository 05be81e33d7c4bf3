/**
 * `npm run bench:import`: what an import costs, through the user's own command (`npm run import`,
 * src/cli/import.ts) against a running PitchGraph on a bench store, with default settings:
 *   - fixed cost: a results file of one tie, three times: the command's wall time minus that of
 *     `npm run import -- --help` (Node + tsx start-up and loading the same modules), i.e. what
 *     an import costs besides starting Node: connecting, checking the schema, importing;
 *   - the whole generated file as one import (batched: docs/decisions/012-imports-in-batches.md):
 *     does it go through, how long, the rate; if it fails, is the graph exactly as before;
 *   - the same ties in chunks (one transaction per file): the rate in nodes + relationships
 *     per second. This also fills the store to measure queries at scale (npm run bench -- --store DIR).
 *
 *   npm run bench:generate -- --ties 50000 --out /tmp/pg-bench-ties-50k.json
 *   npm run bench:import -- --file /tmp/pg-bench-ties-50k.json --store /tmp/pg-bench-big [--chunk 5000]
 *
 * Without --store a fresh temp store is used and removed at the end. Ports: --port 4109, --bolt-port 7708.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { projectRoot } from "../src/config.ts";
import { generateResultsFile } from "./generateResultsFile.ts";
import { benchDriver, loadAverage, type RunningPitchGraph, rssMiB, startPitchGraphProcess, embeddedInstance } from "./pitchGraphProcess.ts";

const { values: options } = parseArgs({
  options: {
    file: { type: "string" },
    store: { type: "string" },
    chunk: { type: "string", default: "5000" },
    port: { type: "string", default: "4109" },
    "bolt-port": { type: "string", default: "7708" },
    "skip-whole": { type: "boolean", default: false },
  },
});
const say = (line: string) => console.log(`[bench:import] ${line}`);

interface CommandRun {
  ok: boolean;
  seconds: number;
  /** The seconds the command reports per file ("... created in 1.2 s"). */
  reportedSeconds: number[];
  output: string;
}

/** Runs `npm run import -- files` (as node + tsx, without npm's own start-up) on the bench store. */
function runImport(dataDir: string, files: string[], onLine: (line: string) => void = () => {}): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join("src", "cli", "import.ts"), ...files], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: "", PITCHGRAPH_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (text: string) => {
      output += text;
      for (const line of text.split("\n")) if (line.trim()) onLine(line);
    });
  }
  return new Promise((resolve) => {
    child.on("exit", (code) =>
      resolve({
        ok: code === 0,
        seconds: (performance.now() - started) / 1000,
        reportedSeconds: [...output.matchAll(/created in ([\d.]+) s/g)].map((match) => Number(match[1])),
        output,
      }),
    );
  });
}

async function counts(app: RunningPitchGraph): Promise<{ nodes: number; relationships: number }> {
  const driver = benchDriver(app);
  try {
    const { records } = await driver.executeQuery(
      "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
    );
    return records[0]!.toObject() as { nodes: number; relationships: number };
  } finally {
    await driver.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  if (!options.file || !existsSync(options.file)) {
    console.error("usage: npm run bench:import -- --file RESULTS.json [--store DIR] [--chunk 5000] [--skip-whole]\n  (make one with npm run bench:generate)");
    process.exit(2);
  }
  const file = path.resolve(options.file);
  const dataDir = options.store ? path.resolve(options.store) : mkdtempSync(path.join(os.tmpdir(), "pg-bench-import-"));
  mkdirSync(dataDir, { recursive: true });
  const work = mkdtempSync(path.join(os.tmpdir(), "pg-bench-import-files-"));
  const lines: string[] = [`load average at start ${loadAverage()} (${os.cpus().length} cores); store ${dataDir}`];
  say(lines[0]!);
  const app = await startPitchGraphProcess({ dataDir, httpPort: Number(options.port), boltPort: Number(options["bolt-port"]) });
  const jvmPid = embeddedInstance(dataDir).pid;
  try {
    const before = await counts(app);
    lines.push(`graph before: ${before.nodes} nodes, ${before.relationships} relationships; JVM RSS ${rssMiB(jvmPid).toFixed(0)} MiB`);

    // Fixed cost: one tie, new each time (its own id and clubs), three times; each after the
    // command's `--help`, which loads the same modules and exits: Node + tsx start-up.
    const fixed: CommandRun[] = [];
    const startUp: CommandRun[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      startUp.push(await runImport(dataDir, ["--help"]));
      const one = generateResultsFile(1, attempt);
      const stamp = `${Date.now()}-${attempt}`;
      one.ties[0]!.id = `bench-fixed-cost-${stamp}`;
      const tinyPath = path.join(work, `bench-one-tie-${stamp}.json`);
      writeFileSync(tinyPath, JSON.stringify(one));
      const run = await runImport(dataDir, [tinyPath]);
      if (!run.ok) throw new Error(`importing one tie failed:\n${run.output}`);
      fixed.push(run);
    }
    const commandSeconds = median(fixed.map((run) => run.seconds));
    const startUpSeconds = median(startUp.map((run) => run.seconds));
    lines.push(
      `fixed cost (a one-tie file into the running server's Neo4j, median of 3): ${(commandSeconds - startUpSeconds).toFixed(2)} s ` +
        `= the command's ${commandSeconds.toFixed(2)} s minus ${startUpSeconds.toFixed(2)} s of Node + tsx start-up (\`npm run import -- --help\`); ` +
        `of it ${median(fixed.map((run) => run.reportedSeconds[0] ?? Number.NaN)).toFixed(2)} s in the import itself as the command reports, the rest connecting and checking the schema`,
    );

    const ties = (JSON.parse(readFileSync(file, "utf8")) as { ties: unknown[] }).ties.length;
    let imported = false;
    if (!options["skip-whole"]) {
      say(`importing the whole file (${ties} ties) as one ...`);
      const start = await counts(app);
      let peakJvm = 0;
      const timer = setInterval(() => (peakJvm = Math.max(peakJvm, rssMiB(jvmPid) || 0)), 500);
      const whole = await runImport(dataDir, [file], (line) => {
        if (/ties written/.test(line)) say(line);
      });
      clearInterval(timer);
      const end = await counts(app);
      const added = end.nodes - start.nodes + end.relationships - start.relationships;
      if (whole.ok) {
        imported = true;
        lines.push(
          `whole file (${ties} ties) in one import: OK in ${whole.seconds.toFixed(1)} s; +${end.nodes - start.nodes} nodes, +${end.relationships - start.relationships} relationships; ` +
            `${(added / whole.seconds).toFixed(0)} nodes+relationships per second (wall), ${(added / (whole.reportedSeconds[0] ?? Number.NaN)).toFixed(0)} ` +
            `as the command reports (${whole.reportedSeconds[0]?.toFixed(1)} s); JVM peak RSS ${peakJvm.toFixed(0)} MiB`,
        );
      } else {
        const reason = /threshold reached|OutOfMemory|heap space|[^\n]*not imported[^\n]*\n[^\n]*/i.exec(whole.output)?.[0] ?? whole.output.split("\n").filter(Boolean).slice(-2).join(" / ");
        lines.push(
          `whole file (${ties} ties) in one import: FAILED after ${whole.seconds.toFixed(1)} s: ${reason.trim().slice(0, 300)}; ` +
            `graph unchanged: ${added === 0 ? "yes" : `NO (${added} nodes+relationships more)`}; JVM peak RSS ${peakJvm.toFixed(0)} MiB`,
        );
      }
    }

    if (!imported) {
      const size = Number(options.chunk);
      const all = JSON.parse(readFileSync(file, "utf8")) as { about: string; sources: string[]; ties: unknown[] };
      const parts: string[] = [];
      for (let start = 0; start < all.ties.length; start += size) {
        const partPath = path.join(work, `${path.basename(file, ".json")}.part-${String(parts.length + 1).padStart(3, "0")}.json`);
        writeFileSync(partPath, JSON.stringify({ ...all, ties: all.ties.slice(start, start + size) }));
        parts.push(partPath);
      }
      say(`importing ${parts.length} chunks of ${size} ties, one transaction each ...`);
      const start = await counts(app);
      const chunked = await runImport(dataDir, parts, (line) => say(line));
      const end = await counts(app);
      if (!chunked.ok) throw new Error(`chunked import failed:\n${chunked.output.slice(-2000)}`);
      const added = end.nodes - start.nodes + end.relationships - start.relationships;
      const inImport = chunked.reportedSeconds.reduce((sum, seconds) => sum + seconds, 0);
      lines.push(
        `in ${parts.length} chunks of ${size} ties: ${chunked.seconds.toFixed(1)} s; +${end.nodes - start.nodes} nodes, +${end.relationships - start.relationships} relationships; ` +
          `${(added / chunked.seconds).toFixed(0)} nodes+relationships per second (wall), ${(added / inImport).toFixed(0)} per second as the command reports (${inImport.toFixed(1)} s); ` +
          `per chunk ${chunked.reportedSeconds.map((seconds) => seconds.toFixed(1)).join(", ")} s`,
      );
    }
    const after = await counts(app);
    lines.push(`graph after: ${after.nodes} nodes, ${after.relationships} relationships; load average at end ${loadAverage()}`);
  } finally {
    await app.stop();
    rmSync(work, { recursive: true, force: true });
    if (!options.store) rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(["", "PitchGraph import bench", ...lines].join("\n"));
}

await main();
