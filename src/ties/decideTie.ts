/**
 * decideTie: who goes through, how, and why, from the recorded facts of a tie and the rule set in force.
 *
 * The rules are walked in their own order: aggregate after normal time; away goals (if in force);
 * extra time of the deciding match; away goals again (if extra-time goals count); then the rule set's
 * "if still level" (penalties, a coin toss, or a replay with its own extra time and fallback).
 * Facts that scores cannot decide (a coin toss winner, an awarded tie, a replay ordered after an appeal)
 * are taken only from TieFacts.recorded and reported as such; when one is needed and missing, the tie is
 * `undetermined` and names the missing fact. Recorded facts the rules never reach are listed in `notes`.
 */
import { assertNever, type ExtraTimeRule, type LevelDecider, type RuleSet } from './ruleSet.ts';
import { assertTieFacts, type ClubRef, type MatchFacts, type Score, type TieFacts } from './tieFacts.ts';
import type { ClubPair, Leader, MissingFact, NextMatch, TieDecision, TieOutcome, UnusedFact } from './tieOutcome.ts';

type Phase = 'normalTime' | 'extraTime';
type Pair = [number, number];

/** How the tie stood when it was still level, for the sentences that follow. */
interface LevelState {
  readonly scope: 'aggregate' | 'match' | 'replay';
  readonly goals: number;
  readonly afterExtraTime: boolean;
}

interface Ctx {
  readonly tie: TieFacts;
  readonly rules: RuleSet;
  readonly clubs: readonly [ClubRef, ClubRef];
  /** Leg index -> how much of it counts towards the aggregate. */
  readonly counted: Map<number, Phase>;
  readonly notes: string[];
  readonly unused: UnusedFact[];
  readonly replays: readonly number[];
  replaysUsed: number;
  extraTimePlayed: boolean;
  shootOut: Pair | null;
  awayGoals: Pair | null;
}

type Verdict =
  | { readonly kind: 'decided'; readonly winner: 0 | 1; readonly by: TieDecision; readonly leg: number; readonly sentence: string }
  | { readonly kind: 'notStarted'; readonly next: NextMatch; readonly leg: number | null }
  | { readonly kind: 'inProgress'; readonly next: NextMatch; readonly leg: number | null; readonly leader: Leader | null; readonly sentence: string }
  | { readonly kind: 'undetermined'; readonly missing: MissingFact; readonly settledBy: TieDecision | null; readonly sentence: string };

export function decideTie(tie: TieFacts, rules: RuleSet): TieOutcome {
  assertTieFacts(tie);
  const replays = tie.legs.flatMap((leg, i) => (leg.replay ? [i] : []));
  const ctx: Ctx = {
    tie,
    rules,
    clubs: tie.clubs,
    counted: new Map(),
    notes: [],
    unused: [],
    replays,
    replaysUsed: 0,
    extraTimePlayed: false,
    shootOut: null,
    awayGoals: null,
  };
  return toOutcome(ctx, checkReplaysUsed(ctx, evaluate(ctx)));
}

function evaluate(ctx: Ctx): Verdict {
  const regular = ctx.tie.legs.flatMap((leg, i) => (leg.replay ? [] : [i]));
  const award = ctx.tie.recorded?.find((fact) => fact.kind === 'awarded');
  if (award && award.kind === 'awarded') {
    ctx.tie.legs.forEach((leg, i) => leg.played && ctx.counted.set(i, 'extraTime'));
    ctx.replaysUsed = ctx.replays.length;
    const winner = clubIndex(ctx, award.winner);
    const last = lastIndex(ctx.tie.legs.flatMap((leg, i) => (leg.played ? [i] : [])));
    return { kind: 'decided', winner, by: 'AWARDED', leg: last ?? 0, sentence: `${name(ctx, winner)} are awarded the tie: ${award.reason.replace(/\.$/, '')}` };
  }
  const format = ctx.rules.format;
  switch (format.kind) {
    case 'twoLegs':
      return twoLegs(ctx, regular);
    case 'singleMatch':
      return singleMatch(ctx, regular);
    default:
      return assertNever(format);
  }
}

