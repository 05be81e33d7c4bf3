/**
 * The typed SDK against the running server (startServer on a free port, the test graph): what an
 * application developer gets from each method, and the errors they see.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isPitchGraphError, PitchGraphClient, PitchGraphError } from "../sdk/index.ts";
import { startServer, type RunningServer } from "../src/server/startServer.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let server: RunningServer;
let client: PitchGraphClient;
beforeAll(async () => {
  graph = await openTestGraph();
  server = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1" });
  client = new PitchGraphClient({ endpoint: server.url });
});
afterAll(async () => {
  await server.stop();
  await graph.close();
});

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PitchGraphError);

describe("getTie", () => {
  test("Dortmund v Atalanta 2018: both legs, the outcome, and the timeline goal by goal", async () => {
    const tie = await client.getTie({ competition: "Europa League", season: "2017-18", club: "BVB", opponent: "Atalanta" });
    expect(tie?.outcome).toMatchObject({ winner: { name: "Borussia Dortmund" }, decidedBy: "AGGREGATE", explanation: "Borussia Dortmund win 4-3 on aggregate." });
    expect(tie?.legs.map((leg) => `${leg.homeClub?.name} ${leg.homeScore}-${leg.awayScore} ${leg.awayClub?.name}`)).toEqual([
      "Borussia Dortmund 3-2 Atalanta",
      "Atalanta 1-1 Borussia Dortmund",
    ]);
    const goals = tie!.timeline!.filter((entry) => entry.kind === "GOAL");
    expect(goals.map((entry) => entry.scorer?.name)).toEqual([
      "André Schürrle", "Josip Iličić", "Josip Iličić", "Michy Batshuayi", "Michy Batshuayi", "Rafael Tolói", "Marcel Schmelzer",
    ]);
    expect(tie!.timeline!.filter((entry) => entry.leaderFlipped).map((entry) => entry.scorer?.name)).toEqual([
      "Josip Iličić", "Michy Batshuayi", "Rafael Tolói", "Marcel Schmelzer",
    ]);
    for (const leg of tie!.legs) for (const goal of leg.goals) expect(goal.sources.length).toBeGreaterThan(0);
    // The reports give the first leg's goals by half only: the time says which half, not null.
    expect(tie!.legs.map((leg) => leg.goals.map((goal) => goal.time))).toEqual([["1H", "2H", "2H", "2H", "2H"], ["11'", "83'"]]);
    // Each goal's reports by title and date, not only by id.
    for (const source of tie!.legs[0]!.goals[0]!.sources) expect(source).toMatchObject({ title: expect.any(String), publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  test("Dortmund v Atalanta 2026: Atalanta through, and tieById gives the same view", async () => {
    const tie = await client.getTie({ competition: "Champions League", season: "2025-26", club: "Dortmund", opponent: "Atalanta" });
    expect(tie?.outcome.winner?.name).toBe("Atalanta");
    expect(await client.tieById({ id: tie!.id })).toEqual(tie);
  });

  test("no such tie is null, not an error", async () => {
    expect(await client.getTie({ competition: "Europa League", season: "2017-18", club: "Arsenal", opponent: "Atalanta" })).toBeNull();
    expect(await client.tieById({ id: "tie:nothing" })).toBeNull();
  });
});

test("searchEntities finds by alias without accents", async () => {
  const [first] = await client.searchEntities({ text: "schurrle" });
  expect(first).toMatchObject({ __typename: "Player", id: "player:andre-schurrle", name: "André Schürrle" });
});

test("playerGoals: each goal with its match and the reports stating it", async () => {
  const player = await client.playerGoals({ id: "player:michy-batshuayi" });
  expect(player?.name).toBe("Michy Batshuayi");
  expect(player!.goals).toHaveLength(2);
  for (const goal of player!.goals) {
    expect(goal.match?.homeClub?.name).toBe("Borussia Dortmund");
    expect(goal.sources.map((source) => source.id).length).toBeGreaterThan(0);
    expect(goal.sources[0]).toMatchObject({ kind: expect.any(String), title: expect.any(String) });
  }
  expect(await client.playerGoals({ id: "player:nobody" })).toBeNull();
});

describe("neighbourhood", () => {
  test("the entity first, then its neighbours with their sources; every edge joins two returned nodes", async () => {
    const around = await client.neighbourhood({ id: "player:andre-schurrle", depth: 2 });
    expect(around.center.id).toBe("player:andre-schurrle");
    expect(around.nodes[0]).toMatchObject({ id: "player:andre-schurrle", kind: "Player", caption: "André Schürrle" });
    const ids = new Set(around.nodes.map((node) => node.id));
    expect(ids.size).toBe(around.nodes.length);
    for (const edge of around.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target), edge.id).toBe(true);
      expect(edge.id).toBe(`${edge.source}|${edge.type}|${edge.target}`);
    }
    const goal = around.nodes.find((node) => node.kind === "Goal" && node.caption.startsWith("André Schürrle"));
    expect(goal?.sources.map((source) => source.id)).toContain("001_fc13524a48c981e6");
    expect(around.nodes.some((node) => node.kind === "Source")).toBe(false);
    expect(around.nodes.map((node) => node.caption)).toContain("Borussia Dortmund 3-2 Atalanta");
  });

  test("bounded: limit caps the nodes and says so; depth beyond 3 is refused", async () => {
    const capped = await client.neighbourhood({ id: "club:borussia-dortmund", depth: 3, limit: 5 });
    expect(capped.nodes).toHaveLength(5);
    expect(capped.truncated).toBe(true);
    const huge = await client.neighbourhood({ id: "club:borussia-dortmund", depth: 3, limit: 100_000 });
    expect(huge.nodes.length).toBeLessThanOrEqual(200);
    const tooDeep = await failureOf(client.neighbourhood({ id: "club:borussia-dortmund", depth: 4 }));
    expect(tooDeep).toBeInstanceOf(PitchGraphError);
    expect(tooDeep).toMatchObject({ code: "BAD_USER_INPUT", operationName: "Neighbourhood" });
  });

  test("an unknown id is a NOT_FOUND error naming it", async () => {
    const failure = await failureOf(client.neighbourhood({ id: "player:nobody" }));
    expect(failure?.code).toBe("NOT_FOUND");
    expect(failure?.message).toContain('"player:nobody"');
  });
});

describe("connection", () => {
  test("two players of one match: through their goals and the match, a chain of edges", async () => {
    const found = await client.connection({ from: "player:andre-schurrle", to: "player:josip-ilicic" });
    expect(found?.nodes[0]?.id).toBe("player:andre-schurrle");
    expect(found?.nodes.at(-1)?.id).toBe("player:josip-ilicic");
    expect(found?.hops).toBe(found!.edges.length);
    expect(found!.hops).toBeLessThanOrEqual(4);
    found!.edges.forEach((edge, index) => {
      const ends = [found!.nodes[index]!.id, found!.nodes[index + 1]!.id].sort();
      expect([edge.source, edge.target].sort()).toEqual(ends);
    });
  });

  test("bounded: nothing within maxHops is null; unknown ids and maxHops over 8 are errors", async () => {
    expect(await client.connection({ from: "player:andre-schurrle", to: "player:josip-ilicic", maxHops: 1 })).toBeNull();
    expect(await failureOf(client.connection({ from: "player:andre-schurrle", to: "player:nobody" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(client.connection({ from: "player:andre-schurrle", to: "player:josip-ilicic", maxHops: 50 }))).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

test("conflicts: each source's claim, the value kept and why", async () => {
  const conflicts = await client.conflicts();
  expect(conflicts.length).toBeGreaterThan(0);
  for (const conflict of conflicts) {
    expect(conflict.resolution).toBeTruthy();
    for (const claim of conflict.claims) expect(claim.source?.id, `${conflict.id} ${claim.id}`).toBeTruthy();
  }
  // The reports give Tolói's opener in Bergamo three ways; the graph keeps one minute.
  const toloi = conflicts.find((conflict) => conflict.subject?.__typename === "Goal" && conflict.subject.scorer?.name === "Rafael Tolói" && conflict.field === "minute");
  expect(toloi?.claims.length).toBeGreaterThanOrEqual(2);
});

describe("errors reach the caller as PitchGraphError", () => {
  test("a wrong endpoint: the HTTP status", async () => {
    const lost = new PitchGraphClient({ endpoint: server.url.replace(/graphql$/, "nope") });
    const failure = await failureOf(lost.searchEntities({ text: "bvb" }));
    expect(isPitchGraphError(failure)).toBe(true);
    expect(failure?.status).toBe(404);
  });

  test("no server: status null, with the cause", async () => {
    const nobody = new PitchGraphClient({ endpoint: "http://127.0.0.1:9/graphql" });
    const failure = await failureOf(nobody.searchEntities({ text: "bvb" }));
    expect(failure).toBeInstanceOf(PitchGraphError);
    expect(failure?.status).toBeNull();
    expect(failure?.cause).toBeDefined();
  });

  test("a GraphQL error from the resolver keeps its message and code", async () => {
    const failure = await failureOf(client.searchEntities({ text: "?!" }));
    expect(failure?.message).toContain("search text must contain letters or digits");
    expect(failure?.code).toBe("BAD_USER_INPUT");
  });
});
