/**
 * Starts one embedded Neo4j for the integration tests, on a fresh temporary store and a free
 * port, prepares it like the app does (constraints, seed graph) and hands its Bolt URI and
 * credentials to the tests. Tests never touch the developer's own .data/ store or a configured
 * NEO4J_URI.
 *
 * External server (CI's second run, docs in the README): PITCHGRAPH_TEST_NEO4J_URI, with
 * PITCHGRAPH_TEST_NEO4J_USER / PITCHGRAPH_TEST_NEO4J_PASSWORD, points the suite at a server of
 * its own instead. Only these test-only variables count, never NEO4J_URI: the suite writes and
 * deletes, so the database must be empty when it starts, and is emptied again at the end.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readConfig } from "../../src/config.ts";
import { Database } from "../../src/database/Database.ts";
import { ensureLauncherBuilt, startEmbeddedNeo4j } from "../../src/database/embeddedNeo4j.ts";
import { openDatabase } from "../../src/database/openDatabase.ts";
import { prepareDatabase } from "../../src/startPitchGraph.ts";
import type { TestNeo4j } from "./testDatabase.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
    seedsDir: string;
  }
}

export default async function setup(project: TestProject) {
  const { seedsDir } = readConfig({});
  project.provide("seedsDir", seedsDir);
  const externalUri = process.env.PITCHGRAPH_TEST_NEO4J_URI?.trim();
  return externalUri ? useExternalServer(project, externalUri, seedsDir) : startOwnServer(project, seedsDir);
}

async function startOwnServer(project: TestProject, seedsDir: string) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-test-"));
  await ensureLauncherBuilt();
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: "1g", pageCache: "128m" });
  const database = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    // The whole default graph, as `npm start` serves it: every test sees the same graph whatever
    // order the files run in (a test that loaded more openfootball files midway changed what
    // later tests saw).
    await prepareDatabase(database, seedsDir);
  } finally {
    await database.close();
  }
  project.provide("neo4j", { uri: neo4j.uri, user: neo4j.user, password: neo4j.password });

  return async () => {
    const stopping = performance.now();
    await neo4j.stop();
    console.log(`[globalSetup] test Neo4j stopped in ${Math.round(performance.now() - stopping)} ms`);
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** Through the app's own external-server path (readConfig + openDatabase), as `npm start` with NEO4J_URI. */
async function useExternalServer(project: TestProject, uri: string, seedsDir: string) {
  const env = process.env;
  const connection: TestNeo4j = {
    uri,
    user: env.PITCHGRAPH_TEST_NEO4J_USER ?? "neo4j",
    password: env.PITCHGRAPH_TEST_NEO4J_PASSWORD ?? "",
    databaseName: env.PITCHGRAPH_TEST_NEO4J_DATABASE || undefined,
  };
  const config = readConfig({ NEO4J_URI: uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.databaseName });
  const opened = await openDatabase(config);
  try {
    const [row] = await opened.database.read<{ nodes: number }>("MATCH (n) RETURN count(n) AS nodes");
    const nodes = row?.nodes ?? 0;
    if (nodes > 0) {
      throw new Error(
        `PITCHGRAPH_TEST_NEO4J_URI=${uri} holds ${nodes} nodes. The integration tests write and delete, so they only run on an empty database: ` +
          `start a fresh server for them (see the README, "Tests against a separate Neo4j server").`,
      );
    }
    await prepareDatabase(opened.database, seedsDir);
  } finally {
    await opened.close();
  }
  console.log(`[globalSetup] integration tests against the external Neo4j at ${uri}`);
  project.provide("neo4j", connection);

  return async () => {
    const cleaning = await openDatabase(config);
    try {
      // In batches: one transaction for a whole imported history could exceed the transaction memory limit.
      for (;;) {
        const [row] = await cleaning.database.write<{ deleted: number }>("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted");
        if (!row?.deleted) break;
      }
    } finally {
      await cleaning.close();
    }
  };
}
