/**
 * What is known about a tie: the two clubs, its matches in order, and the facts that scores cannot
 * decide (a coin toss, a tie awarded by a disciplinary body, a replay ordered outside the rules).
 * Everything here is a recorded fact; the rules that interpret them live in a RuleSet.
 */
import { shootOutProblem } from './isPossibleShootOut.ts';
import { assertNever } from './ruleSet.ts';

export interface ClubRef {
  readonly id: string;
  readonly name: string;
}

/** Goals of the home and away club of one match. */
export interface Score {
  readonly home: number;
  readonly away: number;
}

export type MatchPeriod = 'firstHalf' | 'secondHalf' | 'extraTime';

export interface GoalFact {
  /** Position of the goal within its match, 1..n, chronological. Authoritative for ordering. */
  readonly order: number;
  /** The club the goal counts for (for an own goal: the club that benefits). */
  readonly club: string;
  /** Regulation minute; stoppage time goes in addedTime (90+3 is minute 90, addedTime 3). */
  readonly minute?: number | null;
  readonly addedTime?: number | null;
  /** When the source says so; otherwise derived from the minute or from the score after 90 minutes. */
  readonly period?: MatchPeriod | null;
  readonly scorer?: { readonly id?: string; readonly name: string } | null;
  readonly ownGoal?: boolean;
  readonly penalty?: boolean;
}

export interface MatchFacts {
  /** Club ids. For a neutral-ground match "home" is nominal. */
  readonly home: string;
  readonly away: string;
  readonly date?: string | null;
  /** False for a scheduled match not yet played. */
  readonly played: boolean;
  /** Score after normal time (90 minutes). Null when not played, or unknown (a source giving only the score after extra time). */
  readonly afterNormalTime: Score | null;
  /** Score after extra time, cumulative (includes the normal-time goals). Present exactly when extra time was played. */
  readonly afterExtraTime?: Score | null;
  /** Penalty shoot-out, when one was held. Never counted as goals. */
  readonly shootOut?: Score | null;
  /** A replay (play-off) after the regular matches left the tie level: played as a neutral-ground decider, no away goals. */
  readonly replay?: boolean;
  /** The score stands by decision of the organiser, not as played (walkover, forfeit, abandoned match). */
  readonly awarded?: { readonly to: string; readonly reason: string } | null;
  /** Goal by goal, when known; must add up to the final score of the match. */
  readonly goals?: readonly GoalFact[];
}

/**
 * An awarded match as a fact: the score stands by decision, so it goes to the club the score
 * favours. Null when the match is not awarded, or its score is unknown or level.
 */
export function awardedMatch(
  awarded: boolean,
  clubs: { readonly home: string; readonly away: string },
  final: Score | null,
  reason: string | null,
): MatchFacts['awarded'] {
  if (!awarded || !final || final.home === final.away) return null;
  return { to: final.home > final.away ? clubs.home : clubs.away, reason: reason ?? 'awarded' };
}

/** Facts that decide or reshape a tie and cannot be computed from scores. Reported as such, never guessed. */
export type RecordedFact =
  | { readonly kind: 'coinToss'; readonly winner: string; readonly source?: string }
  /** The whole tie awarded (disqualification, forfeit) regardless of the scores. */
  | { readonly kind: 'awarded'; readonly winner: string; readonly reason: string }
  /** A replay ordered outside the rules (a match annulled on appeal, an ineligible player): the replay decides. */
  | { readonly kind: 'replayOrdered'; readonly reason: string };

export interface TieFacts {
  readonly id?: string;
  readonly clubs: readonly [ClubRef, ClubRef];
  /** In order: the regular legs (or the single match), then any replays (`replay: true`). */
  readonly legs: readonly MatchFacts[];
  readonly recorded?: readonly RecordedFact[];
}

export class TieFactsError extends Error {
  override readonly name = 'TieFactsError';
  constructor(readonly problems: readonly string[], tieId?: string) {
    super(`invalid tie facts${tieId === undefined ? '' : ` for "${tieId}"`}: ${problems.join('; ')}`);
  }
}

/** Throws a TieFactsError naming every structural problem (unknown clubs, impossible scores, broken order). */
export function assertTieFacts(tie: TieFacts): void {
  const problems = tieFactsProblems(tie);
  if (problems.length > 0) throw new TieFactsError(problems, tie.id);
}

