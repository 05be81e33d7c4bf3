/**
 * The HTTP server: GraphQL (and the GraphiQL page for browsers) at /graphql, the graph
 * explorer at /explore, /healthz (the process is alive), /readyz (the database answers) and
 * /metrics (Prometheus). Apollo Server 5 ships no HTTP framework; this is the small Node `http`
 * integration its docs describe (executeHTTPGraphQLRequest).
 *
 * Every GraphQL request is bounded (docs/operations.md): query limits before any Cypher
 * (queryLimits.ts), a deadline and a share of the connection pool (RequestScope.ts), a largest
 * body in and out, and errors that say what failed without leaking internals (errorCodes.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import cors from "cors";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { readHttpConfig, type HttpConfig } from "../config.ts";
import type { Database } from "../database/Database.ts";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { createResponseCache } from "./responseCache.ts";
import { createContext, type PitchGraphContext } from "../graphql/context.ts";
import { readTypeDefs } from "../graphql/createSchema.ts";
import { formatErrorFor, statusByCode } from "./errorCodes.ts";
import { readOperations } from "./exampleOperations.ts";
import { buildExploreAssets } from "./exploreAssets.ts";
import { graphiqlLandingPage } from "./graphiqlLandingPage.ts";
import { createLogger, createMetrics } from "./observability.ts";
import { queryCostPlugin, queryLimitRules, queryLimits } from "./queryLimits.ts";
import { RefusalCache } from "./refusalCache.ts";
import { RequestScope } from "./RequestScope.ts";
import { Semaphore } from "./Semaphore.ts";

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Largest request body accepted, so one request cannot exhaust memory. */
export const maxBodyBytes = 1_000_000;
/** How long /readyz and the database-up gauge wait for Neo4j's answer. */
const readinessTimeoutMs = 1_000;

/** What one request carries through Apollo's hooks (formatError has no context argument). */
interface RequestState {
  requestId: string;
  operationName?: string;
  errorCodes: string[];
  scope?: RequestScope;
  /** Set once Apollo starts executing the operation: from then on, an answer may depend on the data. */
  executionStarted?: boolean;
  /** The answer was a remembered refusal (refusalCache.ts). */
  refusalRemembered?: boolean;
  /** A request to /graphql past CORS: logged and counted, whatever refuses it. */
  graphql?: boolean;
}

const graphqlResponseType = "application/graphql-response+json; charset=utf-8";

