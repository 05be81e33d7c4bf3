/**
 * Starts everything the main job needs, in order: the database (external or embedded), the
 * compatibility check, constraints and indexes, the seed graph, then the GraphQL server.
 */
import type { Config } from "./config.ts";
import { applyConstraints } from "./database/applyConstraints.ts";
import type { Database } from "./database/Database.ts";
import { openDatabase, type OpenedDatabase } from "./database/openDatabase.ts";
import { checkDatabaseCompatibility, createSchema } from "./graphql/createSchema.ts";
import { loadOpenfootball, type OpenfootballLoadResult, type OpenfootballSelection } from "./defaultGraph/loadOpenfootball.ts";
import { loadClubRegister, type RegisterLoadResult } from "./identity/register/loadClubRegister.ts";
import { loadSeeds, type SeedLoadResult } from "./seeds/loadSeeds.ts";
import { startServer, type RunningServer } from "./server/startServer.ts";
import { ruleSetIdFor } from "./ties/ruleSetIdFor.ts";

export interface PreparedDatabase extends SeedLoadResult {
  register: RegisterLoadResult;
  /** The openfootball files of the default graph (data/openfootball), each loaded when its hash changed. */
  openfootball: OpenfootballLoadResult;
}

/**
 * Makes a freshly opened database ready: checks it, applies constraints, loads changed seeds,
 * then the club register if it (or the clubs it links to) changed, then the default graph's
 * openfootball files that changed (after the register, so their names resolve against it).
 * `openfootball` picks the files (default all; the integration tests load only the few they need).
 */
export async function prepareDatabase(
  database: Database,
  seedsDir: string,
  options: { openfootball?: OpenfootballSelection } = {},
): Promise<PreparedDatabase> {
  await checkDatabaseCompatibility(database);
  await applyConstraints(database);
  const seeds = await loadSeeds(database, seedsDir, ruleSetIdFor);
  // After the seeds, so that a seed club and its register row become one node (loadClubRegister).
  const register = await loadClubRegister(database);
  const openfootball = await loadOpenfootball(database, options.openfootball ?? "all");
  return { ...seeds, register, openfootball };
}

export interface PitchGraph {
  opened: OpenedDatabase;
  server: RunningServer;
  seeds: PreparedDatabase;
  stop(): Promise<void>;
}

export async function startPitchGraph(config: Config, log: (line: string) => void = () => {}): Promise<PitchGraph> {
  const opened = await openDatabase(config, log, { role: "server" });
  try {
    const seeds = await prepareDatabase(opened.database, config.seedsDir);
    const schema = await createSchema(opened.database);
    const server = await startServer({ schema, database: opened.database, port: config.port, host: config.host });
    return {
      opened,
      server,
      seeds,
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
