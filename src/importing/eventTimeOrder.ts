/**
 * A number that puts a match's events in time order, stored on each event (`timeOrder`) for
 * Match.events to sort by. Minute and stoppage time order events exactly; an event known only by
 * its period comes after the timed events of that period; pre-match incidents come first and
 * events known by nothing come last.
 */
import type { EventPeriod } from "../seeds/seedFormat.ts";

const periodEnd: Record<Exclude<EventPeriod, "BEFORE_MATCH">, number> = { FIRST_HALF: 45, SECOND_HALF: 90, EXTRA_TIME: 120 };
/** More stoppage time than any match has: keeps "90+n" before the first minute of the next period. */
const maxAddedTime = 99;

export const unknownTimeOrder = 1_000_000;

export function eventTimeOrder(time: { minute?: number; addedTime?: number; period?: EventPeriod }): number {
  if (time.period === "BEFORE_MATCH") return -1;
  if (time.minute !== undefined) return time.minute * 100 + Math.min(time.addedTime ?? 0, maxAddedTime);
  if (time.period !== undefined) return periodEnd[time.period] * 100 + maxAddedTime;
  return unknownTimeOrder;
}
