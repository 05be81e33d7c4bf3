/**
 * When a goal fell, as a scoreboard shows it: "30'", "90+3'", "105'"; and when no report gives
 * the minute, the period the reports do give: "1H", "2H", "ET" (extra time), "NT" (within the 90
 * minutes, half unknown). "?" when nothing is known: the goal's order still is (`Goal.order`).
 * Pure: the GraphQL field `Goal.time` is a one-line adapter to it.
 */
export interface GoalClock {
  minute: number | null | undefined;
  addedTime: number | null | undefined;
  /** FIRST_HALF, SECOND_HALF, NORMAL_TIME or EXTRA_TIME, as stored on the goal. */
  period: string | null | undefined;
}

const periodMarks: Record<string, string> = { FIRST_HALF: "1H", SECOND_HALF: "2H", NORMAL_TIME: "NT", EXTRA_TIME: "ET" };

export function goalTime({ minute, addedTime, period }: GoalClock): string {
  if (typeof minute === "number") return addedTime ? `${minute}+${addedTime}'` : `${minute}'`;
  if (period) return periodMarks[period] ?? period;
  return "?";
}
