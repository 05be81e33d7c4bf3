import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { schemaNameOf, statementsOf } from "./applyConstraints.ts";

test.each([
  ["a uniqueness constraint", "CREATE CONSTRAINT tie_id IF NOT EXISTS FOR (n:Tie) REQUIRE n.id IS UNIQUE", "tie_id"],
  ["a range index", "CREATE INDEX tie_season IF NOT EXISTS FOR (n:Tie) ON (n.season)", "tie_season"],
  ["a full-text index over several lines", "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS\n  FOR (n:Player|Club) ON EACH [n.name]", "entity_names"],
  ["a statement without a name (always sent)", "CREATE INDEX IF NOT EXISTS FOR (n:Tie) ON (n.season)", null],
  ["a statement that is not a CREATE (always sent)", "CALL db.awaitIndexes(300)", null],
])("%s: %j", (_case, statement, name) => {
  expect(schemaNameOf(statement)).toBe(name);
});

test("every statement of constraints.cypher is named, so a start skips those that exist", async () => {
  const statements = statementsOf(await readFile(new URL("./constraints.cypher", import.meta.url), "utf8"));
  expect(statements.length).toBeGreaterThan(0);
  expect(statements.filter((statement) => schemaNameOf(statement) === null)).toEqual([]);
});
