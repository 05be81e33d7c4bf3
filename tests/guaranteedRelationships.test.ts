/**
 * Every relationship schema.graphql marks @guaranteed is there on every node of its type, in the
 * seed graph and after importing the historical UEFA ties: the typed SDK types these fields
 * non-null on the strength of this test.
 */
import { Kind, parse, type ConstValueNode } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { importFile } from "../src/importing/importFile.ts";
import { createSchema, readTypeDefs } from "../src/graphql/createSchema.ts";
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

/** Each @guaranteed field of schema.graphql with the relationship type and direction of its @relationship. */
async function relationshipsToCheck() {
  const document = parse(await readTypeDefs());
  const rows: { typeName: string; fieldName: string; type: string; direction: string }[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const directive = (name: string) => field.directives?.find((candidate) => candidate.name.value === name);
      const relationship = directive("relationship");
      if (!directive("guaranteed")) continue;
      if (!relationship) throw new Error(`${definition.name.value}.${field.name.value} is @guaranteed but not a @relationship`);
      const argument = (name: string) => stringArgument(relationship.arguments?.find((candidate) => candidate.name.value === name)?.value);
      rows.push({ typeName: definition.name.value, fieldName: field.name.value, type: argument("type")!, direction: argument("direction")! });
    }
  }
  return rows;
}

describe("@guaranteed relationships hold on every node", async () => {
  const rows = await relationshipsToCheck();
  test("the schema marks the ones the SDK relies on, the same the SDK generator reads", async () => {
    expect(rows.map((row) => `${row.typeName}.${row.fieldName}`)).toEqual(
      expect.arrayContaining(["Match.homeClub", "Match.awayClub", "Goal.club", "Tie.competition"]),
    );
    const generated = guaranteedRelationships(await createSchema(null)).map(({ typeName, fieldName }) => `${typeName}.${fieldName}`);
    expect(rows.map((row) => `${row.typeName}.${row.fieldName}`).sort()).toEqual(generated.sort());
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
