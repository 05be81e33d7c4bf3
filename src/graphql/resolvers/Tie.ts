/**
 * Computed fields of Tie: thin adapters from the graph (the fields named in `requires`) to the
 * pure engine in src/ties, and from its results to the GraphQL shapes.
 */
import { GraphQLError } from "graphql";
import {
  decideTie,
  RuleSetError,
  ruleSetById,
  TieFactsError,
  tieTimeline,
  type ClubPair,
  type ClubRef,
  type RuleSet,
  type TieOutcome,
  type TimelineEntry,
} from "../../ties/index.ts";
import { clubsOf, tieFactsFromGraph, type GraphClub, type GraphTie } from "../tieFactsFromGraph.ts";

type ClubLookup = (ref: ClubRef) => GraphClub;

/** The engine's camelCase tags as GraphQL-style values: "coinTossWinner" → "COIN_TOSS_WINNER". */
function enumValueOf(tag: string): string {
  return tag.replace(/([A-Z])/g, "_$1").toUpperCase();
}

function clubLookup(tie: GraphTie): ClubLookup {
  const clubs = clubsOf(tie);
  return (ref) => clubs.get(ref.id) ?? { id: ref.id, name: ref.name, aliases: [] };
}

function clubScores(pair: ClubPair | null, club: ClubLookup) {
  return (pair ?? []).map((entry) => ({ club: club(entry.club), goals: entry.goals }));
}

function outcomeFields(outcome: TieOutcome, club: ClubLookup) {
  return {
    status: outcome.status,
    winner: outcome.winner ? club(outcome.winner) : null,
    loser: outcome.loser ? club(outcome.loser) : null,
    decidedBy: outcome.decidedBy,
    aggregate: clubScores(outcome.aggregate, club),
    awayGoals: clubScores(outcome.awayGoals, club),
    extraTimePlayed: outcome.extraTimePlayed,
    shootOut: clubScores(outcome.shootOut, club),
    ruleSetId: outcome.ruleSetId,
    explanation: outcome.explanation,
    missingFact: outcome.kind === "undetermined" ? enumValueOf(outcome.missing.kind) : null,
    notes: outcome.notes,
  };
}

function noMatchesYet(tie: GraphTie) {
  return {
    status: "NOT_STARTED",
    winner: null,
    loser: null,
    decidedBy: null,
    aggregate: [],
    awayGoals: [],
    extraTimePlayed: false,
    shootOut: [],
    ruleSetId: tie.ruleSetId,
    explanation: "No match of this tie is known yet.",
    missingFact: null,
    notes: [],
  };
}

function ruleSetNamed(id: string): RuleSet {
  try {
    return ruleSetById(id);
  } catch (error) {
    if (error instanceof RuleSetError) throw new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT" } });
    throw error;
  }
}

/** The code of the per-field error a tie whose recorded facts the engine refuses gets (a list keeps its other ties). */
export const INVALID_TIE_FACTS = "INVALID_TIE_FACTS";

function invalidFacts(tie: GraphTie, error: Error): GraphQLError {
  return new GraphQLError(`tie ${tie.id}: the recorded facts cannot be decided: ${error.message}`, {
    extensions: { code: INVALID_TIE_FACTS, tieId: tie.id },
  });
}

/** Runs the engine; a refusal (facts it cannot decide) becomes an INVALID_TIE_FACTS error for this tie alone. */
function engine<T>(tie: GraphTie, run: () => T): T | GraphQLError {
  try {
    return run();
  } catch (error) {
    if (error instanceof TieFactsError || error instanceof RuleSetError) return invalidFacts(tie, error);
    throw error;
  }
}

/**
 * `outcome` is non-null in the contract, so a refusal cannot null it without nulling the tie and
 * every list holding it. It answers IN_PROGRESS with missingFact INVALID_FACTS and the reason, and
 * its `decidedBy` carries the INVALID_TIE_FACTS error (see tieOutcomeResolvers).
 */
function refusedOutcome(tie: GraphTie, error: GraphQLError) {
  return { ...noMatchesYet(tie), status: "IN_PROGRESS", missingFact: "INVALID_FACTS", explanation: `${error.message}.`, refusal: error };
}

function decide(tie: GraphTie, rules: RuleSet) {
  const facts = tieFactsFromGraph(tie);
  if (!facts) return noMatchesYet(tie);
  const outcome = engine(tie, () => decideTie(facts, rules));
  return outcome instanceof GraphQLError ? refusedOutcome(tie, outcome) : outcomeFields(outcome, clubLookup(tie));
}

const periodNames = { firstHalf: "FIRST_HALF", secondHalf: "SECOND_HALF", normalTime: "NORMAL_TIME", extraTime: "EXTRA_TIME" } as const;
const entryKinds = { goal: "GOAL", matchEnd: "MATCH_END", shootOut: "SHOOT_OUT", recordedDecision: "RECORDED_DECISION" } as const;

function timelineEntryFields(entry: TimelineEntry, tie: GraphTie, club: ClubLookup) {
  const goal = entry.kind === "goal" ? entry : null;
  const scorer = goal?.scorer
    ? (tie.legs.flatMap((leg) => leg.goals ?? []).find((candidate) => candidate.scorer?.id === goal.scorer?.id)?.scorer ?? null)
    : null;
  return {
    sequence: entry.sequence,
    kind: entryKinds[entry.kind],
    leg: entry.legIndex + 1,
    minute: goal?.minute ?? null,
    addedTime: goal?.addedTime ?? null,
    minuteKnown: goal?.minuteKnown ?? false,
    period: goal?.period ? periodNames[goal.period] : null,
    scorer,
    club: goal ? club(goal.club) : null,
    ownGoal: goal?.ownGoal ?? false,
    penalty: goal?.penalty ?? false,
    countsUnderRules: goal?.countsUnderRules ?? true,
    homeScore: entry.matchScore.home.goals,
    awayScore: entry.matchScore.away.goals,
    aggregate: clubScores(entry.aggregate, club),
    goingThrough: entry.standing.goingThrough ? club(entry.standing.goingThrough) : null,
    basis: entry.standing.basis,
    nextIfLevel: entry.standing.next ? enumValueOf(entry.standing.next) : null,
    description: entry.standing.description,
    leaderChanged: entry.leaderChanged,
    leaderFlipped: entry.leaderFlipped,
  };
}

export const tieResolvers = {
  outcome: (tie: GraphTie) => decide(tie, ruleSetNamed(tie.ruleSetId)),

  outcomeUnder: (tie: GraphTie, args: { ruleSetId: string }) => decide(tie, ruleSetNamed(args.ruleSetId)),

  /** Null, with an INVALID_TIE_FACTS error for this tie, when the engine refuses its facts. */
  timeline: (tie: GraphTie) => {
    const facts = tieFactsFromGraph(tie);
    if (!facts) return [];
    const club = clubLookup(tie);
    const entries = engine(tie, () => tieTimeline(facts, ruleSetNamed(tie.ruleSetId)));
    if (entries instanceof GraphQLError) throw entries;
    return entries.map((entry) => timelineEntryFields(entry, tie, club));
  },
};

export const tieOutcomeResolvers = {
  decidedBy: (outcome: { decidedBy: string | null; refusal?: GraphQLError }) => {
    if (outcome.refusal) throw outcome.refusal;
    return outcome.decidedBy;
  },
};
