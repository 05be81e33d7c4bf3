/**
 * Validation of the seed record kinds: each row adds records (or changes the base) and names the
 * problem the validator must report, or none. The base is a small world of two clubs, one tie
 * and one match with two goals.
 */
import { describe, expect, test } from "vitest";
import type { SeedFile } from "./seedFormat.ts";
import { validateSeeds } from "./validateSeeds.ts";

const report = "report-a";
const other = "report-b";
const match = "match:m1";
const goal1 = `${match}/goal-1`;

function base(): SeedFile {
  return {
    sources: [
      { id: report, kind: "REPORT", title: "Report A" },
      { id: other, kind: "REPORT", title: "Report B" },
    ],
    competitions: [{ id: "competition:cup", name: "UEFA Europa League", aliases: [], sources: [report] }],
    clubs: [
      { id: "club:home", name: "Home", aliases: [], sources: [report] },
      { id: "club:away", name: "Away", aliases: [], sources: [report] },
      { id: "club:elsewhere", name: "Elsewhere", aliases: [], sources: [report] },
    ],
    players: [
      { id: "player:a", name: "A", aliases: [], sources: [report] },
      { id: "player:b", name: "B", aliases: [], sources: [report] },
    ],
    stadiums: [{ id: "stadium:ground", name: "Ground", aliases: [], sources: [report] }],
    coaches: [
      { id: "coach:old", name: "Old", aliases: [], sources: [report] },
      { id: "coach:new", name: "New", aliases: [], sources: [report] },
    ],
    seasons: [{ id: "season:cup-2017-18", competition: "competition:cup", label: "2017-18", sources: [report] }],
    stages: [{ id: "stage:cup-2017-18-final", season: "season:cup-2017-18", name: "Final", sources: [report] }],
    ties: [{ id: "tie:t1", stage: "stage:cup-2017-18-final", clubs: ["club:home", "club:away"], sources: [report] }],
    matches: [
      {
        id: match, tie: "tie:t1", legNumber: 1, home: "club:home", away: "club:away", homeScore: 1, awayScore: 1,
        goals: [
          { order: 1, minute: 11, scorer: "player:a", club: "club:home", sources: [report] },
          { order: 2, scorer: "player:b", club: "club:away", sources: [report] },
        ],
        sources: [report],
      },
    ],
  };
}

/** The base plus `extra`, whose arrays are appended (or, for `replace`, put in place of the base's). */
function problemsWith(extra: Partial<SeedFile>, replace: Partial<SeedFile> = {}): string[] {
  const facts = base() as Record<string, unknown[]>;
  for (const [kind, records] of Object.entries(extra)) facts[kind] = [...(facts[kind] ?? []), ...(records as unknown[])];
  Object.assign(facts, replace);
  return validateSeeds([{ fileName: "test.json", content: facts }]);
}

const card = (fields: Record<string, unknown> = {}) => ({
  id: "card:c1", match, kind: "YELLOW", player: "player:a", club: "club:home", minute: 12, sources: [report], ...fields,
});
const claim = (fields: Record<string, unknown> = {}) => ({ value: "11", accepted: true, sources: [report], ...fields });
const conflict = (fields: Record<string, unknown> = {}) => ({
  id: "conflict:x", kind: "DISAGREEMENT", topic: "minute", subject: goal1, field: "minute", resolvedValue: "11",
  resolution: "two against one", sources: [report],
  claims: [claim(), claim({ value: "10", accepted: false, sources: [other] })],
  ...fields,
});

test("the base world is valid", () => {
  expect(problemsWith({})).toEqual([]);
});

