/**
 * tieTimeline: the state of a tie after every goal, in order, replayable goal by goal.
 *
 * Each entry answers "if the tie stopped here, who would go through, and why?" by asking decideTie
 * about the tie as it stood at that moment (earlier matches as played, the current match at its score
 * so far, later matches not yet played). The standings therefore follow exactly the same rules as the
 * final outcome: under the old away-goals rule a 2-1 second-leg lead can mean "ahead on away goals",
 * without it the same score means "level: extra time would follow".
 *
 * Entries: one per goal (in `order`; goals without a minute keep their place and say minuteKnown:
 * false), one at the end of every played match (the only entry for a match whose goals are not all
 * known: a partial list cannot say how the tie stood after each goal),
 * one for a shoot-out, and one for a recorded decision (coin toss, awarded tie) when that settled it.
 */
import { decideTie } from './decideTie.ts';
import { assertNever, type RuleSet } from './ruleSet.ts';
import {
  assertTieFacts,
  formatMinute,
  goalProblems,
  goalsComplete,
  TieFactsError,
  type ClubRef,
  type GoalFact,
  type MatchFacts,
  type Score,
  type TieFacts,
} from './tieFacts.ts';
import type { ClubPair, ClubScore, TieDecision, TieOutcome } from './tieOutcome.ts';

/** 'normalTime': in the 90 minutes, half unknown. */
export type TimelinePeriod = 'firstHalf' | 'secondHalf' | 'normalTime' | 'extraTime';

export interface Standing {
  /** Who would go through if the tie ended now, under the rule set; null when level. */
  readonly goingThrough: ClubRef | null;
  /** Why: the decision it would be (AGGREGATE, AWAY_GOALS ...), or null when level. */
  readonly basis: TieDecision | null;
  /** When level: what the rules make happen next. */
  readonly next: 'secondLeg' | 'extraTime' | 'penalties' | 'replay' | 'coinToss' | null;
  /** e.g. "Atalanta ahead on away goals (2-0), level 3-3 on aggregate", "Level 3-3 on aggregate: extra time would follow". */
  readonly description: string;
}

interface EntryBase {
  /** 1..n over the whole tie. */
  readonly sequence: number;
  readonly legIndex: number;
  /** Score of this match so far. */
  readonly matchScore: { readonly home: ClubScore; readonly away: ClubScore };
  /** Aggregate as the rules count it at this moment (goals in extra time the rules never reach are not counted). */
  readonly aggregate: ClubPair;
  readonly standing: Standing;
  /** The club going through differs from the previous entry's (including to or from level). */
  readonly leaderChanged: boolean;
  /** The lead passed directly from one club to the other. */
  readonly leaderFlipped: boolean;
}

export interface GoalEntry extends EntryBase {
  readonly kind: 'goal';
  readonly order: number;
  readonly minute: number | null;
  readonly addedTime: number | null;
  readonly minuteKnown: boolean;
  readonly period: TimelinePeriod | null;
  readonly club: ClubRef;
  readonly scorer: { readonly id?: string; readonly name: string } | null;
  readonly ownGoal: boolean;
  readonly penalty: boolean;
  /** False for a goal in extra time that the rule set would never have played (e.g. a "what if" under older rules). */
  readonly countsUnderRules: boolean;
}

export interface MatchEndEntry extends EntryBase {
  readonly kind: 'matchEnd';
  readonly afterExtraTime: boolean;
  /** False when the match has no complete goal-by-goal facts (none, or fewer than the score): this entry is then its only one. */
  readonly goalsKnown: boolean;
}

export interface ShootOutEntry extends EntryBase {
  readonly kind: 'shootOut';
  readonly shootOut: { readonly home: ClubScore; readonly away: ClubScore };
}

/** A coin toss or an awarded tie that settled it: recorded, not computed. */
export interface RecordedDecisionEntry extends EntryBase {
  readonly kind: 'recordedDecision';
}

export type TimelineEntry = GoalEntry | MatchEndEntry | ShootOutEntry | RecordedDecisionEntry;

