/**
 * The abuse of issue 9, against the real server and the real embedded Neo4j: each abusive kind is
 * refused before any Cypher runs (counted with countingDriver), or stopped at the request's
 * deadline with its transaction terminated in Neo4j (SHOW TRANSACTIONS); a client that goes away
 * stops its work; one request holds a bounded share of the connections; /healthz keeps
 * answering. Timings are measured by scripts/benchAbuse.ts, not asserted here.
 */
import { GraphQLError, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { Database } from "../src/database/Database.ts";
import { DatabaseUnavailableError } from "../src/database/DatabaseUnavailableError.ts";
import type { PitchGraphContext } from "../src/graphql/context.ts";
import { createSchema } from "../src/graphql/createSchema.ts";
import { RequestScope } from "../src/server/RequestScope.ts";
import { Semaphore } from "../src/server/Semaphore.ts";
import { startServer, type RunningServer } from "../src/server/startServer.ts";
import { aliasesOfNeighbourhood, nestedFilter, nestedMatches } from "./support/abusiveQueries.ts";
import { countingDriver, type QueryCounter } from "./support/countingDriver.ts";
import { openTestDatabase } from "./support/testDatabase.ts";

const counter: QueryCounter = { count: 0, cypher: [] };
let database: Database;
let schema: GraphQLSchema;
let server: RunningServer;
const started: RunningServer[] = [];

beforeAll(async () => {
  database = openTestDatabase({ wrapDriver: (driver) => countingDriver(driver, counter) });
  schema = await createSchema(database);
  server = await startServer({ schema, database, port: 0, host: "127.0.0.1", settings: { logLevel: "silent" } });
});
afterAll(async () => {
  for (const running of [server, ...started]) await running?.stop();
  await database?.close();
});

const post = (url: string, query: string, variables?: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }), signal });

const abusiveKinds: Array<[string, string, RegExp]> = [
  ["the issue's crash: three aliases of four nested lists of 100", `{ ${["a", "b", "c"].map((alias) => `${alias}: ${nestedMatches(4, 100)}`).join(" ")} }`, /Query cost limit of \d+ exceeded, found \d+/],
  ["two aliases of it (the 360 MB response)", `{ a: ${nestedMatches(4, 100)} b: ${nestedMatches(4, 100)} }`, /Query cost limit of \d+ exceeded, found \d+/],
  ["a relationship filter nested four levels deep", nestedFilter(4), /Query cost limit of \d+ exceeded, found \d+/],
  ["2,500 aliases of neighbourhood (too many tokens first)", aliasesOfNeighbourhood(2500), /Query token limit of \d+ exceeded/],
  ["16 aliases of a depth-3 neighbourhood (walks are bounded by cost)", aliasesOfNeighbourhood(16), /Query cost limit of \d+ exceeded, found \d+/],
  ["100 aliases of neighbourhood", aliasesOfNeighbourhood(100, { depth: 1, limit: 10 }), /Query cost limit of \d+ exceeded, found \d+/],
  ["101 aliases", `{ ${Array.from({ length: 101 }, (_, index) => `r${index}: ruleSets { id }`).join(" ")} }`, /Aliases limit of \d+ exceeded, found 101/],
  ["20 nested levels", `{ ${nestedMatches(10, 100)} }`, /Query depth limit of \d+ exceeded, found \d+/],
  ["a huge selection", `{ ruleSets { ${"id label ".repeat(4000)} } }`, /Query token limit of \d+ exceeded/],
  ["a directive flood", `{ ruleSets { id ${"@include(if: true) ".repeat(25)} } }`, /Directives limit of \d+ exceeded, found 25/],
  ["a negative limit", `{ clubs(limit: -1) { id } }`, /Query\.clubs: argument "limit" must be 0 or more, got -1/],
];

describe("each abusive kind is refused before any Cypher runs, naming the limit and the value", () => {
  test.each(abusiveKinds)("%s", async (_kind, query, message) => {
    const before = counter.count;
    const response = await post(server.url, query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].message).toMatch(message);
    expect(body.errors[0].extensions.code).toBe(/must be 0 or more/.test(body.errors[0].message) ? "BAD_USER_INPUT" : "QUERY_TOO_COMPLEX");
    expect(counter.count).toBe(before);
  });

  test("a 1,001-character search word is BAD_USER_INPUT naming the argument, before Cypher", async () => {
    const before = counter.count;
    const body = await (await post(server.url, "query ($t: String!) { search(text: $t) { __typename } }", { t: "a".repeat(1001) })).json();
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/search text must be at most 200 characters, got 1001/), extensions: { code: "BAD_USER_INPUT" } });
    expect(counter.count).toBe(before);
  });
});

/** A copy of the real schema whose `ruleSets` runs a slow statement through the request's database. */
async function schemaWithSlowField(statement: string): Promise<GraphQLSchema> {
  const slow = await createSchema(database);
  const field = slow.getQueryType()!.getFields().ruleSets!;
  field.resolve = async (_root, _args, context: PitchGraphContext) => {
    await context.database.read(statement);
    return [];
  };
  return slow;
}

