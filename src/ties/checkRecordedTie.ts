/**
 * checkRecordedTie: everything the engine would refuse or pass over at query time, asked at the door.
 *
 * For one parsed results-file tie it finds the rule set (catalogue row, or the row's other format when
 * the file states one), decides the tie, and sorts what it sees into
 *   - problems: the import refuses the file, naming the field (no rule set for a stated format; legs
 *     that do not fit the rule set's format in a finished tie; a two-legged tie with one match and no
 *     second leg listed; a shoot-out counted into the score after extra time; a shoot-out without the extra
 *     time the rules play before it; a recorded winner of a tie not finished; anything the engine throws);
 *   - contradictions: facts the record gives that the rules never reach (extra time after a decided
 *     90 minutes, a shoot-out after a decided extra time, an unneeded coin toss). The tie is kept and
 *     the importer writes a Conflict that says why, so nothing is dropped silently.
 * Pure: no I/O.
 */
import { decideTie } from './decideTie.ts';
import type { RecordedTie } from './resultsFile.ts';
import { tieFactsFromRecord } from './resultsFile.ts';
import { RuleSetError, type RuleSet } from './ruleSet.ts';
import { findRuleSet } from './ruleSets.ts';
import { shootOutWithoutExtraTime } from './shootOutWithoutExtraTime.ts';
import { tieFactsProblems, TieFactsError, type TieFacts } from './tieFacts.ts';
import type { TieOutcome, UnusedFact } from './tieOutcome.ts';

export interface RecordedTieProblem {
  /** The field of the tie, as in the file: "format", "legs", "legs[1].hET" ... */
  readonly field: string;
  readonly message: string;
}

export interface RecordedTieContradiction extends RecordedTieProblem {
  readonly kind: UnusedFact['kind'];
  /** The leg (index in `legs`) it is about; null for the whole tie. */
  readonly legIndex: number | null;
}

export interface RecordedTieCheck {
  /** Null when no rule set could be found (then `problems` says why). */
  readonly ruleSet: RuleSet | null;
  readonly outcome: TieOutcome | null;
  readonly problems: readonly RecordedTieProblem[];
  readonly contradictions: readonly RecordedTieContradiction[];
}

export function checkRecordedTie(tie: RecordedTie): RecordedTieCheck {
  let ruleSet: RuleSet;
  try {
    ruleSet = findRuleSet(tie.competition, tie.season, tie.round, tie.format ?? undefined);
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    return { ruleSet: null, outcome: null, problems: [{ field: tie.format ? 'format' : 'round', message: error.message }], contradictions: [] };
  }
  const facts = tieFactsFromRecord(tie);
  const structural = tieFactsProblems(facts);
  if (structural.length > 0) return { ruleSet, outcome: null, problems: structural.map((message) => ({ field: 'legs', message })), contradictions: [] };

  let outcome: TieOutcome;
  try {
    outcome = decideTie(facts, ruleSet);
  } catch (error) {
    if (!(error instanceof TieFactsError || error instanceof RuleSetError)) throw error;
    return { ruleSet, outcome: null, problems: [{ field: 'legs', message: error.message }], contradictions: [] };
  }

  const problems: RecordedTieProblem[] = [...formatProblems(tie, facts, ruleSet, outcome)];
  const contradictions: RecordedTieContradiction[] = [];
  for (const unused of outcome.unusedFacts) {
    const folded = unused.kind === 'shootOut' && unused.legIndex !== null ? foldedShootOut(tie, facts, ruleSet, unused.legIndex) : null;
    if (folded) {
      problems.push(folded);
      continue;
    }
    const field = unused.legIndex === null ? 'decision' : `legs[${unused.legIndex}].${unused.kind === 'extraTime' ? 'hET' : unused.kind === 'shootOut' ? 'pens' : 'method_note'}`;
    contradictions.push({ kind: unused.kind, legIndex: unused.legIndex, field, message: unused.note });
  }
  return { ruleSet, outcome, problems, contradictions };
}

/**
 * What the legs of a tie cannot be under its rule set: a format they contradict, a shoot-out without the
 * extra time before it, one match of a two-legged round with nothing scheduled, a winner before the end.
 */
function formatProblems(tie: RecordedTie, facts: TieFacts, ruleSet: RuleSet, outcome: TieOutcome): RecordedTieProblem[] {
  const stated = tie.format ? ` (the file states "${tie.format === 'singleMatch' ? 'single_match' : 'two_legs'}")` : '';
  if (outcome.kind === 'undetermined' && outcome.missing.kind === 'factsDoNotFitRules') {
    return [{ field: 'legs', message: `rule set ${ruleSet.id}${stated} does not fit the legs: ${outcome.missing.detail}` }];
  }
  const shootOut = shootOutWithoutExtraTime(facts, outcome);
  if (shootOut) return [{ field: `legs[${shootOut.legIndex}].hET`, message: shootOut.message.replace('give it', 'give hET/aET') }];
  const regular = facts.legs.filter((leg) => !leg.replay);
  // A played match alone in a two-legged round: finished (single match) or in progress? The file must say.
  if (ruleSet.format.kind === 'twoLegs' && regular.length === 1 && regular[0]!.played && tie.format !== 'twoLegs') {
    const round = `${tie.competition} ${tie.season} "${tie.round}"`;
    return [{
      field: 'legs',
      message:
        `one match, but ${round} was played over two legs (rule set ${ruleSet.id}); ` +
        'if the tie is in progress, list the second leg with "played": false (and its date); if this tie was a single match, state "format": "single_match"',
    }];
  }
  if (tie.winner !== null && (outcome.kind === 'inProgress' || outcome.kind === 'notStarted')) {
    const next = outcome.next.legIndex === null ? 'a match still to be listed' : `legs[${outcome.next.legIndex}]`;
    return [{
      field: 'winner',
      message: `${JSON.stringify(tie.winner)} is recorded as going through, but the tie is not finished (${next} is not played yet): leave "winner" out until it is, or record how it was settled in "decision"`,
    }];
  }
  return [];
}

/**
 * A shoot-out the rules never reach, in a match whose score after extra time minus the shoot-out
 * would leave the tie level: the source counted the shoot-out goals into the score (as
 * football-data.org does: 12-11 after extra time with penalties 11-10 is a 1-1 draw).
 */
function foldedShootOut(tie: RecordedTie, facts: TieFacts, ruleSet: RuleSet, legIndex: number): RecordedTieProblem | null {
  const leg = facts.legs[legIndex];
  const recorded = tie.legs[legIndex];
  if (!leg?.afterExtraTime || !leg.shootOut || !recorded) return null;
  const home = leg.afterExtraTime.home - leg.shootOut.home;
  const away = leg.afterExtraTime.away - leg.shootOut.away;
  const ninety = leg.afterNormalTime;
  if (home < 0 || away < 0 || (ninety && (home < ninety.home || away < ninety.away))) return null;
  const legs = facts.legs.map((l, i) => (i === legIndex ? { ...l, afterExtraTime: { home, away } } : l));
  const corrected = decideTie({ ...facts, legs }, ruleSet);
  if (corrected.decidedBy !== 'PENALTIES') return null;
  const et = `${leg.afterExtraTime.home}-${leg.afterExtraTime.away}`;
  const pens = `${leg.shootOut.home}-${leg.shootOut.away}`;
  return {
    field: `legs[${legIndex}].hET`,
    message:
      `the score after extra time ${et} seems to include the shoot-out ${pens} (as football-data.org counts it): ` +
      `${et} minus ${pens} is ${home}-${away}, which leaves the tie level for the shoot-out; write hET/aET without the shoot-out goals`,
  };
}