export function tieTimeline(tie: TieFacts, rules: RuleSet): TimelineEntry[] {
  assertTieFacts(tie);
  const goalIssues = tie.legs.flatMap((leg, i) => (leg.played && leg.goals ? goalProblems(leg, `legs[${i}]`) : []));
  if (goalIssues.length > 0) throw new TieFactsError(goalIssues, tie.id);
  const entries: TimelineEntry[] = [];
  let previous: ClubRef | null = null;
  const push = (entry: Omit<EntryBase, 'sequence' | 'leaderChanged' | 'leaderFlipped'> & Record<string, unknown>): void => {
    const now = entry.standing.goingThrough;
    entries.push({
      ...entry,
      sequence: entries.length + 1,
      leaderChanged: (now?.id ?? null) !== (previous?.id ?? null),
      leaderFlipped: now !== null && previous !== null && now.id !== previous.id,
    } as TimelineEntry);
    previous = now;
  };

  tie.legs.forEach((leg, legIndex) => {
    if (!leg.played) return;
    // An incomplete goal list (fewer goals than the score) cannot say how the tie stood after each goal.
    // An awarded match's score is not the goals scored on the pitch: it gets only its end-of-match entry.
    const goals = leg.goals && goalsComplete(leg) && !leg.awarded ? [...leg.goals].sort((x, y) => x.order - y.order) : null;
    if (goals) {
      const periods = goalPeriods(leg, goals, legIndex, tie.id);
      const tally = { home: 0, away: 0 };
      const ninety = { home: 0, away: 0 };
      goals.forEach((goal, i) => {
        const side = goal.club === leg.home ? 'home' : 'away';
        tally[side] += 1;
        const period = periods[i] ?? null;
        const inExtraTime = period === 'extraTime';
        if (!inExtraTime) ninety[side] += 1;
        const partial: MatchFacts = {
          ...leg,
          shootOut: null,
          awarded: null,
          goals: undefined,
          afterNormalTime: inExtraTime ? (leg.afterNormalTime ?? { ...ninety }) : { ...tally },
          afterExtraTime: inExtraTime ? { ...tally } : null,
        };
        const outcome = decideTie(asOf(tie, legIndex, partial), rules);
        push({
          kind: 'goal',
          legIndex,
          order: goal.order,
          minute: goal.minute ?? null,
          addedTime: goal.addedTime ?? null,
          minuteKnown: goal.minute != null,
          period,
          club: club(tie, goal.club),
          scorer: goal.scorer ?? null,
          ownGoal: goal.ownGoal ?? false,
          penalty: goal.penalty ?? false,
          countsUnderRules: !(inExtraTime && !outcome.extraTimePlayed),
          matchScore: matchScore(tie, leg, tally),
          aggregate: outcome.aggregate,
          standing: standingOf(outcome, tie, legIndex),
        });
      });
    }
    const ended: MatchFacts = { ...leg, shootOut: null };
    const atEnd = decideTie(asOf(tie, legIndex, ended), rules);
    push({
      kind: 'matchEnd',
      legIndex,
      afterExtraTime: Boolean(leg.afterExtraTime) && atEnd.extraTimePlayed,
      goalsKnown: goals !== null,
      matchScore: matchScore(tie, leg, finalScore(leg, atEnd.extraTimePlayed)),
      aggregate: atEnd.aggregate,
      standing: standingOf(atEnd, tie, legIndex),
    });
    if (leg.shootOut) {
      const withShootOut = decideTie(asOf(tie, legIndex, leg), rules);
      if (withShootOut.shootOut) {
        push({
          kind: 'shootOut',
          legIndex,
          shootOut: matchScore(tie, leg, leg.shootOut),
          matchScore: matchScore(tie, leg, finalScore(leg, withShootOut.extraTimePlayed)),
          aggregate: withShootOut.aggregate,
          standing: standingOf(withShootOut, tie, legIndex),
        });
      }
    }
  });

  const outcome = decideTie(tie, rules);
  if (outcome.kind === 'decided' && (outcome.decidedBy === 'COIN_TOSS' || outcome.decidedBy === 'AWARDED')) {
    const at = outcome.decidingLeg;
    const leg = tie.legs[at]!;
    push({
      kind: 'recordedDecision',
      legIndex: at,
      matchScore: matchScore(tie, leg, finalScore(leg, outcome.extraTimePlayed)),
      aggregate: outcome.aggregate,
      standing: standingOf(outcome, tie, at),
    });
  }
  return entries;
}