async function runningSleeps(): Promise<number> {
  const { records } = await database.driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery");
  return records.filter((record) => String(record.get("currentQuery")).includes("apoc.util.sleep(")).length;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

async function serverWith(schemaToServe: GraphQLSchema, settings: Record<string, unknown>, on: Database = database): Promise<RunningServer> {
  const running = await startServer({ schema: schemaToServe, database: on, port: 0, host: "127.0.0.1", settings: { logLevel: "silent", ...settings } });
  started.push(running);
  return running;
}

describe("a refusal sent again is answered the same way without being judged again", () => {
  const crash = `{ ${["a", "b", "c"].map((alias) => `${alias}: ${nestedMatches(4, 100)}`).join(" ")} }`;

  test.each([
    ["the same over-limit query, server ids", undefined, undefined],
    ["a client's own short request ids", "7", "8"],
  ])("%s: same status and message, each with its own request id", async (_case, firstId, secondId) => {
    const send = (requestId?: string) =>
      fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) }, body: JSON.stringify({ query: crash }) });
    const before = counter.count;
    const [first, second] = [await send(firstId), await send(secondId)];
    const [firstBody, secondBody] = [await first.json(), await second.json()];
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(secondBody.errors[0].message).toBe(firstBody.errors[0].message);
    expect(secondBody.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "maxCost" });
    expect(secondBody.errors[0].extensions.requestId).toBe(second.headers.get("x-request-id"));
    expect(secondBody.errors[0].extensions.requestId).not.toBe(firstBody.errors[0].extensions.requestId);
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(counter.count).toBe(before);
  });

  test("the same document with other variables is judged afresh", async () => {
    const query = "query Sized($n: Int) { clubs(limit: $n) { homeMatches(limit: 100) { awayClub { homeMatches(limit: 100) { id } } } } }";
    const refused = await post(server.url, query, { n: 100 });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    const answered = await post(server.url, query, { n: 2 });
    expect(answered.status).toBe(200);
    expect((await answered.json()).data.clubs).toHaveLength(2);
  });

  test("an error from a resolver is never remembered: the same request runs again", async () => {
    let calls = 0;
    const flaky = await createSchema(database);
    flaky.getQueryType()!.getFields().ruleSets!.resolve = () => {
      calls += 1;
      if (calls === 1) throw new GraphQLError("not yet", { extensions: { code: "BAD_USER_INPUT" } });
      return [];
    };
    const running = await serverWith(flaky, {});
    const first = await (await post(running.url, "{ ruleSets { id } }")).json();
    const second = await (await post(running.url, "{ ruleSets { id } }")).json();
    expect(first.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(second).toEqual({ data: { ruleSets: [] } });
    expect(calls).toBe(2);
  });
});

describe("deadlines: the database work stops, in Neo4j too", () => {
  test("past the deadline the client gets TIMEOUT and Neo4j no longer runs the transaction", async () => {
    const slow = await serverWith(await schemaWithSlowField("CALL apoc.util.sleep(120000) RETURN 1 AS done"), { requestTimeoutMs: 1500 });
    const response = await post(slow.url, "{ ruleSets { id } }", undefined, AbortSignal.timeout(60_000));
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe("TIMEOUT");
    expect(body.errors[0].message).toMatch(/deadline of 1500 ms/);
    expect(await until(async () => (await runningSleeps()) === 0, 10_000)).toBe(true);
  });

  test("a client that disconnects stops its transaction", async () => {
    const slow = await serverWith(await schemaWithSlowField("CALL apoc.util.sleep(120000) RETURN 1 AS done"), { requestTimeoutMs: 120_000 });
    const client = new AbortController();
    const request = post(slow.url, "{ ruleSets { id } }", undefined, client.signal).catch(() => null);
    expect(await until(async () => (await runningSleeps()) === 1, 20_000)).toBe(true);
    client.abort();
    await request;
    expect(await until(async () => (await runningSleeps()) === 0, 10_000)).toBe(true);
  });
});

