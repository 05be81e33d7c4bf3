/**
 * Starts everything the main job needs, in order: the database (external or embedded), the
 * compatibility check, constraints and indexes, the seed graph, the GraphQL server, then one
 * first query (src/server/warmUp.ts), so that "Ready" means the first answer comes at once.
 */
import type { Config } from "./config.ts";
import { applyConstraints } from "./database/applyConstraints.ts";
import { rollBackAbandonedImports } from "./importing/importRun.ts";
import type { Database } from "./database/Database.ts";
import { ensureLauncherBuilt } from "./database/embeddedNeo4j.ts";
import { openDatabase, type OpenedDatabase } from "./database/openDatabase.ts";
import { loadOpenfootball, type OpenfootballLoadResult, type OpenfootballSelection } from "./defaultGraph/loadOpenfootball.ts";
import { loadClubRegister, type RegisterLoadResult } from "./identity/register/loadClubRegister.ts";
import { checkDatabaseCompatibility, createSchema } from "./graphql/createSchema.ts";
import { loadSeeds, type SeedLoadResult } from "./seeds/loadSeeds.ts";
import { assertPortFree } from "./server/assertPortFree.ts";
import { startServer, type RunningServer } from "./server/startServer.ts";
import { warmUp } from "./server/warmUp.ts";
import { ruleSetIdFor } from "./ties/ruleSetIdFor.ts";

export interface PreparedDatabase extends SeedLoadResult {
  register: RegisterLoadResult;
  /** The openfootball files of the default graph (data/openfootball), each loaded when its hash changed. */
  openfootball: OpenfootballLoadResult;
}

/** Runs one phase of the start; the app's start times each phase with it. */
type Timed = <T>(phase: string, work: () => Promise<T>) => Promise<T>;
const untimed: Timed = (_phase, work) => work();

/**
 * Makes a freshly opened database ready: checks it, applies constraints, loads changed seeds,
 * then the club register if it (or the clubs it links to) changed, then the default graph's
 * openfootball files that changed (after the register, so their names resolve against it).
 * `openfootball` picks the files (default all; the integration tests load only the few they need);
 * `timed` times each phase (the app's start log prints them).
 */
export async function prepareDatabase(
  database: Database,
  seedsDir: string,
  options: { openfootball?: OpenfootballSelection; timed?: Timed } = {},
): Promise<PreparedDatabase> {
  const timed = options.timed ?? untimed;
  await timed("checks, constraints and indexes", async () => {
    await checkDatabaseCompatibility(database);
    await applyConstraints(database);
    // A batched import whose process died half-way (docs/decisions/012-imports-in-batches.md).
    await rollBackAbandonedImports(database);
  });
  const seeds = await timed("seed data load", () => loadSeeds(database, seedsDir, ruleSetIdFor));
  // After the seeds, so that a seed club and its register row become one node (loadClubRegister).
  const register = await timed("club register load", () => loadClubRegister(database));
  const openfootball = await timed("openfootball matches load", () => loadOpenfootball(database, options.openfootball ?? "all"));
  return { ...seeds, register, openfootball };
}

export interface PitchGraph {
  opened: OpenedDatabase;
  server: RunningServer;
  seeds: PreparedDatabase;
  /** Where the start-up time went, phase by phase (the start log prints it; the README's "First start" too). */
  phases: { phase: string; seconds: number }[];
  stop(): Promise<void>;
}

export async function startPitchGraph(config: Config, log: (line: string) => void = () => {}): Promise<PitchGraph> {
  await assertPortFree(config.host, config.port);
  const phases: PitchGraph["phases"] = [];
  const timed: Timed = async (phase, work) => {
    const started = performance.now();
    const result = await work();
    phases.push({ phase, seconds: (performance.now() - started) / 1000 });
    return result;
  };
  // Built here first only to time it apart from the start (openDatabase finds it up to date).
  if (!config.externalNeo4j) await timed("launcher build (Maven downloads on a first build)", () => ensureLauncherBuilt(log));
  const opened = await timed(config.externalNeo4j ? "connecting to Neo4j" : "Neo4j start (store creation on a first start)", () =>
    openDatabase(config, log, { role: "server" }),
  );
  try {
    const seeds = await prepareDatabase(opened.database, config.seedsDir, { timed });
    // Not built beside the Neo4j start: tried, and on two busy cores the JVM's start slowed by
    // more than the schema's build time (docs/benchmarks.md, "Start and memory").
    const schema = await timed("GraphQL schema", () => createSchema(opened.database));
    const server = await timed("HTTP server", () =>
      startServer({ schema, database: opened.database, port: config.port, host: config.host, settings: config.http }),
    );
    try {
      const ownUrl = server.url.replace("//localhost:", "//127.0.0.1:");
      const warmed = await timed("first query (the README's tie)", () => warmUp(ownUrl, (index) => index === 0));
      if (warmed.failed) log("The first GraphiQL example did not answer at start (see the log above); serving anyway");
      // The same after an outage (a restarted Neo4j, a server back on the network): requests get
      // DATABASE_UNAVAILABLE at once until it has answered, instead of waiting out their deadline.
      opened.database.setWarmUpAfterOutage(() => warmUp(ownUrl, (index) => index === 0, { "x-pitchgraph-warm-up": opened.database.warmUpToken }));
    } catch (error) {
      await server.stop();
      throw error;
    }
    return {
      opened,
      server,
      seeds,
      phases,
      stop: async () => {
        await server.stop();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
