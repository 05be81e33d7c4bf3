/**
 * The public API as @neo4j/graphql generates it from schema.graphql, snapshot-tested so that
 * any change to it shows in review. Needs no database.
 */
import { readFile } from "node:fs/promises";
import { buildSchema, lexicographicSortSchema, printSchema } from "graphql";
import { expect, test } from "vitest";
import { createSchema } from "./createSchema.ts";

// Built once for the file: generating the schema takes seconds on a busy two-core machine.
const generated = createSchema(null);
const slow = { timeout: 60_000 };

test("the generated schema matches the snapshot", slow, async () => {
  const schema = await generated;
  await expect(printSchema(lexicographicSortSchema(schema))).toMatchFileSnapshot("./__snapshots__/schema.graphql");
});

test("the API is read-only: no mutation type", slow, async () => {
  const schema = await generated;
  expect(schema.getMutationType()).toBeFalsy();
});

test("every name of the front-door contract exists with the contract's type", slow, async () => {
  const schema = await generated;
  const contractText = await readFile(new URL("../../../shared/contract/front-door.graphql", import.meta.url), "utf8");
  // The contract leaves SearchHit's shape open; declare it so the contract parses on its own.
  const contract = buildSchema(`${contractText}\nunion SearchHit = Player | Club | Stadium | Competition`);
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith("__") || !("getFields" in type)) continue;
    const ours = schema.getType(type.name);
    expect(ours, `type ${type.name}`).toBeDefined();
    for (const [name, field] of Object.entries(type.getFields())) {
      const ourField = (ours as typeof type).getFields()[name];
      expect(ourField, `${type.name}.${name}`).toBeDefined();
      if (type.name === "Query" && name === "search") continue; // SearchHit's members are ours to choose
      expect(String(ourField!.type), `${type.name}.${name}`).toBe(String(field.type));
      for (const arg of "args" in field ? field.args : []) {
        const ourArg = ourField && "args" in ourField ? ourField.args.find((candidate) => candidate.name === arg.name) : undefined;
        expect(String(ourArg?.type), `${type.name}.${name}(${arg.name})`).toBe(String(arg.type));
      }
    }
  }
  const decisions = contract.getType("TieDecision");
  const ourDecisions = schema.getType("TieDecision");
  expect((ourDecisions as any).getValues().map((value: any) => value.name)).toEqual(
    expect.arrayContaining((decisions as any).getValues().map((value: any) => value.name)),
  );
});
