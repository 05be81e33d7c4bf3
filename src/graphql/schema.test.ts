/**
 * The public API as @neo4j/graphql generates it from schema.graphql, snapshot-tested so that
 * any change to it shows in review. Needs no database.
 */
import { readFile } from "node:fs/promises";
import { buildSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { beforeAll, expect, test } from "vitest";
import { sharedFile } from "../sharedFile.ts";
import { createSchema } from "./createSchema.ts";

// Built once: generating the schema takes seconds on a busy machine.
let schema: GraphQLSchema;
beforeAll(async () => {
  // Always validated here, whatever this checkout's build cache says (createSchema).
  schema = await createSchema(null, { validate: "always" });
}, 60_000);

test("the generated schema matches the snapshot", async () => {
  await expect(printSchema(lexicographicSortSchema(schema))).toMatchFileSnapshot("./__snapshots__/schema.graphql");
});

test("the API is read-only: no mutation type", async () => {
  expect(schema.getMutationType()).toBeFalsy();
});

test("every name of the front-door contract exists with the contract's type", async () => {
  const contractText = await readFile(sharedFile("contract/front-door.graphql", "the front-door contract test (src/graphql/schema.test.ts)"), "utf8");
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

test("the Docs panel lists what users ask for: counts and filters, not generated aggregations", () => {
  const names = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith("__"));
  expect(names.filter((name) => /AggregateSelection$|AggregateNode$/.test(name))).toEqual([]);
  const deprecated = Object.values(schema.getTypeMap()).flatMap((type) =>
    "getFields" in type && !type.name.startsWith("__") ? Object.values(type.getFields()).filter((field) => field.deprecationReason).map((field) => `${type.name}.${field.name}`) : [],
  );
  expect(deprecated).toEqual([]);
  // Counts: every connection has totalCount, at the root and on relationships.
  const fieldsOf = (typeName: string) => Object.keys((schema.getType(typeName) as any).getFields());
  expect(fieldsOf("TiesConnection")).toContain("totalCount");
  expect(fieldsOf("PlayerGoalsConnection")).toContain("totalCount");
  // Filters: by a field's value and by related nodes.
  expect(fieldsOf("Query")).toEqual(expect.arrayContaining(["ties", "tiesConnection", "players"]));
  expect((schema.getType("PlayerWhere") as any).getFields()).toHaveProperty("goals");
  expect((schema.getType("TieWhere") as any).getFields()).toHaveProperty("season");
  // 1,036 before the aggregations were switched off; 828 with the identity and group-stage types.
  expect(names.length).toBeLessThan(900);
});