describe("match events", () => {
  test.each<[string, Partial<SeedFile>, string | null]>([
    ["a yellow card with its player, club and minute is valid", { cards: [card()] as never }, null],
    ["a card names its sources", { cards: [card({ sources: [] })] as never }, "cards[0] (id \"card:c1\").sources: expected a non-empty array of ids"],
    ["a card without sources is refused", { cards: [card({ sources: undefined })] as never }, ".sources: missing"],
    ["a card's kind is yellow, second yellow or red", { cards: [card({ kind: "ORANGE" })] as never }, "kind: expected one of YELLOW, SECOND_YELLOW, RED"],
    ["a card's player must exist", { cards: [card({ player: "player:nobody" })] as never }, "unknown player \"player:nobody\""],
    ["a card's club must have played in the match", { cards: [card({ club: "club:elsewhere" })] as never }, "club \"club:elsewhere\" did not play in match"],
    ["a card's minute must fit its period", { cards: [card({ minute: 12, period: "SECOND_HALF" })] as never }, "minute 12 is not in period SECOND_HALF"],
    ["stoppage time follows the end of a half", { cards: [card({ minute: 80, addedTime: 3 })] as never }, "addedTime: stoppage time follows minute 45, 90, 105 or 120"],
    ["90+8 is a valid time", { cards: [card({ minute: 90, addedTime: 8, period: "SECOND_HALF" })] as never }, null],
    ["an approximate minute is allowed", { cards: [card({ minute: 70, minuteApproximate: true, timing: "about twenty minutes from time" })] as never }, null],
    ["a minute past 120 is refused", { cards: [card({ minute: 130 })] as never }, "minute: 130 is past the 120th minute"],
    ["two records cannot share an id", { cards: [card(), card()] as never }, "duplicate id"],
    ["an unknown field is refused", { cards: [card({ colour: "yellow" })] as never }, "cards[0] (id \"card:c1\").colour: unknown field"],
    [
      "a substitution needs a player on or off",
      { substitutions: [{ id: "substitution:s1", match, club: "club:home", minute: 60, sources: [report] }] as never },
      "name the player coming on, going off, or both",
    ],
    [
      "a player cannot replace himself",
      { substitutions: [{ id: "substitution:s1", match, club: "club:home", playerOn: "player:a", playerOff: "player:a", sources: [report] }] as never },
      "a player cannot replace himself",
    ],
    [
      "\"on the hour\" is minute 60, approximate",
      { substitutions: [{ id: "substitution:s1", match, club: "club:home", playerOn: "player:a", minute: 60, minuteApproximate: true, timing: "around the hour", sources: [report] }] as never },
      null,
    ],
    [
      "a disallowed goal gives a known reason",
      { disallowedGoals: [{ id: "disallowed-goal:d1", match, club: "club:away", scorer: "player:b", reason: "OFFSIDE", period: "FIRST_HALF", sources: [report] }] as never },
      null,
    ],
    [
      "a disallowed goal's reason is one of the known ones",
      { disallowedGoals: [{ id: "disallowed-goal:d1", match, club: "club:away", reason: "VAR", sources: [report] }] as never },
      "reason: expected one of OFFSIDE, FOUL, HANDBALL, OTHER",
    ],
    [
      "a penalty award points at a goal of its match",
      { penaltyAwards: [{ id: "penalty-award:p1", match, club: "club:home", fouledPlayer: "player:a", offender: "player:b", goal: goal1, sources: [report] }] as never },
      null,
    ],
    [
      "a penalty award cannot point at a goal that does not exist",
      { penaltyAwards: [{ id: "penalty-award:p1", match, club: "club:home", goal: `${match}/goal-9`, sources: [report] }] as never },
      `unknown goal "${match}/goal-9"`,
    ],
    [
      "a VAR review names what it decided",
      { varReviews: [{ id: "var-review:v1", match, sources: [report] }] as never },
      "decision: missing",
    ],
    [
      "an incident before kick-off has no minute",
      { incidents: [{ id: "incident:i1", match, kind: "FAN_VIOLENCE", period: "BEFORE_MATCH", minute: 5, description: "clashes", sources: [report] }] as never },
      "minute 5 is not in period BEFORE_MATCH",
    ],
    [
      "an incident's clubs must have played in the match",
      { incidents: [{ id: "incident:i1", match, kind: "FAN_VIOLENCE", period: "BEFORE_MATCH", description: "clashes", clubs: ["club:home", "club:elsewhere"], sources: [report] }] as never },
      "club \"club:elsewhere\" did not play",
    ],
    [
      "an incident's kind is one of the known ones",
      { incidents: [{ id: "incident:i1", match, kind: "RAIN", description: "rain", sources: [report] }] as never },
      "kind: expected one of GOALKEEPER_ERROR, PROTEST, WOODWORK, FAN_VIOLENCE, FATALITY",
    ],
  ])("%s", (_why, extra, problem) => {
    const problems = problemsWith(extra);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join("\n")).toContain(problem);
  });
});

