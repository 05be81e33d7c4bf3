/**
 * Opens the database the app uses: the server named by NEO4J_URI, or else the embedded Neo4j on
 * the data folder.
 *
 * - The server (`role: "server"`, npm start) owns the folder: it takes the server lock
 *   (serverLock.ts), starts the embedded Neo4j under supervision (restarted after a crash) and
 *   refuses a folder another process is using.
 * - Commands (`role: "client"`, npm run import / conformance) join the Neo4j a running server
 *   serves on that folder, through Bolt with the password in `<dataDir>/bolt-password`, or start
 *   their own for as long as they run.
 */
import type { Config } from "../config.ts";
import { Database, type DatabaseOptions } from "./Database.ts";
import {
  BOLT_PASSWORD_FILE_NAME,
  BOLT_USER,
  ensureLauncherBuilt,
  findRunningEmbeddedNeo4j,
  readBoltPassword,
  startEmbeddedNeo4j,
} from "./embeddedNeo4j.ts";
import { acquireServerLock, DataDirInUseError, findServerLockHolder } from "./serverLock.ts";
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from "./superviseEmbeddedNeo4j.ts";

export interface OpenedDatabase {
  database: Database;
  /** The supervised embedded Neo4j this process runs (role "server" only), if any. */
  embedded: SupervisedNeo4j | null;
  /** Closes the driver and stops the embedded Neo4j this process started. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** "server" owns the data folder and supervises its Neo4j; "client" (default) may join a running one. */
  role?: "server" | "client";
  /** Driver settings over the seam's defaults (pool size, connection acquisition timeout, ...). */
  driverConfig?: DatabaseOptions["driverConfig"];
}

export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => {},
  { role = "client", driverConfig }: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  if (config.externalNeo4j) {
    const { uri, user, password, database: databaseName } = config.externalNeo4j;
    const database = new Database({ uri, user, password, databaseName, description: uri, onLog: log, driverConfig });
    await database.verifyConnectivity();
    return { database, embedded: null, close: () => database.close() };
  }
  const dataDir = config.dataDir;
  const description = (uri: string) => `${uri} (embedded store at ${dataDir})`;

  if (role === "client") {
    const running = await findRunningEmbeddedNeo4j(dataDir);
    if (running) {
      log(`Using the embedded Neo4j already running on ${dataDir} (pid ${running.pid}, ${running.uri})`);
      const password = await readBoltPassword(dataDir);
      if (password === null) throw new Error(`No ${BOLT_PASSWORD_FILE_NAME} in ${dataDir}: cannot log in to the embedded Neo4j at ${running.uri}`);
      const database = new Database({ uri: running.uri, user: BOLT_USER, password, description: description(running.uri), onLog: log, driverConfig });
      await database.verifyConnectivity();
      return { database, embedded: null, close: () => database.close() };
    }
    const server = await findServerLockHolder(dataDir);
    if (server !== null) {
      throw new DataDirInUseError(
        `The PitchGraph server (pid ${server}) owns ${dataDir} but its database is not answering right now (restarting?). Try again in a few seconds.`,
        server,
      );
    }
    await ensureLauncherBuilt(log);
    const embedded = await startEmbeddedNeo4j({ dataDir, boltPort: config.boltPort, heap: config.neo4jHeap, pageCache: config.neo4jPageCache });
    const database = new Database({ uri: embedded.uri, user: embedded.user, password: embedded.password, description: description(embedded.uri), onLog: log, driverConfig });
    return withCleanup(database, null, () => embedded.stop());
  }

  const lock = await acquireServerLock(dataDir);
  try {
    const running = await findRunningEmbeddedNeo4j(dataDir);
    if (running) {
      throw new DataDirInUseError(
        `The embedded Neo4j on ${dataDir} is in use by another process (Neo4j pid ${running.pid}, ${running.uri}; an npm run import?). ` +
          `Wait for it to finish, or set PITCHGRAPH_DATA_DIR to another folder.`,
        running.pid,
      );
    }
    await ensureLauncherBuilt(log);
    let database: Database | null = null;
    const embedded = await superviseEmbeddedNeo4j({
      dataDir,
      boltPort: config.boltPort,
      heap: config.neo4jHeap,
      pageCache: config.neo4jPageCache,
      onLog: (line) => {
        if (/^(restart|embedded Neo4j (restarted|\(pid \d+\) exited))/.test(line)) log(line);
      },
      onDown: (reason) => database?.markUnavailable(reason),
      onUp: () => database?.markAvailable("embedded Neo4j restarted"),
    });
    database = new Database({ uri: embedded.uri, user: embedded.user, password: embedded.password, description: description(embedded.uri), onLog: log, driverConfig });
    return withCleanup(database, embedded, async () => {
      await embedded.stop();
      await lock.release();
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function withCleanup(database: Database, embedded: SupervisedNeo4j | null, stop: () => Promise<void>): Promise<OpenedDatabase> {
  try {
    await database.verifyConnectivity();
  } catch (error) {
    await database.close();
    await stop();
    throw error;
  }
  return {
    database,
    embedded,
    close: async () => {
      await database.close();
      await stop();
    },
  };
}
