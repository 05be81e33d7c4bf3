/**
 * What /explore draws around an entity, through the SDK against the real server: ranked by
 * relevance to the centre, paged for hubs (Bayern after importing the 1955-2016 ties), filtered
 * by kind, season and competition; and the head-to-head of two clubs.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { PitchGraphClient, PitchGraphError } from "../sdk/index.ts";
import { importFile } from "../src/importing/importFile.ts";
import { startServer, type RunningServer } from "../src/server/startServer.ts";
import { sharedFile } from "../src/sharedFile.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let server: RunningServer;
let client: PitchGraphClient;
beforeAll(async () => {
  graph = await openTestGraph();
  // Real hubs: the historical ties through the import path (idempotent: MERGE on stable ids).
  await importFile(graph.database, sharedFile("data/uefa-ties/ties-1955-2016.json", "tests/neighbourhood.test.ts"), { seedsDir: inject("seedsDir") });
  server = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1" });
  client = new PitchGraphClient({ endpoint: server.url });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await graph?.close();
});

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PitchGraphError);

describe("ranked by relevance to the centre", () => {
  test("Schürrle: his goal, then the 3-2 match he scored in and its tie, before his club's other matches", async () => {
    const around = await client.neighbourhood({ id: "player:andre-schurrle", depth: 2, limit: 12 });
    const captions = around.nodes.map((node) => node.caption);
    expect(captions).toContain("Borussia Dortmund 3-2 Atalanta");
    expect(captions).toContain("Borussia Dortmund v Atalanta");
    const goal = around.nodes.findIndex((node) => node.kind === "Goal" && node.caption.startsWith("André Schürrle"));
    const match = captions.indexOf("Borussia Dortmund 3-2 Atalanta");
    expect(goal).toBeGreaterThan(0);
    expect(goal).toBeLessThan(match);
    // Nothing of 2025-26 crowds out his own match: what is drawn from 2025-26 comes after it.
    for (const [index, node] of around.nodes.entries()) if (node.details?.includes("2025-26")) expect(index).toBeGreaterThan(match);
  });

  test("the centre comes first on every page; pages do not repeat nodes and add up to the total", async () => {
    const seen = new Set<string>();
    let offset: number | null = 0;
    let total = 0;
    while (offset !== null) {
      const page = await client.neighbourhood({ id: "club:borussia-dortmund", depth: 1, limit: 15, offset });
      expect(page.nodes[0]!.id).toBe("club:borussia-dortmund");
      for (const node of page.nodes.slice(1)) {
        expect(seen.has(node.id), node.id).toBe(false);
        seen.add(node.id);
      }
      expect(page.truncated).toBe(page.nextOffset !== null);
      total = page.total;
      offset = page.nextOffset ?? null;
    }
    expect(seen.size).toBe(total);
  });
});

describe("a hub in pages", () => {
  test("Bayern: far more neighbours than one page; the next page continues; a season narrows it down", async () => {
    const first = await client.neighbourhood({ id: "club:ger-bayern-munchen", depth: 1, limit: 30 });
    expect(first.total).toBeGreaterThan(100);
    expect(first.nodes).toHaveLength(30); // the entity and 29 neighbours
    expect(first.nextOffset).toBe(29);
    const second = await client.neighbourhood({ id: "club:ger-bayern-munchen", depth: 1, limit: 30, offset: first.nextOffset! });
    expect(second.nodes.slice(1).map((node) => node.id)).not.toEqual(expect.arrayContaining([first.nodes[1]!.id]));
    expect(first.seasons).toContain("2012-13");

    const season = await client.neighbourhood({ id: "club:ger-bayern-munchen", depth: 1, limit: 50, kinds: ["Match"], season: "2012-13" });
    expect(season.total).toBeGreaterThan(0);
    for (const node of season.nodes.slice(1)) {
      expect(node.kind).toBe("Match");
      expect(node.details).toContain("2012-13");
    }
    const competition = await client.neighbourhood({ id: "club:ger-bayern-munchen", depth: 1, limit: 5, kinds: ["Tie"], competition: first.competitions[0]! });
    for (const node of competition.nodes.slice(1)) expect(node.kind).toBe("Tie");
  });

  test("a season or competition filter finds the matches of no tie too (group stage, league phase): through their stage", async () => {
    const club = "club:ger-bayern-munchen";
    // The truth from the graph: each Bayern match's season and competition through its tie, or else its stage.
    const matches = await graph.database.read<{ id: string; season: string; competition: string; ofNoTie: boolean }>(
      `MATCH (:Club {id: $club})<-[:HOME_CLUB|AWAY_CLUB]-(m:Match)
       OPTIONAL MATCH (t:Tie)-[:HAS_LEG]->(m) OPTIONAL MATCH (t)-[:IN_COMPETITION]->(tc:Competition)
       OPTIONAL MATCH (m)-[:IN_STAGE]->(:Stage)-[:OF_SEASON]->(s:Season)-[:OF_COMPETITION]->(sc:Competition)
       RETURN m.id AS id, coalesce(t.season, s.label) AS season, coalesce(tc.id, sc.id) AS competition, t IS NULL AS ofNoTie`,
      { club },
    );
    const inSeason = matches.filter((match) => match.season === "2012-13");
    expect(inSeason.filter((match) => match.ofNoTie).length, "Bayern's 2012-13 group matches are in the graph").toBeGreaterThan(0);
    const season = await client.neighbourhood({ id: club, depth: 1, limit: 200, kinds: ["Match"], season: "2012-13" });
    expect(season.nodes.slice(1).map((node) => node.id).sort()).toEqual(inSeason.map((match) => match.id).sort());

    const competition = inSeason[0]!.competition;
    const inCompetition = matches.filter((match) => match.competition === competition);
    const byCompetition = await client.neighbourhood({ id: club, depth: 1, limit: 1, kinds: ["Match"], competition });
    expect(byCompetition.total).toBe(inCompetition.length);
    expect(byCompetition.seasons).toEqual(expect.arrayContaining([...new Set(inCompetition.filter((match) => match.ofNoTie).map((match) => match.season))]));
  });

  test("an offset below 0 or a season that is no season label is refused", async () => {
    expect(await failureOf(client.neighbourhood({ id: "club:ger-bayern-munchen", offset: -1 }))).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await failureOf(client.neighbourhood({ id: "club:ger-bayern-munchen", season: "last year" }))).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("headToHead", () => {
  test("Dortmund v Atalanta: four matches over two ties, the record from each side", async () => {
    const h2h = await client.headToHead({ club: "club:borussia-dortmund", opponent: "club:atalanta" });
    expect(h2h.club.name).toBe("Borussia Dortmund");
    expect(h2h.matches.length).toBeGreaterThanOrEqual(2);
    expect(h2h.matches.slice(0, 2).map((match) => `${match.homeClub.name} ${match.homeScore}-${match.awayScore} ${match.awayClub.name}`)).toEqual([
      "Borussia Dortmund 3-2 Atalanta",
      "Atalanta 1-1 Borussia Dortmund",
    ]);
    expect(h2h.ties.map((tie) => tie.season)).toEqual(expect.arrayContaining(["2017-18", "2025-26"]));
    expect(h2h.ties.find((tie) => tie.season === "2017-18")?.outcome.explanation).toBe("Borussia Dortmund win 4-3 on aggregate.");
    const { record } = h2h;
    expect(record.won + record.drawn + record.lost).toBe(record.played);
    expect(record.played).toBe(h2h.matches.filter((match) => match.homeScore !== null).length);
    const other = await client.headToHead({ club: "club:atalanta", opponent: "club:borussia-dortmund" });
    expect(other.record).toMatchObject({ won: record.lost, lost: record.won, drawn: record.drawn, goalsFor: record.goalsAgainst, goalsAgainst: record.goalsFor });
  });

  test("unknown clubs are NOT_FOUND, one club twice is BAD_USER_INPUT", async () => {
    expect(await failureOf(client.headToHead({ club: "club:nobody", opponent: "club:atalanta" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(client.headToHead({ club: "club:atalanta", opponent: "club:atalanta" }))).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
