import { expect, test } from "vitest";
import { toLuceneQuery } from "./toLuceneQuery.ts";

test.each([
  ["a single word matches exactly, as a prefix or within one typo", "schurrle", "(schurrle^3 OR schurrle* OR schurrle~1)"],
  ["accents and case are folded like the index does", "Schürrle", "(schurrle^3 OR schurrle* OR schurrle~1)"],
  ["every word must match", "Borussia Dortmund", "(borussia^3 OR borussia* OR borussia~1) AND (dortmund^3 OR dortmund* OR dortmund~1)"],
  ["short words are not fuzzy", "FK", "(fk^3 OR fk*)"],
  ["Lucene operators in the input are only separators", 'de "roon" OR (x:y)', "(de^3 OR de*) AND (roon^3 OR roon* OR roon~1) AND (or^3 OR or*) AND (x^3 OR x*) AND (y^3 OR y*)"],
])("%s", (_why, input, expected) => {
  expect(toLuceneQuery(input)).toBe(expected);
});

test("nothing searchable gives null", () => {
  expect(toLuceneQuery("  ?! ")).toBeNull();
});
