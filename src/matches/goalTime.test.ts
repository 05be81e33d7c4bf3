import { describe, expect, test } from "vitest";
import { goalTime, type GoalClock } from "./goalTime.ts";

describe("goalTime", () => {
  test.each<[string, GoalClock, string]>([
    ["a goal in the 30th minute is 30'", { minute: 30, addedTime: null, period: null }, "30'"],
    ["three minutes into stoppage time at the end is 90+3'", { minute: 90, addedTime: 3, period: "SECOND_HALF" }, "90+3'"],
    ["stoppage time of the first half is 45+1'", { minute: 45, addedTime: 1, period: "FIRST_HALF" }, "45+1'"],
    ["no added time given as 0 is the plain minute", { minute: 90, addedTime: 0, period: null }, "90'"],
    ["an extra-time minute is shown as such", { minute: 105, addedTime: null, period: "EXTRA_TIME" }, "105'"],
    ["the minute wins over the period when both are known", { minute: 11, addedTime: null, period: "FIRST_HALF" }, "11'"],
    ["only the first half known is 1H", { minute: null, addedTime: null, period: "FIRST_HALF" }, "1H"],
    ["only the second half known is 2H", { minute: null, addedTime: null, period: "SECOND_HALF" }, "2H"],
    ["only extra time known is ET", { minute: null, addedTime: null, period: "EXTRA_TIME" }, "ET"],
    ["within the 90 minutes, half unknown, is NT", { minute: undefined, addedTime: undefined, period: "NORMAL_TIME" }, "NT"],
    ["a period we have no mark for is shown as stored", { minute: null, addedTime: null, period: "BEFORE_MATCH" }, "BEFORE_MATCH"],
    ["nothing known is ?", { minute: null, addedTime: null, period: null }, "?"],
  ])("%s", (_name, clock, expected) => {
    expect(goalTime(clock)).toBe(expected);
  });
});
