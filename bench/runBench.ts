/**
 * `npm run bench`: PitchGraph's GraphQL front door beside a raw neo4j-driver server doing the
 * same work (bench/rawServer.ts), in one run, on one store. Prints medians of several rounds and
 * ratios taken within each round, because the machine is shared and noisy (docs/benchmarks.md).
 *
 *   npm run bench                                   seed graph, on a fresh temp store
 *   npm run bench -- --store /tmp/pg-bench-big      an existing store (e.g. filled by npm run bench:import)
 *   npm run bench -- --profile /tmp/pg-bench-prof   also CPU-profiles the server under the tie load
 *
 * Options: --rounds 3, --seconds 10 (per load run), --warmup 5 (seconds per target first), --connections 10, --port 4107 (GraphQL;
 * the raw server takes port+1), --bolt-port 7707, --json FILE (the figures as JSON).
 * Loopback only; every load run is bounded in time (autocannon -d) and the whole run in rounds.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { graphql, type GraphQLSchema } from "graphql";
import neo4j from "neo4j-driver";
import { projectRoot } from "../src/config.ts";
import { Database } from "../src/database/Database.ts";
import { createContext } from "../src/graphql/context.ts";
import { createSchema } from "../src/graphql/createSchema.ts";
import { countingDriver, type QueryCounter } from "../tests/support/countingDriver.ts";
import { benchDriver, graphSize, loadAverage, postGraphQL, readmeTieQuery, rssMiB, startPitchGraphProcess, embeddedInstance, type RunningPitchGraph } from "./pitchGraphProcess.ts";
import { summariseCpuProfiles } from "./summariseCpuProfile.ts";

const { values: options } = parseArgs({
  options: {
    store: { type: "string" },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "4107" },
    "bolt-port": { type: "string", default: "7707" },
    profile: { type: "string" },
    json: { type: "string" },
  },
});
const rounds = Number(options.rounds);
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const httpPort = Number(options.port);
const boltPort = Number(options["bolt-port"]);

const median = (values: number[]) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const say = (line: string) => console.log(`[bench] ${line}`);

// --- the servers -----------------------------------------------------------------------------

async function startRawServerProcess(app: RunningPitchGraph, port: number): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "rawServer.ts")], {
    cwd: projectRoot,
    env: { ...process.env, BENCH_BOLT_URI: app.boltUri, BENCH_BOLT_USER: app.boltAuth.user, BENCH_BOLT_PASSWORD: app.boltAuth.password, BENCH_RAW_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("RAW_READY ")) resolve(line.slice("RAW_READY ".length));
    });
    child.once("exit", (code) => reject(new Error(`the raw server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await done;
    },
  };
}

// --- load ----------------------------------------------------------------------------------------

interface Target {
  name: string;
  url: string;
  method: "GET" | "POST";
  body?: string;
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(target: Target, duration: number): Promise<LoadResult> {
  const result = await autocannon({
    url: target.url,
    method: target.method,
    body: target.body,
    headers: target.body ? { "content-type": "application/json" } : {},
    connections,
    duration,
  });
  return {
    requestsPerSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Samples RSS of the given processes every 250 ms while `work` runs; returns the highest seen. */
async function peakRssDuring<T>(pids: Record<string, number>, work: () => Promise<T>): Promise<{ result: T; peak: Record<string, number> }> {
  const peak: Record<string, number> = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) peak[name] = Math.max(peak[name]!, rssMiB(pid) || 0);
  }, 250);
  try {
    return { result: await work(), peak };
  } finally {
    clearInterval(timer);
  }
}

// --- statements per aliased tie lookups ----------------------------------------------------------

interface TieNames {
  competition: string;
  season: string;
  club: string;
  opponent: string;
}

/** Up to `count` distinct ties of the graph, named as a user would name them. */
async function someTies(app: RunningPitchGraph, count: number): Promise<TieNames[]> {
  const driver = benchDriver(app);
  try {
    const { records } = await driver.executeQuery(
      `MATCH (t:Tie)-[:IN_COMPETITION]->(c:Competition)
       MATCH (t)-[:HAS_LEG]->(m:Match {legNumber: 1})-[:HOME_CLUB]->(home:Club), (m)-[:AWAY_CLUB]->(away:Club)
       WITH t, c, home, away ORDER BY t.id LIMIT $count
       RETURN c.name AS competition, t.season AS season, home.name AS club, away.name AS opponent`,
      { count: neo4j.int(count) },
    );
    return records.map((record) => record.toObject() as TieNames);
  } finally {
    await driver.close();
  }
}

