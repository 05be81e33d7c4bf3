import { describe, expect, test } from "vitest";
import { parseResultsFile } from "../ties/index.ts";
import { createClubResolver } from "../identity/createClubResolver.ts";
import { resultsToFacts, type ExistingGraph } from "./resultsToFacts.ts";

const leg = (home: string, away: string, h90: number, a90: number, extra: Record<string, unknown> = {}) => ({ date: null, home, away, h90, a90, ...extra });
const tie = (id: string, legs: unknown[], winner: string) => ({
  id, competition: "UEFA Cup Winners' Cup", season: "1980-81", round: "First round", phase: "main", legs, winner, winner_basis: "x", source: "x",
});
const file = (ties: unknown[]) => parseResultsFile({ about: "test", sources: ["test"], ties }, "clubs-test.json");
const nothingYet: ExistingGraph = { competitions: [], clubs: [] };

describe("clubs are one per name within a file, and matched to the graph only when unambiguous", () => {
  test.each([
    {
      why: "two spellings differing only in accents and case are one club",
      names: ["Dinamo București", "DINAMO BUCURESTI"],
      existing: nothingYet,
      expected: ["club:dinamo-bucuresti", "club:dinamo-bucuresti"],
    },
    {
      why: "two different names are two clubs, even when one contains the other",
      names: ["Dinamo", "Dinamo Tbilisi"],
      existing: nothingYet,
      expected: ["club:dinamo", "club:dinamo-tbilisi"],
    },
    {
      why: "a name one existing club answers to (by alias) is that club",
      names: ["BVB", "Atalanta"],
      existing: { competitions: [], clubs: [{ id: "club:borussia-dortmund", name: "Borussia Dortmund", aliases: ["BVB"] }] },
      expected: ["club:borussia-dortmund", "club:atalanta"],
    },
    {
      why: "a spelling with a club-form word joins the club the file made for the first spelling",
      names: ["Testclub Aldea", "FC Testclub Aldea"],
      existing: nothingYet,
      expected: ["club:testclub-aldea", "club:testclub-aldea"],
    },
    {
      why: "a new club whose id is taken by another club gets the next free id",
      names: ["Rangers", "Celtic"],
      existing: { competitions: [], clubs: [{ id: "club:rangers", name: "Rangers FC of somewhere else", aliases: [] }] },
      expected: ["club:rangers-2", "club:celtic"],
    },
  ])("$why", ({ names, existing, expected }) => {
    const [first, second] = names as [string, string];
    const facts = resultsToFacts(file([tie("t1", [leg(first, second, 1, 0), leg(second, first, 0, 0)], first)]), existing);
    const leg1 = facts.matches![0]!;
    expect([leg1.home, leg1.away]).toEqual(expected);
    const created = facts.clubs!.map((club) => club.id);
    for (const id of expected) expect(created.includes(id)).toBe(!existing.clubs.some((club) => club.id === id));
  });
});

test("a name two existing clubs answer to merges with neither: the resolver records a problem naming file, record and field", () => {
  const existing: ExistingGraph = {
    competitions: [],
    clubs: [{ id: "club:sporting-cp", name: "Sporting CP", aliases: ["Sporting"] }, { id: "club:sporting-gijon", name: "Sporting Gijón", aliases: ["Sporting"] }],
  };
  const resolver = createClubResolver({ clubs: existing.clubs });
  resultsToFacts(file([tie("t1", [leg("Sporting", "Atalanta", 1, 0), leg("Atalanta", "Sporting", 0, 0)], "Atalanta")]), existing, { clubResolver: resolver });
  expect(resolver.problems).toEqual([expect.stringMatching(/^clubs-test\.json, tie "t1", field legs\[0\]\.home: the club name "Sporting" is ambiguous/)]);
});

describe("what a tie becomes", () => {
  const facts = resultsToFacts(
    file([tie("t1", [leg("A Club", "B Club", 1, 1), leg("B Club", "A Club", 1, 1, { hET: 1, aET: 1, method_note: "coin toss" })], "B Club")]),
    nothingYet,
  );

  test("every fact names the file as its source", () => {
    expect(facts.sources).toEqual([{ id: "dataset:clubs-test", kind: "DATASET", title: "Results file clubs-test.json" }]);
    for (const record of [...facts.ties!, ...facts.matches!, ...facts.clubs!, ...facts.seasons!, ...facts.stages!]) {
      expect(record.sources).toEqual(["dataset:clubs-test"]);
    }
  });

  test("a coin toss in a method note is recorded as a fact of the tie, won by the recorded winner", () => {
    expect(facts.ties![0]).toMatchObject({ recordedDecision: "COIN_TOSS", recordedWinner: "club:b-club", sourceWinnerName: "B Club" });
  });

  test("a new competition the catalogue knows takes its other names as aliases", () => {
    expect(facts.competitions![0]!.aliases).toEqual(expect.arrayContaining(["Cup Winners' Cup"]));
  });

  test("scores after extra time are kept beside the 90-minute score", () => {
    expect(facts.matches![1]).toMatchObject({ homeScore: 1, awayScore: 1, homeScoreAfterExtraTime: 1, awayScoreAfterExtraTime: 1, legNumber: 2 });
  });
});
