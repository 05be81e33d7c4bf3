import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createdNameOf, statementsOf } from "./applyConstraints.ts";

describe("createdNameOf", () => {
  test.each([
    ["a unique constraint", "CREATE CONSTRAINT tie_id IF NOT EXISTS FOR (n:Tie) REQUIRE n.id IS UNIQUE", "tie_id"],
    ["a range index", "CREATE INDEX tie_season IF NOT EXISTS FOR (n:Tie) ON (n.season)", "tie_season"],
    ["a full-text index over lines", "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS\n  FOR (n:Club) ON EACH [n.name]", "entity_names"],
    ["a text index", "CREATE TEXT INDEX club_name_text IF NOT EXISTS FOR (n:Club) ON (n.name)", "club_name_text"],
    ["an unnamed index (then every start writes the statements)", "CREATE INDEX IF NOT EXISTS FOR (n:Tie) ON (n.stage)", null],
  ])("%s", (_, statement, name) => {
    expect(createdNameOf(statement)).toBe(name);
  });

  test("every statement of constraints.cypher is named, so a start or an import can see it exists", () => {
    const statements = statementsOf(readFileSync(new URL("./constraints.cypher", import.meta.url), "utf8"));
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.filter((statement) => createdNameOf(statement) === null)).toEqual([]);
  });
});
