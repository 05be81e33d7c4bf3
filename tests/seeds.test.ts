/** The seed graph: idempotent to load, and every fact can say who says so. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { inject } from "vitest";
import { loadSeeds } from "../src/seeds/loadSeeds.ts";
import { ruleSetIdFor } from "../src/ties/ruleSetIdFor.ts";
import { graphDigest } from "./support/graphDigest.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
});
afterAll(() => graph.close());

test("loading the seeds again changes nothing, even when forced past the unchanged-seeds check", async () => {
  const before = await graphDigest(graph.database);
  const skipped = await loadSeeds(graph.database, inject("seedsDir"), ruleSetIdFor);
  expect(skipped.loaded).toBe(false);
  const forced = await loadSeeds(graph.database, inject("seedsDir"), ruleSetIdFor, { force: true });
  expect(forced.loaded).toBe(true);
  expect(forced.counts).toEqual({ nodes: 0, relationships: 0 });
  expect(await graphDigest(graph.database)).toEqual(before);
});

test("every seeded fact node links to at least one source", async () => {
  const unsourced = await graph.database.read<{ label: string; id: string }>(
    `MATCH (n) WHERE (n:Competition OR n:Season OR n:Stage OR n:Tie OR n:Match OR n:Goal OR n:Club OR n:Player OR n:Stadium OR n:Coach)
       AND NOT (n)-[:REPORTED_BY]->(:Source)
     RETURN labels(n)[0] AS label, n.id AS id LIMIT 20`,
  );
  expect(unsourced).toEqual([]);
});

test("the seed graph holds the seven ties of the five reports, with fourteen matches", async () => {
  const [counts] = await graph.database.read<{ ties: number; matches: number; reports: number }>(
    `MATCH (r:Source {kind: "REPORT"}) WITH count(r) AS reports
     MATCH (t:Tie)-[:REPORTED_BY]->(:Source {kind: "REPORT"}) WITH reports, count(DISTINCT t) AS ties
     MATCH (:Tie)-[:HAS_LEG]->(m:Match)-[:REPORTED_BY]->(:Source {kind: "REPORT"})
     RETURN reports, ties, count(DISTINCT m) AS matches`,
  );
  expect(counts).toEqual({ reports: 5, ties: 7, matches: 14 });
});