function twoLegs(ctx: Ctx, regular: readonly number[]): Verdict {
  if (regular.length > 2) {
    return doesNotFit(ctx, `it expects two legs, the facts have ${regular.length} regular matches`);
  }
  const [first, second] = regular;
  if (first === undefined || !leg(ctx, first).played) {
    return { kind: 'notStarted', next: 'firstLeg', leg: first ?? null };
  }
  count(ctx, first, 'normalTime');
  if (leg(ctx, first).afterExtraTime) {
    note(ctx, `extra time is recorded for the first leg; it is ignored, a first leg has none`, { kind: 'extraTime', legIndex: first });
  }
  if (leg(ctx, first).shootOut) {
    note(ctx, `a shoot-out is recorded for the first leg; it is ignored, a first leg has none`, { kind: 'shootOut', legIndex: first });
  }
  if (second === undefined || !leg(ctx, second).played) {
    const leader = leaderNow(ctx);
    return { kind: 'inProgress', next: 'secondLeg', leg: second ?? null, leader, sentence: `${halfwaySentence(ctx, leader)}. ${secondLegNeeds(ctx, first, second ?? null, leader)}` };
  }
  count(ctx, second, 'normalTime');
  const afterNinety = leg(ctx, second).afterNormalTime;
  if (afterNinety) {
    const agg = aggregate(ctx);
    if (!isLevel(agg)) {
      ignoreLaterPlay(ctx, second, 'the aggregate was not level after 90 minutes');
      const w = leading(agg);
      return decided(w, 'AGGREGATE', second, `${name(ctx, w)} win ${score(agg, w)} on aggregate`);
    }
    if (ctx.rules.awayGoals !== 'none') {
      const away = awayGoals(ctx);
      ctx.awayGoals = away;
      if (!isLevel(away)) {
        ignoreLaterPlay(ctx, second, 'away goals decided the tie after 90 minutes');
        const w = leading(away);
        return decided(w, 'AWAY_GOALS', second, `Level ${levelScore(agg)} on aggregate; ${name(ctx, w)} go through on away goals (${score(away, w)})`);
      }
    }
  } else {
    note(ctx, `the score after 90 minutes of the second leg is not recorded; extra time was played, so the tie was level after normal time`);
  }
  return extraTime(ctx, second, ctx.rules.extraTime, ctx.rules.ifStillLevel, 'aggregate');
}

function singleMatch(ctx: Ctx, regular: readonly number[]): Verdict {
  if (regular.length > 1) {
    return doesNotFit(ctx, `it expects one match, the facts have ${regular.length} regular matches`);
  }
  const [only] = regular;
  if (only === undefined || !leg(ctx, only).played) return { kind: 'notStarted', next: 'match', leg: only ?? null };
  count(ctx, only, 'normalTime');
  const afterNinety = leg(ctx, only).afterNormalTime;
  if (afterNinety) {
    const s = matchScore(ctx, only, 'normalTime');
    if (!isLevel(s)) {
      ignoreLaterPlay(ctx, only, 'it was won in normal time');
      const w = leading(s);
      return decided(w, 'REGULAR_TIME', only, `${name(ctx, w)} win ${score(s, w)}`);
    }
  }
  return extraTime(ctx, only, ctx.rules.extraTime, ctx.rules.ifStillLevel, 'match');
}

