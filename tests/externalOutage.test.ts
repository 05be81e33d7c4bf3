/**
 * An external Neo4j (NEO4J_URI) that dies and comes back: the app does not own it, so it cannot
 * restart it, but it must fail fast while it is gone and recover by itself when it returns,
 * with the same Database (same driver) and no process restart. The "server" is a launcher JVM of
 * this test's own, on a temporary store, reached through the app's NEO4J_URI path.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readConfig } from "../src/config.ts";
import type { AvailabilityChange } from "../src/database/Database.ts";
import { DatabaseUnavailableError } from "../src/database/DatabaseUnavailableError.ts";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../src/database/embeddedNeo4j.ts";
import { openDatabase, type OpenedDatabase } from "../src/database/openDatabase.ts";
import { createContext } from "../src/graphql/context.ts";
import { createSchema } from "../src/graphql/createSchema.ts";
import { graphql, type GraphQLSchema } from "graphql";

const small = { heap: "512m", pageCache: "64m" };
let dataDir: string;
let server: EmbeddedNeo4j;
let opened: OpenedDatabase;
let schema: GraphQLSchema;
const changes: AvailabilityChange[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-external-"));
  server = await startEmbeddedNeo4j({ dataDir, boltPort: 0, ...small });
  opened = await openDatabase(readConfig({ NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password }));
  opened.database.onAvailabilityChange((change) => changes.push(change));
  schema = await createSchema(opened.database);
  await opened.database.write("CREATE (:Club {id: 'club:outage-probe', name: 'Outage Probe'})");
}, 240_000);

afterAll(async () => {
  await opened?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 120_000);

const timed = async (work: () => Promise<unknown>) => {
  const startedAt = performance.now();
  const outcome = await work().then(
    () => "ok",
    (error: unknown) => error,
  );
  return { outcome, ms: performance.now() - startedAt };
};

test("ping answers with the round-trip time while the server is up", async () => {
  const ms = await opened.database.ping(1_000);
  expect(ms).toBeGreaterThan(0);
  expect(ms).toBeLessThan(1_000);
});

test("while the server is down, the seam and @neo4j/graphql fail within 1 s with DatabaseUnavailableError; then recover by themselves", async () => {
  const database = opened.database;
  process.kill(server.pid, "SIGKILL");
  await server.exited;

  const seam = await timed(() => database.read("MATCH (c:Club) RETURN count(c) AS clubs"));
  expect(seam.outcome).toBeInstanceOf(DatabaseUnavailableError);
  expect(seam.ms).toBeLessThan(1_000);
  expect(database.isAvailable()).toBe(false);

  const generated = await timed(async () => {
    const result = await graphql({ schema, source: "{ clubs(limit: 1) { id } }", contextValue: createContext(database) });
    if (result.errors?.length) throw result.errors[0];
  });
  expect((generated.outcome as { originalError?: unknown }).originalError).toBeInstanceOf(DatabaseUnavailableError);
  expect((generated.outcome as { extensions?: { code?: string } }).extensions?.code).toBe("DATABASE_UNAVAILABLE");
  expect(generated.ms).toBeLessThan(1_000);

  const ping = await timed(() => database.ping(500));
  expect(ping.outcome).toBeInstanceOf(DatabaseUnavailableError);
  expect(ping.ms).toBeLessThan(1_000);

  // The server comes back on the same port and store: the seam's probe notices, no new driver.
  server = await startEmbeddedNeo4j({ dataDir, boltPort: server.boltPort, ...small });
  // The probe runs every 500 ms; a freshly started JVM on a busy machine can take many seconds to answer its first query.
  const deadline = Date.now() + 60_000;
  while (!database.isAvailable() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(database.isAvailable()).toBe(true);
  expect(await database.read("MATCH (c:Club {id: 'club:outage-probe'}) RETURN c.name AS name")).toEqual([{ name: "Outage Probe" }]);
  const result = await graphql({ schema, source: "{ clubs(limit: 5) { id } }", contextValue: createContext(database) });
  expect(result.errors).toBeUndefined();
  expect(changes.map((change) => change.available)).toEqual([false, true]);
}, 240_000);
