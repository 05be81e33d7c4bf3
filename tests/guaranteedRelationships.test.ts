/**
 * Every relationship schema.graphql marks @guaranteed is there on every node of its type, in the
 * seed graph and after importing the historical UEFA ties: the typed SDK types these fields
 * non-null on the strength of this test.
 */
import { isObjectType, Kind, type ConstValueNode, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { importFile } from "../src/importing/importFile.ts";
import { guaranteedRelationships } from "../src/graphql/guaranteedRelationships.ts";
import { sharedFile } from "../src/sharedFile.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
  await importFile(graph.database, sharedFile("data/uefa-ties/ties-1955-2016.json", "tests/guaranteedRelationships.test.ts"), { seedsDir: inject("seedsDir") });
});
afterAll(() => graph.close());

const stringArgument = (value: ConstValueNode | undefined): string | undefined =>
  value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;

/** Each @guaranteed field with the relationship type and direction of its @relationship. */
function relationshipsToCheck(schema: GraphQLSchema) {
  return guaranteedRelationships(schema).map(({ typeName, fieldName }) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    const relationship = type.getFields()[fieldName]!.astNode!.directives!.find((directive) => directive.name.value === "relationship")!;
    const argument = (name: string) => stringArgument(relationship.arguments!.find((candidate) => candidate.name.value === name)?.value);
    return { typeName, fieldName, type: argument("type")!, direction: argument("direction")! };
  });
}

describe("@guaranteed relationships hold on every node", async () => {
  const { createSchema } = await import("../src/graphql/createSchema.ts");
  const rows = relationshipsToCheck(await createSchema(null));
  test("the schema marks the ones the SDK relies on", () => {
    expect(rows.map((row) => `${row.typeName}.${row.fieldName}`)).toEqual(
      expect.arrayContaining(["Match.homeClub", "Match.awayClub", "Goal.club", "Tie.competition"]),
    );
  });
  test.each(rows.map((row) => [`${row.typeName}.${row.fieldName}`, row] as const))("%s", async (_name, row) => {
    const pattern = row.direction === "OUT" ? `(n)-[:${row.type}]->()` : `(n)<-[:${row.type}]-()`;
    const [counts] = await graph.database.read<{ total: number; missing: number; examples: string[] }>(
      `MATCH (n:${row.typeName}) WITH n, EXISTS { ${pattern} } AS has
       RETURN count(n) AS total, count(CASE WHEN NOT has THEN 1 END) AS missing, collect(CASE WHEN NOT has THEN n.id END)[0..3] AS examples`,
    );
    expect(counts!.total, `there are ${row.typeName} nodes to check`).toBeGreaterThan(0);
    expect({ missing: counts!.missing, examples: counts!.examples }).toEqual({ missing: 0, examples: [] });
  });
});
