/**
 * `npm start`: the main job. Starts Neo4j (embedded unless NEO4J_URI is set), loads the seed
 * graph when it changed, serves GraphQL, and shuts everything down cleanly on Ctrl-C/SIGTERM.
 */
import { databaseVariables, handleHelpAndVersion, oneLineError } from "./cli/commandLine.ts";
import { readConfig } from "./config.ts";
import { startPitchGraph } from "./startPitchGraph.ts";

handleHelpAndVersion(process.argv.slice(2), {
  usage: "npm start",
  summary:
    "Starts PitchGraph: Neo4j (embedded on PITCHGRAPH_DATA_DIR unless NEO4J_URI is set; restarted by itself if it dies), " +
    "the seed graph, and the GraphQL server at http://HOST:PORT/graphql. One server per data folder. Ctrl-C stops everything.",
  env: [...databaseVariables, "PITCHGRAPH_SEEDS_DIR", "PORT", "HOST"],
});

const log = (line: string) => console.log(`[pitchgraph] ${line}`);

async function main(): Promise<void> {
  const config = readConfig();
  const startedAt = performance.now();
  log(config.externalNeo4j ? `Connecting to Neo4j at ${config.externalNeo4j.uri}` : `Starting embedded Neo4j; data in ${config.dataDir}`);
  const app = await startPitchGraph(config, log);
  log(`Database: ${app.opened.database.description}`);
  log(app.seeds.loaded ? `Seed graph loaded from ${app.seeds.files.length} files in ${config.seedsDir}` : "Seed graph already up to date");
  const register = app.seeds.register;
  log(
    register.loaded
      ? `Club register loaded: ${register.clubs} clubs, ${register.aliases} aliases, ${register.stadiums} stadiums, ` +
          `${register.linked.length} seed clubs joined, in ${register.seconds.toFixed(1)} s`
      : "Club register already up to date",
  );
  const openfootball = app.seeds.openfootball;
  log(
    openfootball.loaded.length
      ? `openfootball: ${openfootball.loaded.length} Football.TXT files loaded in ${openfootball.seconds.toFixed(1)} s ` +
          `(${openfootball.counts.nodes} nodes + ${openfootball.counts.relationships} relationships = ` +
          `${Math.round((openfootball.counts.nodes + openfootball.counts.relationships) / openfootball.seconds)} facts/s; ` +
          `${openfootball.corroborated} matches also in other sources, ${openfootball.conflicts.length} conflicts), ${openfootball.unchanged.length} unchanged`
      : `openfootball: ${openfootball.unchanged.length} Football.TXT files already up to date`,
  );
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
  app.opened.database.onAvailabilityChange(({ available, reason }) =>
    log(available ? `Database available again (${reason})` : `Database unavailable: ${reason}; requests fail fast until it is back`),
  );
}

main().catch((error: unknown) => {
  console.error(oneLineError("[pitchgraph] Failed to start", error));
  process.exit(1);
});