describe("statistics and standings", () => {
  const statistics = (fields: Record<string, unknown> = {}) => ({
    id: "match-statistics:s1", match, club: "club:home", shots: 15, shotsOnTarget: 9, possessionPercent: 43.7, sources: [report], ...fields,
  });
  const standing = (fields: Record<string, unknown> = {}) => ({
    id: "standing:s1", club: "club:home", competition: "competition:cup", season: "2017-18", position: 8, sources: [report], ...fields,
  });
  test.each<[string, Partial<SeedFile>, string | null]>([
    ["shots, shots on target and possession are valid", { matchStatistics: [statistics()] as never }, null],
    ["more shots on target than shots is refused", { matchStatistics: [statistics({ shotsOnTarget: 16 })] as never }, "16 shots on target but only 15 shots"],
    ["possession is a percentage", { matchStatistics: [statistics({ possessionPercent: 143.7 })] as never }, "possessionPercent: 143.7 is more than 100"],
    ["one entry per club and match", { matchStatistics: [statistics(), statistics({ id: "match-statistics:s2" })] as never }, "a second entry for the same club and match"],
    ["statistics of a club that did not play are refused", { matchStatistics: [statistics({ club: "club:elsewhere" })] as never }, "did not play in match"],
    ["a league position is valid", { standings: [standing({ asOf: "2018-02-22", asOfDerived: true })] as never }, null],
    ["a standing without a position says only that the club plays there", { standings: [standing({ position: undefined })] as never }, null],
    ["position 0 is refused", { standings: [standing({ position: 0 })] as never }, "position: must be 1 or more"],
    ["a group standing's stage belongs to its competition and season", { standings: [standing({ stage: "stage:cup-2017-18-final", season: "2018-19" })] as never }, "is not a stage of competition:cup 2018-19"],
  ])("%s", (_why, extra, problem) => {
    const problems = problemsWith(extra);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join("\n")).toContain(problem);
  });
});

