import { describe, expect, test } from "vitest";
import { describeGraphNode, formatDate, formatMinute } from "./describeGraphNode.ts";

const node = (kind: string, properties: Record<string, unknown>, context: Record<string, unknown> = {}) => ({
  id: `${kind.toLowerCase()}:x`,
  kind,
  properties,
  context,
});

describe("the caption and details the explorer draws for a node", () => {
  test.each([
    ["a player by name, with position and nationality", node("Player", { name: "Michy Batshuayi", position: "Forward", nationality: "Belgium" }), "Michy Batshuayi", "Player · Forward · Belgium"],
    ["a club with its country", node("Club", { name: "Borussia Dortmund", country: "Germany" }), "Borussia Dortmund", "Club · Germany"],
    [
      "a played match with its score, leg, date and competition",
      node("Match", { legNumber: 1, played: true, homeScore: 3, awayScore: 2, date: "2018-02-15" }, { home: "Borussia Dortmund", away: "Atalanta", competition: "UEFA Europa League", season: "2017-18" }),
      "Borussia Dortmund 3-2 Atalanta",
      "Match · Leg 1 · 15 Feb 2018 · UEFA Europa League 2017-18",
    ],
    [
      "a group-stage match (of no tie): its stage and group instead of a leg, the competition through its stage",
      node("Match", { legNumber: 1, played: true, homeScore: 2, awayScore: 1, date: "2012-09-19", group: "F" }, { home: "Bayern München", away: "Valencia CF", inTie: false, stage: "Group stage", competition: "UEFA Champions League", season: "2012-13" }),
      "Bayern München 2-1 Valencia CF",
      "Match · Group stage · group F · 19 Sep 2012 · UEFA Champions League 2012-13",
    ],
    [
      "a match not played yet, without a score",
      node("Match", { legNumber: 2, played: false, homeScore: null, awayScore: null, date: "2026-02-25" }, { home: "Atalanta", away: "Borussia Dortmund" }),
      "Atalanta v Borussia Dortmund",
      "Match · Leg 2 · 25 Feb 2026 · not played yet",
    ],
    [
      "a goal with its minute in stoppage time, a penalty",
      node("Goal", { minute: 90, addedTime: 8, penalty: true, ownGoal: false }, { scorer: "Lazar Samardžić", club: "Atalanta", home: "Atalanta", away: "Borussia Dortmund", matchDate: "2026-02-25" }),
      "Lazar Samardžić 90+8'",
      "Goal for Atalanta · penalty · Atalanta v Borussia Dortmund · 25 Feb 2026",
    ],
    [
      "a goal whose minute no report gives: its half",
      node("Goal", { minute: null, period: "FIRST_HALF", penalty: false, ownGoal: false }, { scorer: "André Schürrle", club: "Borussia Dortmund" }),
      "André Schürrle (first half)",
      "Goal for Borussia Dortmund",
    ],
    [
      "a tie by its first leg's clubs",
      node("Tie", { season: "2017-18", stage: "Round of 32" }, { home: "Borussia Dortmund", away: "Atalanta", competition: "UEFA Europa League" }),
      "Borussia Dortmund v Atalanta",
      "Tie · UEFA Europa League 2017-18 · Round of 32",
    ],
    ["a card with its player and minute", node("Card", { kind: "YELLOW", minute: 12 }, { player: "Ramy Bensebaini", club: "Borussia Dortmund" }), "Yellow card: Ramy Bensebaini 12'", "Card · Borussia Dortmund"],
    ["a substitution", node("Substitution", { timing: "on the hour" }, { player: "Mario Götze", playerOff: "Marco Reus", club: "Borussia Dortmund" }), "Mario Götze on for Marco Reus", "Substitution · Borussia Dortmund · on the hour"],
    ["a standing with its ordinal", node("Standing", { position: 8, season: "2017-18", final: false, asOf: "2018-02-22" }, { club: "Atalanta", competition: "Serie A" }), "Atalanta 8th", "Standing · Serie A 2017-18 · on 22 Feb 2018"],
    ["a conflict by its topic", node("Conflict", { topic: "Minute of Tolói's opener", kind: "DISAGREEMENT", resolvedValue: "11" }), "Minute of Tolói's opener", "Conflict · disagreement · resolved: 11"],
    ["a claim by field and value", node("Claim", { field: "minute", value: "10", accepted: false, flag: null }), "minute: 10", "Claim · not accepted"],
    ["a kind it does not know yet, by name or else id", node("Referee", { name: "Felix Brych" }), "Felix Brych", "Referee"],
  ])("%s", (_why, row, caption, details) => {
    expect(describeGraphNode(row)).toEqual({ caption, details });
  });

  test("a node with no name at all is captioned by its id", () => {
    expect(describeGraphNode(node("Mystery", {})).caption).toBe("mystery:x");
  });
});

test("dates and minutes read as people write them", () => {
  expect(formatDate("2018-02-15")).toBe("15 Feb 2018");
  expect(formatDate("sometime")).toBe("sometime");
  expect(formatMinute(11, null, "FIRST_HALF")).toBe("11'");
  expect(formatMinute(90, 3, null)).toBe("90+3'");
  expect(formatMinute(null, null, "EXTRA_TIME")).toBe("extra time");
  expect(formatMinute(null, null, null)).toBeNull();
});
