/**
 * A shoot-out recorded without the extra time its rule set plays before it: the outcome waits for
 * the score after extra time (a goal there would have settled the tie), so the shoot-out is never
 * reached. Results files and seed files refuse it at the door, naming the leg (sources that write
 * "1-1, 11-10 on penalties" leave out an extra time that changed nothing). Pure.
 */
import type { TieFacts } from './tieFacts.ts';
import type { TieOutcome } from './tieOutcome.ts';

export function shootOutWithoutExtraTime(facts: TieFacts, outcome: TieOutcome): { legIndex: number; message: string } | null {
  if (outcome.kind !== 'undetermined' || outcome.missing.kind !== 'extraTimeScore') return null;
  const legIndex = outcome.missing.legIndex;
  const shootOut = facts.legs[legIndex]?.shootOut;
  if (!shootOut) return null;
  return {
    legIndex,
    message:
      `a shoot-out (${shootOut.home}-${shootOut.away}) is recorded, but under rule set ${outcome.ruleSetId} it follows extra time, ` +
      'and the score after extra time is missing: give it (the 90-minute score again if extra time changed nothing)',
  };
}
