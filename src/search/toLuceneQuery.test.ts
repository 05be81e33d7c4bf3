import { expect, test } from "vitest";
import { toLuceneQuery } from "./toLuceneQuery.ts";

test.each([
  ["a single word matches exactly, as a prefix or within one typo", "schurrle", "(schurrle^3 OR schurrle* OR schurrle~1)"],
  ["accents and case are folded like the index does", "Schürrle", "(schurrle^3 OR schurrle* OR schurrle~1)"],
  ["every word must match", "Borussia Dortmund", "(borussia^3 OR borussia* OR borussia~1) AND (dortmund^3 OR dortmund* OR dortmund~1)"],
  ["short words are not fuzzy", "FK", "(fk^3 OR fk*)"],
  ["Lucene operators in the input are only separators", 'de "roon" OR (x:y)', "(de^3 OR de*) AND (roon^3 OR roon* OR roon~1) AND (x^3 OR x*) AND (y^3 OR y*)"],
  ["words the index leaves out as stop words are not required", "The Gunners", "(gunners^3 OR gunners* OR gunners~1)"],
  ["a one-letter stop word in a name is dropped too", "Serie A", "(serie^3 OR serie* OR serie~1)"],
  ["stop words are kept when nothing else is left", "The", "(the^3 OR the*)"],
])("%s", (_why, input, expected) => {
  expect(toLuceneQuery(input)).toBe(expected);
});

test("nothing searchable gives null", () => {
  expect(toLuceneQuery("  ?! ")).toBeNull();
});