/** The tie as it stood with match `legIndex` in the given state: earlier matches as played, later ones not yet. */
function asOf(tie: TieFacts, legIndex: number, current: MatchFacts): TieFacts {
  return {
    ...tie,
    recorded: (tie.recorded ?? []).filter((fact) => fact.kind === 'replayOrdered'),
    legs: tie.legs.map((leg, i) =>
      i < legIndex
        ? leg
        : i === legIndex
          ? current
          : { ...leg, played: false, afterNormalTime: null, afterExtraTime: null, shootOut: null, goals: undefined, awarded: null },
    ),
  };
}

function standingOf(outcome: TieOutcome, tie: TieFacts, legIndex: number): Standing {
  const scope = tie.legs.filter((leg) => !leg.replay).length > 1 ? 'aggregate' : 'match';
  const [a, b] = outcome.aggregate;
  const current = tie.legs[legIndex];
  const levelText = current?.replay
    ? 'Level in the replay'
    : scope === 'aggregate'
      ? `Level ${a.goals}-${b.goals} on aggregate`
      : `Level ${a.goals}-${b.goals}`;
  switch (outcome.kind) {
    case 'decided': {
      const w = outcome.winner;
      const agg = forClub(outcome.aggregate, w.id);
      const away = outcome.awayGoals ? forClub(outcome.awayGoals, w.id) : '';
      const shootOut = outcome.shootOut ? forClub(outcome.shootOut, w.id) : '';
      const by = outcome.decidedBy;
      const explanation = outcome.explanation;
      const description = ((): string => {
        switch (by) {
          case 'AGGREGATE':
            return `${w.name} ahead on aggregate ${agg}`;
          case 'AWAY_GOALS':
            return `${w.name} ahead on away goals (${away}), level ${agg} on aggregate`;
          case 'EXTRA_TIME':
            return scope === 'aggregate' ? `${w.name} ahead on aggregate ${agg} in extra time` : `${w.name} ahead ${agg} in extra time`;
          case 'AWAY_GOALS_AFTER_EXTRA_TIME':
            return `${w.name} ahead on away goals (${away}) in extra time, level ${agg} on aggregate`;
          case 'REGULAR_TIME':
            return `${w.name} ahead ${agg}`;
          case 'REPLAY':
            return `${w.name} ahead in the replay`;
          case 'PENALTIES':
            return `${w.name} win the shoot-out ${shootOut}`;
          case 'COIN_TOSS':
          case 'AWARDED':
            return explanation.replace(/\.$/, '');
          default:
            return assertNever(by);
        }
      })();
      return { goingThrough: w, basis: outcome.decidedBy, next: null, description };
    }
    case 'inProgress': {
      if (outcome.next.match === 'replay') {
        return { goingThrough: null, basis: null, next: 'replay', description: `${levelText}: a replay would follow` };
      }
      const leader = outcome.leader;
      if (!leader) return { goingThrough: null, basis: null, next: 'secondLeg', description: levelText };
      if (leader.by === 'aggregate') {
        return { goingThrough: leader.club, basis: 'AGGREGATE', next: null, description: `${leader.club.name} ahead on aggregate ${forClub(outcome.aggregate, leader.club.id)}` };
      }
      const away = outcome.awayGoals ? forClub(outcome.awayGoals, leader.club.id) : '';
      return {
        goingThrough: leader.club,
        basis: 'AWAY_GOALS',
        next: null,
        description: `${leader.club.name} ahead on away goals (${away}), level ${a.goals}-${b.goals} on aggregate`,
      };
    }
    case 'undetermined': {
      const missing = outcome.missing;
      switch (missing.kind) {
        case 'extraTimeScore':
          return { goingThrough: null, basis: null, next: 'extraTime', description: `${levelText}: extra time would follow` };
        case 'shootOut':
          return { goingThrough: null, basis: null, next: 'penalties', description: `${levelText}${outcome.extraTimePlayed ? ' after extra time' : ''}: penalties would follow` };
        case 'coinTossWinner':
          return { goingThrough: null, basis: null, next: 'coinToss', description: `${levelText}${outcome.extraTimePlayed ? ' after extra time' : ''}: a coin toss would follow` };
        case 'replayReason':
        case 'factsDoNotFitRules':
          return { goingThrough: null, basis: null, next: null, description: outcome.explanation.replace(/\.$/, '') };
        default:
          return assertNever(missing);
      }
    }
    case 'notStarted':
      return { goingThrough: null, basis: null, next: null, description: 'Not started' };
    default:
      return assertNever(outcome);
  }
}

