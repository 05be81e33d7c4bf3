/**
 * The import path: results files and seed files into the real graph, one transaction per file.
 * A failed import must leave the database exactly as it was.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { importFile, ImportError } from "../src/importing/importFile.ts";
import { graphDigest } from "./support/graphDigest.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let folder: string;
const seedsDir = () => inject("seedsDir");

beforeAll(async () => {
  graph = await openTestGraph();
  folder = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-import-"));
});

afterAll(async () => {
  // Remove what these tests imported: everything only the test files vouch for.
  await graph.database.write(
    `MATCH (s:Source) WHERE s.id STARTS WITH "dataset:import-test"
     OPTIONAL MATCH (n)-[:REPORTED_BY]->(s)
     WHERE NOT EXISTS { (n)-[:REPORTED_BY]->(other:Source) WHERE NOT other.id STARTS WITH "dataset:import-test" }
     DETACH DELETE n, s`,
  );
  await graph.database.write(`MATCH (g:Goal) WHERE NOT (g)<-[:HAS_GOAL]-() DETACH DELETE g`);
  await graph.close();
  await rm(folder, { recursive: true, force: true });
});

async function fileWith(name: string, content: unknown): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content, null, 1));
  return file;
}

const leg = (home: string, away: string, h90: number, a90: number, extra: Record<string, unknown> = {}) => ({
  date: "1985-10-02", home, away, h90, a90, ...extra,
});

const tie = (id: string, legs: unknown[], winner: string, overrides: Record<string, unknown> = {}) => ({
  id, competition: "UEFA Cup Winners' Cup", season: "1985-86", round: "First round", phase: "main",
  legs, winner, winner_basis: "test", source: "constructed for the import test", ...overrides,
});

const resultsFile = (ties: unknown[]) => ({ about: "constructed test ties", sources: ["constructed"], ties });

describe("a results file", () => {
  test("imports its ties, which GraphQL then decides under the season's rules", async () => {
    const file = await fileWith("import-test-ok.json", resultsFile([
      tie("t-away-goals", [leg("Testclub Aldea", "Testclub Bergheim", 1, 1), leg("Testclub Bergheim", "Testclub Aldea", 2, 2)], "Testclub Aldea"),
      tie("t-penalties", [leg("Testclub Cirra", "Testclub Dünenfeld", 1, 0), leg("Testclub Dünenfeld", "Testclub Cirra", 1, 0, { hET: 1, aET: 0, pens: [4, 3] })], "Testclub Dünenfeld"),
    ]));
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(summary).toMatchObject({ format: "results", ties: 2, matches: 4 });

    const { awayGoals, penalties } = await graph.query(`{
      awayGoals: tie(competition: "Cup Winners' Cup", season: "1985-86", club: "testclub aldea", opponent: "Testclub Bergheim") {
        outcome { winner { name } decidedBy awayGoals { club { name } goals } }
      }
      penalties: tie(competition: "UEFA Cup Winners' Cup", season: "1985-86", club: "Testclub Dunenfeld", opponent: "Testclub Cirra") {
        outcome { winner { name } decidedBy shootOut { club { name } goals } extraTimePlayed }
      }
    }`);
    expect(awayGoals.outcome).toMatchObject({ winner: { name: "Testclub Aldea" }, decidedBy: "AWAY_GOALS" });
    expect(penalties.outcome).toMatchObject({ winner: { name: "Testclub Dünenfeld" }, decidedBy: "PENALTIES", extraTimePlayed: true });
  });

  test("names that fit more than one tie are an error listing the ties, not a guess", async () => {
    const result = await graph.execute(`{ tie(competition: "Cup Winners' Cup", season: "1985-86", club: "Testclub", opponent: "testclub") { id } }`);
    expect(result.errors?.[0]?.message).toMatch(/^The names are ambiguous: they match 2 ties: Testclub (Aldea|Bergheim) v .*; Testclub (Cirra|Dünenfeld) v /);
    expect(result.errors?.[0]?.extensions?.code).toBe("AMBIGUOUS_NAME");
  });

  test("importing the same file again changes nothing", async () => {
    const file = path.join(folder, "import-test-ok.json");
    const before = await graphDigest(graph.database);
    const again = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(again.counts).toEqual({ nodes: 0, relationships: 0 });
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("clubs are one per name within the file: two names are never merged, one name is never split", async () => {
    const [row] = await graph.database.read<{ clubs: number }>(
      `MATCH (c:Club) WHERE c.name STARTS WITH "Testclub" RETURN count(c) AS clubs`,
    );
    expect(row?.clubs).toBe(4);
  });

  test("an invalid record is reported by file, record and field, and nothing is written", async () => {
    const before = await graphDigest(graph.database);
    const file = await fileWith("import-test-bad.json", resultsFile([
      tie("t-fine", [leg("Testclub Eborn", "Testclub Fjell", 1, 0), leg("Testclub Fjell", "Testclub Eborn", 0, 0)], "Testclub Eborn"),
      tie("t-broken", [leg("Testclub Gant", "Testclub Hollow", 1, 0), { ...leg("Testclub Hollow", "Testclub Gant", 0, 0), h90: "two" }], "Testclub Gant"),
    ]));
    const failure = await importFile(graph.database, file, { seedsDir: seedsDir() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    const message = (failure as Error).message;
    expect(message).toContain("import-test-bad.json");
    expect(message).toContain('ties[1] (id "t-broken")');
    expect(message).toContain("legs[1].h90");
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("a failure half-way through writing rolls back what was already written", async () => {
    const before = await graphDigest(graph.database);
    // Valid records, but a competition the tie-rule catalogue does not know: found only while
    // writing, after the clubs and the competition have been written in the same transaction.
    const file = await fileWith("import-test-unknown-rules.json", resultsFile([
      tie("t-unknown-cup", [leg("Testclub Ilse", "Testclub Jura", 1, 0), leg("Testclub Jura", "Testclub Ilse", 0, 0)], "Testclub Ilse", { competition: "Testland Friendship Cup" }),
    ]));
    const failure = await importFile(graph.database, file, { seedsDir: seedsDir() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toContain('unknown competition "Testland Friendship Cup"');
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("a file that is not JSON is a clear error", async () => {
    const file = await fileWith("import-test-broken.json", "{ not json");
    await expect(importFile(graph.database, file, { seedsDir: seedsDir() })).rejects.toThrow(/import-test-broken\.json: .*not valid JSON.*\(line 1, column 3\)/s);
  });

  test.each([
    ["an empty file", "import-test-empty.json", "  \n", /import-test-empty\.json: .*the file is empty/s],
    ["a cut-off file", "import-test-cut.json", '{ "ties": [\n  { "id": "x"', /import-test-cut\.json: .*not valid JSON: .*the file ends before its JSON does/s],
    ["a fault on a later line", "import-test-line.json", '{ "ties": [\n  { "id": "x" },\n  { "id": "y" ]\n}', /not valid JSON: .*\(line 3, column \d+\)/s],
  ])("%s is refused saying where", async (_, name, text, expected) => {
    const file = await fileWith(name, text);
    await expect(importFile(graph.database, file, { seedsDir: seedsDir() })).rejects.toThrow(expected);
  });
});

describe("a seed-format file", () => {
  test("may refer to the project's seed entities, and a wrong reference names the field", async () => {
    const before = await graphDigest(graph.database);
    const file = await fileWith("import-test-seed.json", {
      sources: [{ id: "dataset:import-test-seed", kind: "DATASET", title: "test" }],
      players: [
        { id: "player:import-test-one", name: "Import Test One", aliases: [], sources: ["dataset:import-test-seed"] },
        { id: "player:import-test-two", name: "Import Test Two", aliases: [], sources: ["dataset:import-test-nowhere"] },
      ],
    });
    const failure = await importFile(graph.database, file, { seedsDir: seedsDir() }).catch((error: unknown) => error);
    expect((failure as Error).message).toContain(
      'import-test-seed.json: players[1] (id "player:import-test-two").sources: unknown source "dataset:import-test-nowhere"',
    );
    expect(await graphDigest(graph.database)).toEqual(before);
  });
});
