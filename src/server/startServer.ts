/**
 * The HTTP server: GraphQL (and the GraphiQL page for browsers) at /graphql, the graph
 * explorer at /explore, a health check at /healthz. Apollo Server 5 ships no HTTP framework;
 * this is the small Node `http` integration its docs describe (executeHTTPGraphQLRequest).
 */
import http from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../database/Database.ts";
import { createContext, type PitchGraphContext } from "../graphql/context.ts";
import { buildExploreAssets } from "./exploreAssets.ts";
import { graphiqlLandingPage } from "./graphiqlLandingPage.ts";

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Largest request body accepted, so one request cannot exhaust memory. */
const maxBodyBytes = 1_000_000;

export async function startServer(options: { schema: GraphQLSchema; database: Database; port: number; host: string }): Promise<RunningServer> {
  const httpServer = http.createServer();
  const apollo = new ApolloServer<PitchGraphContext>({
    schema: options.schema,
    introspection: true,
    // The process owns SIGINT/SIGTERM (src/main.ts stops the server, then the database). Apollo's
    // own handlers would stop the server first and re-raise the signal, and the app's stop()
    // would then wait on Apollo forever: `npm start` never exited on Ctrl-C or SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), graphiqlLandingPage()],
  });
  const [exploreAssets] = await Promise.all([buildExploreAssets(), apollo.start()]);

  httpServer.on("request", (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(`Internal error: ${(error as Error).message}`);
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ status: "ok" }));
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
    const body = await readBody(request);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method ?? "GET",
        headers,
        search: url.search,
        body: body.length ? parseJson(body) : undefined,
      },
      context: async () => createContext(options.database),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
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
    stop: () => apollo.stop(),
  };
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error(`request body larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Apollo reports a malformed body itself when given the raw text. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
