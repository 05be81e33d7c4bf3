import { describe, expect, test } from "vitest";
import { createClubResolver } from "../../identity/createClubResolver.ts";
import { footballTxtToFacts } from "./footballTxtToFacts.ts";
import { parseFootballTxt } from "./parseFootballTxt.ts";

// Real lines of openfootball's 2025-26/cl.txt (the play-off the seeds also hold) and a league-phase match.
const text = [
  "= UEFA Champions League 2025/26",
  "» League, Matchday 1",
  "  Tue Sep/16 2025",
  "    21.00  Athletic Club (ESP)     v Arsenal FC (ENG)         0-2 (0-0)",
  "» Playoffs, Matchday 1",
  "  Tue Feb/17 2026",
  "    21.00  Borussia Dortmund (GER) v Atalanta BC (ITA)        2-0 (2-0)",
  "» Playoffs, Matchday 2",
  "  Wed Feb/25",
  "    18.45  Atalanta BC (ITA)       v Borussia Dortmund (GER)  4-1 (2-0)",
].join("\n");

const seedClubs = [
  { id: "club:borussia-dortmund", name: "Borussia Dortmund", aliases: ["BVB", "Dortmund"], country: "Germany" },
  { id: "club:atalanta", name: "Atalanta", aliases: ["Atalanta BC"], country: "Italy" },
  { id: "club:arsenal", name: "Arsenal", aliases: ["Arsenal FC"], country: "England" },
];

function facts() {
  const clubs = createClubResolver({ clubs: seedClubs });
  const batch = footballTxtToFacts(parseFootballTxt(text, "2025-26/cl.txt"), {
    source: { id: "openfootball:champions-league/2025-26/cl.txt", kind: "DATASET", title: "test" },
    clubs,
    existing: { competitions: [{ id: "competition:uefa-champions-league", nameKeys: ["uefa champions league", "champions league"] }], players: [], stadiums: [] },
    takenIds: ["club:borussia-dortmund", "club:atalanta", "club:arsenal"],
  });
  return { batch, clubs };
}

describe("footballTxtToFacts", () => {
  test("a knockout pair is one tie with the seeds' ids, legs in order", () => {
    const { batch } = facts();
    expect(batch.ties).toEqual([expect.objectContaining({
      id: "tie:uefa-champions-league-2025-26-knockout-phase-play-offs-borussia-dortmund-atalanta",
      stage: "stage:uefa-champions-league-2025-26-knockout-phase-play-offs",
      clubs: ["club:borussia-dortmund", "club:atalanta"],
    })]);
    const legs = batch.matches!.filter((match) => match.tie);
    expect(legs.map((match) => [match.id, match.legNumber, match.date, match.homeScore, match.awayScore])).toEqual([
      ["match:uefa-champions-league-2025-26-knockout-phase-play-offs-borussia-dortmund-atalanta-leg1", 1, "2026-02-17", 2, 0],
      ["match:uefa-champions-league-2025-26-knockout-phase-play-offs-borussia-dortmund-atalanta-leg2", 2, "2026-02-25", 4, 1],
    ]);
  });

  test("a league-phase match has no tie and sits in its stage with its matchday", () => {
    const { batch } = facts();
    const match = batch.matches!.find((found) => !found.tie)!;
    expect(match).toMatchObject({ stage: "stage:uefa-champions-league-2025-26-league-phase", matchday: 1, kickOffTime: "21:00", homeScoreAtHalfTime: 0, away: "club:arsenal" });
    expect(batch.stages!.map((stage) => [stage.name, stage.ordinal])).toEqual([["League phase", 7], ["Knockout phase play-offs", 9]]);
  });

  test("the season is the existing competition's; names resolve to the existing clubs, the rest are new clubs with their country", () => {
    const { batch } = facts();
    expect(batch.competitions).toEqual([]);
    expect(batch.seasons).toEqual([expect.objectContaining({ id: "season:uefa-champions-league-2025-26", competition: "competition:uefa-champions-league", label: "2025-26" })]);
    expect(batch.clubs).toEqual([expect.objectContaining({ id: "club:athletic-club", name: "Athletic Club", country: "Spain" })]);
  });
});
