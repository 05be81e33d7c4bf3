import { describe, expect, test } from "vitest";
import type { SeedFile, SeedMatch } from "../seeds/seedFormat.ts";
import { comparedValuesOf, reconcileMatches, type ExistingMatch, type ExistingTie } from "./reconcileMatches.ts";

const source = "openfootball:champions-league/2025-26/cl.txt";
const leg = (id: string, tie: string, extra: Partial<SeedMatch> = {}): SeedMatch => ({
  id, tie, legNumber: 1, date: "2026-02-17", home: "club:borussia-dortmund", away: "club:atalanta",
  homeScore: 2, awayScore: 0, goals: [], sources: [source], ...extra,
});
const batch = (matches: SeedMatch[]): SeedFile => ({
  ties: [{ id: "tie:of", stage: "stage:s", clubs: ["club:borussia-dortmund", "club:atalanta"], sources: [source] }],
  matches,
});
const held = (id: string, sources: string[], values: Record<string, string>, tie: string | null = "tie:seed"): ExistingMatch => ({ id, tie, sources, values });

describe("reconcileMatches", () => {
  test.each([
    {
      case: "a match nobody gave yet is written as it is",
      existing: [],
      written: ["match:of-leg1"], corroborated: 0, conflicts: 0, updates: [],
    },
    {
      case: "the seeds' match with the same score: not written again, the source is added, no conflict",
      existing: [["match:of-leg1", held("match:seed-leg1", ["002_report"], { date: "2026-02-17", score: "2-0" })]],
      written: [], corroborated: 1, conflicts: 0, updates: [],
    },
    {
      case: "the seeds' match with another score: a conflict, the seeds' value kept",
      existing: [["match:of-leg1", held("match:seed-leg1", ["002_report"], { date: "2026-02-17", score: "2-1" })]],
      written: [], corroborated: 1, conflicts: 1, updates: [],
    },
    {
      case: "a match only this source gave, now with another score: rewritten, reported as an update",
      existing: [["match:of-leg1", held("match:of-leg1", [source], { date: "2026-02-17", score: "1-0" }, "tie:of")]],
      written: ["match:of-leg1"], corroborated: 0, conflicts: 0, updates: [{ subject: "match:of-leg1", field: "score", old: "1-0", new: "2-0" }],
    },
    {
      case: "a match this source and the seeds gave: never rewritten by this source alone",
      existing: [["match:of-leg1", held("match:seed-leg1", ["002_report", source], { date: "2026-02-17", score: "2-1" })]],
      written: [], corroborated: 1, conflicts: 1, updates: [],
    },
  ] as const)("$case", ({ existing, written, corroborated, conflicts, updates }) => {
    const ties = new Map<string, ExistingTie>([["tie:seed", { id: "tie:seed", sources: ["002_report"] }]]);
    const result = reconcileMatches(batch([leg("match:of-leg1", "tie:of")]), source, new Map(existing as unknown as [string, ExistingMatch][]), ties);
    expect(result.facts.matches!.map((match) => match.id)).toEqual(written);
    expect(result.corroborated).toBe(corroborated);
    expect(result.conflicts).toHaveLength(conflicts);
    expect(result.updates).toEqual(updates);
  });

  test("a conflict keeps one claim per source, the held value accepted", () => {
    const existing = new Map([["match:of-leg1", held("match:seed-leg1", ["002_report", "reference:general-knowledge"], { score: "2-1" })]]);
    const { facts } = reconcileMatches(batch([leg("match:of-leg1", "tie:of")]), source, existing, new Map());
    expect(facts.conflicts).toEqual([expect.objectContaining({
      kind: "DISAGREEMENT", subject: "match:seed-leg1", field: "score", resolvedValue: "2-1",
      claims: [
        { value: "2-1", accepted: true, sources: ["002_report"] },
        { value: "2-1", accepted: true, sources: ["reference:general-knowledge"] },
        expect.objectContaining({ value: "2-0", accepted: false, sources: [source] }),
      ],
    })]);
  });

  test("the other leg of a tie the graph holds joins that tie", () => {
    const existing = new Map([["match:of-leg1", held("match:seed-leg1", ["002_report"], { score: "2-0" })]]);
    const ties = new Map<string, ExistingTie>([["tie:seed", { id: "tie:seed", sources: ["002_report"] }]]);
    const second = leg("match:of-leg2", "tie:of", { legNumber: 2, date: "2026-02-25", home: "club:atalanta", away: "club:borussia-dortmund" });
    const { facts } = reconcileMatches(batch([leg("match:of-leg1", "tie:of"), second]), source, existing, ties);
    expect(facts.ties).toEqual([]);
    expect(facts.matches).toEqual([expect.objectContaining({ id: "match:of-leg2", tie: "tie:seed" })]);
    expect(facts.corroborations).toEqual([
      { label: "Tie", id: "tie:seed", sources: [source] },
      { label: "Match", id: "match:seed-leg1", sources: [source] },
    ]);
  });

  test.each([
    ["scores as home-away", { homeScore: 2, awayScore: 0 }, { score: "2-0" }],
    ["extra time and shoot-out", { homeScoreAfterExtraTime: 1, awayScoreAfterExtraTime: 1, homePenalties: 4, awayPenalties: 3 }, { scoreAfterExtraTime: "1-1", penalties: "4-3" }],
    ["an unknown score is no value", { homeScore: 2 }, {}],
    ["an awarded score is a value; not awarded is none", { awarded: true }, { awarded: "true" }],
  ])("compared values: %s", (_, match, values) => {
    expect(comparedValuesOf(match)).toEqual(values);
  });
});

describe("a recorded decision from another source (Stuttgart v Leeds 1992-93: replay ordered)", () => {
  const decided = (decision: "COIN_TOSS" | "AWARDED" | "REPLAY_ORDERED"): SeedFile => ({
    ties: [{ id: "tie:of", stage: "stage:s", clubs: ["club:borussia-dortmund", "club:atalanta"], recordedDecision: decision, recordedWinner: "club:atalanta", recordedDecisionNote: "ordered by the organiser", sources: [source] }],
    matches: [leg("match:of-leg1", "tie:of")],
  });
  const existing = new Map([["match:of-leg1", held("match:seed-leg1", ["002_report"], { date: "2026-02-17", score: "2-0" })]]);
  test.each([
    { case: "the tie held without a decision takes this source's decision", held: null, added: ["REPLAY_ORDERED"], conflicts: 0 },
    { case: "the tie held with the same decision: nothing to add, no conflict", held: "REPLAY_ORDERED", added: [], conflicts: 0 },
    { case: "the tie held with another decision: the held one stays, a conflict keeps both", held: "COIN_TOSS", added: [], conflicts: 1 },
  ] as const)("$case", ({ held: heldDecision, added, conflicts }) => {
    const ties = new Map<string, ExistingTie>([["tie:seed", { id: "tie:seed", sources: ["002_report"], recordedDecision: heldDecision }]]);
    const result = reconcileMatches(decided("REPLAY_ORDERED"), source, existing, ties);
    expect(result.facts.ties).toEqual([]);
    expect(result.addedDecisions.map((decision) => [decision.tie, decision.recordedDecision])).toEqual(added.map((kind) => ["tie:seed", kind]));
    expect(result.conflicts).toHaveLength(conflicts);
  });
});
