/**
 * Starts one embedded Neo4j for the integration tests, on a fresh temporary store and a free
 * port, prepares it like the app does (constraints, seed graph) and hands its Bolt URI to the
 * tests. Tests never touch the developer's own .data/ store or a configured NEO4J_URI.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readConfig } from "../../src/config.ts";
import { Database } from "../../src/database/Database.ts";
import { ensureLauncherBuilt, startEmbeddedNeo4j } from "../../src/database/embeddedNeo4j.ts";
import { prepareDatabase } from "../../src/startPitchGraph.ts";

/** The openfootball files (data/openfootball/champions-league/<file>) the suite starts with. */
export const testOpenfootballFiles = ["2025-26/cl.txt"];

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    seedsDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-test-"));
  const { seedsDir } = readConfig({});
  await ensureLauncherBuilt();
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: "1g", pageCache: "128m" });
  const database = new Database({ uri: neo4j.uri });
  try {
    // The default graph's openfootball files cost a minute on a busy machine: the suite loads the
    // one its tests read (the 2025-26 Champions League, which the seeds share a tie with);
    // tests/defaultGraph.test.ts loads the rest through the same loader.
    await prepareDatabase(database, seedsDir, { openfootball: (file) => testOpenfootballFiles.includes(file) });
  } finally {
    await database.close();
  }
  project.provide("neo4jUri", neo4j.uri);
  project.provide("seedsDir", seedsDir);

  return async () => {
    const stopping = performance.now();
    await neo4j.stop();
    console.log(`[globalSetup] test Neo4j stopped in ${Math.round(performance.now() - stopping)} ms`);
    await rm(dataDir, { recursive: true, force: true });
  };
}