/** Extra time of the deciding match (second leg, single match or replay), then the fallback. */
function extraTime(ctx: Ctx, at: number, rule: ExtraTimeRule, ifStillLevel: LevelDecider, scope: LevelState['scope']): Verdict {
  const match = leg(ctx, at);
  const totals = () => (scope === 'aggregate' ? aggregate(ctx) : matchScore(ctx, at, ctx.counted.get(at) ?? 'normalTime'));
  switch (rule.kind) {
    case 'none': {
      if (match.afterExtraTime) {
        note(ctx, `extra time is recorded for ${legName(ctx, at)}, but rule set ${ctx.rules.id} has none; it is not counted`, { kind: 'extraTime', legIndex: at });
      }
      return stillLevel(ctx, ifStillLevel, at, { scope, goals: totals()[0], afterExtraTime: false });
    }
    case 'played': {
      if (!match.afterExtraTime) {
        const levelNow: LevelState = { scope, goals: totals()[0], afterExtraTime: false };
        if (ifStillLevel.kind === 'replay' && ctx.replays.length > ctx.replaysUsed) {
          note(ctx, `extra time of ${legName(ctx, at)} is not recorded; the replay that followed shows it ended level`);
          return stillLevel(ctx, ifStillLevel, at, levelNow);
        }
        // A shoot-out written without the extra time before it: the winner hangs on the score
        // after extra time all the same (a goal in extra time would have settled the tie).
        const shootOut = match.shootOut ? `; a shoot-out (${match.shootOut.home}-${match.shootOut.away}) is recorded, but it comes after extra time` : '';
        return {
          kind: 'undetermined',
          missing: { kind: 'extraTimeScore', legIndex: at },
          settledBy: null,
          sentence: `${levelPhrase(levelNow)} after 90 minutes; extra time follows, but its score is not recorded${shootOut}`,
        };
      }
      ctx.extraTimePlayed = true;
      count(ctx, at, 'extraTime');
      const s = totals();
      if (!isLevel(s)) {
        ignoreShootOut(ctx, at, 'extra time decided it');
        const w = leading(s);
        return decided(w, scope === 'replay' ? 'REPLAY' : 'EXTRA_TIME', at, extraTimeWin(ctx, w, s, scope, rule));
      }
      if (scope === 'aggregate' && ctx.rules.awayGoals === 'includingExtraTime') {
        const away = awayGoals(ctx);
        ctx.awayGoals = away;
        if (!isLevel(away)) {
          ignoreShootOut(ctx, at, 'away goals scored in extra time decided the tie');
          const w = leading(away);
          return decided(w,
            'AWAY_GOALS_AFTER_EXTRA_TIME',
            at,
            `Level ${levelScore(s)} on aggregate after extra time; ${name(ctx, w)} go through on away goals (${score(away, w)})`,
          );
        }
      }
      return stillLevel(ctx, ifStillLevel, at, { scope, goals: s[0], afterExtraTime: true });
    }
    default:
      return assertNever(rule);
  }
}

/** The rule set's "if still level", after the last match `at` ended level. */
function stillLevel(ctx: Ctx, decider: LevelDecider, at: number, level: LevelState): Verdict {
  const shootOut = leg(ctx, at).shootOut;
  switch (decider.kind) {
    case 'penalties': {
      if (!shootOut || shootOut.home === shootOut.away) {
        return {
          kind: 'undetermined',
          missing: { kind: 'shootOut', legIndex: at },
          settledBy: 'PENALTIES',
          sentence: `${levelPhrase(level)}; a penalty shoot-out settles the tie, but its result is not recorded`,
        };
      }
      const pens = sides(ctx, leg(ctx, at), shootOut);
      ctx.shootOut = pens;
      const w = leading(pens);
      return decided(w, 'PENALTIES', at, `${name(ctx, w)} win ${score(pens, w)} on penalties after ${drawPhrase(level)}`);
    }
    case 'coinToss': {
      if (shootOut) note(ctx, `a shoot-out is recorded for ${legName(ctx, at)}, but rule set ${ctx.rules.id} settles a level tie by coin toss`, { kind: 'shootOut', legIndex: at });
      const toss = ctx.tie.recorded?.find((fact) => fact.kind === 'coinToss');
      if (!toss || toss.kind !== 'coinToss') {
        return {
          kind: 'undetermined',
          missing: { kind: 'coinTossWinner' },
          settledBy: 'COIN_TOSS',
          sentence: `${levelPhrase(level)}; a coin toss settled the tie, but its winner is not recorded`,
        };
      }
      const w = clubIndex(ctx, toss.winner);
      return decided(w, 'COIN_TOSS', at, `${levelPhrase(level)}; ${name(ctx, w)} go through on a coin toss`);
    }
    case 'replay': {
      if (shootOut) note(ctx, `a shoot-out is recorded for ${legName(ctx, at)}, but rule set ${ctx.rules.id} replays a level tie`, { kind: 'shootOut', legIndex: at });
      const replay = ctx.replays[ctx.replaysUsed];
      if (replay === undefined || !leg(ctx, replay).played) {
        return {
          kind: 'inProgress',
          next: 'replay',
          leg: replay ?? null,
          leader: null,
          sentence: `${levelPhrase(level)}; a replay follows`,
        };
      }
      ctx.replaysUsed += 1;
      return playReplay(ctx, replay, decider.extraTime, decider.ifStillLevel, level);
    }
    default:
      return assertNever(decider);
  }
}

