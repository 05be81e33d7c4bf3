/** Which driver errors mean "the database cannot serve now" (fail fast, probe) rather than "retry" or "the query is wrong". */
import neo4j from "neo4j-driver";
import { describe, expect, test } from "vitest";
import { isConnectivityError } from "./Database.ts";

const neo4jError = (code: string) => new neo4j.Neo4jError("message", code, "", "");
const withCode = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe("isConnectivityError", () => {
  test.each([
    ["the driver cannot reach the server", neo4jError(neo4j.error.SERVICE_UNAVAILABLE), true],
    ["the session's server went away", neo4jError(neo4j.error.SESSION_EXPIRED), true],
    ["the server answers but its database is not online (restarting)", neo4jError("Neo.TransientError.General.DatabaseUnavailable"), true],
    ["a refused socket", withCode("ECONNREFUSED"), true],
    ["a reset socket, as the cause of another error", new Error("wrapped", { cause: withCode("ECONNRESET") }), true],
    ["a deadlock: transient, retried, not an outage", neo4jError("Neo.TransientError.Transaction.DeadlockDetected"), false],
    ["a syntax error", neo4jError("Neo.ClientError.Statement.SyntaxError"), false],
    ["not an error at all", "ECONNREFUSED", false],
  ])("%s: %s", (_, error, expected) => {
    expect(isConnectivityError(error)).toBe(expected);
  });
});