describe("relationship facts inside entity records", () => {
  const clubs = base().clubs!;
  const coaches = base().coaches!;
  const players = base().players!;
  test.each<[string, Partial<SeedFile>, string | null]>([
    [
      "a player's clubs, with season, captaincy and a former club",
      { players: [{ ...players[0]!, clubs: [{ club: "club:home", season: "2017-18", captain: true, sources: [report] }, { club: "club:elsewhere", former: true, sources: [other] }] }, players[1]!] },
      null,
    ],
    [
      "each club a player played for names its sources",
      { players: [{ ...players[0]!, clubs: [{ club: "club:home", season: "2017-18" }] } as never, players[1]!] },
      "players[0] (id \"player:a\").clubs[0].sources: missing",
    ],
    [
      "a coaching spell with partial dates and a successor",
      {
        coaches: [
          { ...coaches[0]!, clubs: [{ club: "club:home", from: "2017-07", to: "2017-12", note: "dismissed", sources: [report] }] },
          { ...coaches[1]!, clubs: [{ club: "club:home", from: "2017-12", sources: [report] }], succeeded: [{ coach: "coach:old", club: "club:home", on: "2017-12", sources: [report] }] },
        ],
      },
      null,
    ],
    [
      "a spell cannot end before it starts",
      { coaches: [{ ...coaches[0]!, clubs: [{ club: "club:home", from: "2017-12", to: "2017-07", sources: [report] }] }, coaches[1]!] },
      "ends (2017-07) before it starts (2017-12)",
    ],
    [
      "a partial date is a year, a month or a day",
      { coaches: [{ ...coaches[0]!, clubs: [{ club: "club:home", from: "December 2017", sources: [report] }] }, coaches[1]!] },
      "from: expected a date YYYY, YYYY-MM or YYYY-MM-DD",
    ],
    [
      "a coach cannot succeed himself",
      { coaches: [{ ...coaches[0]!, succeeded: [{ coach: "coach:old", club: "club:home", sources: [report] }] }, coaches[1]!] },
      "a coach cannot succeed himself",
    ],
    [
      "a club's grounds, its nicknames and the seasons it entered",
      {
        clubs: [
          { ...clubs[0]!, nicknames: ["La Dea"], grounds: [{ stadium: "stadium:ground", usage: "EUROPEAN_HOME_MATCHES", season: "2017-18", sources: [report] }], seasons: [{ season: "season:cup-2017-18", debut: true, qualifiedOn: "2017-05", sources: [report] }] },
          clubs[1]!, clubs[2]!,
        ],
      },
      null,
    ],
    [
      "a ground's use is all home matches or European ones",
      { clubs: [{ ...clubs[0]!, grounds: [{ stadium: "stadium:ground", usage: "CUP_ONLY", sources: [report] }] } as never, clubs[1]!, clubs[2]!] },
      "usage: expected one of ALL_HOME_MATCHES, EUROPEAN_HOME_MATCHES",
    ],
  ])("%s", (_why, replace, problem) => {
    const problems = problemsWith({}, replace);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join("\n")).toContain(problem);
  });
});

describe("a match's result, checked as the tie engine would at query time", () => {
  const baseMatch = base().matches![0]!;
  const goals = baseMatch.goals;
  test.each<[string, Record<string, unknown>, string | null]>([
    ["a goal in stoppage time written 90+3 is valid", { goals: [goals[0]!, { ...goals[1]!, minute: 90, addedTime: 3 }] }, null],
    [
      "a goal at minute 93 of a match without extra time is refused, with the way to write it",
      { goals: [goals[0]!, { ...goals[1]!, minute: 93 }] },
      "goals[1].minute: 93 in a match without extra time; stoppage time is written minute 90, addedTime 3",
    ],
    ["a goal in extra time of a match without extra time is refused", { goals: [goals[0]!, { ...goals[1]!, period: "EXTRA_TIME" }] }, "goals[1].period: EXTRA_TIME in a match without extra time"],
    ["a goal at minute 93 of a match with extra time is valid", { homeScoreAfterExtraTime: 2, awayScoreAfterExtraTime: 1, goals: [goals[0]!, { ...goals[1]!, minute: 60 }, { order: 3, minute: 93, club: "club:home", sources: [report] }] }, null],
    ["30 February is refused at parse time, naming record and field", { date: "2018-02-30" }, "matches[0] (id \"match:m1\").date: \"2018-02-30\" is not a day of the calendar"],
    ["a score of 1e400 is reported as a number too large, not as null", { homeScore: JSON.parse("1e400") }, "homeScore: expected a non-negative integer, got a number too large to be finite (Infinity)"],
    [
      "a shoot-out after extra time decided the final is refused, not silently dropped",
      { homeScoreAfterExtraTime: 2, awayScoreAfterExtraTime: 1, homePenalties: 4, awayPenalties: 3, goals: [goals[0]!, goals[1]!, { order: 3, minute: 100, club: "club:home", sources: [report] }] },
      "a shoot-out is recorded for the match, but under rule set final-et-penalties extra time decided it",
    ],
    [
      "a shoot-out no shoot-out ends with (5-2: the winner was out of reach at 4-2) is refused",
      { homeScoreAfterExtraTime: 1, awayScoreAfterExtraTime: 1, homePenalties: 5, awayPenalties: 2 },
      "legs[0].shootOut: no shoot-out ends 5-2",
    ],
    [
      "a shoot-out without the score after extra time is refused, not left undecided",
      { homePenalties: 4, awayPenalties: 3 },
      "a shoot-out (4-3) is recorded, but under rule set final-et-penalties it follows extra time, and the score after extra time is missing: give homeScoreAfterExtraTime/awayScoreAfterExtraTime",
    ],
    [
      "a score above GraphQL's Int is refused (every query of the match would fail)",
      { attendance: 1e20 },
      "attendance: expected a non-negative integer of at most 2147483647 (GraphQL's Int), got 100000000000000000000",
    ],
    [
      "extra time after a final won in 90 minutes is refused",
      { homeScore: 2, homeScoreAfterExtraTime: 2, awayScoreAfterExtraTime: 1, goals: [goals[0]!, goals[1]!, { order: 3, minute: 80, club: "club:home", sources: [report] }] },
      "extra time is recorded for the match, but under rule set final-et-penalties it was won in normal time",
    ],
  ])("%s", (_why, changes, problem) => {
    const problems = problemsWith({}, { matches: [{ ...baseMatch, ...changes } as never] });
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join("\n")).toContain(problem);
  });
});

