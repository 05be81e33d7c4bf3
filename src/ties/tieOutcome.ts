/**
 * The result of deciding a tie: a tagged union on `kind`, with the public GraphQL fields
 * (status, winner, decidedBy, aggregate, explanation) on every variant.
 *
 * `kind` is finer than the public `status`: an `undetermined` tie has been played out as far as the
 * records go, but the winner depends on a fact nobody recorded (a coin toss, a shoot-out, the score of
 * extra time, the reason for a replay). It reports status IN_PROGRESS ("not decided, as far as we know")
 * and names the missing fact, rather than guess a winner.
 */
import type { ClubRef } from './tieFacts.ts';

export const TIE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DECIDED'] as const;
export type TieStatus = (typeof TIE_STATUSES)[number];

export const TIE_DECISIONS = [
  'AGGREGATE',
  'AWAY_GOALS',
  'EXTRA_TIME',
  'AWAY_GOALS_AFTER_EXTRA_TIME',
  'PENALTIES',
  'REGULAR_TIME',
  'REPLAY',
  'COIN_TOSS',
  'AWARDED',
] as const;
export type TieDecision = (typeof TIE_DECISIONS)[number];

export interface ClubScore {
  readonly club: ClubRef;
  readonly goals: number;
}

/** Two entries, in the order of TieFacts.clubs. */
export type ClubPair = readonly [ClubScore, ClubScore];

export type NextMatch = 'firstLeg' | 'secondLeg' | 'match' | 'replay';

/** The fact an undetermined tie waits for. */
export type MissingFact =
  | { readonly kind: 'extraTimeScore'; readonly legIndex: number }
  | { readonly kind: 'shootOut'; readonly legIndex: number }
  | { readonly kind: 'coinTossWinner' }
  /** A replay was played that the rules do not call for; it counts only with a recorded reason (RecordedFact replayOrdered). */
  | { readonly kind: 'replayReason'; readonly legIndex: number }
  | { readonly kind: 'factsDoNotFitRules'; readonly detail: string };

export interface Leader {
  readonly club: ClubRef;
  readonly by: 'aggregate' | 'awayGoals';
}

interface OutcomeBase {
  /** The rule set the tie was decided under (explicit for "what if" calls). */
  readonly ruleSetId: string;
  /** Goals over every match counted, including extra time the rules reached, excluding shoot-outs. */
  readonly aggregate: ClubPair;
  /** Away goals per club, when the away-goals rule is in force for this tie (two legs); null otherwise. */
  readonly awayGoals: ClubPair | null;
  readonly extraTimePlayed: boolean;
  readonly shootOut: ClubPair | null;
  /** One plain sentence, e.g. "Borussia Dortmund win 4-3 on aggregate." */
  readonly explanation: string;
  /** Recorded facts the rules did not use (extra time after the tie was already decided, an unneeded shoot-out ...). */
  readonly notes: readonly string[];
  /**
   * The recorded facts among those notes that contradict the rest of the record: extra time after a
   * decided 90 minutes, a shoot-out after a decided extra time, an unneeded coin toss. The importer
   * refuses them or keeps them with a Conflict (src/ties/checkRecordedTie.ts).
   */
  readonly unusedFacts: readonly UnusedFact[];
}

export interface UnusedFact {
  readonly kind: 'extraTime' | 'shootOut' | 'coinToss';
  /** Index in TieFacts.legs; null for a fact of the whole tie (a coin toss). */
  readonly legIndex: number | null;
  /** The engine's note about it. */
  readonly note: string;
}

export interface NotStartedTie extends OutcomeBase {
  readonly kind: 'notStarted';
  readonly status: 'NOT_STARTED';
  readonly winner: null;
  readonly loser: null;
  readonly decidedBy: null;
  readonly next: { readonly match: NextMatch; readonly legIndex: number | null };
}

export interface InProgressTie extends OutcomeBase {
  readonly kind: 'inProgress';
  readonly status: 'IN_PROGRESS';
  readonly winner: null;
  readonly loser: null;
  readonly decidedBy: null;
  /** The match still to be played; legIndex null when it is not listed in the facts yet. */
  readonly next: { readonly match: NextMatch; readonly legIndex: number | null };
  readonly leader: Leader | null;
}

export interface UndeterminedTie extends OutcomeBase {
  readonly kind: 'undetermined';
  readonly status: 'IN_PROGRESS';
  readonly winner: null;
  readonly loser: null;
  readonly decidedBy: null;
  readonly missing: MissingFact;
  /** How the rules settle it once the fact is known (e.g. COIN_TOSS), when that is clear. */
  readonly settledBy: TieDecision | null;
}

export interface DecidedTie extends OutcomeBase {
  readonly kind: 'decided';
  readonly status: 'DECIDED';
  readonly winner: ClubRef;
  readonly loser: ClubRef;
  readonly decidedBy: TieDecision;
  /** Index in TieFacts.legs of the match in which the tie was settled. */
  readonly decidingLeg: number;
}

export type TieOutcome = NotStartedTie | InProgressTie | UndeterminedTie | DecidedTie;

export function isDecided(outcome: TieOutcome): outcome is DecidedTie {
  return outcome.kind === 'decided';
}
