/**
 * What a client is told when something fails: a stable code, a message written for it, and the
 * request id to quote. What the server knows besides (stack, Cypher, the database's own text)
 * goes to the log only, unless PITCHGRAPH_DEBUG_ERRORS=1 (development) is set.
 *
 * Codes: BAD_USER_INPUT, QUERY_TOO_COMPLEX, TIMEOUT, DATABASE_UNAVAILABLE, INTERNAL, plus those
 * our resolvers raise (NOT_FOUND, AMBIGUOUS_NAME, INVALID_TIE_FACTS) and Apollo's request codes (BAD_REQUEST,
 * GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, ...).
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import neo4j from "neo4j-driver";
import { DatabaseUnavailableError } from "../database/DatabaseUnavailableError.ts";
import { isTokenLimitError, queryLimits } from "./queryLimits.ts";
import { RequestCancelledError } from "./RequestScope.ts";

export type ErrorCode = "BAD_USER_INPUT" | "QUERY_TOO_COMPLEX" | "TIMEOUT" | "DATABASE_UNAVAILABLE" | "INTERNAL" | string;

/**
 * HTTP status for a response whose errors carry these codes. GraphQL over HTTP answers errors
 * met while executing (a field timed out, was not found) with 200 and the errors in the body;
 * the one exception we make is the database being down: 503 with Retry-After lets clients and
 * load balancers back off (issue 9).
 */
export const statusByCode: Record<string, number> = {
  DATABASE_UNAVAILABLE: 503,
};

export interface ClassifiedError {
  code: ErrorCode;
  /** The message a client may read. */
  message: string;
  /** Seconds to wait before retrying (DATABASE_UNAVAILABLE). */
  retryAfterSeconds?: number;
  /** True when the message had to be replaced: the original goes to the log. */
  hidden: boolean;
}

/** Neo4j status codes that mean "the database is not there right now". */
const unavailableCodes = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** Every error in the chain: GraphQLError.originalError, Error.cause. */
function* chainOf(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && !seen.has(current)) {
    seen.add(current);
    yield current;
    current = current instanceof GraphQLError ? (current.originalError ?? (current as Error).cause) : current instanceof Error ? current.cause : undefined;
  }
}

/** Codes our own code writes messages for: those messages are safe to show. */
const writtenForClients = new Set([
  "BAD_USER_INPUT",
  "QUERY_TOO_COMPLEX",
  "NOT_FOUND",
  "AMBIGUOUS_NAME",
  // A tie whose recorded facts the engine refuses (src/graphql/resolvers/Tie.ts): the message names
  // the tie and the fact, which is what the client needs to report or fix the data.
  "INVALID_TIE_FACTS",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export function classifyError(error: unknown, requestId: string): ClassifiedError {
  for (const link of chainOf(error)) {
    // Apollo re-wraps validation errors as GRAPHQL_VALIDATION_FAILED; a limit's own code wins.
    if (link instanceof GraphQLError && link.extensions.code === "QUERY_TOO_COMPLEX") return { code: "QUERY_TOO_COMPLEX", message: link.message, hidden: false };
    if (link instanceof RequestCancelledError) return { code: link.reason, message: link.message, hidden: false };
    if (link instanceof DatabaseUnavailableError) {
      return { code: "DATABASE_UNAVAILABLE", message: "The database is unavailable; try again shortly", retryAfterSeconds: link.retryAfterSeconds, hidden: true };
    }
    if (link instanceof neo4j.Neo4jError) {
      const code = link.code ?? "";
      if (unavailableCodes.has(code)) return { code: "DATABASE_UNAVAILABLE", message: "The database is unavailable; try again shortly", retryAfterSeconds: 2, hidden: true };
      if (/TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed|LockClientStopped/.test(code)) {
        return { code: "TIMEOUT", message: "The query took longer than the request's deadline (PITCHGRAPH_REQUEST_TIMEOUT_MS)", hidden: true };
      }
      if (/MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError|OutOfMemory/.test(code)) {
        return { code: "QUERY_TOO_COMPLEX", message: "The query needs more memory than the database allows one request; ask for fewer items", hidden: true };
      }
      if (/ConnectionAcquisitionTimedOut|acquisition timed out/i.test(`${code} ${link.message}`)) {
        return { code: "DATABASE_UNAVAILABLE", message: "The database is busy; try again shortly", retryAfterSeconds: 1, hidden: true };
      }
      if (code.startsWith("Neo.ClientError.Statement") || code.startsWith("Neo.ClientError.Procedure") || code.startsWith("Neo.ClientError.Request")) {
        return { code: "BAD_USER_INPUT", message: `The database refused the query's arguments (${code.split(".").pop()}); check the values given`, hidden: true };
      }
    }
  }
  if (error instanceof GraphQLError) {
    const code = typeof error.extensions.code === "string" ? error.extensions.code : undefined;
    if (code === "GRAPHQL_PARSE_FAILED" && isTokenLimitError(error.message)) {
      return { code: "QUERY_TOO_COMPLEX", message: `Query token limit of ${queryLimits.maxTokens} exceeded (maxTokens): found more than ${queryLimits.maxTokens} tokens (the parser stops counting at the limit)`, hidden: false };
    }
    if (code && writtenForClients.has(code)) return { code, message: error.message, hidden: false };
    // graphql-js's own errors (validation, variable coercion) have no original error.
    if (!code && !error.originalError) return { code: "GRAPHQL_VALIDATION_FAILED", message: error.message, hidden: false };
  }
  return { code: "INTERNAL", message: `Internal error; the server log has the details under request id ${requestId}`, hidden: true };
}

/**
 * Apollo's formatError: the client's view of one error. Keeps `path` and `locations` (which
 * field of the query failed), replaces code and message as classifyError says, drops stacks.
 */
export function formatErrorFor(options: { debugErrors: boolean; requestIdOf: () => string | undefined; log: (error: unknown, classified: ClassifiedError) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = options.requestIdOf() ?? "unknown";
    const classified = classifyError(error, requestId);
    if (classified.hidden) options.log(error, classified);
    const original = [...chainOf(error)].pop();
    return {
      message: classified.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        ...publicExtensions(formatted.extensions),
        code: classified.code,
        requestId,
        ...(classified.retryAfterSeconds !== undefined ? { retryAfterSeconds: classified.retryAfterSeconds } : {}),
        ...(options.debugErrors && original instanceof Error ? { debug: { message: original.message, stack: original.stack } } : {}),
      },
    };
  };
}

/** Extensions our errors add for clients (limit, argument, ids...); never Apollo's stacktrace. */
function publicExtensions(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _stacktrace, exception: _exception, http: _http, ...rest } = extensions ?? {};
  return rest;
}