describe("conflicts and claims", () => {
  test.each<[string, Record<string, unknown>, string | null]>([
    ["a disagreement with an accepted and an outweighed claim is valid", conflict(), null],
    ["a conflict may be about a goal, by its derived id", conflict({ subject: goal1 }), null],
    ["a conflict may be about a match", conflict({ subject: match, field: "stadium" }), null],
    ["its subject must be a fact of a kind claims can be about", conflict({ subject: "stadium:ground" }), "\"stadium:ground\" is not the id of a match, goal, tie, club, card, penalty award or match statistics"],
    ["a claim is one source's", conflict({ claims: [claim({ sources: [report, other] }), claim({ accepted: false })] }), "a claim is one source's, got 2"],
    ["a claim needs its source", conflict({ claims: [claim({ sources: undefined }), claim({ accepted: false })] }), "claims[0].sources: missing"],
    ["a conflict's resolution names its sources", conflict({ sources: [] }), "conflicts[0] (id \"conflict:x\").sources: expected a non-empty array of ids"],
    ["a conflict has claims", conflict({ claims: [] }), "a conflict needs at least one claim"],
    ["a disagreement has claims on both sides", conflict({ claims: [claim(), claim({ sources: [other] })] }), "a disagreement needs claims both accepted and not accepted"],
    [
      "a claim contradicting the rules is flagged so, and not accepted",
      conflict({ kind: "CONTRADICTS_RULES", claims: [claim({ value: "ahead on away goals", accepted: false, flag: "CONTRADICTS_RULES" })] }),
      null,
    ],
    [
      "a CONTRADICTS_RULES conflict needs a claim with that flag",
      conflict({ kind: "CONTRADICTS_RULES", claims: [claim({ accepted: false, flag: "CONTRADICTED_BY_REFERENCE" })] }),
      "a CONTRADICTS_RULES conflict needs a claim flagged CONTRADICTS_RULES",
    ],
    [
      "a claim flagged as wrong cannot be accepted",
      conflict({ kind: "CONTRADICTED_BY_REFERENCE", claims: [claim({ flag: "CONTRADICTED_BY_REFERENCE" })] }),
      "flagged CONTRADICTED_BY_REFERENCE, so it cannot be accepted",
    ],
    ["an unverified claim is kept, so it may be accepted", conflict({ kind: "UNVERIFIED", claims: [claim({ flag: "UNVERIFIED" })] }), null],
    ["in an apparent conflict every claim stands", conflict({ kind: "APPARENT" }), "in an apparent conflict every claim stands"],
    ["a claim's flag is one of the known ones", conflict({ claims: [claim({ flag: "WRONG" }), claim({ accepted: false })] }), "flag: expected one of CONTRADICTS_RULES"],
    ["a conflict's kind is one of the known ones", conflict({ kind: "DOUBT" }), "kind: expected one of DISAGREEMENT"],
  ])("%s", (_why, record, problem) => {
    const problems = problemsWith({ conflicts: [record] as never });
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join("\n")).toContain(problem);
  });
});