/**
 * The period of each goal (sorted by order): explicit, else from the minute, else from its position
 * (the first n goals of a match that went to extra time are the n goals of normal time).
 */
function goalPeriods(leg: MatchFacts, goals: readonly GoalFact[], legIndex: number, tieId?: string): (TimelinePeriod | null)[] {
  const ninety = leg.afterNormalTime ? leg.afterNormalTime.home + leg.afterNormalTime.away : null;
  const wentToExtraTime = Boolean(leg.afterExtraTime);
  const problems: string[] = [];
  const periods = goals.map((goal, i): TimelinePeriod | null => {
    const fromFacts = goal.period ?? (goal.minute != null ? periodOfMinute(goal) : null);
    const fromPosition: TimelinePeriod | null = !wentToExtraTime ? 'normalTime' : ninety === null ? null : i < ninety ? 'normalTime' : 'extraTime';
    if (fromFacts && fromPosition && (fromFacts === 'extraTime') !== (fromPosition === 'extraTime')) {
      problems.push(
        `legs[${legIndex}].goals[order ${goal.order}] (${formatMinute(goal)}) is ${fromFacts === 'extraTime' ? 'in extra time' : 'in normal time'}, ` +
          `but the score after 90 minutes puts it ${fromPosition === 'extraTime' ? 'in extra time' : 'in normal time'}`,
      );
    }
    return fromFacts ?? fromPosition;
  });
  if (leg.afterNormalTime && wentToExtraTime) {
    const inNinety = (club: string) => goals.filter((g, i) => g.club === club && periods[i] !== 'extraTime').length;
    if (inNinety(leg.home) !== leg.afterNormalTime.home || inNinety(leg.away) !== leg.afterNormalTime.away) {
      problems.push(
        `legs[${legIndex}].goals: ${inNinety(leg.home)}-${inNinety(leg.away)} in normal time, but the score after 90 minutes was ${leg.afterNormalTime.home}-${leg.afterNormalTime.away}`,
      );
    }
  }
  if (problems.length > 0) throw new TieFactsError(problems, tieId);
  return periods;
}

function periodOfMinute(goal: GoalFact): TimelinePeriod {
  const minute = goal.minute ?? 0;
  if (minute <= 45) return 'firstHalf';
  if (minute <= 90) return 'secondHalf';
  return 'extraTime';
}

function finalScore(leg: MatchFacts, extraTimeCounts: boolean): Score {
  return (extraTimeCounts ? (leg.afterExtraTime ?? leg.afterNormalTime) : (leg.afterNormalTime ?? leg.afterExtraTime)) ?? { home: 0, away: 0 };
}

function matchScore(tie: TieFacts, leg: MatchFacts, s: Score): { home: ClubScore; away: ClubScore } {
  return { home: { club: club(tie, leg.home), goals: s.home }, away: { club: club(tie, leg.away), goals: s.away } };
}

function club(tie: TieFacts, id: string): ClubRef {
  return tie.clubs[0].id === id ? tie.clubs[0] : tie.clubs[1];
}

/** "4-3" from the given club's side. */
function forClub(p: ClubPair, id: string): string {
  const [x, y] = p[0].club.id === id ? [p[0].goals, p[1].goals] : [p[1].goals, p[0].goals];
  return `${x}-${y}`;
}
