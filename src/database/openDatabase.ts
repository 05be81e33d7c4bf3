/**
 * Opens the database the app uses: the server named by NEO4J_URI, or else the embedded Neo4j
 * on the project's data folder — joining an instance another PitchGraph process already runs
 * there (the store allows one owner), or starting one.
 */
import type { Config } from "../config.ts";
import { Database } from "./Database.ts";
import { ensureLauncherBuilt, findRunningEmbeddedNeo4j, startEmbeddedNeo4j, type EmbeddedNeo4j } from "./embeddedNeo4j.ts";

export interface OpenedDatabase {
  database: Database;
  /** The embedded Neo4j this process started, if any; closing stops it. */
  embedded: EmbeddedNeo4j | null;
  /** Closes the driver and stops the embedded Neo4j this process started. */
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: (line: string) => void = () => {}): Promise<OpenedDatabase> {
  if (config.externalNeo4j) {
    const { uri, user, password, database: databaseName } = config.externalNeo4j;
    const database = new Database({ uri, user, password, databaseName, description: uri });
    await database.verifyConnectivity();
    return { database, embedded: null, close: () => database.close() };
  }

  const running = await findRunningEmbeddedNeo4j(config.dataDir);
  if (running) {
    log(`Using the embedded Neo4j already running on ${config.dataDir} (pid ${running.pid}, ${running.uri})`);
    const database = new Database({ uri: running.uri, description: `${running.uri} (embedded store at ${config.dataDir})` });
    await database.verifyConnectivity();
    return { database, embedded: null, close: () => database.close() };
  }

  await ensureLauncherBuilt(log);
  const embedded = await startEmbeddedNeo4j({
    dataDir: config.dataDir,
    boltPort: config.boltPort,
    heap: config.neo4jHeap,
    pageCache: config.neo4jPageCache,
  });
  const database = new Database({ uri: embedded.uri, description: `${embedded.uri} (embedded store at ${config.dataDir})` });
  try {
    await database.verifyConnectivity();
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return {
    database,
    embedded,
    close: async () => {
      await database.close();
      await embedded.stop();
    },
  };
}
