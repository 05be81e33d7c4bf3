/**
 * Starts everything the main job needs, in order: the database (external or embedded), the
 * compatibility check, constraints and indexes, the seed graph, then the GraphQL server.
 */
import type { Config } from "./config.ts";
import { applyConstraints } from "./database/applyConstraints.ts";
import type { Database } from "./database/Database.ts";
import { openDatabase, type OpenedDatabase } from "./database/openDatabase.ts";
import { checkDatabaseCompatibility, createSchema } from "./graphql/createSchema.ts";
import { loadSeeds, type SeedLoadResult } from "./seeds/loadSeeds.ts";
import { startServer, type RunningServer } from "./server/startServer.ts";
import { ruleSetIdFor } from "./ties/ruleSetIdFor.ts";

/** Makes a freshly opened database ready: checks it, applies constraints, loads changed seeds. */
export async function prepareDatabase(database: Database, seedsDir: string): Promise<SeedLoadResult> {
  await checkDatabaseCompatibility(database);
  await applyConstraints(database);
  return loadSeeds(database, seedsDir, ruleSetIdFor);
}

export interface PitchGraph {
  opened: OpenedDatabase;
  server: RunningServer;
  seeds: SeedLoadResult;
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
