/**
 * What a query costs in database round trips. Listing ties with their computed outcome,
 * timeline and legs must not cost one round trip per tie: @neo4j/graphql fetches what the
 * computed fields require in the same Cypher query as the ties themselves.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
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

interface TieNames {
  competition: string;
  season: string;
  club: string;
  opponent: string;
}

/** Ties of the imported file named as a user would: by their competition, season and first leg's clubs. */
async function namedTies(count: number): Promise<TieNames[]> {
  return database.read<TieNames>(
    `MATCH (t:Tie)-[:IN_COMPETITION]->(c:Competition)
     WHERE t.season STARTS WITH "19"
     MATCH (t)-[:HAS_LEG]->(m:Match {legNumber: 1})-[:HOME_CLUB]->(home:Club), (m)-[:AWAY_CLUB]->(away:Club)
     WITH t, c, home, away ORDER BY t.id LIMIT $count
     RETURN c.name AS competition, t.season AS season, home.name AS club, away.name AS opponent`,
    { count: neo4j.int(count) },
  );
}

const tieSelection = "id stage legs { homeScore awayScore homeClub { name } } outcome { winner { name } decidedBy explanation }";
const aliasedTies = (ties: TieNames[], selection = () => tieSelection) =>
  `{ ${ties.map((tie, index) => `t${index}: tie(competition: ${JSON.stringify(tie.competition)}, season: ${JSON.stringify(tie.season)}, club: ${JSON.stringify(tie.club)}, opponent: ${JSON.stringify(tie.opponent)}) { ${selection()} }`).join(" ")} }`;

describe("N aliased tie(...) lookups cost two statements in all (the request's DataLoaders), with the answers each gets alone", () => {
  let ties: TieNames[];
  beforeAll(async () => {
    ties = await namedTies(100);
  });

  test.each([1, 10, 100])("%i aliases", async (aliases) => {
    const asked = ties.slice(0, aliases);
    expect(asked).toHaveLength(aliases);
    const { count, data } = await roundTrips(aliasedTies(asked));
    expect(count).toBe(2);
    const answers = Object.values(data) as Array<{ id: string } | null>;
    expect(answers.every((answer) => answer !== null)).toBe(true);
    // Each alias answers as the same lookup does alone (checked for the first ten: the batch maps every tie back to its alias).
    for (const [index, tie] of asked.slice(0, 10).entries()) {
      const alone = await roundTrips(aliasedTies([tie]));
      expect(data[`t${index}`]).toEqual(alone.data.t0);
    }
  });

  test("the same tie asked twice, two known clubs that never met and a club nobody knows answer as alone, still in two statements", async () => {
    const [first] = ties;
    const elsewhere = ties.find((tie) => tie.season !== first!.season && ![first!.club, first!.opponent].includes(tie.club))!;
    const asked = [first!, first!, { ...first!, opponent: elsewhere.club }, { ...first!, club: "Nowhere Athletic" }];
    counter.count = 0;
    const result = await graphql({ schema, source: aliasedTies(asked), contextValue: createContext(database) });
    expect(counter.count).toBe(2);
    expect(result.data!.t0).toEqual(result.data!.t1);
    const knownPairAlone = await roundTrips(aliasedTies([asked[2]!]));
    expect(result.data!.t2).toEqual(knownPairAlone.data.t0);
    // The unknown name is an error for its own alias only, found by the same statement.
    expect(result.data!.t3).toBeNull();
    expect(result.errors?.map((error) => [error.path?.join("."), error.message])).toEqual([["t3", expect.stringMatching(/^unknown club "Nowhere Athletic"/)]]);
  });

  test("aliases with different selections share the name lookup: one statement more per distinct selection", async () => {
    const selections = ["id", "stage", "id"];
    let next = 0;
    const { count, data } = await roundTrips(aliasedTies(ties.slice(0, 3), () => selections[next++]!));
    expect(count).toBe(1 + 2);
    expect(Object.keys(data.t0)).toEqual(["id"]);
    expect(Object.keys(data.t1)).toEqual(["stage"]);
  });
});

test("head to head: the club and the opponent come in one statement", async () => {
  const [pair] = await database.read<{ club: string; opponent: string }>(
    `MATCH (a:Club)<-[:HOME_CLUB]-(:Match)-[:AWAY_CLUB]->(b:Club) RETURN a.id AS club, b.id AS opponent LIMIT 1`,
  );
  const { count, data } = await roundTrips(`query ($club: ID!, $opponent: ID!) { headToHead(club: $club, opponent: $opponent) { club { id name } opponent { id name } } }`, pair!);
  expect(data.headToHead.club.id).toBe(pair!.club);
  expect(data.headToHead.opponent.id).toBe(pair!.opponent);
  // findHeadToHead, then both clubs together.
  expect(count).toBe(2);
});
