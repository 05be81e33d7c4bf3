/**
 * `npm run neo4j:server`: the embedded Neo4j launcher as a stand-alone Neo4j server, with auth on,
 * for anything that wants a server of its own: the app through NEO4J_URI (as with a real server),
 * CI's second integration run (PITCHGRAPH_TEST_NEO4J_URI), Neo4j Browser or cypher-shell. Prints
 * the URI, the user and where the password is; runs until Ctrl-C/SIGTERM; restarts Neo4j if it dies.
 */
import path from "node:path";
import { readConfig } from "../config.ts";
import { BOLT_PASSWORD_FILE_NAME } from "../database/embeddedNeo4j.ts";
import { acquireServerLock } from "../database/serverLock.ts";
import { superviseEmbeddedNeo4j } from "../database/superviseEmbeddedNeo4j.ts";
import { handleHelpAndVersion, oneLineError } from "./commandLine.ts";

handleHelpAndVersion(process.argv.slice(2), {
  usage: "npm run neo4j:server",
  summary:
    "Runs Neo4j 5.26 + APOC (the embedded launcher) as a separate server on 127.0.0.1 with auth on, until Ctrl-C. " +
    "Prints NEO4J_URI and NEO4J_USER; the password is in <PITCHGRAPH_DATA_DIR>/bolt-password.",
  env: ["PITCHGRAPH_DATA_DIR", "PITCHGRAPH_BOLT_PORT", "PITCHGRAPH_NEO4J_HEAP", "PITCHGRAPH_NEO4J_PAGECACHE"],
});

try {
  const config = readConfig();
  const lock = await acquireServerLock(config.dataDir);
  const server = await superviseEmbeddedNeo4j({
    dataDir: config.dataDir,
    boltPort: config.boltPort,
    heap: config.neo4jHeap,
    pageCache: config.neo4jPageCache,
    onLog: (line) => console.error(line),
  });
  console.log(`NEO4J_URI=${server.uri}`);
  console.log(`NEO4J_USER=${server.user}`);
  console.log(`NEO4J_PASSWORD is in ${path.join(server.dataDir, BOLT_PASSWORD_FILE_NAME)}`);
  const stop = () => {
    void server
      .stop()
      .then(() => lock.release())
      .then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(oneLineError("neo4j:server", error));
  process.exit(1);
}