function playReplay(ctx: Ctx, at: number, rule: ExtraTimeRule, ifStillLevel: LevelDecider, before: LevelState): Verdict {
  count(ctx, at, 'normalTime');
  if (leg(ctx, at).afterNormalTime) {
    const s = matchScore(ctx, at, 'normalTime');
    if (!isLevel(s)) {
      ignoreLaterPlay(ctx, at, 'the replay was won in normal time');
      const w = leading(s);
      return decided(w, 'REPLAY', at, `${name(ctx, w)} win the replay ${score(s, w)}, after ${drawPhrase(before)}`);
    }
  }
  const verdict = extraTime(ctx, at, rule, ifStillLevel, 'replay');
  if (verdict.kind === 'decided' && verdict.by === 'REPLAY') {
    return { ...verdict, sentence: `${verdict.sentence}, after ${drawPhrase(before)}` };
  }
  return verdict;
}

/** A played replay the rules never reached counts only when a recorded fact says why it was ordered. */
function checkReplaysUsed(ctx: Ctx, verdict: Verdict): Verdict {
  const unused = ctx.replays.slice(ctx.replaysUsed);
  const playedUnused = unused.filter((i) => leg(ctx, i).played);
  if (playedUnused.length === 0) {
    if (unused.length > 0 && verdict.kind === 'decided') note(ctx, `a replay is scheduled but not needed under rule set ${ctx.rules.id}`);
    return verdict;
  }
  const ordered = ctx.tie.recorded?.find((fact) => fact.kind === 'replayOrdered');
  const before = verdict.kind === 'decided' ? `the regular matches alone give: ${verdict.sentence}` : 'the regular matches did not settle it';
  if (!ordered || ordered.kind !== 'replayOrdered') {
    const at = playedUnused[0]!;
    return {
      kind: 'undetermined',
      missing: { kind: 'replayReason', legIndex: at },
      settledBy: 'REPLAY',
      sentence: `A replay was played that rule set ${ctx.rules.id} does not provide for (${before}); why it was ordered is not recorded, so no winner is given`,
    };
  }
  note(ctx, `${before}; superseded by the replay ordered: ${ordered.reason}`);
  ctx.shootOut = null;
  ctx.awayGoals = null;
  let last: LevelDecider = ctx.rules.ifStillLevel;
  while (last.kind === 'replay') last = last.ifStillLevel;
  const rule: ExtraTimeRule = ctx.rules.extraTime.kind === 'none' ? { kind: 'played', minutes: 30, decisiveGoal: 'none' } : ctx.rules.extraTime;
  const replay = playedUnused[0]!;
  ctx.replaysUsed = ctx.replays.indexOf(replay) + 1;
  const result = playReplay(ctx, replay, rule, last, { scope: 'aggregate', goals: -1, afterExtraTime: false });
  if (result.kind !== 'decided') return result;
  const w = result.winner;
  const s = matchScore(ctx, replay, ctx.counted.get(replay) ?? 'normalTime');
  const how =
    result.by === 'PENALTIES' && ctx.shootOut
      ? `on penalties (${score(ctx.shootOut, w)}) after a ${levelScore(s)} draw`
      : result.by === 'COIN_TOSS'
        ? `on a coin toss after a ${levelScore(s)} draw`
        : `${score(s, w)}${ctx.counted.get(replay) === 'extraTime' ? ' after extra time' : ''}`;
  return { ...result, sentence: `A replay was ordered (${ordered.reason}); ${name(ctx, w)} win it ${how}` };
}

// --- outcome assembly --------------------------------------------------------------------------

/** How a tie was settled, for a note about a fact that never came into it. */
const SETTLED: Record<TieDecision, string> = {
  AGGREGATE: 'on aggregate',
  AWAY_GOALS: 'on away goals',
  EXTRA_TIME: 'in extra time',
  AWAY_GOALS_AFTER_EXTRA_TIME: 'on away goals after extra time',
  PENALTIES: 'by the shoot-out',
  REGULAR_TIME: 'in normal time',
  REPLAY: 'by the replay',
  COIN_TOSS: 'by the coin toss',
  AWARDED: 'by the award',
};

