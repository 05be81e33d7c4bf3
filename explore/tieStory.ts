/**
 * How a tie was decided, in words, from its computed outcome and timeline: who went through,
 * by which rule, which goal settled it, and how often it swung. Pure, unit-tested.
 */
import type { Tie } from "../sdk/index.ts";
import { tickFor } from "./timelineChart.ts";

export interface TieStory {
  /** "Borussia Dortmund go through", "Not decided yet". */
  headline: string;
  /** The outcome's own sentence, e.g. "Borussia Dortmund win 4-3 on aggregate." */
  explanation: string;
  /** The rule that decided it, in words; null until decided. */
  rule: string | null;
  /** The goal that put the winner through for good, and how often the tie swung. */
  swings: string | null;
}

const ruleWords: Record<string, string> = {
  AGGREGATE: "Decided on aggregate: more goals over the two legs.",
  AWAY_GOALS: "Decided on away goals: level on aggregate, more goals scored away from home.",
  EXTRA_TIME: "Decided in extra time of the deciding match.",
  AWAY_GOALS_AFTER_EXTRA_TIME: "Decided on away goals after extra time (away goals in extra time counted).",
  PENALTIES: "Decided on penalties, after extra time.",
  REGULAR_TIME: "Decided in normal time of a single match.",
  REPLAY: "Decided in a replay.",
  COIN_TOSS: "Decided by the toss of a coin, as the rules then said.",
  AWARDED: "Awarded by the organiser, not decided on the pitch.",
};

const times = (count: number) => (count === 1 ? "once" : count === 2 ? "twice" : `${count} times`);

export function tieStory(tie: Pick<Tie, "outcome" | "timeline">): TieStory {
  const { outcome } = tie;
  const timeline = tie.timeline ?? [];
  const winner = outcome.winner?.name;
  const headline = winner
    ? `${winner} go through`
    : outcome.status === "NOT_STARTED"
      ? "Not started yet"
      : outcome.missingFact
        ? "Undecided: a fact is missing"
        : "Not decided yet";

  let swings: string | null = null;
  const firstLeader = timeline.findIndex((entry) => entry.goingThrough !== null);
  if (firstLeader >= 0) {
    const parts: string[] = [];
    const settling = outcome.winner
      ? [...timeline].reverse().find((entry) => entry.leaderChanged && entry.goingThrough?.id === outcome.winner!.id)
      : undefined;
    if (settling?.kind === "GOAL" && settling.scorer) {
      const tick = tickFor(settling);
      const when = tick.endsWith("'") ? `leg ${settling.leg}, ${tick}` : `leg ${settling.leg}`;
      parts.push(`${settling.scorer.name}'s ${settling.ownGoal ? "own goal" : "goal"} (${when}) put ${winner} through for good.`);
    }
    // Hands changed: the club going through differs from the last club that was; level
    // moments in between (no one through) are counted apart.
    let handsChanged = 0;
    let levelled = 0;
    let lastLeader = timeline[firstLeader]!.goingThrough!.id;
    for (const entry of timeline.slice(firstLeader + 1)) {
      if (entry.goingThrough === null) {
        if (entry.leaderChanged) levelled += 1;
        continue;
      }
      if (entry.goingThrough.id !== lastLeader) handsChanged += 1;
      lastLeader = entry.goingThrough.id;
    }
    const level = levelled ? `; the tie was level ${times(levelled)} along the way` : "";
    const firstName = timeline[firstLeader]!.goingThrough!.name;
    parts.push(
      handsChanged > 0
        ? `The lead changed hands ${times(handsChanged)}${level}.`
        : levelled
          ? `${firstName} were never behind, though the tie was level ${times(levelled)}.`
          : `${firstName} led throughout.`,
    );
    swings = parts.join(" ");
  }

  return { headline, explanation: outcome.explanation, rule: outcome.decidedBy ? (ruleWords[outcome.decidedBy] ?? null) : null, swings };
}
