/**
 * The tie engine through the API: outcomes under each season's rules, the timeline goal by goal,
 * and what-if outcomes under another rule set — on the real graph.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { importFile } from "../src/importing/importFile.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
  await importFile(graph.database, path.join(import.meta.dirname, "fixtures", "what-if-ties.json"), { seedsDir: inject("seedsDir") });
});
afterAll(() => graph.close());

const timelineOf = async (competition: string, season: string) => {
  const { tie } = await graph.query(`query ($c: String!, $s: String!) {
    tie(competition: $c, season: $s, club: "Dortmund", opponent: "Atalanta") {
      ruleSetId
      outcome { winner { name } decidedBy explanation awayGoals { club { name } goals } extraTimePlayed }
      timeline { sequence kind leg minute addedTime minuteKnown period scorer { name } club { name } homeScore awayScore
                 aggregate { club { name } goals } goingThrough { name } basis nextIfLevel description leaderFlipped }
    }
  }`, { c: competition, s: season });
  return tie;
};

describe("Borussia Dortmund v Atalanta, 2017-18: away goals in force", () => {
  test("Toloi's early goal in the second leg put Atalanta through on away goals until Schmelzer's equaliser", async () => {
    const tie = await timelineOf("Europa League", "2017-18");
    const goals = tie.timeline.filter((entry: any) => entry.kind === "GOAL" && entry.leg === 2);
    expect(goals.map((entry: any) => [entry.scorer.name, entry.minute, entry.goingThrough.name, entry.basis])).toEqual([
      ["Rafael Tolói", 11, "Atalanta", "AWAY_GOALS"],
      ["Marcel Schmelzer", 83, "Borussia Dortmund", "AGGREGATE"],
    ]);
    expect(goals[0].description).toContain("Atalanta ahead on away goals");
    expect(goals[1].leaderFlipped).toBe(true);
    expect(goals[1].aggregate).toEqual([
      { club: { name: "Borussia Dortmund" }, goals: 4 },
      { club: { name: "Atalanta" }, goals: 3 },
    ]);
  });

  test("goals without a reported minute keep their order and say so", async () => {
    const tie = await timelineOf("Europa League", "2017-18");
    const firstLeg = tie.timeline.filter((entry: any) => entry.kind === "GOAL" && entry.leg === 1);
    expect(firstLeg.map((entry: any) => [entry.sequence, entry.homeScore, entry.awayScore, entry.minuteKnown])).toEqual([
      [1, 1, 0, false],
      [2, 1, 1, false],
      [3, 1, 2, false],
      [4, 2, 2, false],
      [5, 3, 2, false],
    ]);
  });
});

describe("Borussia Dortmund v Atalanta, 2025-26: no away goals any more", () => {
  test("Atalanta win 4-3 on aggregate, and no away-goals count is given", async () => {
    const tie = await timelineOf("Champions League", "2025-26");
    expect(tie.outcome).toMatchObject({ winner: { name: "Atalanta" }, decidedBy: "AGGREGATE", awayGoals: [], extraTimePlayed: false });
  });

  test("at 3-3 on aggregate after Adeyemi's goal the tie was level, with extra time to follow", async () => {
    const tie = await timelineOf("Champions League", "2025-26");
    const adeyemi = tie.timeline.find((entry: any) => entry.scorer?.name === "Karim Adeyemi");
    expect(adeyemi).toMatchObject({ minute: 75, goingThrough: null, basis: null, nextIfLevel: "EXTRA_TIME" });
    expect(adeyemi.aggregate.map((entry: any) => entry.goals)).toEqual([3, 3]);
    const winner = tie.timeline.findLast((entry: any) => entry.kind === "GOAL");
    expect(winner).toMatchObject({ minute: 90, addedTime: 8, goingThrough: { name: "Atalanta" }, basis: "AGGREGATE" });
  });
});

describe("what if: the same tie under another rule set", () => {
  const semiFinal = `query ($rules: ID!) {
    tie(competition: "Champions League", season: "2021-22", club: "Manchester City", opponent: "Real Madrid") {
      ruleSetId
      outcome { winner { name } decidedBy explanation extraTimePlayed }
      whatIf: outcomeUnder(ruleSetId: $rules) { winner { name } decidedBy explanation awayGoals { club { name } goals } extraTimePlayed ruleSetId }
    }
  }`;

  test("Real Madrid beat Manchester City after extra time in 2021-22; under the old away-goals rule they go through before it", async () => {
    const { tie } = await graph.query(semiFinal, { rules: "two-legs-away-goals-incl-et-penalties" });
    expect(tie.outcome).toMatchObject({ winner: { name: "Real Madrid" }, decidedBy: "EXTRA_TIME", extraTimePlayed: true });
    expect(tie.whatIf).toMatchObject({
      winner: { name: "Real Madrid" },
      decidedBy: "AWAY_GOALS",
      extraTimePlayed: false,
      ruleSetId: "two-legs-away-goals-incl-et-penalties",
    });
    expect(tie.whatIf.awayGoals).toEqual([
      // The fixture's "Manchester City" is the register's club, named as the register names it.
      { club: { name: "Manchester City FC" }, goals: 1 },
      { club: { name: "Real Madrid" }, goals: 3 },
    ]);
    expect(tie.ruleSetId).not.toBe(tie.whatIf.ruleSetId);
  });

  test("a club given by part of its name is found when no name or alias matches exactly", async () => {
    // Not "madrid": with the default graph's 2021-22 season loaded, City also met Atlético Madrid (ambiguous, rightly).
    const { tie } = await graph.query(`{ tie(competition: "Champions League", season: "2021-22", club: "City", opponent: "real") { id } }`);
    // The fixture's tie, or the default graph's copy of it when that was loaded first (one tie either way).
    expect(tie.id).toMatch(/^tie:(whatif-ucl-2021-22-semifinal-mancity-realmadrid|uefa-champions-league-2021-22-semi-finals-eng-manchester-city-fc-real-madrid)$/);
  });

  test("an unknown rule set is an error naming the known ones", async () => {
    const result = await graph.execute(semiFinal, { rules: "no-such-rules" });
    expect(result.errors?.[0]?.message).toMatch(/unknown rule set id "no-such-rules"; known ids: .*two-legs-away-goals-incl-et-penalties/);
  });

  test("every rule set can be listed, with the one the tie used among them", async () => {
    const { ruleSets } = await graph.query(`{ ruleSets { id format awayGoals extraTime ifStillLevel sources } }`);
    const ids = ruleSets.map((ruleSet: any) => ruleSet.id);
    const { tie } = await graph.query(semiFinal, { rules: "two-legs-away-goals-incl-et-penalties" });
    expect(ids).toContain(tie.ruleSetId);
    expect(ruleSets.every((ruleSet: any) => ruleSet.sources.length > 0)).toBe(true);
  });
});
