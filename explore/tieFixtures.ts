/** The two Dortmund v Atalanta ties as the API returns them (trimmed), for the pure tests. */
import type { Tie } from "../sdk/index.ts";

const bvb = { id: "club:borussia-dortmund", name: "Borussia Dortmund" };
const ata = { id: "club:atalanta", name: "Atalanta" };

type Entry = NonNullable<Tie["timeline"]>[number];

function entry(
  sequence: number,
  leg: number,
  what: { goal?: [scorer: string, club: typeof bvb, minute: number | null, period?: string]; end?: true },
  aggregate: [number, number],
  goingThrough: typeof bvb | null,
  change: "" | "changed" | "flipped",
  description: string,
): Entry {
  const goal = what.goal;
  return {
    sequence,
    kind: goal ? "GOAL" : "MATCH_END",
    leg,
    minute: goal?.[2] ?? null,
    addedTime: null,
    minuteKnown: goal ? goal[2] !== null : false,
    period: (goal?.[3] ?? null) as Entry["period"],
    ownGoal: false,
    penalty: false,
    homeScore: 0,
    awayScore: 0,
    basis: goingThrough ? "AGGREGATE" : null,
    nextIfLevel: null,
    description,
    leaderChanged: change !== "",
    leaderFlipped: change === "flipped",
    scorer: goal ? { id: `player:${goal[0]}`, name: goal[0] } : null,
    club: goal ? goal[1] : null,
    aggregate: [
      { club: bvb, goals: aggregate[0] },
      { club: ata, goals: aggregate[1] },
    ],
    goingThrough,
  };
}

const leg = (legNumber: number, home: typeof bvb, away: typeof bvb, homeScore: number, awayScore: number): Tie["legs"][number] => ({
  id: `match:leg${legNumber}`,
  legNumber,
  isReplay: false,
  played: true,
  date: null,
  homeScore,
  awayScore,
  homeScoreAfterExtraTime: null,
  awayScoreAfterExtraTime: null,
  homePenalties: null,
  awayPenalties: null,
  attendance: null,
  homeClub: home,
  awayClub: away,
  stadium: null,
  goals: [],
});

const outcome = (winner: typeof bvb, loser: typeof bvb, score: [number, number], explanation: string): Tie["outcome"] => ({
  status: "DECIDED",
  decidedBy: "AGGREGATE",
  extraTimePlayed: false,
  missingFact: null,
  notes: [],
  explanation,
  winner,
  loser,
  aggregate: [
    { club: bvb, goals: score[0] },
    { club: ata, goals: score[1] },
  ],
  awayGoals: [],
  shootOut: [],
});

export const dortmundAtalanta2018: Pick<Tie, "legs" | "outcome" | "timeline"> = {
  legs: [leg(1, bvb, ata, 3, 2), leg(2, ata, bvb, 1, 1)],
  outcome: outcome(bvb, ata, [4, 3], "Borussia Dortmund win 4-3 on aggregate."),
  timeline: [
    entry(1, 1, { goal: ["André Schürrle", bvb, null, "FIRST_HALF"] }, [1, 0], bvb, "changed", "Borussia Dortmund ahead on aggregate 1-0"),
    entry(2, 1, { goal: ["Josip Iličić", ata, null, "SECOND_HALF"] }, [1, 1], ata, "flipped", "Atalanta ahead on away goals (1-0), level 1-1 on aggregate"),
    entry(3, 1, { goal: ["Josip Iličić", ata, null, "SECOND_HALF"] }, [1, 2], ata, "", "Atalanta ahead on aggregate 2-1"),
    entry(4, 1, { goal: ["Michy Batshuayi", bvb, null, "SECOND_HALF"] }, [2, 2], ata, "", "Atalanta ahead on away goals (2-0), level 2-2 on aggregate"),
    entry(5, 1, { goal: ["Michy Batshuayi", bvb, null, "SECOND_HALF"] }, [3, 2], bvb, "flipped", "Borussia Dortmund ahead on aggregate 3-2"),
    entry(6, 1, { end: true }, [3, 2], bvb, "", "Borussia Dortmund ahead on aggregate 3-2"),
    entry(7, 2, { goal: ["Rafael Tolói", ata, 11, "FIRST_HALF"] }, [3, 3], ata, "flipped", "Atalanta ahead on away goals (2-0), level 3-3 on aggregate"),
    entry(8, 2, { goal: ["Marcel Schmelzer", bvb, 83, "SECOND_HALF"] }, [4, 3], bvb, "flipped", "Borussia Dortmund ahead on aggregate 4-3"),
    entry(9, 2, { end: true }, [4, 3], bvb, "", "Borussia Dortmund ahead on aggregate 4-3"),
  ],
};

/** Leg 1's goals are not all known: it appears as its final score only. */
export const dortmundAtalanta2026: Pick<Tie, "legs" | "outcome" | "timeline"> = {
  legs: [leg(1, bvb, ata, 2, 0), leg(2, ata, bvb, 4, 1)],
  outcome: outcome(ata, bvb, [3, 4], "Atalanta win 4-3 on aggregate."),
  timeline: [
    entry(1, 1, { end: true }, [2, 0], bvb, "changed", "Borussia Dortmund ahead on aggregate 2-0"),
    entry(2, 2, { goal: ["Gianluca Scamacca", ata, null, "FIRST_HALF"] }, [2, 1], bvb, "", "Borussia Dortmund ahead on aggregate 2-1"),
    entry(3, 2, { goal: ["Davide Zappacosta", ata, null, "FIRST_HALF"] }, [2, 2], null, "changed", "Level 2-2 on aggregate: extra time would follow"),
    entry(4, 2, { goal: ["Mario Pašalić", ata, 57] }, [2, 3], ata, "changed", "Atalanta ahead on aggregate 3-2"),
    entry(5, 2, { goal: ["Karim Adeyemi", bvb, 75] }, [3, 3], null, "changed", "Level 3-3 on aggregate: extra time would follow"),
    entry(6, 2, { goal: ["Lazar Samardžić", ata, 90] }, [3, 4], ata, "changed", "Atalanta ahead on aggregate 4-3"),
    entry(7, 2, { end: true }, [3, 4], ata, "", "Atalanta ahead on aggregate 4-3"),
  ],
};
