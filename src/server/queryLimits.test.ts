/**
 * The query limits, without a database: every operation the project ships (operations/, so the
 * SDK and /explore) stays within them at the largest arguments the API allows, and each kind of
 * abuse is refused naming the limit and the value found.
 */
import { parse, specifiedRules, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, test } from "vitest";
import { createSchema, readTypeDefs } from "../graphql/createSchema.ts";
import { maxConnectionHops, maxNeighbourhoodDepth, maxNeighbourhoodNodes, maxSearchHits } from "../graphql/resolvers/Query.ts";
import { aliasesOfNeighbourhood, nestedMatches } from "../../tests/support/abusiveQueries.ts";
import { readExamples, readOperations } from "./exampleOperations.ts";
import { costOf, queryLimitRules, queryLimits, readListBounds, type ListBounds } from "./queryLimits.ts";

let schema: GraphQLSchema;
let bounds: ListBounds;
beforeAll(async () => {
  schema = await createSchema(null);
  bounds = readListBounds(await readTypeDefs());
}, 60_000); // building the schema takes seconds on a busy machine

const limitErrors = (source: string) => validate(schema, parse(source), [...specifiedRules, ...queryLimitRules()]);
const cost = (source: string, variables?: Record<string, unknown>) => costOf({ schema, document: parse(source), bounds, variables });

/** The largest value the API accepts for each variable name the operations use. */
const largestVariables = {
  ...Object.fromEntries(["id", "from", "to", "text", "competition", "club", "opponent"].map((name) => [name, "x"])),
  season: "2017-18",
  limit: Math.max(maxNeighbourhoodNodes, maxSearchHits),
  depth: maxNeighbourhoodDepth,
  maxHops: maxConnectionHops,
};

describe("every shipped operation stays within the limits", async () => {
  const operations = await readOperations();
  test.each(operations.map((operation) => [operation.name, operation.text]))("%s, at the largest arguments allowed", (_name, text) => {
    expect(limitErrors(text).map((error) => error.message)).toEqual([]);
    expect(cost(text, largestVariables)).toBeLessThanOrEqual(queryLimits.maxCost);
  });

  test("the GraphiQL examples, with their own variables", async () => {
    for (const example of await readExamples()) {
      const operation = operations.find((candidate) => candidate.name === example.operation)!;
      expect(cost(operation.text, example.variables)).toBeLessThanOrEqual(queryLimits.maxCost);
    }
  });
});

