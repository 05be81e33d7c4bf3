import { describe, expect, test } from "vitest";
import { compareRelevance, rankNeighbourhood, type NeighbourCandidate } from "./rankNeighbourhood.ts";

const node = (id: string, kind: string, level: number, more: Partial<NeighbourCandidate> = {}): NeighbourCandidate => ({
  id,
  kind,
  level,
  container: false,
  season: null,
  competitionId: null,
  competitionName: null,
  date: null,
  ...more,
});

// Around a scorer: his goal and club (level 1), the goal's match and tie (containers, level 1),
// his club's other matches and a card from another season (level 2).
const goal = node("goal:1", "Goal", 1, { season: "2017-18" });
const club = node("club:bvb", "Club", 1);
const scoredIn = node("match:3-2", "Match", 1, { container: true, season: "2017-18", date: "2018-02-15", competitionId: "competition:uel", competitionName: "UEFA Europa League" });
const tie = node("tie:2018", "Tie", 1, { container: true, season: "2017-18", competitionId: "competition:uel", competitionName: "UEFA Europa League" });
const clubMatch2026 = node("match:2026", "Match", 2, { season: "2025-26", date: "2026-02-17", competitionId: "competition:ucl", competitionName: "UEFA Champions League" });
const card2026 = node("card:2026", "Card", 2, { season: "2025-26" });

describe("compareRelevance", () => {
  test.each<[string, NeighbourCandidate, NeighbourCandidate]>([
    ["a direct fact comes before the match it belongs to", goal, scoredIn],
    ["the match a fact belongs to comes before anything two steps away", scoredIn, clubMatch2026],
    ["a tie a fact belongs to comes before a card two steps away", tie, card2026],
    ["within a level, goals before clubs", goal, club],
    ["among containers, matches before ties", scoredIn, tie],
    ["the more recent of two matches first", node("m:2", "Match", 1, { date: "2019-01-01" }), node("m:1", "Match", 1, { date: "2018-01-01" })],
    ["the same rank otherwise: by id", node("a", "Club", 1), node("b", "Club", 1)],
  ])("%s", (_name, first, second) => {
    expect(compareRelevance(first, second)).toBeLessThan(0);
    expect(compareRelevance(second, first)).toBeGreaterThan(0);
  });
});

describe("rankNeighbourhood", () => {
  const all = [card2026, clubMatch2026, tie, scoredIn, club, goal];

  test("the scorer's match is on the first page of three, the 2025-26 card is not", () => {
    const { page, total, nextOffset } = rankNeighbourhood(all, {}, 0, 3);
    expect(page.map((candidate) => candidate.id)).toEqual(["goal:1", "club:bvb", "match:3-2"]);
    expect(total).toBe(6);
    expect(nextOffset).toBe(3);
  });

  test.each<[string, Parameters<typeof rankNeighbourhood>[1], number, number, string[], number | null]>([
    ["the second page continues where the first stopped, and is the last", {}, 3, 3, ["tie:2018", "match:2026", "card:2026"], null],
    ["a page past the end is empty", {}, 6, 3, [], null],
    ["only matches", { kinds: ["Match"] }, 0, 10, ["match:3-2", "match:2026"], null],
    ["only one season", { season: "2025-26" }, 0, 10, ["match:2026", "card:2026"], null],
    ["only one competition, by id", { competition: "competition:uel" }, 0, 10, ["match:3-2", "tie:2018"], null],
    ["only one competition, by name", { competition: "UEFA Champions League" }, 0, 10, ["match:2026"], null],
    ["kinds and season together", { kinds: ["Match"], season: "2017-18" }, 0, 1, ["match:3-2"], null],
    ["a season nothing belongs to", { season: "1990-91" }, 0, 10, [], null],
    ["an empty page (limit 0) has no next page, however many there are", {}, 0, 0, [], null],
  ])("%s", (_name, filter, offset, limit, ids, nextOffset) => {
    const result = rankNeighbourhood(all, filter, offset, limit);
    expect(result.page.map((candidate) => candidate.id)).toEqual(ids);
    expect(result.nextOffset).toBe(nextOffset);
  });

  test("offers the seasons and competitions present, for filter menus", () => {
    const { seasons, competitions } = rankNeighbourhood(all, {}, 0, 1);
    expect(seasons).toEqual(["2025-26", "2017-18"]);
    expect(competitions).toEqual([
      { id: "competition:ucl", name: "UEFA Champions League" },
      { id: "competition:uel", name: "UEFA Europa League" },
    ]);
  });
});