function toOutcome(ctx: Ctx, verdict: Verdict): TieOutcome {
  // A coin toss recorded for a tie the rules settled otherwise (by the shoot-out, say) is noted
  // like every other fact the rules never reach, not dropped without a word.
  const toss = ctx.tie.recorded?.find((fact) => fact.kind === 'coinToss');
  if (toss && verdict.kind === 'decided' && verdict.by !== 'COIN_TOSS' && !ctx.unused.some((fact) => fact.kind === 'coinToss')) {
    note(ctx, `a coin toss is recorded, but under rule set ${ctx.rules.id} the tie was settled ${SETTLED[verdict.by]}`, { kind: 'coinToss', legIndex: null });
  }
  const agg = aggregate(ctx);
  const base = {
    ruleSetId: ctx.rules.id,
    aggregate: pair(ctx, agg),
    awayGoals: awayGoalsInForce(ctx) && ctx.counted.size > 0 ? pair(ctx, ctx.awayGoals ?? awayGoals(ctx)) : null,
    extraTimePlayed: ctx.extraTimePlayed,
    shootOut: ctx.shootOut ? pair(ctx, ctx.shootOut) : null,
    notes: ctx.notes,
    unusedFacts: ctx.unused,
  };
  switch (verdict.kind) {
    case 'decided':
      return {
        ...base,
        kind: 'decided',
        status: 'DECIDED',
        winner: ctx.clubs[verdict.winner],
        loser: ctx.clubs[verdict.winner === 0 ? 1 : 0],
        decidedBy: verdict.by,
        decidingLeg: verdict.leg,
        explanation: withAwardedLegs(ctx, verdict.sentence),
      };
    case 'notStarted':
      return {
        ...base,
        kind: 'notStarted',
        status: 'NOT_STARTED',
        winner: null,
        loser: null,
        decidedBy: null,
        next: { match: verdict.next, legIndex: verdict.leg },
        explanation: 'The tie has not started.',
      };
    case 'inProgress':
      return {
        ...base,
        kind: 'inProgress',
        status: 'IN_PROGRESS',
        winner: null,
        loser: null,
        decidedBy: null,
        next: { match: verdict.next, legIndex: verdict.leg },
        leader: verdict.leader,
        explanation: withAwardedLegs(ctx, verdict.sentence),
      };
    case 'undetermined':
      return {
        ...base,
        kind: 'undetermined',
        status: 'IN_PROGRESS',
        winner: null,
        loser: null,
        decidedBy: null,
        missing: verdict.missing,
        settledBy: verdict.settledBy,
        explanation: withAwardedLegs(ctx, verdict.sentence),
      };
    default:
      return assertNever(verdict);
  }
}

function decided(winner: 0 | 1, by: TieDecision, at: number, sentence: string): Verdict {
  return { kind: 'decided', winner, by, leg: at, sentence };
}

function doesNotFit(ctx: Ctx, detail: string): Verdict {
  ctx.tie.legs.forEach((l, i) => l.played && ctx.counted.set(i, 'extraTime'));
  ctx.replaysUsed = ctx.replays.length;
  return {
    kind: 'undetermined',
    missing: { kind: 'factsDoNotFitRules', detail },
    settledBy: null,
    sentence: `The recorded matches do not fit rule set ${ctx.rules.id}: ${detail}`,
  };
}

function withAwardedLegs(ctx: Ctx, sentence: string): string {
  const awarded = [...ctx.counted.keys()]
    .sort((x, y) => x - y)
    .flatMap((i) => {
      const l = leg(ctx, i);
      if (!l.awarded) return [];
      const s = l.afterNormalTime ?? l.afterExtraTime;
      return [`${legName(ctx, i)} awarded ${s ? `${Math.max(s.home, s.away)}-${Math.min(s.home, s.away)} ` : ''}to ${clubName(ctx, l.awarded.to)}: ${l.awarded.reason}`];
    });
  return awarded.length === 0 ? `${sentence}.` : `${sentence} (${awarded.join('; ')}).`;
}

// --- sentences -----------------------------------------------------------------------------------

