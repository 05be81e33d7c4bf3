import type { Database } from "../database/Database.ts";

/**
 * What every resolver gets. A new context is made for every request, so per-request caches
 * (DataLoaders) never outlive it. The @neo4j/graphql fields read `sessionConfig`.
 */
export interface PitchGraphContext {
  database: Database;
  sessionConfig?: { database?: string };
  /** What @neo4j/graphql runs its Cypher with; the server gives each request its own (src/server/RequestScope.ts). */
  executionContext?: unknown;
  /** The request's bounds (src/server/RequestScope.ts); absent outside the HTTP server. */
  requestScope?: { markHeavy(): void; holdHeavyLane(): Promise<void> };
}

export function createContext(database: Database): PitchGraphContext {
  return {
    database,
    sessionConfig: database.databaseName ? { database: database.databaseName } : undefined,
  };
}
