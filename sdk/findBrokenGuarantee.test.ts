import { describe, expect, test } from "vitest";
import { findBrokenGuarantee } from "./findBrokenGuarantee.ts";

const leg = (homeClub: unknown, goals: unknown[] = []) => ({ homeClub, goals });

describe("findBrokenGuarantee", () => {
  test.each<[string, unknown, string[], string | null]>([
    ["every guaranteed club present: nothing broken", { tie: { legs: [leg({ id: "a" }), leg({ id: "b" })] } }, ["tie.legs.homeClub"], null],
    ["the second leg's home club null: named with its index", { tie: { legs: [leg({ id: "a" }), leg(null)] } }, ["tie.legs.homeClub"], "tie.legs[1].homeClub"],
    ["a goal's club null deep in lists", { tie: { legs: [leg({ id: "a" }, [{ club: { id: "a" } }, { club: null }])] } }, ["tie.legs.goals.club"], "tie.legs[0].goals[1].club"],
    ["no tie at all (a nullable root) is not a broken guarantee", { tie: null }, ["tie.legs.homeClub"], null],
    ["a key the object lacks (another union member) is not a broken guarantee", { conflicts: [{ subject: { id: "club:x" } }] }, ["conflicts.subject.homeClub"], null],
    ["a guaranteed union member itself null is", { conflicts: [{ subject: null }] }, ["conflicts.subject"], "conflicts[0].subject"],
    ["empty lists hold nothing to break", { ties: [] }, ["ties.competition"], null],
    ["the first broken path of several is named", { ties: [{ competition: null, legs: [leg(null)] }] }, ["ties.competition", "ties.legs.homeClub"], "ties[0].competition"],
  ])("%s", (_name, data, paths, expected) => {
    expect(findBrokenGuarantee(data, paths)).toBe(expected);
  });
});
