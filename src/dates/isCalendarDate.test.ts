import { expect, test } from "vitest";
import { isCalendarDate } from "./isCalendarDate.ts";

test.each([
  ["a real day", "2018-02-28", true],
  ["29 February of a leap year", "2020-02-29", true],
  ["29 February of another year", "2019-02-29", false],
  ["30 February", "2018-02-30", false],
  ["a thirteenth month", "2018-13-01", false],
  ["day zero", "2018-01-00", false],
  ["31 April", "2018-04-31", false],
  ["not a date at all", "15/02/2018", false],
])("%s: %s is %s", (_why, text, expected) => {
  expect(isCalendarDate(text)).toBe(expected);
});
