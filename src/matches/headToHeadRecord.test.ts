import { describe, expect, test } from "vitest";
import { headToHeadRecord, type HeadToHeadMatch, type HeadToHeadRecord } from "./headToHeadRecord.ts";

/** "bvb 3-2 ata", "ata 1-1 bvb aet 2-2 pens 4-3", "bvb v ata" (not played). */
function match(text: string): HeadToHeadMatch {
  const [, home, homeScore, awayScore, away, aetHome, aetAway, pensHome, pensAway] =
    /^(\w+) (?:(\d+)-(\d+)|v) (\w+)(?: aet (\d+)-(\d+))?(?: pens (\d+)-(\d+))?$/.exec(text)!;
  const n = (value: string | undefined) => (value === undefined ? null : Number(value));
  return {
    homeClubId: home!,
    awayClubId: away!,
    played: homeScore !== undefined,
    homeScore: n(homeScore),
    awayScore: n(awayScore),
    homeScoreAfterExtraTime: n(aetHome),
    awayScoreAfterExtraTime: n(aetAway),
    homePenalties: n(pensHome),
    awayPenalties: n(pensAway),
  };
}

const record = (played: number, won: number, drawn: number, lost: number, goalsFor: number, goalsAgainst: number, shootOuts = 0): HeadToHeadRecord => ({
  played, won, drawn, lost, goalsFor, goalsAgainst, shootOuts,
});

describe("headToHeadRecord, from the first club's side", () => {
  test.each<[string, string, string[], HeadToHeadRecord]>([
    ["Dortmund v Atalanta 2018: a home win and an away draw", "bvb", ["bvb 3-2 ata", "ata 1-1 bvb"], record(2, 1, 1, 0, 4, 3)],
    ["the same matches from Atalanta's side", "ata", ["bvb 3-2 ata", "ata 1-1 bvb"], record(2, 0, 1, 1, 3, 4)],
    ["a win in extra time counts as a win, with the extra-time goals", "bvb", ["bvb 1-1 ata aet 2-1"], record(1, 1, 0, 0, 2, 1)],
    ["a shoot-out after extra time is a draw, its kicks are not goals", "bvb", ["ata 1-1 bvb aet 2-2 pens 4-3"], record(1, 0, 1, 0, 2, 2, 1)],
    ["a match not played yet is not counted", "bvb", ["bvb v ata", "bvb 2-0 ata"], record(1, 1, 0, 0, 2, 0)],
    ["a match of other clubs is not counted", "bvb", ["ars 2-1 ata", "bvb 0-1 ata"], record(1, 0, 0, 1, 0, 1)],
    ["no matches: an empty record", "bvb", [], record(0, 0, 0, 0, 0, 0)],
  ])("%s", (_name, clubId, matches, expected) => {
    expect(headToHeadRecord(clubId, matches.map(match))).toEqual(expected);
  });
});
