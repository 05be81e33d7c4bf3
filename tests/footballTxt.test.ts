/**
 * Football.TXT into the real graph, and cross-source identity of matches: the same match from two
 * sources is one Match with both sources; where they disagree, a Conflict keeps both claims; the
 * same source re-imported with changed scores is an update in the summary, never a silent change.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadOpenfootball } from "../src/defaultGraph/loadOpenfootball.ts";
import { importFile, ImportError } from "../src/importing/importFile.ts";
import { graphDigest } from "./support/graphDigest.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let folder: string;
const seedsDir = () => inject("seedsDir");

beforeAll(async () => {
  graph = await openTestGraph();
  folder = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-ftx-"));
});

afterAll(async () => {
  // Remove what these tests imported: the facts only the test files vouch for, and their conflicts.
  await graph.database.write(
    `MATCH (s:Source) WHERE s.id STARTS WITH "dataset:ftx-test"
     OPTIONAL MATCH (n)-[:REPORTED_BY]->(s)
     WHERE NOT EXISTS { (n)-[:REPORTED_BY]->(other:Source) WHERE NOT other.id STARTS WITH "dataset:ftx-test" }
     DETACH DELETE n, s`,
  );
  await graph.database.write(`MATCH (c:Conflict) WHERE c.id CONTAINS "dataset:ftx-test" OPTIONAL MATCH (c)-[:HAS_CLAIM]->(claim) DETACH DELETE c, claim`);
  await graph.close();
  await rm(folder, { recursive: true, force: true });
});

async function fileWith(name: string, lines: string[]): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, lines.join("\n") + "\n");
  return file;
}

describe("a Football.TXT file", () => {
  const cupFile = (score: string) => [
    "= UEFA Conference League 2022/23",
    "",
    "» Group A",
    "  Thu Sep/8 2022",
    "    18.45  Ftxtest Alba (ENG)      v Ftxtest Borva (NOR)      2-1 (1-0)",
    "» Round of 16",
    "  Thu Mar/9 2023",
    `    21.00  Ftxtest Alba (ENG)      v Ftxtest Cetra (ITA)      ${score}`,
    "  Thu Mar/16",
    "    21.00  Ftxtest Cetra (ITA)     v Ftxtest Alba (ENG)       4-3 pen. 1-1 a.e.t. (0-0, 0-0)",
    "             (Cetrano 95'; Albani 119')",
  ];

  test("imports group matches into their stage without a tie, and a two-legged pair as one tie decided by the rules", async () => {
    const summary = await importFile(graph.database, await fileWith("ftx-test-cup.txt", cupFile("0-0")), { seedsDir: seedsDir() });
    expect(summary).toMatchObject({ format: "footballTxt", ties: 1, matches: 3 });
    expect(summary.clubs.created.map((club) => club.name).sort()).toEqual(["Ftxtest Alba", "Ftxtest Borva", "Ftxtest Cetra"]);

    const { stages } = await graph.query(`{
      stages(where: { season: { label: { eq: "2022-23" }, competition: { name: { eq: "UEFA Conference League" } } }, name: { eq: "Group stage" } }) {
        name matches(where: { homeClub: { name: { eq: "Ftxtest Alba" } } }) { group homeScore awayScore homeScoreAtHalfTime kickOffTime tie { id } sources { id } }
      }
    }`);
    expect(stages[0].matches).toEqual([
      { group: "A", homeScore: 2, awayScore: 1, homeScoreAtHalfTime: 1, kickOffTime: "18:45", tie: null, sources: [{ id: "dataset:ftx-test-cup" }] },
    ]);

    const { tie } = await graph.query(`{
      tie(competition: "Conference League", season: "2022-23", club: "Ftxtest Alba", opponent: "Ftxtest Cetra") {
        stage legs { legNumber homeClub { name } homeScoreAfterExtraTime goals { minute scorer { name } } }
        outcome { winner { name } decidedBy }
      }
    }`);
    expect(tie.legs.map((leg: { legNumber: number }) => leg.legNumber)).toEqual([1, 2]);
    expect(tie.legs[1]).toMatchObject({ homeClub: { name: "Ftxtest Cetra" }, homeScoreAfterExtraTime: 1, goals: [{ minute: 95, scorer: { name: "Cetrano" } }, { minute: 119 }] });
    expect(tie.outcome).toMatchObject({ winner: { name: "Ftxtest Cetra" }, decidedBy: "PENALTIES" });
  });

  test("the same source re-imported with a changed score is an update with old and new value", async () => {
    const summary = await importFile(graph.database, await fileWith("ftx-test-cup.txt", cupFile("1-1 (1-0)")), { seedsDir: seedsDir() });
    expect(summary.updates).toEqual([{ subject: expect.stringMatching(/round-of-16-.*-leg1$/), field: "score", old: "0-0", new: "1-1" }]);
    expect(summary.conflicts).toEqual([]);
    const { tie } = await graph.query(`{
      tie(competition: "Conference League", season: "2022-23", club: "Ftxtest Alba", opponent: "Ftxtest Cetra") { legs { homeScore awayScore sources { id } } }
    }`);
    expect(tie.legs[0]).toEqual({ homeScore: 1, awayScore: 1, sources: [{ id: "dataset:ftx-test-cup" }] });
  });

  test("a line it cannot read fails the file naming file and line, and nothing is written", async () => {
    const before = await graphDigest(graph.database);
    const lines = cupFile("0-0");
    lines[9] = "    21.00  Ftxtest Cetra (ITA)     v Ftxtest Alba (ENG)       1-1 n.V.";
    const failure = await importFile(graph.database, await fileWith("ftx-test-bad.txt", lines), { seedsDir: seedsDir() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toMatch(/ftx-test-bad\.txt, line 10: line not understood/);
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test.each([
    [
      "a goal at minute 93 of a match without extra time (stoppage time is 90+3)",
      ["    21.00  Ftxtest Cetra (ITA)     v Ftxtest Alba (ENG)       1-0 (0-0)", "             (Cetrano 93')"],
      "legs[1].goals[order 1] (93') is in extra time, but the score after 90 minutes puts it in normal time",
    ],
    [
      "a shoot-out no shoot-out ends with (9-1)",
      ["    21.00  Ftxtest Cetra (ITA)     v Ftxtest Alba (ENG)       9-1 pen. 1-1 a.e.t. (0-0, 0-0)"],
      "legs[1].shootOut: no shoot-out ends 9-1",
    ],
  ])("what the tie engine would refuse at query time is refused at the door, naming the tie: %s", async (_, secondLeg, problem) => {
    const before = await graphDigest(graph.database);
    const lines = [...cupFile("0-0").slice(0, 9), ...secondLeg];
    const failure = await importFile(graph.database, await fileWith("ftx-test-engine.txt", lines), { seedsDir: seedsDir() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toContain(`ties[0] (id "tie:uefa-conference-league-2022-23-round-of-16-ftxtest-alba-ftxtest-cetra"): invalid tie facts`);
    expect((failure as Error).message).toContain(problem);
    expect(await graphDigest(graph.database)).toEqual(before);
  });
});

describe("the same match from two sources", () => {
  test("openfootball's 2025-26 Dortmund v Atalanta play-off is the seeds' match and tie, reported by both", async () => {
    const { matches } = await graph.query(`{
      matches(where: { date: { eq: "2026-02-17" }, homeClub: { name: { eq: "Borussia Dortmund" } } }) {
        id homeScore awayScore tie { id legs { id } } sources { id }
      }
    }`);
    expect(matches).toHaveLength(1);
    expect(matches[0].tie.id).toBe("tie:uefa-champions-league-2025-26-knockout-phase-play-offs-borussia-dortmund-atalanta");
    expect(matches[0].tie.legs).toHaveLength(2);
    expect(matches[0].sources.map((source: { id: string }) => source.id)).toEqual(
      expect.arrayContaining(["002_b2e8621d5bc390d9", "openfootball:champions-league/2025-26/cl.txt"]),
    );
    const [row] = await graph.database.read<{ ties: number }>(
      `MATCH (t:Tie)-[:HAS_LEG]->(:Match)-[:HOME_CLUB]->(:Club {id: "club:borussia-dortmund"})
       WHERE t.season = "2025-26" AND EXISTS { (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB]->(:Club {id: "club:atalanta"}) }
       RETURN count(DISTINCT t) AS ties`,
    );
    expect(row?.ties).toBe(1);
  });

  test("a source that disagrees with the seeds on a score gives a Conflict with both claims; the seeds' value stays", async () => {
    // The seeds have Dortmund 3-2 Atalanta (Europa League 2017-18, round of 32, 15 Feb 2018).
    const file = await fileWith("ftx-test-other.txt", [
      "= UEFA Europa League 2017/18", "", "» Sechzehntelfinale", "  Thu Feb/15 2018",
      "    21.05  Borussia Dortmund (GER) v Atalanta BC (ITA)      3-1 (1-0)",
    ]);
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(summary).toMatchObject({ corroborated: 1, clubs: { created: [] } });
    expect(summary.conflicts).toHaveLength(1);

    const { matches } = await graph.query(`{
      matches(where: { id: { eq: "match:uefa-europa-league-2017-18-round-of-32-borussia-dortmund-atalanta-leg1" } }) {
        homeScore awayScore goals { order } sources { id }
        conflicts { kind field resolvedValue claims { value accepted source { id } } }
      }
    }`);
    expect(matches[0]).toMatchObject({ homeScore: 3, awayScore: 2 });
    expect(matches[0].goals).toHaveLength(5);
    expect(matches[0].sources.map((source: { id: string }) => source.id)).toContain("dataset:ftx-test-other");
    const conflict = matches[0].conflicts.find((found: { field: string }) => found.field === "score");
    expect(conflict).toMatchObject({ kind: "DISAGREEMENT", resolvedValue: "3-2" });
    expect(conflict.claims).toContainEqual({ value: "3-1", accepted: false, source: { id: "dataset:ftx-test-other" } });
    expect(conflict.claims.filter((claim: { value: string }) => claim.value === "3-2").length).toBeGreaterThan(0);
  });
});

describe("a results-file tie id re-imported (issue 10)", () => {
  const results = (score: [number, number]) => ({
    about: "constructed for the re-import test",
    sources: ["constructed"],
    ties: [{
      id: "ftx-test-reimport", competition: "UEFA Cup Winners' Cup", season: "1986-87", round: "First round", phase: "main",
      legs: [
        { date: "1986-09-17", home: "Ftxtest Delta", away: "Ftxtest Epsilon", h90: score[0], a90: score[1] },
        { date: "1986-10-01", home: "Ftxtest Epsilon", away: "Ftxtest Delta", h90: 0, a90: 0 },
      ],
      winner: "Ftxtest Delta", winner_basis: "test", source: "constructed",
    }],
  });

  test("the same file with a changed score reports an update; another file with another score gives a Conflict", async () => {
    const file = path.join(folder, "ftx-test-results.json");
    await writeFile(file, JSON.stringify(results([1, 0])));
    await importFile(graph.database, file, { seedsDir: seedsDir() });
    await writeFile(file, JSON.stringify(results([2, 0])));
    const again = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(again.updates).toEqual([{ subject: "match:ftx-test-reimport-leg1", field: "score", old: "1-0", new: "2-0" }]);

    const other = path.join(folder, "ftx-test-results-other.json");
    await writeFile(other, JSON.stringify(results([3, 0])));
    const disagreeing = await importFile(graph.database, other, { seedsDir: seedsDir() });
    expect(disagreeing.conflicts).toEqual(["conflict:ftx-test-reimport-leg1/score/dataset:ftx-test-results-other"]);
    const [row] = await graph.database.read<{ score: string; sources: string[]; claims: string[] }>(
      `MATCH (m:Match {id: "match:ftx-test-reimport-leg1"})
       RETURN toString(toInteger(m.homeScore)) + "-" + toString(toInteger(m.awayScore)) AS score,
              [(m)-[:REPORTED_BY]->(s) | s.id] AS sources,
              [(m)<-[:ABOUT]-(:Conflict)-[:HAS_CLAIM]->(c:Claim) | c.value] AS claims`,
    );
    expect(row?.score).toBe("2-0");
    expect(row?.sources.sort()).toEqual(["dataset:ftx-test-results", "dataset:ftx-test-results-other"]);
    expect(row?.claims.sort()).toEqual(["2-0", "3-0"]);
  });
});

describe("the default graph's openfootball files", () => {
  test("a file already loaded with the same content is skipped by its hash", async () => {
    const result = await loadOpenfootball(graph.database, (file) => file === "2025-26/cl.txt");
    expect(result).toMatchObject({ loaded: [], unchanged: ["2025-26/cl.txt"] });
  });

  test("a source that writes a match's clubs the other way round (a final at a neutral ground) gives the same match, and its recorded winner is kept", async () => {
    // The seeds have Dortmund 2-0 Atalanta on 17 Feb 2026; this file writes Atalanta first, 0-2.
    const file = await fileWith("results-test-reversed.json", [JSON.stringify({
      ties: [{
        id: "reversed-2025-26-bvb-ata", competition: "Champions League", season: "2025-26", round: "Knockout phase play-offs", winner: "Atalanta",
        legs: [
          { date: "2026-02-17", home: "Atalanta", away: "Borussia Dortmund", h90: 0, a90: 2 },
          { date: "2026-02-25", home: "Borussia Dortmund", away: "Atalanta", h90: 1, a90: 4 },
        ],
      }],
    })]);
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(summary).toMatchObject({ corroborated: 2, conflicts: [] });
    const [row] = await graph.database.read<{ ties: number; winner: string | null }>(
      `MATCH (t:Tie {id: "tie:uefa-champions-league-2025-26-knockout-phase-play-offs-borussia-dortmund-atalanta"})
       RETURN count { (:Tie {id: "tie:reversed-2025-26-bvb-ata"}) } AS ties, t.sourceWinnerName AS winner`,
    );
    expect(row).toEqual({ ties: 0, winner: "Atalanta" });
  });
});
