/**
 * The whole default graph, as `npm start` loads it on an empty store (globalSetup loaded it through
 * prepareDatabase, as the app does): every vendored openfootball file, one transaction per file,
 * skipped by content hash the second time.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listOpenfootballFiles, loadOpenfootball } from "../src/defaultGraph/loadOpenfootball.ts";
import { openfootballDir } from "../src/importing/importFootballTxt.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";
import path from "node:path";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
});
afterAll(async () => graph.close());

describe("the default graph", () => {
  test("every openfootball file is loaded; loading again writes nothing", { timeout: 600_000 }, async () => {
    const files = await listOpenfootballFiles(path.join(openfootballDir, "champions-league"));
    expect(files.length).toBeGreaterThan(20);
    const again = await loadOpenfootball(graph.database, "all");
    expect(again).toMatchObject({ loaded: [], unchanged: files, counts: { nodes: 0, relationships: 0 } });
  });

  test("each match is in the graph once: no two matches share date, home club and away club", async () => {
    const rows = await graph.database.read<{ date: string; home: string; away: string; copies: number }>(
      `MATCH (h:Club)<-[:HOME_CLUB]-(m:Match)-[:AWAY_CLUB]->(a:Club) WHERE m.date IS NOT NULL
       WITH m.date AS date, h.id AS home, a.id AS away, count(m) AS copies WHERE copies > 1
       RETURN toString(date) AS date, home, away, copies LIMIT 5`,
    );
    expect(rows).toEqual([]);
  });

  test.each([
    ["UEFA Champions League", "2017-18", "Group stage", 96, 0],
    ["UEFA Champions League", "2017-18", "Round of 16", 16, 8],
    ["UEFA Champions League", "2019-20", "Quarter-finals", 4, 4],
    ["UEFA Champions League", "2024-25", "League phase", 144, 0],
    ["UEFA Champions League", "2025-26", "Knockout phase play-offs", 16, 8],
    ["UEFA Europa League", "2020-21", "Round of 32", 32, 16],
    ["UEFA Conference League", "2024-25", "Final", 1, 1],
  ])("%s %s %s: %i matches in %i ties", async (competition, season, stage, matches, ties) => {
    const [row] = await graph.database.read<{ matches: number; ties: number }>(
      `MATCH (st:Stage {name: $stage})-[:OF_SEASON]->(:Season {label: $season})-[:OF_COMPETITION]->(:Competition {name: $competition})
       RETURN COUNT { (st)<-[:IN_STAGE]-(:Tie)-[:HAS_LEG]->(:Match) } + COUNT { (st)<-[:IN_STAGE]-(:Match) } AS matches,
              COUNT { (st)<-[:IN_STAGE]-(:Tie) } AS ties`,
      { stage, season, competition },
    );
    expect(row).toEqual({ matches, ties });
  });

  test("clubs the files place by their league (AS Monaco (FRA), Derry City (IRL)) are the register's clubs, not second clubs", async () => {
    const rows = await graph.database.read<{ name: string; registerId: string | null }>(
      `MATCH (c:Club) WHERE c.name IN ["AS Monaco", "AS Monaco FC", "Derry City", "Derry City FC"] RETURN c.name AS name, c.registerId AS registerId`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.registerId === null)).toEqual([]);
  });

  test("every match has a source", async () => {
    const [row] = await graph.database.read<{ unsourced: number }>(`MATCH (m:Match) WHERE NOT (m)-[:REPORTED_BY]->(:Source) RETURN count(m) AS unsourced`);
    expect(row?.unsourced).toBe(0);
  });
});