function extraTimeWin(ctx: Ctx, w: 0 | 1, s: Pair, scope: LevelState['scope'], rule: ExtraTimeRule & { kind: 'played' }): string {
  const how =
    rule.decisiveGoal === 'goldenGoal' ? 'with a golden goal in extra time' : rule.decisiveGoal === 'silverGoal' ? 'after extra time (silver goal)' : 'after extra time';
  switch (scope) {
    case 'aggregate':
      return `${name(ctx, w)} win ${score(s, w)} on aggregate ${how}`;
    case 'match':
      return `${name(ctx, w)} win ${score(s, w)} ${how}`;
    case 'replay':
      return `${name(ctx, w)} win the replay ${score(s, w)} ${how}`;
    default:
      return assertNever(scope);
  }
}

function halfwaySentence(ctx: Ctx, leader: Leader | null): string {
  const agg = aggregate(ctx);
  if (!leader) return `Level ${levelScore(agg)} after the first leg`;
  const w = clubIndex(ctx, leader.club.id);
  if (leader.by === 'aggregate') return `${name(ctx, w)} lead ${score(agg, w)} after the first leg`;
  return `Level ${levelScore(agg)} after the first leg; ${name(ctx, w)} ahead on away goals (${score(awayGoals(ctx), w)})`;
}

/**
 * What the second leg must produce, found by trying second-leg scores under the same rules (so away
 * goals, extra time and what follows are exactly the engine's): "Atalanta go through with a win by 2 or
 * more, or by one scoring 2 or more; 1-0 means extra time; any other result puts Borussia Dortmund through."
 * Told from the side of the club behind (or, when nobody leads, the second leg's home club).
 */
function secondLegNeeds(ctx: Ctx, first: number, second: number | null, leader: Leader | null): string {
  const firstLeg = leg(ctx, first);
  const scheduled = second === null ? null : leg(ctx, second);
  const home = scheduled?.home ?? firstLeg.away;
  const away = scheduled?.away ?? firstLeg.home;
  const chaser = leader ? (leader.club.id === ctx.clubs[0].id ? ctx.clubs[1] : ctx.clubs[0]) : ctx.clubs[clubIndex(ctx, home)];
  const other = chaser.id === ctx.clubs[0].id ? ctx.clubs[1] : ctx.clubs[0];
  const deficit = Math.abs(aggregate(ctx)[0] - aggregate(ctx)[1]);
  const maxGoals = deficit + 6;
  type Result = 'chaser' | 'other' | string;
  const results = new Map<number, Map<number, Result>>();
  for (let chaserGoals = 0; chaserGoals <= maxGoals; chaserGoals++) {
    for (let otherGoals = 0; otherGoals <= maxGoals; otherGoals++) {
      const score = home === chaser.id ? { home: chaserGoals, away: otherGoals } : { home: otherGoals, away: chaserGoals };
      const legs = [firstLeg, { home, away, played: true, afterNormalTime: score }];
      const outcome = decideTie({ id: ctx.tie.id, clubs: ctx.clubs, legs }, ctx.rules);
      const result: Result =
        outcome.kind === 'decided' ? (outcome.winner.id === chaser.id ? 'chaser' : 'other') : whatFollows(outcome);
      const margin = chaserGoals - otherGoals;
      if (!results.has(margin)) results.set(margin, new Map());
      results.get(margin)!.set(chaserGoals, result);
    }
  }
  const margins = [...results.keys()].sort((a, b) => b - a);
  // The smallest margin at which every score tried puts the chaser through.
  const sure = margins.filter((m) => [...results.get(m)!.values()].every((r) => r === 'chaser')).at(-1);
  const wins: string[] = [];
  const levels = new Map<string, string[]>();
  for (const m of margins) {
    if (sure !== undefined && m >= sure) continue;
    const byResult = new Map<Result, number[]>();
    for (const [goals, result] of [...results.get(m)!.entries()].sort((a, b) => a[0] - b[0])) {
      if (!byResult.has(result)) byResult.set(result, []);
      byResult.get(result)!.push(goals);
    }
    const all = byResult.size === 1;
    for (const [result, goals] of byResult) {
      if (result === 'other') continue;
      const text = scoresText(m, goals, all, maxGoals);
      if (result === 'chaser') wins.push(text);
      else levels.set(result, [...(levels.get(result) ?? []), text]);
    }
  }
  const venue = ` (${scheduled?.date ? `${scheduled.date}, ` : ''}at ${clubName(ctx, home)}'s ground)`;
  const win = sure === undefined ? [] : [sure === 1 ? 'a win' : `a win by ${sure} or more`];
  const parts = [`In the second leg${venue}, ${chaser.name} go through with ${[...win, ...wins].join(', or ')}`];
  for (const [follows, texts] of levels) parts.push(`${texts.join(' or ')} means ${follows}`);
  parts.push(`any other result puts ${other.name} through`);
  return parts.join('; ');
}

