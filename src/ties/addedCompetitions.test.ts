import { describe, expect, test } from "vitest";
import data from "./addedCompetitions.json" with { type: "json" };
import { decideTie } from "./decideTie.ts";
import { addedCompetitions, findRuleSet } from "./ruleSets.ts";

describe("competitions added as data (addedCompetitions.json)", () => {
  test("the Copa Libertadores example is in the catalogue without code: no extra time, straight to penalties", () => {
    const rules = findRuleSet("Copa Libertadores", "2024", "Semi-finals");
    const a = { id: "a", name: "Club A" };
    const b = { id: "b", name: "Club B" };
    const outcome = decideTie(
      {
        clubs: [a, b],
        legs: [
          { home: "a", away: "b", played: true, afterNormalTime: { home: 1, away: 0 } },
          { home: "b", away: "a", played: true, afterNormalTime: { home: 1, away: 0 }, shootOut: { home: 5, away: 4 } },
        ],
      },
      rules,
    );
    expect(outcome).toMatchObject({ decidedBy: "PENALTIES", winner: { id: "b" }, extraTimePlayed: false });
  });

  test.each([
    ["a rule set with a wrong field", { ...data, ruleSets: [{ ...data.ruleSets[0], awayGoals: "sometimes" }] }, /ruleSets\[0\].*awayGoals/],
    ["a row with an unknown round", { ...data, catalogue: [{ ...data.catalogue[0], rounds: ["last-eight"] }] }, /catalogue\[0\]\.rounds/],
    ["a row without seasons", { ...data, catalogue: [{ ...data.catalogue[0], seasons: undefined }] }, /catalogue\[0\]\.seasons/],
    ["a competition without aliases", { ...data, competitions: [{ key: "x", name: "X" }] }, /competitions\[0\]/],
  ])("%s is refused with the file, entry and field named", (_why, broken, message) => {
    expect(() => addedCompetitions(broken)).toThrow(message);
    expect(() => addedCompetitions(broken)).toThrow(/src\/ties\/addedCompetitions\.json/);
  });
});
