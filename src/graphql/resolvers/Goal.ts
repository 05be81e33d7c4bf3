/** Computed fields of Goal: one-line adapters to pure modules. */
import { goalTime, type GoalClock } from "../../matches/goalTime.ts";

export const goalResolvers = {
  time: (goal: GoalClock) => goalTime(goal),
};
