/**
 * Apollo's response cache (@apollo/server-plugin-response-cache) for this read-mostly graph,
 * off by default: docs/decisions/013-batching-indexes-and-response-cache.md says why.
 *
 * With PITCHGRAPH_RESPONSE_CACHE_SECONDS=N (N > 0) a query's whole response (no errors) is kept
 * for N seconds, keyed by the query text, operation name and variables. Every write empties it:
 * the key carries a generation that changes when the graph changes, seen two ways:
 * - `invalidate()`: the server's own writes (the Database seam's onWrite);
 * - a poll of the node and relationship counts (Neo4j's count store: O(1)) every
 *   `pollMs`, for imports run by another process (`npm run import` beside `npm start`).
 * A change made by another process that keeps both counts (a corrected score alone) is seen
 * when the entry expires: after at most N seconds.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { createHash } from "node:crypto";
import type { Database } from "../database/Database.ts";

export interface ResponseCache {
  /** The Apollo plugins: cache hints with maxAge N on every field, and the response cache. */
  plugins: ApolloServerPlugin<any>[];
  /** Forgets every cached response (a write happened). */
  invalidate(): void;
  /** Stops the poll. */
  stop(): void;
}

export function createResponseCache(database: Database, options: { maxAgeSeconds: number; pollMs?: number }): ResponseCache {
  let generation = 0;
  let lastCounts = "";
  const invalidate = () => {
    generation += 1;
  };
  const poll = async () => {
    const [counts] = await database
      .read<{ nodes: number; relationships: number }>("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships")
      .catch(() => [undefined]);
    const seen = counts ? `${counts.nodes}/${counts.relationships}` : "unavailable";
    if (seen !== lastCounts) invalidate();
    lastCounts = seen;
  };
  void poll();
  const timer = setInterval(() => void poll(), options.pollMs ?? 1_000);
  timer.unref();
  const stopWatching = database.onWrite(invalidate);
  return {
    plugins: [
      // No Cache-Control header for clients: the cache is the server's own.
      ApolloServerPluginCacheControl({ defaultMaxAge: options.maxAgeSeconds, calculateHttpHeaders: false }),
      responseCachePlugin({
        generateCacheKey: (_request, keyData) => `${generation}:${createHash("sha256").update(JSON.stringify(keyData)).digest("hex")}`,
      }),
    ],
    invalidate,
    stop: () => {
      clearInterval(timer);
      stopWatching();
    },
  };
}
