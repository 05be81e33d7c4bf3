import type http from "node:http";
import { describe, expect, test } from "vitest";
import { RefusalCache, type Refusal } from "./refusalCache.ts";

const request = (headers: Record<string, string> = {}, method = "POST") => ({ method, headers: { "content-type": "application/json", ...headers } }) as unknown as http.IncomingMessage;

const refusal = (overrides: Partial<Refusal> = {}): Refusal => ({
  status: 400,
  headers: [["content-type", "application/json; charset=utf-8"]],
  body: JSON.stringify({ errors: [{ message: "Query depth limit of 8 exceeded, found 21 (maxDepth)", extensions: { code: "QUERY_TOO_COMPLEX", requestId: "first" } }] }),
  requestId: "first",
  errorCodes: ["QUERY_TOO_COMPLEX"],
  ...overrides,
});

describe("which answers are remembered", () => {
  test.each<[string, Partial<Refusal>, boolean, boolean]>([
    ["a limit refusal before execution", {}, false, true],
    ["a syntax error", { errorCodes: ["GRAPHQL_PARSE_FAILED"] }, false, true],
    ["a validation failure", { errorCodes: ["GRAPHQL_VALIDATION_FAILED"] }, false, true],
    ["variables that do not fit their types", { errorCodes: ["BAD_USER_INPUT"] }, false, true],
    ["a resolver's refusal (depends on the data)", { errorCodes: ["BAD_USER_INPUT"] }, true, false],
    ["an answer with data", { status: 200, errorCodes: [] }, true, false],
    ["a database outage", { status: 503, errorCodes: ["DATABASE_UNAVAILABLE"] }, false, false],
    ["a persisted query not yet known (Apollo's APQ)", { errorCodes: ["PERSISTED_QUERY_NOT_FOUND"] }, false, false],
    ["a malformed body with a code we do not remember", { errorCodes: ["BAD_REQUEST"] }, false, false],
    ["one rememberable code beside one that is not", { errorCodes: ["QUERY_TOO_COMPLEX", "INTERNAL"] }, false, false],
    ["a 400 with no codes", { errorCodes: [] }, false, false],
  ])("%s", (_case, overrides, executionStarted, kept) => {
    const cache = new RefusalCache();
    const key = cache.keyOf(request(), "", "{}");
    expect(cache.remember(key, refusal(overrides), executionStarted)).toBe(kept);
    expect(cache.answerFor(key, "second") !== undefined).toBe(kept);
  });
});

describe("the key covers everything a refusal may depend on", () => {
  const cache = new RefusalCache();
  const body = JSON.stringify({ query: "query ($n: Int) { clubs(limit: $n) { id } }", variables: { n: 10_000_000 } });
  const base = cache.keyOf(request(), "", body);
  test.each<[string, string]>([
    ["other variables", cache.keyOf(request(), "", body.replace("10000000", "1"))],
    ["another operation name header", cache.keyOf(request({ "x-apollo-operation-name": "Other" }), "", body)],
    ["another accept header", cache.keyOf(request({ accept: "application/json" }), "", body)],
    ["another content type (CSRF prevention)", cache.keyOf(request({ "content-type": "text/plain" }), "", body)],
    ["another method", cache.keyOf(request({}, "GET"), "", body)],
    ["another query string", cache.keyOf(request(), "?query=%7B__typename%7D", body)],
  ])("%s", (_case, key) => expect(key).not.toBe(base));

  test("the same request gives the same key", () => expect(cache.keyOf(request(), "", body)).toBe(base));
});

describe("a remembered refusal answers with the new request's id", () => {
  test.each([
    ["a generated id", "3f0c1a52-5b7e-4a53-9d0e-0d6a1e0b2f11"],
    // A client's own short id may also occur in the message; only the field is replaced.
    ["a client's short id that also occurs in the message", "8"],
  ])("%s", (_case, firstId) => {
    const cache = new RefusalCache();
    const key = cache.keyOf(request(), "", "{}");
    const first = refusal({ requestId: firstId, body: JSON.stringify({ errors: [{ message: "Query depth limit of 8 exceeded", extensions: { code: "QUERY_TOO_COMPLEX", requestId: firstId } }] }) });
    cache.remember(key, first, false);
    const answer = cache.answerFor(key, "next-request")!;
    const parsed = JSON.parse(answer.body);
    expect(parsed.errors[0].extensions.requestId).toBe("next-request");
    expect(parsed.errors[0].message).toBe("Query depth limit of 8 exceeded");
    expect(answer).toMatchObject({ status: 400, requestId: "next-request", errorCodes: ["QUERY_TOO_COMPLEX"] });
  });
});

test("the cache is bounded by the size of the bodies it keeps", () => {
  const cache = new RefusalCache({ maxBytes: 10_000 });
  for (let index = 0; index < 1_000; index += 1) cache.remember(cache.keyOf(request(), "", String(index)), refusal(), false);
  // About 130 bytes each: some 75 kept, the older ones evicted.
  expect(cache.size).toBeGreaterThan(50);
  expect(cache.size).toBeLessThan(100);
});
