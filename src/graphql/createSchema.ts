/**
 * Builds the executable GraphQL schema: schema.graphql, augmented by @neo4j/graphql, with our
 * hand-written resolvers (thin adapters to src/ties and the query modules).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import { readBuildCache, sha256, writeBuildCache } from "../buildCache.ts";
import { projectRoot } from "../config.ts";
import type { Database } from "../database/Database.ts";
import { goalResolvers } from "./resolvers/Goal.ts";
import { connection, headToHead, headToHeadResolvers, neighbourhood, ruleSets, searchWith, tie } from "./resolvers/Query.ts";
import { tieOutcomeResolvers, tieResolvers } from "./resolvers/Tie.ts";
import { unknownDatesLast } from "./unknownDatesLast.ts";

export const schemaFile = path.join(projectRoot, "schema.graphql");

export async function readTypeDefs(): Promise<string> {
  return readFile(schemaFile, "utf8");
}

/**
 * The library's deprecated filter spellings (`name_EQ`, `goalsAggregate`, ...) left out of the
 * schema: each has a current form (`name: { eq: ... }`, `goalsConnection: { aggregate: ... }`),
 * and they were a third of the Docs panel.
 */
export const schemaFeatures = {
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};

const resolvers = {
  Query: { tie, ruleSets, neighbourhood, connection, headToHead },
  HeadToHead: headToHeadResolvers,
  Tie: tieResolvers,
  TieOutcome: tieOutcomeResolvers,
  Goal: goalResolvers,
};

/** The build cache entry (src/buildCache.ts) naming the last type definitions the library validated. */
const validatedEntry = "schema-validated.json";

/**
 * What the library's validation of the type definitions depends on: their text, the library's
 * version, the features and which fields have hand-written resolvers.
 */
async function validationKey(typeDefs: string): Promise<string> {
  // The package's exports do not include its package.json; node_modules holds it.
  const library = await readFile(path.join(projectRoot, "node_modules", "@neo4j", "graphql", "package.json"), "utf8").catch(() => "unknown");
  const resolved = Object.entries(resolvers).map(([type, fields]) => `${type}.${Object.keys(fields).sort().join(",")}`);
  return sha256(JSON.stringify({ typeDefs, library, schemaFeatures, resolved }));
}

/**
 * `validate` (default "when changed"): the library's validation of schema.graphql is half of the
 * schema's build time (seconds), and its verdict depends only on validationKey; so it runs when
 * that changed since the last validation that passed on this checkout. "always" ignores that
 * record (the schema tests).
 */
export async function createSchema(database: Database | null, options: { validate?: "always" | "when changed" } = {}): Promise<GraphQLSchema> {
  const typeDefs = await readTypeDefs();
  const key = await validationKey(typeDefs);
  const validated = options.validate !== "always" && (await readBuildCache<{ key: string }>(validatedEntry))?.key === key;
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver: database?.driver, features: schemaFeatures, resolvers, validate: !validated });
  const schema = await neoSchema.getSchema();
  if (!validated) await writeBuildCache(validatedEntry, { key });

  // `search` is a @cypher field: the library runs it; we shape its arguments first.
  const searchField = schema.getQueryType()?.getFields().search;
  if (!searchField?.resolve) throw new Error("schema.graphql must declare Query.search as a @cypher field");
  searchField.resolve = searchWith(searchField.resolve);
  // Both root lists of matches, the plain one and the connection: unknown dates last (decision 008).
  for (const name of ["matches", "matchesConnection"]) {
    const field = schema.getQueryType()?.getFields()[name];
    if (!field?.resolve) throw new Error(`schema.graphql must declare Match as a @node (the generated ${name} query)`);
    field.resolve = unknownDatesLast(field.resolve);
  }
  return schema;
}

/** Fails when the database lacks what @neo4j/graphql needs (Neo4j 5+, APOC). */
export async function checkDatabaseCompatibility(database: Database): Promise<void> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: await readTypeDefs(), driver: database.driver, features: schemaFeatures });
  await neoSchema.checkNeo4jCompat({ sessionConfig: database.databaseName ? { database: database.databaseName } : undefined });
}
