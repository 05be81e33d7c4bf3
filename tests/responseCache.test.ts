/**
 * The response cache (src/server/responseCache.ts; off by default, PITCHGRAPH_RESPONSE_CACHE_SECONDS):
 * a repeated query is answered without Cypher, and every write empties it — the server's own
 * (the Database seam) and another process's (seen by the count poll).
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "../src/database/Database.ts";
import { createSchema } from "../src/graphql/createSchema.ts";
import { startServer, type RunningServer } from "../src/server/startServer.ts";
import { countingDriver, type QueryCounter } from "./support/countingDriver.ts";
import { openTestDatabase } from "./support/testDatabase.ts";

const counter: QueryCounter = { count: 0, cypher: [] };
let database: Database;
let other: Database;
let server: RunningServer;

beforeAll(async () => {
  database = openTestDatabase({ wrapDriver: (driver) => countingDriver(driver, counter) });
  other = openTestDatabase();
  server = await startServer({ schema: await createSchema(database), database, port: 0, host: "127.0.0.1", settings: { logLevel: "silent", responseCacheSeconds: 60 } });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await other?.close();
  await database?.close();
});

/** Statements a request sent, leaving out the cache's own count poll. */
async function statementsFor(query: string): Promise<{ statements: number; body: unknown }> {
  const before = counter.cypher.length;
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = await response.json();
  const statements = counter.cypher.slice(before).filter((cypher) => !cypher.includes("count(r) AS relationships")).length;
  return { statements, body };
}

const query = `{ clubs(limit: 3, sort: [{ id: ASC }]) { id name } }`;

test("a repeated query is answered from the cache, and a write empties it", async () => {
  const first = await statementsFor(query);
  expect(first.statements).toBeGreaterThan(0);
  const repeated = await statementsFor(query);
  expect(repeated.statements).toBe(0);
  expect(repeated.body).toEqual(first.body);

  // A write through the server's own Database seam.
  await database.write("RETURN 1");
  expect((await statementsFor(query)).statements).toBeGreaterThan(0);
  expect((await statementsFor(query)).statements).toBe(0);

  // Another process's write (another driver): seen by the count poll within its second.
  await other.write("CREATE (:ResponseCacheProbe {id: 'probe'})");
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await statementsFor(query)).statements).toBeGreaterThan(0);
  } finally {
    await other.write("MATCH (n:ResponseCacheProbe) DELETE n");
  }
});

test("answers with errors are not cached", async () => {
  const missing = `{ neighbourhood(id: "player:nobody-at-all") { total } }`;
  const first = await statementsFor(missing);
  expect((first.body as { errors?: unknown[] }).errors).toBeDefined();
  expect((await statementsFor(missing)).statements).toBe(first.statements);
});