/** What a level tie goes to next, from an outcome that is not decided. */
function whatFollows(outcome: TieOutcome): string {
  if (outcome.kind === 'undetermined') {
    switch (outcome.missing.kind) {
      case 'extraTimeScore':
        return 'extra time';
      case 'shootOut':
        return 'a penalty shoot-out';
      case 'coinTossWinner':
        return 'a coin toss';
      case 'replayReason':
      case 'factsDoNotFitRules':
        return 'an undecided tie';
      default:
        return assertNever(outcome.missing);
    }
  }
  return outcome.kind === 'inProgress' && outcome.next.match === 'replay' ? 'a replay' : 'an undecided tie';
}

/** "a win by one scoring 2 or more", "1-0", "a draw": the scores of one margin, from the chaser's side. */
function scoresText(margin: number, goals: readonly number[], wholeMargin: boolean, maxGoals: number): string {
  const what = margin > 1 ? `a win by ${margin}` : margin === 1 ? 'a win by one' : margin === 0 ? 'a draw' : `a defeat by ${-margin}`;
  if (wholeMargin) return what;
  const contiguous = goals.every((g, i) => i === 0 || g === goals[i - 1]! + 1);
  if (contiguous && goals.at(-1) === maxGoals) return `${what} scoring ${goals[0]} or more`;
  if (goals.length <= 3) return goals.map((g) => `${g}-${g - margin}`).join(', ');
  return contiguous ? `${what} scoring ${goals[0]} to ${goals.at(-1)}` : goals.map((g) => `${g}-${g - margin}`).join(', ');
}

function levelPhrase(level: LevelState): string {
  if (level.goals < 0) return 'Level';
  const s = `${level.goals}-${level.goals}`;
  const et = level.afterExtraTime ? ' after extra time' : '';
  switch (level.scope) {
    case 'aggregate':
      return `Level ${s} on aggregate${et}`;
    case 'match':
      return `Level ${s}${et}`;
    case 'replay':
      return `Level ${s} in the replay${et}`;
    default:
      return assertNever(level.scope);
  }
}

function drawPhrase(level: LevelState): string {
  if (level.goals < 0) return 'a draw';
  const s = `${level.goals}-${level.goals}`;
  switch (level.scope) {
    case 'aggregate':
      return `a ${s} aggregate draw`;
    case 'match':
      return `a ${s} draw`;
    case 'replay':
      return `a ${s} draw in the replay`;
    default:
      return assertNever(level.scope);
  }
}

function legName(ctx: Ctx, at: number): string {
  const l = leg(ctx, at);
  if (l.replay) return ctx.replays.length > 1 ? `replay ${ctx.replays.indexOf(at) + 1}` : 'the replay';
  if (ctx.rules.format.kind === 'singleMatch') return 'the match';
  const regularIndex = ctx.tie.legs.slice(0, at).filter((x) => !x.replay).length;
  return regularIndex === 0 ? 'the first leg' : regularIndex === 1 ? 'the second leg' : `leg ${regularIndex + 1}`;
}

// --- counting ------------------------------------------------------------------------------------

function leg(ctx: Ctx, at: number): MatchFacts {
  const found = ctx.tie.legs[at];
  if (!found) throw new Error(`no leg ${at}`);
  return found;
}

function count(ctx: Ctx, at: number, phase: Phase): void {
  ctx.counted.set(at, phase);
}

function scoreOf(l: MatchFacts, phase: Phase): Score {
  const s = phase === 'extraTime' ? (l.afterExtraTime ?? l.afterNormalTime) : (l.afterNormalTime ?? l.afterExtraTime);
  return s ?? { home: 0, away: 0 };
}

