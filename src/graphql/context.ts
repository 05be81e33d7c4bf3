import type { Database } from "../database/Database.ts";
import { createRequestLoaders, type RequestLoaders } from "./requestLoaders.ts";

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
  /** This request's DataLoaders (src/graphql/requestLoaders.ts). */
  readonly loaders: RequestLoaders;
}

/** A new context, with new DataLoaders; `extra` is what the HTTP server adds (executionContext, requestScope). */
export function createContext(database: Database, extra: Pick<PitchGraphContext, "executionContext" | "requestScope"> = {}): PitchGraphContext {
  const context = {
    database,
    sessionConfig: database.databaseName ? { database: database.databaseName } : undefined,
    ...extra,
  } as PitchGraphContext & { loaders: RequestLoaders };
  // The loaders get the very object the resolvers get: @neo4j/graphql reads its driver from it.
  context.loaders = createRequestLoaders(database, context);
  return context;
}
