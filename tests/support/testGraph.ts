/**
 * What an integration test needs: a Database on the test Neo4j and a way to run GraphQL
 * operations through the real schema (the same createSchema the server uses).
 */
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Database } from "../../src/database/Database.ts";
import { createContext } from "../../src/graphql/context.ts";
import { createSchema } from "../../src/graphql/createSchema.ts";
import { openTestDatabase } from "./testDatabase.ts";

export interface TestGraph {
  database: Database;
  schema: GraphQLSchema;
  /** Runs an operation; fails the test on GraphQL errors unless `allowErrors`. */
  query<T = Record<string, any>>(source: string, variables?: Record<string, unknown>): Promise<T>;
  execute(source: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  close(): Promise<void>;
}

export async function openTestGraph(): Promise<TestGraph> {
  const database = openTestDatabase();
  const schema = await createSchema(database);
  const execute = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, variableValues, contextValue: createContext(database) });
  return {
    database,
    schema,
    execute,
    async query<T>(source: string, variables?: Record<string, unknown>) {
      const result = await execute(source, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${result.errors.map((error) => error.message).join("; ")}`);
      return result.data as T;
    },
    close: () => database.close(),
  };
}
