import { expect, test } from "vitest";
import { normalizeSeasonLabel } from "./normalizeSeasonLabel.ts";

test.each([
  ["the stored form stays as it is", "2017-18", "2017-18"],
  ["a slash is accepted", "2017/18", "2017-18"],
  ["four-digit end years are shortened", "2025-2026", "2025-26"],
  ["an en dash is accepted", "2025–26", "2025-26"],
  ["the turn of the century wraps", "1999-00", "1999-00"],
  ["a single year passes through", "2026", "2026"],
  ["a two-digit pair is read in 1950-2049", "22/23", "2022-23"],
  ["a two-digit pair with a dash", "17-18", "2017-18"],
  ["a two-digit pair before 2000", "99/00", "1999-00"],
  ["a two-digit pair from the first seasons", "55/56", "1955-56"],
])("%s: %s → %s", (_why, input, expected) => {
  expect(normalizeSeasonLabel(input)).toBe(expected);
});

test.each([["seasons must be consecutive years", "2017-19"], ["two-digit pairs must follow too", "17/19"], ["a two-digit start with a four-digit end is not a form anyone writes", "17-2018"], ["words are not seasons", "last year"]])(
  "%s: %s is rejected",
  (_why, input) => {
    expect(normalizeSeasonLabel(input)).toBeNull();
  },
);