export function tieFactsProblems(tie: TieFacts): string[] {
  const problems: string[] = [];
  const [a, b] = tie.clubs;
  if (a.id === b.id) problems.push(`clubs: both clubs have id "${a.id}"`);
  const ids = new Set([a.id, b.id]);
  let seenReplay = false;
  let seenUnplayed = false;
  tie.legs.forEach((leg, i) => {
    const at = `legs[${i}]`;
    if (!ids.has(leg.home) || !ids.has(leg.away) || leg.home === leg.away) {
      problems.push(`${at}: home "${leg.home}" and away "${leg.away}" must be the tie's two clubs`);
    }
    if (leg.replay) seenReplay = true;
    else if (seenReplay) problems.push(`${at}: a regular leg cannot follow a replay`);
    if (!leg.played) {
      seenUnplayed = true;
      if (leg.afterNormalTime || leg.afterExtraTime || leg.shootOut || (leg.goals && leg.goals.length > 0)) {
        problems.push(`${at}: not played, so it cannot have a score, a shoot-out or goals`);
      }
      return;
    }
    if (seenUnplayed) problems.push(`${at}: played after a match that is not played yet`);
    for (const [name, score] of [['afterNormalTime', leg.afterNormalTime], ['afterExtraTime', leg.afterExtraTime], ['shootOut', leg.shootOut]] as const) {
      if (score && !(isGoalCount(score.home) && isGoalCount(score.away))) {
        problems.push(`${at}.${name}: goals must be integers from 0 to ${MAX_GOALS}, got ${score.home}-${score.away}`);
      }
    }
    const impossibleShootOut = leg.shootOut && isGoalCount(leg.shootOut.home) && isGoalCount(leg.shootOut.away) ? shootOutProblem(leg.shootOut.home, leg.shootOut.away) : null;
    if (impossibleShootOut) problems.push(`${at}.shootOut: ${impossibleShootOut}`);
    if (!leg.afterNormalTime && !leg.afterExtraTime) problems.push(`${at}: played but has no score`);
    if (leg.afterNormalTime && leg.afterExtraTime) {
      if (leg.afterExtraTime.home < leg.afterNormalTime.home || leg.afterExtraTime.away < leg.afterNormalTime.away) {
        problems.push(`${at}.afterExtraTime: ${leg.afterExtraTime.home}-${leg.afterExtraTime.away} is below the score after normal time`);
      }
    }
    if (leg.awarded && !ids.has(leg.awarded.to)) problems.push(`${at}.awarded.to: "${leg.awarded.to}" is not one of the clubs`);
  });
  for (const fact of tie.recorded ?? []) {
    switch (fact.kind) {
      case 'coinToss':
      case 'awarded':
        if (!ids.has(fact.winner)) problems.push(`recorded ${fact.kind}: winner "${fact.winner}" is not one of the clubs`);
        break;
      case 'replayOrdered':
        break;
      default:
        assertNever(fact);
    }
  }
  return problems;
}

/**
 * Problems with a match's goal-by-goal facts. Goals are checked only where they are used (the timeline):
 * deciding a tie needs the scores alone. A list with fewer goals than the score is incomplete, not wrong
 * (see goalsComplete); more goals than the score, or goals out of order, are wrong.
 */
export function goalProblems(leg: MatchFacts, at: string): string[] {
  const goals = leg.goals ?? [];
  const problems: string[] = [];
  const orders = goals.map((g) => g.order).sort((x, y) => x - y);
  if (!orders.every((order, i) => order === i + 1)) {
    problems.push(`${at}.goals: orders must be 1..${goals.length} without gaps or repeats, got ${orders.join(',')}`);
  }
  const final = leg.afterExtraTime ?? leg.afterNormalTime;
  const byClub = (club: string) => goals.filter((g) => g.club === club).length;
  for (const g of goals) {
    if (g.club !== leg.home && g.club !== leg.away) problems.push(`${at}.goals[order ${g.order}]: club "${g.club}" did not play this match`);
    if (g.minute != null && !(Number.isInteger(g.minute) && g.minute >= 1 && g.minute <= 130)) {
      problems.push(`${at}.goals[order ${g.order}]: minute ${g.minute} is not a minute of play`);
    }
    if (g.addedTime != null && !(Number.isInteger(g.addedTime) && g.addedTime >= 1 && g.minute != null)) {
      problems.push(`${at}.goals[order ${g.order}]: addedTime needs a minute and must be a positive integer`);
    }
  }
  if (final && (byClub(leg.home) > final.home || byClub(leg.away) > final.away)) {
    problems.push(
      `${at}.goals: ${byClub(leg.home)}-${byClub(leg.away)} goals listed, but the match ended ${final.home}-${final.away}`,
    );
  }
  const timed = [...goals].sort((x, y) => x.order - y.order).filter((g) => g.minute != null);
  for (let i = 1; i < timed.length; i++) {
    const before = timed[i - 1]!;
    const after = timed[i]!;
    if (timeKey(after) < timeKey(before)) {
      problems.push(`${at}.goals: order ${after.order} (${formatMinute(after)}) comes before order ${before.order} (${formatMinute(before)}) on the clock`);
    }
  }
  return problems;
}

/** True when the goals listed add up to the final score of the match (extra time included). */
export function goalsComplete(leg: MatchFacts): boolean {
  const final = leg.afterExtraTime ?? leg.afterNormalTime;
  if (!leg.goals || !final) return false;
  const count = (club: string) => leg.goals!.filter((g) => g.club === club).length;
  return count(leg.home) === final.home && count(leg.away) === final.away;
}

/**
 * The most goals one side can be recorded with in one match (or shoot-out): above the record,
 * 149-0 (AS Adema v SOE Antananarivo, 2002), so every real score passes, and well inside the
 * 32-bit integers GraphQL serves (a score of 1e20 would fail every query of its tie).
 */
export const MAX_GOALS = 200;

export function isGoalCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_GOALS;
}

/** Sortable time of a goal: 45+2 comes before 46, 90+3 before 91. */
export function timeKey(goal: Pick<GoalFact, 'minute' | 'addedTime'>): number {
  return (goal.minute ?? 0) + (goal.addedTime ?? 0) / 1000;
}

export function formatMinute(goal: Pick<GoalFact, 'minute' | 'addedTime'>): string {
  if (goal.minute == null) return 'minute unknown';
  return goal.addedTime ? `${goal.minute}+${goal.addedTime}'` : `${goal.minute}'`;
}
