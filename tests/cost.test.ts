/**
 * What a query costs in database round trips. Listing ties with their computed outcome,
 * timeline and legs must not cost one round trip per tie: @neo4j/graphql fetches what the
 * computed fields require in the same Cypher query as the ties themselves.
 */
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Database } from "../src/database/Database.ts";
import { createContext } from "../src/graphql/context.ts";
import { createSchema } from "../src/graphql/createSchema.ts";
import { importFile } from "../src/importing/importFile.ts";
import { sharedFile } from "../src/sharedFile.ts";
import { graphql, type GraphQLSchema } from "graphql";
import { countingDriver, type QueryCounter } from "./support/countingDriver.ts";
import { openTestDatabase } from "./support/testDatabase.ts";

const counter: QueryCounter = { count: 0, cypher: [] };
let database: Database;
let schema: GraphQLSchema;

beforeAll(async () => {
  database = openTestDatabase({ wrapDriver: (driver) => countingDriver(driver, counter) });
  schema = await createSchema(database);
  // Real ties to list: the historical results file, through the import path.
  await importFile(database, sharedFile("data/uefa-ties/ties-1955-2016.json", "tests/cost.test.ts"), { seedsDir: inject("seedsDir") });
  // The library asks the server for its version once per schema (dbms.components()); ask it now
  // so that the counts below are what every later request costs.
  await graphql({ schema, source: "{ ties(limit: 1) { id } }", contextValue: createContext(database) });
});
afterAll(() => database.close());

async function roundTrips(source: string, variables: Record<string, unknown> = {}): Promise<{ count: number; data: any }> {
  counter.count = 0;
  counter.cypher = [];
  const result = await graphql({ schema, source, variableValues: variables, contextValue: createContext(database) });
  expect(result.errors).toBeUndefined();
  return { count: counter.count, data: result.data };
}

const listing = `query ($limit: Int!) {
  ties(where: { season: { startsWith: "19" } }, sort: [{ id: ASC }], limit: $limit) {
    id season stage
    legs { date homeScore awayScore homeClub { name } awayClub { name } goals { minute scorer { name } } }
    outcome { status winner { name } decidedBy explanation aggregate { club { name } goals } }
    timeline { sequence kind description goingThrough { name } }
  }
}`;

test("50 ties with outcome, timeline and legs cost as many round trips as 1 tie: one", async () => {
  const one = await roundTrips(listing, { limit: 1 });
  const fifty = await roundTrips(listing, { limit: 50 });
  expect(one.data.ties).toHaveLength(1);
  expect(fifty.data.ties).toHaveLength(50);
  expect(fifty.data.ties.every((tie: any) => tie.outcome.explanation.length > 0 && tie.timeline.length > 0)).toBe(true);
  expect(one.count).toBe(1);
  expect(fifty.count).toBe(one.count);
});

test("the tie front door costs two round trips: the name lookup, then the tie with everything asked", async () => {
  const { count, data } = await roundTrips(`{
    tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta") {
      legs { goals { scorer { name } sources { id } } } outcome { explanation } timeline { description }
    }
  }`);
  expect(data.tie.outcome.explanation).toBe("Borussia Dortmund win 4-3 on aggregate.");
  expect(count).toBe(2);
});
