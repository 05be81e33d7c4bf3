/**
 * Remembers requests that were refused before execution (a syntax error, a query over a limit,
 * a validation failure) and answers the same request again the same way, without parsing,
 * validating and costing it again.
 *
 * Why: under abuse, clients send the same refused document in a loop. Each refusal costs the
 * server 1-4 ms of CPU on its one event loop (reading a 250 KB body, parsing up to the token
 * limit, running every validation rule), and every well-behaved request waits behind them at
 * each of its own steps. A remembered refusal costs one hash of the body.
 *
 * What may be remembered: only an answer that depends on nothing but the request's text and the
 * schema (which is fixed for the life of the server). That is a 400 whose errors all have one of
 * `refusalCodes` and that was given before execution started: refusals from resolvers (a season
 * label that names the candidates in the graph) depend on the data and are never remembered.
 * The key covers the method, the URL's query string, the headers Apollo reads before execution
 * (content type, accept, CSRF preflight headers) and the body with its variables and operation
 * name, so a request that differs in any of them is judged afresh.
 *
 * An LRU (lru-cache, the cache Apollo Server uses for its own document store) bounds it by the
 * size of the answers kept. Decision: docs/decisions/014-remembered-refusals.md.
 */
import { createHash } from "node:crypto";
import type http from "node:http";
import { LRUCache } from "lru-cache";

/** Error codes of answers that depend on the request text and the schema alone. */
const refusalCodes = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX", "BAD_USER_INPUT"]);

/** Request headers that change how Apollo answers before execution. */
const headersInKey = ["content-type", "accept", "apollo-require-preflight", "x-apollo-operation-name"] as const;

/** Stands for the `"requestId"` field in a kept body (a NUL cannot occur in JSON text unescaped). */
const requestIdPlaceholder = "\u0000requestId\u0000";
const requestIdField = (requestId: string) => `"requestId":${JSON.stringify(requestId)}`;

export interface Refusal {
  status: number;
  headers: Array<[string, string]>;
  /** The response body; the `"requestId"` fields in it carry the id of the request answered. */
  body: string;
  requestId: string;
  operationName?: string;
  errorCodes: string[];
}

export class RefusalCache {
  private readonly refusals: LRUCache<string, Refusal>;

  /** `maxBytes`: total size of the bodies kept (default 2 MB, a few thousand refusals). */
  constructor(options: { maxBytes?: number } = {}) {
    this.refusals = new LRUCache<string, Refusal>({ maxSize: options.maxBytes ?? 2_000_000, sizeCalculation: (refusal) => Math.max(1, refusal.body.length) });
  }

  /** The key of a request: a SHA-1 of everything its refusal may depend on. */
  keyOf(request: http.IncomingMessage, search: string, body: string): string {
    const hash = createHash("sha1");
    hash.update(`${request.method ?? "GET"}\n${search}\n`);
    for (const name of headersInKey) hash.update(`${String(request.headers[name] ?? "")}\n`);
    hash.update(body);
    return hash.digest("base64");
  }

  /** The remembered refusal of this key, its body carrying `requestId` instead of the first one's. */
  answerFor(key: string, requestId: string): Refusal | undefined {
    const refusal = this.refusals.get(key);
    if (!refusal) return undefined;
    return { ...refusal, body: refusal.body.split(requestIdPlaceholder).join(requestIdField(requestId)), requestId };
  }

  /**
   * Keeps `refusal` when it may be answered again: status 400, every error code one of
   * `refusalCodes`, and no execution started. Returns whether it was kept.
   */
  remember(key: string, refusal: Refusal, executionStarted: boolean): boolean {
    if (executionStarted || refusal.status !== 400) return false;
    if (refusal.errorCodes.length === 0 || !refusal.errorCodes.every((code) => refusalCodes.has(code))) return false;
    // The JSON field, not the bare id: a client may choose a short id that also occurs in the text.
    this.refusals.set(key, { ...refusal, body: refusal.body.split(requestIdField(refusal.requestId)).join(requestIdPlaceholder) });
    return true;
  }

  get size(): number {
    return this.refusals.size;
  }
}