describe("abuse is refused before any resolver runs, naming the limit and the value", () => {
  test("the issue's crash: three aliases of four nested lists of 100 cost over a hundred million", () => {
    const crash = `{ ${["a", "b", "c"].map((alias) => `${alias}: ${nestedMatches(4, 100)}`).join(" ")} }`;
    expect(limitErrors(crash)).toEqual([]); // depth and aliases alone would let it through
    expect(cost(crash)).toBeGreaterThan(300_000_000);
  });

  test("cost multiplies nested list sizes, read from `limit` arguments and from variables", () => {
    expect(cost(`{ ${nestedMatches(2, 10)} }`)).toBeLessThan(cost(`{ ${nestedMatches(2, 100)} }`));
    expect(cost(`{ ${nestedMatches(3, 100)} }`)).toBeGreaterThan(queryLimits.maxCost);
    expect(cost(`query ($n: Int) { clubs(limit: $n) { homeMatches(limit: $n) { awayClub { homeMatches(limit: $n) { id } } } } }`, { n: 100 })).toBeGreaterThan(
      queryLimits.maxCost,
    );
    // Without a `limit`, a list counts at its type's @limit default (25): still multiplied.
    expect(cost(`{ clubs { homeMatches { awayClub { homeMatches { awayClub { homeMatches { id } } } } } } }`)).toBeGreaterThan(queryLimits.maxCost);
  });

  test("relationship filters nested in each other multiply the cost (the issue's four-level filter)", () => {
    let where = `{ id: { eq: "x" } }`;
    const filterOf = (levels: number) => {
      where = `{ id: { eq: "x" } }`;
      for (let level = 0; level < levels; level += 1) where = `{ homeMatches: { some: { awayClub: ${where} } } }`;
      return `{ clubs(where: ${where}) { id } }`;
    };
    expect(cost(filterOf(1))).toBeLessThan(queryLimits.maxCost / 100);
    expect(cost(filterOf(4))).toBeGreaterThan(queryLimits.maxCost);
    expect(cost(`query ($w: ClubWhere) { clubs(where: $w) { id } }`, { w: { homeMatches: { some: { awayClub: { homeMatches: { some: { awayClub: { homeMatches: { some: { awayClub: { homeMatches: { some: {} } } } } } } } } } } } })).toBeGreaterThan(
      queryLimits.maxCost,
    );
  });

  test("a limit over what a resolver caps anyway costs as the cap (neighbourhood 200, search 50)", () => {
    expect(cost(`{ neighbourhood(id: "x", limit: 100000) { nodes { id } } }`)).toBe(cost(`{ neighbourhood(id: "x", limit: 200) { nodes { id } } }`));
    expect(cost(`{ search(text: "x", limit: 100000) { __typename } }`)).toBe(cost(`{ search(text: "x", limit: 50) { __typename } }`));
  });

  test("100 aliased tie(...) lookups pass every limit (two statements in all: the request's DataLoaders)", () => {
    const fields = Array.from(
      { length: 100 },
      (_, index) => `t${index}: tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta") { stage outcome { winner { name } decidedBy } }`,
    );
    const source = `{ ${fields.join(" ")} }`;
    expect(() => parse(source, { maxTokens: queryLimits.maxTokens })).not.toThrow();
    expect(limitErrors(source)).toEqual([]);
    expect(cost(source)).toBeLessThanOrEqual(queryLimits.maxCost);
  });

  test.each([
    ["100 aliases of a depth-1 neighbourhood", aliasesOfNeighbourhood(100, { depth: 1, limit: 10 })],
    ["16 aliases of a depth-3 neighbourhood", aliasesOfNeighbourhood(16)],
    ["100 aliases of connection", `{ ${Array.from({ length: 100 }, (_, index) => `c${index}: connection(from: "a", to: "b") { hops }`).join(" ")} }`],
    ["14 aliases of an eight-hop connection", `{ ${Array.from({ length: 14 }, (_, index) => `c${index}: connection(from: "a", to: "b", maxHops: 8) { hops }`).join(" ")} }`],
  ])("graph walks are bounded by cost, not by the alias limit: %s", (_kind, source) => {
    expect(limitErrors(source)).toEqual([]);
    expect(cost(source)).toBeGreaterThan(queryLimits.maxCost);
  });

  test("a negative limit or offset is BAD_USER_INPUT naming the field and argument", () => {
    expect(() => cost(`{ clubs(limit: -1) { id } }`)).toThrow(/Query\.clubs: argument "limit" must be 0 or more, got -1/);
    expect(() => cost(`{ clubs { homeMatches(offset: -5) { id } } }`)).toThrow(/Club\.homeMatches: argument "offset" must be 0 or more, got -5/);
  });

  test.each([
    ["depth", `{ ${nestedMatches(5, 1)} }`, /Query depth limit of 8 exceeded, found 10\. \(maxDepth\)/],
    ["aliases", `{ ${Array.from({ length: 2500 }, (_, index) => `n${index}: ruleSets { id }`).join(" ")} }`, /Aliases limit of 100 exceeded, found 2500\. \(maxAliases\)/],
    ["directives", `{ ruleSets { ${Array.from({ length: 30 }, () => "id @include(if: true)").join(" ")} } }`, /Directives limit of 20 exceeded, found 30\. \(maxDirectives\)/],
  ])("too many %s", (_kind, source, message) => {
    const errors = limitErrors(source);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(message)]);
    expect(errors[0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
  });
});

describe("heavy requests (they share the server's heavy lane)", () => {
  const isHeavy = (source: string) => {
    let heavy = false;
    costOf({ schema, document: parse(source), bounds, onHeavy: () => (heavy = true) });
    return heavy;
  };
  test.each([
    ["a neighbourhood", `{ neighbourhood(id: "club:x") { truncated } }`, true],
    ["a connection", `{ connection(from: "a", to: "b") { hops } }`, true],
    ["a relationship filter", `{ clubs(where: { homeMatches: { some: { id: { eq: "x" } } } }) { id } }`, true],
    ["lists costing over heavyCost", `{ clubs(limit: 100) { homeMatches(limit: 100) { id date homeScore awayScore homeScoreAfterExtraTime awayScoreAfterExtraTime attendance played awayClub { name } } } }`, true],
    ["a tie by id", `{ ties(where: { id: { eq: "tie:x" } }, limit: 1) { id legs { id } } }`, false],
    ["a search", `{ search(text: "dortmund") { __typename } }`, false],
  ])("%s: %s", (_kind, source, heavy) => {
    expect(isHeavy(source)).toBe(heavy);
  });
});