/** A match's score as [clubs[0], clubs[1]]. */
function sides(ctx: Ctx, l: MatchFacts, s: Score): Pair {
  return l.home === ctx.clubs[0].id ? [s.home, s.away] : [s.away, s.home];
}

function matchScore(ctx: Ctx, at: number, phase: Phase): Pair {
  const l = leg(ctx, at);
  return sides(ctx, l, scoreOf(l, phase));
}

function aggregate(ctx: Ctx): Pair {
  const total: Pair = [0, 0];
  for (const [at, phase] of ctx.counted) {
    const [a, b] = matchScore(ctx, at, phase);
    total[0] += a;
    total[1] += b;
  }
  return total;
}

/** Goals each club scored as the visitor in the regular legs counted so far. Replays are neutral. */
function awayGoals(ctx: Ctx): Pair {
  const total: Pair = [0, 0];
  for (const [at, phase] of ctx.counted) {
    const l = leg(ctx, at);
    if (l.replay) continue;
    const s = scoreOf(l, phase);
    total[clubIndex(ctx, l.away)] += s.away;
  }
  return total;
}

function awayGoalsInForce(ctx: Ctx): boolean {
  return ctx.rules.format.kind === 'twoLegs' && ctx.rules.awayGoals !== 'none';
}

function leaderNow(ctx: Ctx): Leader | null {
  const agg = aggregate(ctx);
  if (!isLevel(agg)) return { club: ctx.clubs[leading(agg)], by: 'aggregate' };
  if (awayGoalsInForce(ctx)) {
    const away = awayGoals(ctx);
    if (!isLevel(away)) return { club: ctx.clubs[leading(away)], by: 'awayGoals' };
  }
  return null;
}

function ignoreLaterPlay(ctx: Ctx, at: number, because: string): void {
  if (leg(ctx, at).afterExtraTime) {
    note(ctx, `extra time is recorded for ${legName(ctx, at)}, but under rule set ${ctx.rules.id} ${because}; it is not counted`, { kind: 'extraTime', legIndex: at });
  }
  ignoreShootOut(ctx, at, because);
}

function ignoreShootOut(ctx: Ctx, at: number, because: string): void {
  if (leg(ctx, at).shootOut) note(ctx, `a shoot-out is recorded for ${legName(ctx, at)}, but under rule set ${ctx.rules.id} ${because}`, { kind: 'shootOut', legIndex: at });
  const toss = ctx.tie.recorded?.find((fact) => fact.kind === 'coinToss');
  if (toss) note(ctx, `a coin toss is recorded, but under rule set ${ctx.rules.id} ${because}`, { kind: 'coinToss', legIndex: null });
}

/** A note; with `unused`, a recorded fact the rules never reached (inconsistent input, see TieOutcome.unusedFacts). */
function note(ctx: Ctx, text: string, unused?: Omit<UnusedFact, 'note'>): void {
  if (!ctx.notes.includes(text)) ctx.notes.push(text);
  if (unused && !ctx.unused.some((u) => u.kind === unused.kind && u.legIndex === unused.legIndex)) ctx.unused.push({ ...unused, note: text });
}

function isLevel(p: Pair): boolean {
  return p[0] === p[1];
}

function leading(p: Pair): 0 | 1 {
  return p[0] > p[1] ? 0 : 1;
}

/** "4-3", winner's goals first. */
function score(p: Pair, w: 0 | 1): string {
  return w === 0 ? `${p[0]}-${p[1]}` : `${p[1]}-${p[0]}`;
}

function levelScore(p: Pair): string {
  return `${p[0]}-${p[1]}`;
}

function clubIndex(ctx: Ctx, id: string): 0 | 1 {
  return ctx.clubs[0].id === id ? 0 : 1;
}

function name(ctx: Ctx, i: 0 | 1): string {
  return ctx.clubs[i].name;
}

function clubName(ctx: Ctx, id: string): string {
  return name(ctx, clubIndex(ctx, id));
}

function pair(ctx: Ctx, p: Pair): ClubPair {
  return [
    { club: ctx.clubs[0], goals: p[0] },
    { club: ctx.clubs[1], goals: p[1] },
  ];
}

function lastIndex(xs: readonly number[]): number | undefined {
  return xs[xs.length - 1];
}
