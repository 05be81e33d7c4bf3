/**
 * The test Neo4j that tests/support/globalSetup.ts started (or was pointed at), as Database
 * options: every integration test connects through this, with the credentials auth requires.
 */
import { inject } from "vitest";
import { Database, type DatabaseOptions } from "../../src/database/Database.ts";

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  databaseName?: string;
}

/** A Database on the test Neo4j; `options` adds e.g. a wrapDriver hook. */
export function openTestDatabase(options: Partial<DatabaseOptions> = {}): Database {
  const { uri, user, password, databaseName } = inject("neo4j");
  return new Database({ uri, user, password, databaseName, ...options });
}
