/**
 * The shape of a tie rule set: everything that decides a knockout tie and
 * differs by competition, season or round, written down as data.
 *
 * A rule set answers, in order:
 *   1. How many matches make the tie (two legs, or one match, at a neutral or a home venue)?
 *   2. Do away goals break a level aggregate, and do goals scored in extra time count as away goals?
 *   3. Is extra time played when the tie is level after normal time (of the second leg / the match)?
 *   4. What happens when it is still level: a penalty shoot-out, a coin toss (or drawing of lots),
 *      or a replay, which has its own extra time and its own "if still level" (recursive, so
 *      "replay, then another replay, then a coin toss" is expressible)?
 *
 * Which rounds a rule set governs is not part of the rule set: the catalogue (ruleSets.ts) maps
 * competition x seasons x rounds to a rule set id, so one rule set is shared by every competition
 * and era that used the same rules.
 */

/** The matches that make up the tie. */
export type TieFormat =
  | { readonly kind: 'twoLegs' }
  /** One match. `neutral`: a final at a pre-selected ground; `home`: one club hosts (e.g. the 1993-94 European Cup semi-finals). */
  | { readonly kind: 'singleMatch'; readonly venue: 'neutral' | 'home' };

/**
 * Away goals as the first tie-breaker of a level two-legged aggregate.
 * - `none`: not used.
 * - `normalTimeOnly`: compared after 90 minutes of the second leg; goals scored in extra time are not away goals.
 * - `includingExtraTime`: compared after 90 minutes and again after extra time, counting the visitors'
 *   extra-time goals in the second leg as away goals (the UEFA rule until 2020-21).
 * Away goals never apply to a single match or to a replay (both are treated as played on neutral ground).
 */
export type AwayGoalsRule = 'none' | 'normalTimeOnly' | 'includingExtraTime';

/**
 * How extra time ends early, if at all. Informational: it tells how an extra time ended, it never
 * changes what is computed from the scores (a golden goal simply leaves the score at the moment play stopped).
 */
export type DecisiveGoalRule = 'none' | 'goldenGoal' | 'silverGoal';

export type ExtraTimeRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'played'; readonly minutes: number; readonly decisiveGoal: DecisiveGoalRule };

/** What settles a tie that is still level once the scores (and away goals, and extra time) are exhausted. */
export type LevelDecider =
  | { readonly kind: 'penalties' }
  /** A coin toss or drawing of lots: a recorded fact, never computable from scores. */
  | { readonly kind: 'coinToss' }
  /** Another match, normally on neutral ground (no away goals), with its own extra time and fallback. */
  | {
      readonly kind: 'replay';
      readonly venue: 'neutral' | 'home';
      readonly extraTime: ExtraTimeRule;
      readonly ifStillLevel: LevelDecider;
    };

export interface RuleSet {
  /** Stable, descriptive id, e.g. `two-legs-away-goals-incl-et-penalties`. Callers may pass it explicitly for "what if". */
  readonly id: string;
  /** One line for people. */
  readonly label: string;
  readonly format: TieFormat;
  readonly awayGoals: AwayGoalsRule;
  /** Extra time of the deciding match (second leg, or the single match). Replays carry their own. */
  readonly extraTime: ExtraTimeRule;
  readonly ifStillLevel: LevelDecider;
  /** Where the rule comes from: regulation, decision, or the evidence it was inferred from. */
  readonly sources: readonly string[];
  /** What is not established, e.g. a branch no recorded tie ever reached. */
  readonly caveats?: readonly string[];
}

export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
}

/** Type guard for rule sets coming from JSON or other untyped input. */
export function isRuleSet(value: unknown): value is RuleSet {
  return ruleSetProblems(value).length === 0;
}

/** Throws a RuleSetError naming every problem with an untyped rule set. */
export function assertRuleSet(value: unknown): asserts value is RuleSet {
  const problems = ruleSetProblems(value);
  if (problems.length > 0) {
    throw new RuleSetError(`invalid rule set: ${problems.join('; ')}`);
  }
}

function ruleSetProblems(value: unknown): string[] {
  if (!isObject(value)) return ['expected an object'];
  const problems: string[] = [];
  if (typeof value.id !== 'string' || value.id === '') problems.push('id: expected a non-empty string');
  if (typeof value.label !== 'string') problems.push('label: expected a string');
  const format = value.format;
  if (!isObject(format)) {
    problems.push('format: expected an object');
  } else if (format.kind === 'singleMatch') {
    if (format.venue !== 'neutral' && format.venue !== 'home') problems.push('format.venue: expected "neutral" or "home"');
  } else if (format.kind !== 'twoLegs') {
    problems.push('format.kind: expected "twoLegs" or "singleMatch"');
  }
  if (!['none', 'normalTimeOnly', 'includingExtraTime'].includes(value.awayGoals as string)) {
    problems.push('awayGoals: expected "none", "normalTimeOnly" or "includingExtraTime"');
  }
  problems.push(...extraTimeProblems(value.extraTime, 'extraTime'));
  problems.push(...deciderProblems(value.ifStillLevel, 'ifStillLevel'));
  if (!Array.isArray(value.sources) || !value.sources.every((s) => typeof s === 'string')) {
    problems.push('sources: expected an array of strings');
  }
  return problems;
}

function extraTimeProblems(value: unknown, path: string): string[] {
  if (!isObject(value)) return [`${path}: expected an object`];
  if (value.kind === 'none') return [];
  if (value.kind !== 'played') return [`${path}.kind: expected "none" or "played"`];
  const problems: string[] = [];
  if (typeof value.minutes !== 'number' || !(value.minutes > 0)) problems.push(`${path}.minutes: expected a positive number`);
  if (!['none', 'goldenGoal', 'silverGoal'].includes(value.decisiveGoal as string)) {
    problems.push(`${path}.decisiveGoal: expected "none", "goldenGoal" or "silverGoal"`);
  }
  return problems;
}

function deciderProblems(value: unknown, path: string, depth = 0): string[] {
  if (!isObject(value)) return [`${path}: expected an object`];
  if (depth > 5) return [`${path}: replays nested more than 5 deep`];
  switch (value.kind) {
    case 'penalties':
    case 'coinToss':
      return [];
    case 'replay': {
      const problems: string[] = [];
      if (value.venue !== 'neutral' && value.venue !== 'home') problems.push(`${path}.venue: expected "neutral" or "home"`);
      problems.push(...extraTimeProblems(value.extraTime, `${path}.extraTime`));
      problems.push(...deciderProblems(value.ifStillLevel, `${path}.ifStillLevel`, depth + 1));
      return problems;
    }
    default:
      return [`${path}.kind: expected "penalties", "coinToss" or "replay"`];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For exhaustive switches over tagged unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
