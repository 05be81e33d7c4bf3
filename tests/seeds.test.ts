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
}, 180_000); // the digest covers the whole test graph, which other files fill with the 1955-2016 ties

/** Every label of a fact node: all but Source itself and the loader's bookkeeping node. */
const factLabels = [
  "Competition", "Season", "Stage", "Tie", "Match", "Goal", "Club", "Player", "Stadium", "Coach",
  "Card", "Substitution", "DisallowedGoal", "PenaltyAward", "VarReview", "Incident", "MatchStatistics", "Standing",
  "Conflict", "Claim", "NameMatch",
];

test("every seeded fact node links to at least one source", async () => {
  const unsourced = await graph.database.read<{ label: string; id: string }>(
    `MATCH (n) WHERE any(label IN labels(n) WHERE label IN $factLabels)
       AND NOT (n)-[:REPORTED_BY]->(:Source)
     RETURN labels(n)[0] AS label, n.id AS id LIMIT 20`,
    { factLabels },
  );
  expect(unsourced).toEqual([]);
});

test("the fact labels above are every label in the graph besides Source and the bookkeeping node", async () => {
  const labels = await graph.database.read<{ label: string }>(`CALL db.labels() YIELD label RETURN label`);
  const inUse = labels.map((row) => row.label).filter((label) => label !== "Source" && label !== "PitchGraphMeta");
  expect(inUse.filter((label) => !factLabels.includes(label))).toEqual([]);
});

test("a claim is made by exactly one source", async () => {
  const [counts] = await graph.database.read<{ claims: number; wrong: number }>(
    `MATCH (c:Claim) WITH c, COUNT { (c)-[:REPORTED_BY]->(:Source) } AS sources
     RETURN count(c) AS claims, count(CASE WHEN sources <> 1 THEN 1 END) AS wrong`,
  );
  expect(counts!.claims).toBeGreaterThan(0);
  expect(counts!.wrong).toBe(0);
});

test("every relationship that is a fact in itself names its sources, and they exist", async () => {
  const unsourced = await graph.database.read<{ from: string; type: string; to: string }>(
    `MATCH (a)-[r:PLAYED_FOR|COACHED|SUCCEEDED|HOME_GROUND|ENTERED]->(b)
     WHERE r.sourceIds IS NULL OR size(r.sourceIds) = 0
        OR any(id IN r.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) })
     RETURN a.id AS from, type(r) AS type, b.id AS to LIMIT 20`,
  );
  expect(unsourced).toEqual([]);
  const [{ edges }] = (await graph.database.read<{ edges: number }>(
    `MATCH ()-[r:PLAYED_FOR|COACHED|SUCCEEDED|HOME_GROUND|ENTERED]->() RETURN count(r) AS edges`,
  )) as [{ edges: number }];
  expect(edges).toBeGreaterThan(40);
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
