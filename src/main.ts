/**
 * `npm start`: the main job. Starts Neo4j (embedded unless NEO4J_URI is set), loads the seed
 * graph when it changed, serves GraphQL, and shuts everything down cleanly on Ctrl-C/SIGTERM.
 */
import { readConfig } from "./config.ts";
import { startPitchGraph } from "./startPitchGraph.ts";

const log = (line: string) => console.log(`[pitchgraph] ${line}`);

async function main(): Promise<void> {
  const config = readConfig();
  const startedAt = performance.now();
  log(config.externalNeo4j ? `Connecting to Neo4j at ${config.externalNeo4j.uri}` : `Starting embedded Neo4j; data in ${config.dataDir}`);
  const app = await startPitchGraph(config, log);
  log(`Database: ${app.opened.database.description}`);
  log(app.seeds.loaded ? `Seed graph loaded from ${app.seeds.files.length} files in ${config.seedsDir}` : "Seed graph already up to date");
  log(`GraphQL (and GraphiQL for browsers) at ${app.server.url}`);
  log(`Graph explorer at ${app.server.url.replace(/\/graphql$/, "/explore")}`);
  log(`Ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: ${app.phases.map(({ phase, seconds }) => `${phase} ${seconds.toFixed(1)} s`).join(", ")}. Ctrl-C stops the server and the database.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[pitchgraph] Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