function aliasedTieQuery(ties: TieNames[], aliases: number): string {
  const fields = Array.from({ length: aliases }, (_, index) => {
    const tie = ties[index % ties.length]!;
    const args = Object.entries(tie).map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(", ");
    return `  t${index}: tie(${args}) { stage outcome { winner { name } decidedBy } }`;
  });
  return `{\n${fields.join("\n")}\n}`;
}

/** Runs `query` in this process against a schema on a counting driver: how many statements it sends. */
async function statementsFor(schema: GraphQLSchema, database: Database, counter: QueryCounter, query: string): Promise<number> {
  counter.count = 0;
  counter.cypher.length = 0;
  const result = await graphql({ schema, source: query, contextValue: createContext(database) });
  if (result.errors?.length) throw new Error(`aliased tie query failed: ${result.errors[0]!.message}`);
  return counter.count;
}

async function timeSequential(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const elapsed: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await work();
    elapsed.push(performance.now() - started);
  }
  return elapsed;
}

// --- the run ---------------------------------------------------------------------------------------

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    : value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, inner]) => [key, canonical(inner)]))
      : value;

async function main(): Promise<void> {
  const freshStore = !options.store;
  const dataDir = options.store ? path.resolve(options.store) : mkdtempSync(path.join(os.tmpdir(), "pg-bench-"));
  const store = { dataDir, httpPort, boltPort };
  const figures: Record<string, unknown> = { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), store: dataDir, rounds, seconds, connections };
  say(`store ${dataDir}${freshStore ? " (fresh)" : ""}; load average ${figures.loadAverageAtStart}`);

  let app: RunningPitchGraph | null = null;
  let raw: Awaited<ReturnType<typeof startRawServerProcess>> | null = null;
  try {
    if (freshStore) {
      say("first start on the empty store (seeds load) ...");
      const first = await startPitchGraphProcess(store);
      figures.coldStartSeconds = first.secondsToFirstAnswer;
      await first.stop();
    }
    say("warm start ...");
    const profileDir = options.profile ? path.resolve(options.profile) : null;
    app = await startPitchGraphProcess(store);
    figures.warmStart = { secondsToFirstAnswer: app.secondsToFirstAnswer, secondsToReadyLine: app.secondsToReady };
    const jvmPid = embeddedInstance(dataDir).pid;
    figures.graph = await graphSize(app);
    say(`graph: ${JSON.stringify(figures.graph)}`);

    raw = await startRawServerProcess(app, httpPort + 1);
    const readmeVariables = new URLSearchParams({ competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta" });
    const graphqlAnswer = await postGraphQL(app.graphqlUrl, readmeTieQuery);
    const rawAnswer = await (await fetch(`${raw.url}/tie?${readmeVariables}`)).json();
    figures.sameAnswer = JSON.stringify(canonical(graphqlAnswer)) === JSON.stringify(canonical(rawAnswer));
    if (!figures.sameAnswer) say(`WARNING: the raw server's answer differs:\n${JSON.stringify(graphqlAnswer)}\n${JSON.stringify(rawAnswer)}`);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    figures.idleRssMiB = { node: rssMiB(app.process.pid), jvm: rssMiB(jvmPid), rawNode: rssMiB(raw.pid) };

    const targets: Record<string, Target> = {
      graphqlTie: { name: "GraphQL tie", url: app.graphqlUrl, method: "POST", body: JSON.stringify({ query: readmeTieQuery }) },
      rawTie: { name: "raw tie", url: `${raw.url}/tie?${readmeVariables}`, method: "GET" },
      graphqlClubs: { name: "GraphQL clubs(limit: 10)", url: app.graphqlUrl, method: "POST", body: JSON.stringify({ query: "{ clubs(limit: 10) { id name aliases } }" }) },
      rawClubs: { name: "raw clubs", url: `${raw.url}/clubs?limit=10`, method: "GET" },
    };
    say(`warm-up (${options.warmup} s per target) ...`);
    for (const target of Object.values(targets)) await load(target, Number(options.warmup));

    const runs: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    const tieRatios: number[] = [];
    const clubsRatios: number[] = [];
    const { peak } = await peakRssDuring({ node: app.process.pid!, jvm: jvmPid }, async () => {
      for (let round = 1; round <= rounds; round += 1) {
        // Alternate the order so neither side always runs on a warmer (or busier) machine.
        const order = round % 2 ? Object.keys(targets) : Object.keys(targets).reverse();
        for (const name of order) runs[name]!.push(await load(targets[name]!, seconds));
        const last = (name: string) => runs[name]!.at(-1)!.requestsPerSecond;
        tieRatios.push(last("graphqlTie") / last("rawTie"));
        clubsRatios.push(last("graphqlClubs") / last("rawClubs"));
        say(`round ${round}/${rounds}: tie ${last("graphqlTie").toFixed(0)} v ${last("rawTie").toFixed(0)} req/s, clubs ${last("graphqlClubs").toFixed(0)} v ${last("rawClubs").toFixed(0)} req/s; load ${loadAverage()}`);
      }
    });
    figures.loadRssMiB = peak;
    figures.throughput = Object.fromEntries(
      Object.entries(runs).map(([name, results]) => [
        name,
        {
          requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
          p50: median(results.map((r) => r.p50)),
          p99: median(results.map((r) => r.p99)),
          errors: results.reduce((sum, r) => sum + r.errors, 0),
        },
      ]),
    );
    figures.ratios = { tie: median(tieRatios), clubs: median(clubsRatios), tieRounds: tieRatios, clubsRounds: clubsRatios };

    if (profileDir) {
      // A separate server, so the profiler's overhead stays out of the figures above; only the
      // samples taken during the measured load count (the clock is the system's monotonic one).
      say("CPU profile of the GraphQL server under the tie load ...");
      await app.stop();
      mkdirSync(profileDir, { recursive: true });
      const runProfileDir = mkdtempSync(path.join(profileDir, "run-"));
      app = await startPitchGraphProcess(store, ["--cpu-prof", `--cpu-prof-dir=${runProfileDir}`]);
      await load(targets.graphqlTie!, Number(options.warmup));
      const from = Number(process.hrtime.bigint() / 1000n);
      const profiled = await load(targets.graphqlTie!, seconds);
      const to = Number(process.hrtime.bigint() / 1000n);
      await app.stop();
      figures.profile = { ...summariseCpuProfiles(runProfileDir, { from, to }), requests: profiled.requestsPerSecond * seconds };
      app = await startPitchGraphProcess(store);
    }

    say("aliased tie lookups ...");
    const counter: QueryCounter = { count: 0, cypher: [] };
    const counted = new Database({ uri: app.boltUri, ...app.boltAuth, description: "bench counting driver", wrapDriver: (driver) => countingDriver(driver, counter) });
    try {
      const schema = await createSchema(counted);
      const ties = await someTies(app, 100);
      // The first request also asks the database for its version (@neo4j/graphql): not counted.
      await statementsFor(schema, counted, counter, aliasedTieQuery(ties, 1));
      const statements: Record<string, number> = {};
      for (const aliases of [1, 10, 100]) statements[aliases] = await statementsFor(schema, counted, counter, aliasedTieQuery(ties, aliases));
      const hundred = aliasedTieQuery(ties, 100);
      const refusal = (await postGraphQL(app.graphqlUrl, hundred)).errors?.[0]?.message;
      // A server whose limits refuse 100 aliases (before issue 11: 15 aliases, 2,000 tokens) is reported as such.
      const times = refusal
        ? []
        : await timeSequential(5, async () => {
            const answer = await postGraphQL(app!.graphqlUrl, hundred);
            if (answer.errors?.length) throw new Error(`100 aliases: ${answer.errors[0]!.message}`);
          });
      figures.aliasedTies = { distinctTies: ties.length, statements, millisecondsFor100: median(times), refusedOverHttp: refusal ?? null };
    } finally {
      await counted.close();
    }

    // The response cache (src/server/responseCache.ts, off by default) measured on its own: the same
    // tie load on a server started with PITCHGRAPH_RESPONSE_CACHE_SECONDS, rounds alternating with raw.
    say("README tie query with the response cache ...");
    await app.stop();
    app = await startPitchGraphProcess(store, [], { PITCHGRAPH_RESPONSE_CACHE_SECONDS: "60" });
    const cachedTie: Target = { ...targets.graphqlTie!, name: "GraphQL tie, response cache", url: app.graphqlUrl };
    await load(cachedTie, Number(options.warmup));
    const cachedRuns: LoadResult[] = [];
    const cachedRatios: number[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const pair = round % 2 ? [cachedTie, targets.rawTie!] : [targets.rawTie!, cachedTie];
      const [first, second] = [await load(pair[0]!, seconds), await load(pair[1]!, seconds)];
      const [cached, rawRun] = round % 2 ? [first, second] : [second, first];
      cachedRuns.push(cached);
      cachedRatios.push(cached.requestsPerSecond / rawRun.requestsPerSecond);
    }
    figures.responseCache = {
      requestsPerSecond: median(cachedRuns.map((r) => r.requestsPerSecond)),
      p50: median(cachedRuns.map((r) => r.p50)),
      p99: median(cachedRuns.map((r) => r.p99)),
      errors: cachedRuns.reduce((sum, r) => sum + r.errors, 0),
      ratio: median(cachedRatios),
      ratioRounds: cachedRatios,
    };
    await app.stop();
    app = await startPitchGraphProcess(store);

    say("connection and neighbourhood ...");
    const graphOperations = readFileSync(path.join(projectRoot, "operations", "graph.graphql"), "utf8");
    const explore = async (operationName: string, variables: Record<string, unknown>) => {
      const response = await fetch(app!.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: graphOperations, operationName, variables }),
      });
      const answer = (await response.json()) as { errors?: { message: string }[] };
      if (answer.errors?.length) throw new Error(`${operationName}: ${answer.errors[0]!.message}`);
    };
    const connectionVariables = { from: "player:andre-schurrle", to: "player:josip-ilicic" };
    const neighbourhoodVariables = { id: "player:andre-schurrle", depth: 2 };
    await explore("Connection", connectionVariables);
    await explore("Neighbourhood", neighbourhoodVariables);
    figures.explore = {
      connectionP50: median(await timeSequential(20, () => explore("Connection", connectionVariables))),
      neighbourhoodP50: median(await timeSequential(20, () => explore("Neighbourhood", neighbourhoodVariables))),
    };
    figures.loadAverageAtEnd = loadAverage();
  } finally {
    await raw?.stop();
    await app?.stop();
    if (freshStore) rmSync(dataDir, { recursive: true, force: true });
  }

  if (options.json) writeFileSync(options.json, JSON.stringify(figures, null, 2));
  console.log(formatFigures(figures as unknown as Figures));
}

