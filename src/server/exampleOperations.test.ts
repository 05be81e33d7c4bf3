/**
 * The named operations of operations/ and the examples built from them stay valid against the
 * schema @neo4j/graphql generates: a schema change that breaks an example, the SDK or the
 * dashboard fails here, without a database.
 */
import { getVariableValues, Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { beforeAll, describe, expect, test } from "vitest";
import { createSchema } from "../graphql/createSchema.ts";
import { exampleTabs, readExamples, readOperations, type NamedOperation } from "./exampleOperations.ts";

let schema: GraphQLSchema;
let operations: NamedOperation[];
beforeAll(async () => {
  schema = await createSchema(null);
  operations = await readOperations();
});

test("operations/ holds the operations the SDK and the dashboard call", () => {
  expect(operations.map((operation) => operation.name)).toEqual(
    expect.arrayContaining(["GetTie", "TieById", "SearchEntities", "PlayerGoals", "Neighbourhood", "Connection", "Conflicts"]),
  );
});

describe("every named operation, with the fragments it uses, is valid against the generated schema", async () => {
  const all = await readOperations();
  test.each(all.map((operation) => [operation.name, operation] as const))("%s", (_name, operation) => {
    const document = parse(operation.text);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    expect(document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)).toHaveLength(1);
  });
});

describe("every example's variables are accepted by its operation", async () => {
  const examples = await readExamples();
  test.each(examples.map((example) => [example.title, example] as const))("%s", (_title, example) => {
    const operation = operations.find((candidate) => candidate.name === example.operation);
    expect(operation, `operation ${example.operation}`).toBeDefined();
    const definition = parse(operation!.text).definitions.find(
      (candidate): candidate is OperationDefinitionNode => candidate.kind === Kind.OPERATION_DEFINITION,
    )!;
    const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], example.variables);
    expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
  });
});

test("the examples teach the API: both Dortmund v Atalanta ties with outcome and timeline, goals with sources, a search, conflicts", async () => {
  const examples = await readExamples();
  const seasons = examples.filter((example) => example.operation === "GetTie").map((example) => example.variables.season);
  expect(seasons).toEqual(expect.arrayContaining(["2017-18", "2025-26"]));
  const getTie = operations.find((operation) => operation.name === "GetTie")!.text;
  expect(getTie).toMatch(/\boutcome\b/);
  expect(getTie).toMatch(/\btimeline\b/);
  expect(operations.find((operation) => operation.name === "PlayerGoals")!.text).toMatch(/goals[^]*sources/);
  expect(examples.map((example) => example.operation)).toEqual(expect.arrayContaining(["PlayerGoals", "SearchEntities", "Conflicts"]));
  expect(operations.find((operation) => operation.name === "Conflicts")!.text).toMatch(/claims[^]*source/);
});

test("GraphiQL gets one tab per example, each runnable alone with its variables", async () => {
  const tabs = await exampleTabs();
  expect(tabs).toHaveLength((await readExamples()).length);
  for (const tab of tabs) {
    expect(validate(schema, parse(tab.query))).toEqual([]);
    expect(() => JSON.parse(tab.variables)).not.toThrow();
  }
});

test("every tab has its own name: GraphiQL names a tab after its operation", async () => {
  const names = (await exampleTabs()).map((tab) => {
    const definition = parse(tab.query).definitions.find((candidate): candidate is OperationDefinitionNode => candidate.kind === Kind.OPERATION_DEFINITION);
    return definition?.name?.value;
  });
  expect(names).toEqual((await readExamples()).map((example) => example.tab));
  expect(new Set(names).size).toBe(names.length);
  expect(names).toEqual(expect.arrayContaining(["GetTie2018", "GetTie2026"]));
});

test("two examples with one tab name are refused, naming both", async () => {
  const { mkdtemp, writeFile } = await import("node:fs/promises");
  const os = await import("node:os");
  const path = await import("node:path");
  const dir = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-examples-"));
  await writeFile(path.join(dir, "ruleSets.graphql"), "query RuleSets { ruleSets { id } }\n");
  await writeFile(
    path.join(dir, "examples.json"),
    JSON.stringify([
      { title: "First", tab: "RuleSets", operation: "RuleSets", variables: {} },
      { title: "Second", tab: "RuleSets", operation: "RuleSets", variables: {} },
    ]),
  );
  await expect(exampleTabs(dir)).rejects.toThrow(/"Second" and "First" share the tab name RuleSets/);
});
