/**
 * The adapter between the graph and the pure tie engine: a Tie as @neo4j/graphql hands it to a
 * @customResolver (the fields named in `requires` on Tie.outcome in schema.graphql) becomes the
 * engine's TieFacts. No rules here: only field mapping.
 */
import { awardedMatch, type GoalFact, type MatchFacts, type MatchPeriod, type RecordedFact, type Score, type TieFacts } from "../ties/index.ts";

export interface GraphClub {
  id: string;
  name: string;
  aliases?: string[];
}

interface GraphGoal {
  order: number;
  minute: number | null;
  addedTime: number | null;
  period: string | null;
  penalty: boolean | null;
  ownGoal: boolean | null;
  club: { id: string } | null;
  scorer: { id: string; name: string } | null;
}

interface GraphMatch {
  id: string;
  legNumber: number;
  isReplay: boolean | null;
  played: boolean | null;
  date: { toString(): string } | string | null;
  homeScore: number | null;
  awayScore: number | null;
  homeScoreAfterExtraTime: number | null;
  awayScoreAfterExtraTime: number | null;
  homePenalties: number | null;
  awayPenalties: number | null;
  awarded: boolean | null;
  awardedNote: string | null;
  homeClub: GraphClub | null;
  awayClub: GraphClub | null;
  goals: GraphGoal[] | null;
}

/** The fields Tie.outcome and Tie.timeline require (see their `requires` in schema.graphql). */
export interface GraphTie {
  id: string;
  season: string;
  ruleSetId: string;
  recordedDecision: string | null;
  recordedDecisionNote: string | null;
  recordedWinner: GraphClub | null;
  legs: GraphMatch[];
}

const periods: Record<string, MatchPeriod> = { FIRST_HALF: "firstHalf", SECOND_HALF: "secondHalf", EXTRA_TIME: "extraTime" };

function score(home: number | null, away: number | null): Score | null {
  return home === null || away === null || home === undefined || away === undefined ? null : { home, away };
}

function matchFacts(match: GraphMatch): MatchFacts {
  const home = match.homeClub!.id;
  const away = match.awayClub!.id;
  const afterNormalTime = score(match.homeScore, match.awayScore);
  const afterExtraTime = score(match.homeScoreAfterExtraTime, match.awayScoreAfterExtraTime);
  const final = afterExtraTime ?? afterNormalTime;
  const goals: GoalFact[] = (match.goals ?? []).map((goal) => ({
    order: goal.order,
    club: goal.club?.id ?? "",
    minute: goal.minute,
    addedTime: goal.addedTime,
    period: goal.period ? (periods[goal.period] ?? null) : null,
    scorer: goal.scorer ? { id: goal.scorer.id, name: goal.scorer.name } : null,
    ownGoal: goal.ownGoal ?? false,
    penalty: goal.penalty ?? false,
  }));
  return {
    home,
    away,
    date: match.date === null ? null : String(match.date),
    played: match.played ?? true,
    afterNormalTime,
    afterExtraTime,
    shootOut: score(match.homePenalties, match.awayPenalties),
    replay: match.isReplay ?? false,
    awarded: awardedMatch(match.awarded ?? false, { home, away }, final, match.awardedNote),
    goals,
  };
}

function recordedFacts(tie: GraphTie): RecordedFact[] {
  const winner = tie.recordedWinner?.id;
  const note = tie.recordedDecisionNote ?? "recorded";
  switch (tie.recordedDecision) {
    case "COIN_TOSS":
      return winner ? [{ kind: "coinToss", winner, source: note }] : [];
    case "AWARDED":
      return winner ? [{ kind: "awarded", winner, reason: note }] : [];
    case "REPLAY_ORDERED":
      return [{ kind: "replayOrdered", reason: note }];
    default:
      return [];
  }
}

/** The tie's clubs as full club objects, by id, for answering `winner { name aliases }`. */
export function clubsOf(tie: GraphTie): Map<string, GraphClub> {
  const clubs = new Map<string, GraphClub>();
  for (const leg of tie.legs) {
    for (const club of [leg.homeClub, leg.awayClub]) if (club) clubs.set(club.id, club);
  }
  return clubs;
}

/** Null when the tie has no match with both clubs yet: then there is nothing to decide. */
export function tieFactsFromGraph(tie: GraphTie): TieFacts | null {
  const legs = [...tie.legs].filter((leg) => leg.homeClub && leg.awayClub).sort((a, b) => a.legNumber - b.legNumber);
  const first = legs[0];
  if (!first) return null;
  return {
    id: tie.id,
    clubs: [
      { id: first.homeClub!.id, name: first.homeClub!.name },
      { id: first.awayClub!.id, name: first.awayClub!.name },
    ],
    legs: legs.map(matchFacts),
    recorded: recordedFacts(tie),
  };
}
