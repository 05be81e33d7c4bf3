/**
 * Starts PitchGraph as a user does (`src/main.ts`, the code behind `npm start`) in a child
 * process on a bench store and bench ports, never on a developer's .data/; and reads the
 * resident memory of it and of its Neo4j JVM. Linux only (/proc).
 */
import neo4j, { type Driver } from "neo4j-driver";
import { BOLT_PASSWORD_FILE_NAME, BOLT_USER } from "../src/database/embeddedNeo4j.ts";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../src/config.ts";

export const readmeTieQuery = `{
  tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta") {
    stage
    legs {
      date
      homeClub { name }
      awayClub { name }
      homeScore
      awayScore
      stadium { name }
      goals { minute scorer { name } club { name } sources { id } }
    }
    outcome { winner { name } decidedBy explanation aggregate { club { name } goals } }
  }
}`;

export interface BenchStore {
  dataDir: string;
  httpPort: number;
  boltPort: number;
}

export interface RunningPitchGraph {
  process: ChildProcess;
  graphqlUrl: string;
  boltUri: string;
  /** The embedded Neo4j's Bolt login (the store's bolt-password file). */
  boltAuth: { user: string; password: string };
  /** From spawning `src/main.ts` to the README query's first correct answer. */
  secondsToFirstAnswer: number;
  /** From spawning to the "Ready" line. */
  secondsToReady: number;
  /** The process's output so far. */
  log: string[];
  stop(): Promise<void>;
}

export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: { message: string }[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

/**
 * Starts src/main.ts; resolves when the README query answers "win 4-3". `nodeFlags` e.g.
 * ["--cpu-prof"]; `env` adds settings (PITCHGRAPH_RESPONSE_CACHE_SECONDS).
 */
export async function startPitchGraphProcess(store: BenchStore, nodeFlags: string[] = [], env: Record<string, string> = {}): Promise<RunningPitchGraph> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join("src", "main.ts")], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: "",
      PITCHGRAPH_DATA_DIR: store.dataDir,
      PITCHGRAPH_BOLT_PORT: String(store.boltPort),
      PORT: String(store.httpPort),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  let readyAt: number | null = null;
  let exited: string | null = null;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      log.push(line);
      if (readyAt === null && line.includes("] Ready in")) readyAt = performance.now();
    });
  }
  child.on("exit", (code, signal) => (exited = `exited with ${code ?? signal}`));
  const graphqlUrl = `http://127.0.0.1:${store.httpPort}/graphql`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await done;
  };
  for (const deadline = started + 600_000; performance.now() < deadline; ) {
    if (exited) throw new Error(`PitchGraph ${exited}:\n${log.slice(-30).join("\n")}`);
    if (readyAt !== null || log.some((line) => line.includes("GraphQL (and GraphiQL"))) {
      const answer = await postGraphQL(graphqlUrl, readmeTieQuery).catch(() => null);
      if (answer?.data?.tie?.outcome?.explanation?.includes("win 4-3")) {
        const secondsToFirstAnswer = (performance.now() - started) / 1000;
        const instance = embeddedInstance(store.dataDir);
        return {
          process: child,
          graphqlUrl,
          boltUri: instance.uri,
          boltAuth: boltAuthOf(store.dataDir),
          secondsToFirstAnswer,
          secondsToReady: ((readyAt ?? performance.now()) - started) / 1000,
          log,
          stop,
        };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`PitchGraph did not answer the README query within 10 minutes:\n${log.slice(-30).join("\n")}`);
}

/** The Bolt login of the embedded Neo4j serving `dataDir` (docs/decisions/010-database-outage-and-bolt-auth.md). */
export function boltAuthOf(dataDir: string): { user: string; password: string } {
  return { user: BOLT_USER, password: readFileSync(path.join(dataDir, BOLT_PASSWORD_FILE_NAME), "utf8").trim() };
}

/** A driver logged in to a bench PitchGraph's Neo4j. */
export function benchDriver(app: Pick<RunningPitchGraph, "boltUri" | "boltAuth">): Driver {
  return neo4j.driver(app.boltUri, neo4j.auth.basic(app.boltAuth.user, app.boltAuth.password), { disableLosslessIntegers: true });
}

/** The embedded Neo4j's instance file (src/database/embeddedNeo4j.ts writes it while it runs). */
export function embeddedInstance(dataDir: string): { uri: string; pid: number } {
  const record = JSON.parse(readFileSync(path.join(dataDir, "embedded-neo4j.json"), "utf8")) as { boltUri: string; pid: number };
  return { uri: record.boltUri, pid: record.pid };
}

/** Resident set size of a process in MiB (VmRSS), or NaN when it is gone. */
export function rssMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib ? Number(kib) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The load average over the last minute, as `uptime` prints it. */
export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

/** Nodes, relationships and ties in the graph of the running PitchGraph (logged in as the bench is). */
export async function graphSize(app: Pick<RunningPitchGraph, "boltUri" | "boltAuth">): Promise<{ nodes: number; relationships: number; ties: number }> {
  const driver = benchDriver(app);
  try {
    const { records } = await driver.executeQuery(
      `CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       CALL () { MATCH (t:Tie) RETURN count(t) AS ties } RETURN nodes, relationships, ties`,
    );
    return records[0]!.toObject() as { nodes: number; relationships: number; ties: number };
  } finally {
    await driver.close();
  }
}