describe("fair sharing", () => {
  test("one request with many aliased fields holds at most its share of sessions; /healthz and a cheap query still answer", async () => {
    const shared = await serverWith(await schemaWithSlowField("CALL apoc.util.sleep(1500) RETURN 1 AS done"), { sessionsPerRequest: 2, requestTimeoutMs: 60_000 });
    const aliases = Array.from({ length: 10 }, (_, index) => `r${index}: ruleSets { id }`).join(" ");
    const greedy = post(shared.url, `{ ${aliases} }`);
    let most = 0;
    let healthy = 0;
    let cheapAnswered = 0;
    const watch = (async () => {
      for (let round = 0; round < 20; round += 1) {
        most = Math.max(most, await runningSleeps());
        if ((await fetch(shared.url.replace(/\/graphql$/, "/healthz"))).status === 200) healthy += 1;
        const cheap = await (await post(server.url, `{ competitions(limit: 1) { id } }`)).json();
        if (cheap.data?.competitions) cheapAnswered += 1;
      }
    })();
    const [response] = await Promise.all([greedy, watch]);
    expect((await response.json()).errors).toBeUndefined();
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    expect(healthy).toBe(20);
    expect(cheapAnswered).toBe(20);
  });

  test("heavy requests wait for the shared heavy lane: no more of them run in Neo4j at once than it has slots", async () => {
    const heavyLane = new Semaphore(1);
    const scopes = [0, 1, 2].map(() => new RequestScope(database.driver, { timeoutMs: 60_000, sessionsPerRequest: 4, heavyLane }));
    for (const scope of scopes) scope.markHeavy();
    // As the cost plugin does: the lane's slot is held from before the first resolver to the answer.
    const runs = scopes.map(async (scope) => {
      await scope.holdHeavyLane();
      try {
        return await database.forRequest(scope.driver).read("CALL apoc.util.sleep(1500) RETURN 1 AS done");
      } finally {
        scope.finish();
      }
    });
    let most = 0;
    let settled = false;
    const all = Promise.all(runs).finally(() => (settled = true));
    while (!settled) {
      most = Math.max(most, await runningSleeps());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await all).toHaveLength(3);
    expect(most).toBe(1);
    for (const scope of scopes) scope.finish();
  });

  test("a response over the size bound is refused with the limit and the size", async () => {
    const small = await serverWith(schema, { maxResponseBytes: 500 });
    const response = await post(small.url, "{ ruleSets { id label sources } }");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxResponseBytes", max: 500 } });
    expect(body.errors[0].message).toMatch(/The response would be \d+ bytes, more than the limit of 500/);
  });
});

describe("the database unavailable", () => {
  test("DatabaseUnavailableError from the seam is 503 with Retry-After and DATABASE_UNAVAILABLE, without the driver's words", async () => {
    const down = await createSchema(database);
    down.getQueryType()!.getFields().ruleSets!.resolve = () => {
      throw new DatabaseUnavailableError("Neo4j at bolt://127.0.0.1:7687 refused: ECONNREFUSED", 3);
    };
    const running = await serverWith(down, {});
    const response = await post(running.url, "{ ruleSets { id } }");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    const text = await response.text();
    expect(text).not.toMatch(/ECONNREFUSED|bolt:/);
    expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: "DATABASE_UNAVAILABLE", retryAfterSeconds: 3 });
  });

  test("/readyz is 503 when Neo4j does not answer, 200 when it does; /healthz stays 200", async () => {
    const nowhere = new Database({ uri: "bolt://127.0.0.1:1" });
    try {
      const detached = await serverWith(schema, {}, nowhere);
      const base = detached.url.replace(/\/graphql$/, "");
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(notReady.headers.get("retry-after")).toBeTruthy();
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^pitchgraph_database_up 0$/m);
    } finally {
      await nowhere.close();
    }
    const base = server.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^pitchgraph_database_up 1$/m);
  });
});

test("an unknown field error never shows internals, and its request id matches the header", async () => {
  const broken = await createSchema(database);
  broken.getQueryType()!.getFields().ruleSets!.resolve = () => {
    throw new Error("at /srv/app/secret/path.ts:12 java.lang.IllegalStateException MATCH (n) RETURN n");
  };
  const running = await serverWith(broken, {});
  const response = await post(running.url, "{ ruleSets { id } }");
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe("INTERNAL");
  expect(body.errors[0].extensions.requestId).toBe(response.headers.get("x-request-id"));
  expect(JSON.stringify(body)).not.toMatch(/secret|java|MATCH/);
});

test("GraphiQL opens with the query limits written above each example", async () => {
  const html = await (await fetch(server.url, { headers: { accept: "text/html" } })).text();
  expect(html).toMatch(/Query limits: depth \d+, aliases \d+, tokens \d+, directives \d+, cost \d+/);
});

test("a body that is not JSON and one over the size limit are refused, and counted in /metrics like every other refusal", async () => {
  const base = server.url.replace(/\/graphql$/, "");
  const badRequests = async () => Number(/^pitchgraph_graphql_errors_total\{code="BAD_REQUEST"\} (\d+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? 0);
  const before = await badRequests();
  const truncated = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": "{ ruleSets { id } }"' });
  expect(truncated.status).toBe(400);
  const answer = await truncated.json();
  expect(answer.errors[0].message).toMatch(/^The request body is not valid JSON \(/);
  expect(answer.errors[0].extensions).toEqual({ code: "BAD_REQUEST", requestId: truncated.headers.get("x-request-id") });
  const huge = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ ruleSets { id } } #${"x".repeat(1_100_000)}` }) });
  expect(huge.status).toBe(413);
  expect(await badRequests()).toBe(before + 2);
  // A byte-order mark before valid JSON is tolerated.
  const withMark = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: '\uFEFF{"query": "{ ruleSets { id } }"}' });
  expect(withMark.status).toBe(200);
  expect((await withMark.json()).data.ruleSets.length).toBeGreaterThan(0);
});
