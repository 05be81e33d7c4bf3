/**
 * Where the reports disagree, each report's claim is kept, the graph holds one resolved value,
 * and the API says which, why, and who claimed what. Claims that are wrong in themselves (ruled
 * out by the rules, contradicted by reference knowledge) are flagged; tie outcomes stay the rules'.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
});
afterAll(() => graph.close());

const report = { toloi: "000_f5e06081ba05248a", firstLeg2018: "001_fc13524a48c981e6", unreliable2026: "002_b2e8621d5bc390d9", dutch: "003_b026fd173a5ae0fd", flemish: "004_316c5d4b5ef23b07" };
const claimFields = "value wording accepted flag note source { id }";

describe("Tolói's goal, 22 February 2018: three reports, three minutes", () => {
  test("the goal holds minute 11 and its conflict keeps the three claims with their sources and the resolution", async () => {
    const { tie } = await graph.query(`{
      tie(competition: "Europa League", season: "2017-18", club: "Atalanta", opponent: "Dortmund") {
        legs { goals { minute scorer { name } conflicts(where: {field: {eq: "minute"}}) {
          id kind field resolvedValue resolution sources { id } claims { ${claimFields} }
        } } }
      }
    }`);
    const goal = tie.legs[1].goals[0];
    expect(goal).toMatchObject({ minute: 11, scorer: { name: "Rafael Tolói" } });
    expect(goal.conflicts).toHaveLength(1);
    const [conflict] = goal.conflicts;
    expect(conflict).toMatchObject({ id: "conflict:c1-toloi-goal-minute", kind: "DISAGREEMENT", field: "minute", resolvedValue: "11" });
    expect(conflict.resolution).toMatch(/11th minute/);
    expect(conflict.claims.map((claim: any) => [claim.source.id, claim.value, claim.accepted])).toEqual([
      [report.toloi, "11", true],
      [report.dutch, "10", false],
      [report.flemish, "11", true],
    ]);
    for (const claim of conflict.claims) expect(claim.wording).toBeTruthy();
    expect(conflict.sources.map((source: any) => source.id).sort()).toEqual([report.toloi, report.flemish]);
  });

  test("each claim can be read from the goal and from its source", async () => {
    const { sources } = await graph.query(`{
      sources(where: {id: {eq: "${report.dutch}"}}) { claims { field value conflict { id } subject { __typename ... on Goal { minute } ... on Match { id } } } }
    }`);
    const minuteClaim = sources[0].claims.find((claim: any) => claim.conflict.id === "conflict:c1-toloi-goal-minute");
    expect(minuteClaim).toMatchObject({ field: "minute", value: "10", subject: { __typename: "Goal", minute: 11 } });
  });
});

describe("all conflicts", () => {
  test("every conflict has a subject, claims with one source each, a resolution and the sources it rests on", async () => {
    const { conflicts } = await graph.query(`{
      conflicts(limit: 100, sort: [{id: ASC}]) { id kind field resolution subject { __typename } sources { id } claims { accepted source { id } } }
    }`);
    expect(conflicts.length).toBeGreaterThanOrEqual(20);
    for (const conflict of conflicts) {
      expect(conflict.subject, conflict.id).not.toBeNull();
      expect(conflict.sources.length, conflict.id).toBeGreaterThan(0);
      expect(conflict.claims.length, conflict.id).toBeGreaterThan(0);
      for (const claim of conflict.claims) expect(claim.source, conflict.id).not.toBeNull();
      expect(conflict.resolution.length, conflict.id).toBeGreaterThan(20);
    }
    const kinds = new Set(conflicts.map((conflict: any) => conflict.kind));
    expect([...kinds].sort()).toEqual(["APPARENT", "CONTRADICTED_BY_REFERENCE", "CONTRADICTS_ITSELF", "CONTRADICTS_RULES", "DISAGREEMENT", "UNVERIFIED"]);
  });

  test("the 2018 venue: 003's Bergamo is kept but outweighed by three reports", async () => {
    const { conflicts } = await graph.query(`{
      conflicts(where: {id: {eq: "conflict:c2-dortmund-atalanta-2018-second-leg-venue"}}) {
        resolvedValue subject { ... on Match { stadium { name city } } } claims { ${claimFields} }
      }
    }`);
    const [venue] = conflicts;
    expect(venue.subject.stadium).toEqual({ name: "Mapei Stadium", city: "Reggio Emilia" });
    expect(venue.resolvedValue).toBe("Mapei Stadium, Reggio Emilia");
    const bergamo = venue.claims.find((claim: any) => claim.value === "Bergamo");
    expect(bergamo).toMatchObject({ accepted: false, flag: null, source: { id: report.dutch } });
  });

  test("a report contradicting itself: 004 has Dortmund through and Batshuayi out of Europe", async () => {
    const { tie } = await graph.query(`{
      tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta") {
        outcome { winner { name } } conflicts { kind resolvedValue claims { ${claimFields} } }
      }
    }`);
    expect(tie.outcome.winner.name).toBe("Borussia Dortmund");
    const [conflict] = tie.conflicts;
    expect(conflict).toMatchObject({ kind: "CONTRADICTS_ITSELF", resolvedValue: "Borussia Dortmund" });
    const flagged = conflict.claims.filter((claim: any) => claim.flag === "CONTRADICTS_ITSELF");
    expect(flagged).toEqual([expect.objectContaining({ accepted: false, source: { id: report.flemish } })]);
  });
});

describe("flagged claims", () => {
  test("002's away-goals claim is flagged as contradicting the 2025-26 rules, which have no away goals", async () => {
    const { flaggedClaims } = await graph.query(`{
      flaggedClaims(flag: CONTRADICTS_RULES) {
        id field value accepted flag note source { id }
        conflict { kind resolvedValue resolution }
        subject { ... on Goal { scorer { name } match { tie { season ruleSetId } } } }
      }
      ruleSets { id awayGoals }
    }`);
    expect(flaggedClaims).toHaveLength(1);
    const [claim] = flaggedClaims;
    expect(claim).toMatchObject({
      field: "tieState", value: "Atalanta ahead on away goals", accepted: false, flag: "CONTRADICTS_RULES",
      source: { id: report.unreliable2026 },
      conflict: { kind: "CONTRADICTS_RULES", resolvedValue: "Atalanta ahead on aggregate 3-2" },
      subject: { scorer: { name: "Mario Pašalić" }, match: { tie: { season: "2025-26" } } },
    });
    expect(claim.conflict.resolution).toMatch(/2021-22/);
  });

  test("the rule set of that tie indeed has no away goals, and the computed timeline agrees with the resolution, not the claim", async () => {
    const { tie, ruleSets } = await graph.query(`{
      tie(competition: "Champions League", season: "2025-26", club: "Atalanta", opponent: "Dortmund") {
        ruleSetId
        outcome { winner { name } decidedBy extraTimePlayed explanation }
        timeline { leg kind scorer { name } description basis }
      }
      ruleSets { id awayGoals }
    }`);
    expect(ruleSets.find((ruleSet: any) => ruleSet.id === tie.ruleSetId).awayGoals).toBe("NONE");
    const afterPasalic = tie.timeline.find((entry: any) => entry.leg === 2 && entry.scorer?.name === "Mario Pašalić");
    expect(afterPasalic).toMatchObject({ description: "Atalanta ahead on aggregate 3-2", basis: "AGGREGATE" });
    expect(tie.outcome).toMatchObject({ winner: { name: "Atalanta" }, decidedBy: "AGGREGATE", extraTimePlayed: false });
  });

  test("002's account of the 2026 second leg is kept as claims and flagged where reference knowledge contradicts it", async () => {
    const { flaggedClaims } = await graph.query(`{
      flaggedClaims(flag: CONTRADICTED_BY_REFERENCE) { field value source { id } conflict { id resolvedValue } }
    }`);
    const byConflict = Object.fromEntries(flaggedClaims.map((claim: any) => [claim.conflict.id, claim]));
    expect(byConflict["conflict:c4-dortmund-atalanta-2026-extra-time"]).toMatchObject({ field: "extraTime", conflict: { resolvedValue: "not played: 4-1 after 90 minutes" } });
    expect(byConflict["conflict:c5-samardzic-penalty-minute"]).toMatchObject({ field: "minute", value: "97", conflict: { resolvedValue: "90+8" } });
    expect(byConflict["conflict:c6-penalty-offender"]).toMatchObject({ value: "Nico Schlotterbeck", conflict: { resolvedValue: "Ramy Bensebaini" } });
    expect(byConflict["conflict:c7-dortmund-atalanta-2026-date"]).toMatchObject({ value: "2026-02-24", conflict: { resolvedValue: "2026-02-25" } });
    expect(byConflict["conflict:c8-atalanta-coach-2026"]).toMatchObject({ value: "Gian Piero Gasperini", conflict: { resolvedValue: "Raffaele Palladino" } });
    for (const claim of flaggedClaims) expect(claim.source.id).toBe(report.unreliable2026);

    const { matches } = await graph.query(`{
      matches(where: {id: {eq: "match:uefa-champions-league-2025-26-knockout-phase-play-offs-borussia-dortmund-atalanta-leg2"}}) {
        date homeScore awayScore homeScoreAfterExtraTime awayScoreAfterExtraTime
        goals { order minute addedTime scorer { name } penalty sources { id } }
      }
    }`);
    const [secondLeg] = matches;
    expect(secondLeg).toMatchObject({ date: "2026-02-25", homeScore: 4, awayScore: 1, homeScoreAfterExtraTime: null, awayScoreAfterExtraTime: null });
    expect(secondLeg.goals[4]).toMatchObject({ minute: 90, addedTime: 8, penalty: true, scorer: { name: "Lazar Samardžić" } });
    expect(secondLeg.goals[4].sources.map((source: any) => source.id).sort()).toEqual([report.unreliable2026, "reference:general-knowledge"]);
  });

  test("what only 002 states (bookings, statistics, attendance) is kept but flagged unverified", async () => {
    const { flaggedClaims } = await graph.query(`{ flaggedClaims(flag: UNVERIFIED) { accepted source { id } subject { __typename } } }`);
    expect(flaggedClaims).toHaveLength(7);
    for (const claim of flaggedClaims) expect(claim).toMatchObject({ accepted: true, source: { id: report.unreliable2026 } });
    expect(flaggedClaims.map((claim: any) => claim.subject.__typename).sort()).toEqual(["Card", "Card", "Card", "Card", "Match", "MatchStatistics", "MatchStatistics"]);
  });

  test("all flags together, and the source that makes most of them says why it is weighed lightly", async () => {
    const { flaggedClaims, sources } = await graph.query(`{
      flaggedClaims { flag }
      sources(where: {id: {eq: "${report.unreliable2026}"}}) { note citedOutlets }
    }`);
    expect(new Set(flaggedClaims.map((claim: any) => claim.flag))).toEqual(new Set(["CONTRADICTS_RULES", "CONTRADICTS_ITSELF", "CONTRADICTED_BY_REFERENCE", "UNVERIFIED"]));
    expect(sources[0].citedOutlets).toEqual(["ESPN", "UEFA.com", "VAVEL"]);
    expect(sources[0].note).toMatch(/contemporary match reports/);
  });
});