export async function startServer(options: {
  schema: GraphQLSchema;
  database: Database;
  port: number;
  host: string;
  /** Deadlines, bounds, CORS, logs; defaults as documented in the README's Settings. */
  settings?: Partial<HttpConfig>;
  logger?: Logger;
}): Promise<RunningServer> {
  const settings: HttpConfig = { ...readHttpConfig({}), ...options.settings };
  const logger = options.logger ?? createLogger(settings.logLevel);
  const metrics = createMetrics();
  const requests = new AsyncLocalStorage<RequestState>();
  // Metric labels come from the project's named operations only: a client cannot mint new series.
  const knownOperations = new Set((await readOperations()).map((operation) => operation.name));
  const heavyLane = new Semaphore(settings.heavySessions);
  const refusals = new RefusalCache();
  const allowCors = cors({ origin: settings.corsOrigins, methods: ["GET", "POST"], maxAge: 600 });

  const responseCache = settings.responseCacheSeconds > 0 ? createResponseCache(options.database, { maxAgeSeconds: settings.responseCacheSeconds }) : null;
  const httpServer = http.createServer();
  const apollo = new ApolloServer<PitchGraphContext>({
    schema: options.schema,
    introspection: true,
    // Keep Apollo's CSRF prevention: a browser may not send a "simple" cross-site request.
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: queryLimits.maxTokens },
    validationRules: queryLimitRules(),
    formatError: formatErrorFor({
      debugErrors: settings.debugErrors,
      requestIdOf: () => requests.getStore()?.requestId,
      log: (error, classified) => logger.error({ requestId: requests.getStore()?.requestId, code: classified.code, err: error }, "request failed"),
    }),
    // The process owns SIGINT/SIGTERM (src/main.ts stops the server, then the database). Apollo's
    // own handlers would stop the server first and re-raise the signal, and the app's stop()
    // would then wait on Apollo forever: `npm start` never exited on Ctrl-C or SIGTERM.
    stopOnTerminationSignals: false,
    logger: { debug: () => {}, info: () => {}, warn: (message) => logger.warn(message), error: (message) => logger.error(message) },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphiqlLandingPage(),
      queryCostPlugin(await readTypeDefs()),
      statusFromErrorCodes(requests),
      // Without the response cache, no cache hints: Apollo's cache-control plugin (on by default)
      // would otherwise hook every field of every request for nothing.
      ...(responseCache?.plugins ?? [ApolloServerPluginCacheControlDisabled()]),
    ],
  });
  const [exploreAssets] = await Promise.all([buildExploreAssets(), apollo.start()]);

  httpServer.on("request", (request, response) => {
    const requestId = requestIdFrom(request.headers["x-request-id"]);
    response.setHeader("x-request-id", requestId);
    const state: RequestState = { requestId, errorCodes: [] };
    const started = performance.now();
    requests.run(state, () => {
      handle(request, response, state)
        .catch((error: unknown) => {
          logger.error({ requestId, err: error }, "request failed outside GraphQL");
          if (!response.headersSent) sendErrors(response, 500, [{ message: `Internal error; the server log has the details under request id ${requestId}`, extensions: { code: "INTERNAL", requestId } }]);
          else response.end();
        })
        .finally(() => {
          state.scope?.finish();
          // Health checks and pages are not logged, GraphQL requests are (remembered refusals too).
          if (!state.graphql) return;
          const durationMs = performance.now() - started;
          const operation = !state.operationName ? "anonymous" : knownOperations.has(state.operationName) ? state.operationName : "other";
          metrics.requestDuration.labels(operation, String(response.statusCode)).observe(durationMs / 1000);
          for (const code of state.errorCodes) metrics.errors.labels(code).inc();
          logger.info(
            {
              requestId,
              operation: state.operationName ?? null,
              status: response.statusCode,
              durationMs: Math.round(durationMs),
              databaseMs: Math.round(state.scope?.databaseMs ?? 0),
              errors: state.errorCodes.length ? state.errorCodes : undefined,
              cancelled: state.scope?.cancellation?.reason,
              refusalRemembered: state.refusalRemembered,
            },
            "graphql request",
          );
        });
    });
  });

  async function checkDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), readinessTimeoutMs)));
    const roundTrip = options.database.read("RETURN 1 AS ok").then(
      () => true,
      () => false,
    );
    const up = await Promise.race([roundTrip, timeout]);
    clearTimeout(timer);
    metrics.databaseUp.set(up ? 1 : 0);
    return up;
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse, state: RequestState): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") return sendJson(response, 200, { status: "ok" });
    if (url.pathname === "/readyz") {
      const up = await checkDatabase();
      if (!up) response.setHeader("retry-after", "2");
      return sendJson(response, up ? 200 : 503, { status: up ? "ready" : "database unavailable" });
    }
    if (url.pathname === "/metrics") {
      await checkDatabase();
      response.writeHead(200, { "content-type": metrics.registry.contentType });
      response.end(await metrics.registry.metrics());
      return;
    }
    if (url.pathname === "/") {
      response.writeHead(302, { location: "/graphql" });
      response.end();
      return;
    }
    const exploreAsset = exploreAssets.get(url.pathname);
    if (exploreAsset && (request.method === "GET" || request.method === "HEAD")) {
      response.writeHead(200, { "content-type": exploreAsset.contentType, "cache-control": "no-cache", "x-content-type-options": "nosniff" });
      response.end(request.method === "HEAD" ? undefined : exploreAsset.body);
      return;
    }
    if (url.pathname === "/explore/") {
      response.writeHead(302, { location: "/explore" });
      response.end();
      return;
    }
    if (url.pathname !== "/graphql") {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found. GraphQL is at /graphql, the graph explorer at /explore.");
      return;
    }

    // CORS: off unless PITCHGRAPH_CORS_ORIGINS lists the page's origin (the `cors` middleware
    // answers preflights and adds the headers only for listed origins).
    const preflightAnswered = await new Promise<boolean>((resolve) => {
      allowCors(request, response, () => resolve(false));
      response.once("finish", () => resolve(true));
    });
    if (preflightAnswered) return;
    state.graphql = true;

    const body = await readBody(request, maxBodyBytes);
    if (body === null) {
      response.setHeader("connection", "close");
      state.errorCodes.push("BAD_REQUEST");
      return sendErrors(response, 413, [
        { message: `The request body is larger than ${maxBodyBytes} bytes, the largest accepted`, extensions: { code: "BAD_REQUEST", requestId: state.requestId } },
      ]);
    }

    // A request refused before execution is answered the same way again without re-parsing it.
    const refusalKey = refusals.keyOf(request, url.search, body);
    const remembered = refusals.answerFor(refusalKey, state.requestId);
    if (remembered) {
      Object.assign(state, { refusalRemembered: true, operationName: remembered.operationName, errorCodes: remembered.errorCodes });
      response.writeHead(remembered.status, Object.fromEntries(remembered.headers));
      response.end(remembered.body);
      return;
    }

    // A JSON body that does not parse: say where, instead of Apollo's "POST body missing, invalid
    // Content-Type, or JSON object has no keys", which names three problems and not this one.
    // A leading byte-order mark is tolerated; a body of only white space is a missing body.
    const bodyText = body.replace(/^\uFEFF/, "");
    const parsedBody = bodyText.trim().length ? parseJson(bodyText) : undefined;
    if (parsedBody instanceof SyntaxError && request.method === "POST" && isJsonMediaType(request.headers["content-type"])) {
      state.errorCodes.push("BAD_REQUEST");
      return sendErrors(response, 400, [
        {
          message: `The request body is not valid JSON (${parsedBody.message}); send an object such as {"query": "{ clubs(limit: 1) { name } }"}`,
          extensions: { code: "BAD_REQUEST", requestId: state.requestId },
        },
      ]);
    }

    // The database's own warm-up after an outage (Database.setWarmUpAfterOutage) runs while every
    // other request is still refused; only it knows the token.
    const database = request.headers["x-pitchgraph-warm-up"] === options.database.warmUpToken ? options.database.forWarmUp() : options.database;
    const scope = new RequestScope(database.driver, { timeoutMs: settings.requestTimeoutMs, sessionsPerRequest: settings.sessionsPerRequest, heavyLane });
    state.scope = scope;
    // The client left before the answer: stop its database work (the driver resets the connection,
    // Neo4j terminates the transaction).
    response.once("close", () => {
      if (!response.writableFinished) scope.cancel("CLIENT_CLOSED_REQUEST");
    });

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method ?? "GET",
        headers,
        search: url.search,
        // Not JSON and not sent as JSON (a form, text): Apollo answers for the content type.
        body: parsedBody instanceof SyntaxError ? body : parsedBody,
      },
      context: async () =>
        createContext(database.forRequest(scope.driver), {
          // @neo4j/graphql runs its generated Cypher through this driver: the request's deadline
          // and pool share apply to it as to our own queries.
          executionContext: scope.driver,
          requestScope: scope,
        }),
    });
    if (response.destroyed) return;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      const size = Buffer.byteLength(result.body.string);
      // The bound is for GraphQL results; the GraphiQL page (HTML, GraphiQL inlined) is ours.
      if (size > settings.maxResponseBytes && !result.headers.get("content-type")?.startsWith("text/html")) {
        state.errorCodes.push("QUERY_TOO_COMPLEX");
        return sendErrors(response, 400, [
          {
            message: `The response would be ${size} bytes, more than the limit of ${settings.maxResponseBytes} (PITCHGRAPH_MAX_RESPONSE_BYTES); ask for fewer or smaller lists`,
            extensions: { code: "QUERY_TOO_COMPLEX", limit: "maxResponseBytes", max: settings.maxResponseBytes, found: size, requestId: state.requestId },
          },
        ]);
      }
      if (response.statusCode >= 400 && state.errorCodes.length === 0) state.errorCodes = errorCodesIn(result.body.string);
      refusals.remember(
        refusalKey,
        { status: response.statusCode, headers: [...result.headers], body: result.body.string, requestId: state.requestId, operationName: state.operationName, errorCodes: state.errorCodes },
        state.executionStarted === true,
      );
      response.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = options.host === "0.0.0.0" ? "localhost" : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    stop: () => {
      responseCache?.stop();
      return apollo.stop();
    },
  };
}

