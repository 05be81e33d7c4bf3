/**
 * Configuration, read once from the environment, with defaults. Nothing else reads process.env.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (this file lives in src/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ExternalNeo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export interface Config {
  /** Set when NEO4J_URI is given: use that server and start none. */
  externalNeo4j: ExternalNeo4jConfig | null;
  /** Store of the embedded Neo4j ($PITCHGRAPH_DATA_DIR, default .data/ in the project). */
  dataDir: string;
  /** Bolt port of the embedded Neo4j (PITCHGRAPH_BOLT_PORT, default 7687; 0 picks a free port). */
  boltPort: number;
  /** JVM heap of the embedded Neo4j (PITCHGRAPH_NEO4J_HEAP, default 1g). */
  neo4jHeap: string;
  /** Page cache of the embedded Neo4j (PITCHGRAPH_NEO4J_PAGECACHE, default 256m). */
  neo4jPageCache: string;
  /** HTTP port of the GraphQL server (PORT, default 4000). */
  port: number;
  /** Interface the HTTP server binds (HOST, default 127.0.0.1; 0.0.0.0 inside docker). */
  host: string;
  /** Folder of the seed files (PITCHGRAPH_SEEDS_DIR, default seeds/). */
  seedsDir: string;
  /**
   * Ties per transaction when a results file has more (PITCHGRAPH_IMPORT_BATCH_TIES, default 2000):
   * such a file is written in batches under an import run (docs/decisions/012-imports-in-batches.md).
   */
  importBatchTies: number;
  /** How the HTTP server treats requests: deadlines, bounds, CORS, logs. */
  http: HttpConfig;
}

export interface HttpConfig {
  /** Deadline of one request, in ms (PITCHGRAPH_REQUEST_TIMEOUT_MS, default 10000). */
  requestTimeoutMs: number;
  /** Largest response body, in bytes (PITCHGRAPH_MAX_RESPONSE_BYTES, default 5000000). */
  maxResponseBytes: number;
  /** Database sessions one request may hold at once (PITCHGRAPH_SESSIONS_PER_REQUEST, default 4). */
  sessionsPerRequest: number;
  /**
   * Heavy requests (graph walks, relationship filters, large cost) served at once, their database
   * work and their responses alike; the others wait their turn (PITCHGRAPH_HEAVY_SESSIONS;
   * default one less than the CPU cores, at least 1: a core stays free for cheap requests).
   */
  heavySessions: number;
  /** Web origins allowed to call the API from a browser (PITCHGRAPH_CORS_ORIGINS, comma-separated; default none). */
  corsOrigins: string[];
  /** Error responses carry the original message and stack (PITCHGRAPH_DEBUG_ERRORS=1; development only). */
  debugErrors: boolean;
  /** pino log level (PITCHGRAPH_LOG_LEVEL, default info; "silent" logs nothing). */
  logLevel: string;
  /**
   * Seconds a whole query response is kept by the response cache, emptied on every write
   * (PITCHGRAPH_RESPONSE_CACHE_SECONDS, default 0: off; src/server/responseCache.ts).
   */
  responseCacheSeconds: number;
}

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function positiveIntegerFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a whole number above 0, got "${value}"`);
  return parsed;
}

export function readHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const logLevel = env.PITCHGRAPH_LOG_LEVEL || "info";
  if (!logLevels.includes(logLevel)) throw new Error(`PITCHGRAPH_LOG_LEVEL must be one of ${logLevels.join(", ")}, got "${logLevel}"`);
  const corsOrigins = (env.PITCHGRAPH_CORS_ORIGINS ?? "").split(",").map((origin) => origin.trim().replace(/\/+$/, "")).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`PITCHGRAPH_CORS_ORIGINS lists "${origin}"; give origins like http://localhost:5173, comma-separated`);
  }
  return {
    requestTimeoutMs: positiveIntegerFrom("PITCHGRAPH_REQUEST_TIMEOUT_MS", env.PITCHGRAPH_REQUEST_TIMEOUT_MS, 10_000),
    maxResponseBytes: positiveIntegerFrom("PITCHGRAPH_MAX_RESPONSE_BYTES", env.PITCHGRAPH_MAX_RESPONSE_BYTES, 5_000_000),
    sessionsPerRequest: positiveIntegerFrom("PITCHGRAPH_SESSIONS_PER_REQUEST", env.PITCHGRAPH_SESSIONS_PER_REQUEST, 4),
    heavySessions: positiveIntegerFrom("PITCHGRAPH_HEAVY_SESSIONS", env.PITCHGRAPH_HEAVY_SESSIONS, Math.max(1, os.availableParallelism() - 1)),
    corsOrigins,
    debugErrors: env.PITCHGRAPH_DEBUG_ERRORS === "1",
    logLevel,
    responseCacheSeconds:
      env.PITCHGRAPH_RESPONSE_CACHE_SECONDS === "0" ? 0 : positiveIntegerFrom("PITCHGRAPH_RESPONSE_CACHE_SECONDS", env.PITCHGRAPH_RESPONSE_CACHE_SECONDS, 0),
  };
}

function integerFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  }
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  return {
    externalNeo4j: uri
      ? {
          uri,
          user: env.NEO4J_USER ?? "neo4j",
          password: env.NEO4J_PASSWORD ?? "",
          database: env.NEO4J_DATABASE || undefined,
        }
      : null,
    dataDir: path.resolve(env.PITCHGRAPH_DATA_DIR || path.join(projectRoot, ".data")),
    boltPort: integerFrom("PITCHGRAPH_BOLT_PORT", env.PITCHGRAPH_BOLT_PORT, 7687),
    neo4jHeap: env.PITCHGRAPH_NEO4J_HEAP || "1g",
    neo4jPageCache: env.PITCHGRAPH_NEO4J_PAGECACHE || "256m",
    port: integerFrom("PORT", env.PORT, 4000),
    host: env.HOST || "127.0.0.1",
    seedsDir: path.resolve(env.PITCHGRAPH_SEEDS_DIR || path.join(projectRoot, "seeds")),
    importBatchTies: positiveIntegerFrom("PITCHGRAPH_IMPORT_BATCH_TIES", env.PITCHGRAPH_IMPORT_BATCH_TIES, 2000),
    http: readHttpConfig(env),
  };
}