interface Figures {
  date: string;
  loadAverageAtStart: string;
  loadAverageAtEnd: string;
  rounds: number;
  seconds: number;
  connections: number;
  coldStartSeconds?: number;
  warmStart: { secondsToFirstAnswer: number; secondsToReadyLine: number };
  graph: { nodes: number; relationships: number; ties: number };
  sameAnswer: boolean;
  idleRssMiB: { node: number; jvm: number; rawNode: number };
  loadRssMiB: { node: number; jvm: number };
  throughput: Record<string, { requestsPerSecond: number; p50: number; p99: number; errors: number }>;
  ratios: { tie: number; clubs: number; tieRounds: number[]; clubsRounds: number[] };
  aliasedTies: { distinctTies: number; statements: Record<string, number>; millisecondsFor100: number; refusedOverHttp: string | null };
  explore: { connectionP50: number; neighbourhoodP50: number };
  responseCache: { requestsPerSecond: number; p50: number; p99: number; errors: number; ratio: number; ratioRounds: number[] };
  profile?: ReturnType<typeof summariseCpuProfiles> & { requests: number };
}

function formatFigures(f: Figures): string {
  const n = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
  const t = f.throughput;
  const row = (label: string, graphqlName: string, rawName: string, ratio: number) =>
    `${label.padEnd(28)} ${n(t[graphqlName]!.requestsPerSecond).padStart(7)} req/s  p50 ${n(t[graphqlName]!.p50).padStart(4)} ms  p99 ${n(t[graphqlName]!.p99).padStart(4)} ms` +
    ` | ${n(t[rawName]!.requestsPerSecond).padStart(7)} req/s  p50 ${n(t[rawName]!.p50).padStart(4)} ms  p99 ${n(t[rawName]!.p99).padStart(4)} ms | ${n(ratio, 2)}x`;
  const lines = [
    "",
    `PitchGraph bench, ${f.date}; load average ${f.loadAverageAtStart} at start, ${f.loadAverageAtEnd} at end (${os.cpus().length} cores)`,
    `graph: ${f.graph.nodes} nodes, ${f.graph.relationships} relationships, ${f.graph.ties} ties`,
    `medians of ${f.rounds} rounds of ${f.seconds} s at ${f.connections} connections; ratio = GraphQL/raw throughput, median of per-round ratios`,
    "",
    `${"".padEnd(28)} ${"GraphQL".padEnd(43)} | ${"raw neo4j-driver".padEnd(43)} | ratio`,
    row("README tie query", "graphqlTie", "rawTie", f.ratios.tie),
    row("clubs(limit: 10)", "graphqlClubs", "rawClubs", f.ratios.clubs),
    `  per-round ratios: tie ${f.ratios.tieRounds.map((r) => n(r, 2)).join(", ")}; clubs ${f.ratios.clubsRounds.map((r) => n(r, 2)).join(", ")}; same answer as GraphQL: ${f.sameAnswer ? "yes" : "NO"}`,
    `  errors or non-2xx: ${Object.entries(t).map(([name, r]) => `${name} ${r.errors}`).join(", ")}`,
    `${"README tie, response cache".padEnd(28)} ${n(f.responseCache.requestsPerSecond).padStart(7)} req/s  p50 ${n(f.responseCache.p50).padStart(4)} ms  p99 ${n(f.responseCache.p99).padStart(4)} ms` +
      ` | (raw as above, rounds of its own)${"".padEnd(10)} | ${n(f.responseCache.ratio, 2)}x (${f.responseCache.ratioRounds.map((r) => n(r, 2)).join(", ")}); errors ${f.responseCache.errors}`,
    "",
    `aliased tie(...) lookups (${f.aliasedTies.distinctTies} distinct ties): statements for 1 / 10 / 100 aliases: ${f.aliasedTies.statements[1]} / ${f.aliasedTies.statements[10]} / ${f.aliasedTies.statements[100]}; 100 aliases answer in ${f.aliasedTies.refusedOverHttp ? `(refused over HTTP: ${f.aliasedTies.refusedOverHttp})` : `${n(f.aliasedTies.millisecondsFor100)} ms (median of 5)`}`,
    `connection p50 ${n(f.explore.connectionP50, 1)} ms, neighbourhood (depth 2) p50 ${n(f.explore.neighbourhoodP50, 1)} ms (20 sequential requests each)`,
    `RSS idle: Node ${n(f.idleRssMiB.node)} MiB, JVM ${n(f.idleRssMiB.jvm)} MiB (raw server ${n(f.idleRssMiB.rawNode)} MiB); peak under load: Node ${n(f.loadRssMiB.node)} MiB, JVM ${n(f.loadRssMiB.jvm)} MiB`,
    `warm start to first answer ${n(f.warmStart.secondsToFirstAnswer, 1)} s ("Ready" line at ${n(f.warmStart.secondsToReadyLine, 1)} s)` +
      (f.coldStartSeconds === undefined ? "" : `; first start on the empty store (seeds) ${n(f.coldStartSeconds, 1)} s`),
  ];
  if (f.profile) {
    lines.push(
      "",
      `CPU profile of the GraphQL server under the tie load: ${n(f.profile.totalMilliseconds)} ms busy for ${n(f.profile.requests)} requests = ` +
        `${n(f.profile.totalMilliseconds / f.profile.requests, 2)} ms per request${f.profile.windowed ? "" : " (whole process life: the load window was not found)"}; self time by package:`,
    );
    for (const entry of f.profile.byPackage.slice(0, 12)) lines.push(`  ${n(entry.percent, 1).padStart(5)}%  ${entry.name}`);
    lines.push("  top functions:");
    for (const entry of f.profile.topFunctions.slice(0, 15)) lines.push(`  ${n(entry.percent, 1).padStart(5)}%  ${entry.name}`);
  }
  return lines.join("\n");
}

await main();
