import { expect, test } from "vitest";
import { normalizeSeasonLabel } from "./normalizeSeasonLabel.ts";

test.each([
  ["the stored form stays as it is", "2017-18", "2017-18"],
  ["a slash is accepted", "2017/18", "2017-18"],
  ["four-digit end years are shortened", "2025-2026", "2025-26"],
  ["an en dash is accepted", "2025–26", "2025-26"],
  ["the turn of the century wraps", "1999-00", "1999-00"],
  ["a single year passes through", "2026", "2026"],
])("%s: %s → %s", (_why, input, expected) => {
  expect(normalizeSeasonLabel(input)).toBe(expected);
});

test.each([["seasons must be consecutive years", "2017-19"], ["two-digit starts are ambiguous", "17-18"], ["words are not seasons", "last year"]])(
  "%s: %s is rejected",
  (_why, input) => {
    expect(normalizeSeasonLabel(input)).toBeNull();
  },
);