/**
 * Apollo plugin: records the operation name and error codes for the log and metrics, and sets
 * the HTTP status the errors call for: 503 with Retry-After while the database is unavailable.
 */
function statusFromErrorCodes(requests: AsyncLocalStorage<RequestState>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          const state = requests.getStore();
          if (state) state.executionStarted = true;
        },
        async willSendResponse({ response, operationName }) {
          const state = requests.getStore();
          if (!state || response.body.kind !== "single") return;
          state.operationName = operationName ?? undefined;
          const errors = response.body.singleResult.errors ?? [];
          state.errorCodes = errors.map((error) => String(error.extensions?.code ?? "INTERNAL"));
          for (const code of state.errorCodes) {
            const status = statusByCode[code];
            if (status && (response.http.status ?? 200) < status) response.http.status = status;
          }
          const retryAfter = errors.map((error) => error.extensions?.retryAfterSeconds).find((value) => typeof value === "number");
          if (state.errorCodes.includes("DATABASE_UNAVAILABLE")) response.http.headers.set("retry-after", String(retryAfter ?? 2));
        },
      };
    },
  };
}

/** The codes of an error response Apollo wrote before any plugin ran (malformed requests). */
function errorCodesIn(body: string): string[] {
  try {
    const errors = (JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors ?? [];
    return errors.map((error) => String(error.extensions?.code ?? "INTERNAL"));
  } catch {
    return [];
  }
}

/** A client's own request id when it is a plain token, else a fresh one. */
function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,64}$/.test(header) ? header : randomUUID();
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

function sendErrors(response: http.ServerResponse, status: number, errors: Array<{ message: string; extensions: Record<string, unknown> }>): void {
  response.writeHead(status, { "content-type": graphqlResponseType });
  response.end(JSON.stringify({ errors }));
}

/** The body as text, or null when it is larger than `limit` bytes (the rest is not read). */
async function readBody(request: http.IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** application/json or a +json type (application/graphql-response+json), whatever the parameters. */
function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** The parsed body, or the SyntaxError that says why it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}
