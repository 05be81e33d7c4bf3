/**
 * The typed PitchGraph client: one method per named operation of operations/*.graphql, typed by
 * the code GraphQL Code Generator writes to sdk/generated/ (`npm run sdk:generate`). It needs
 * only `fetch`, so it runs in Node 20 and in browsers (the /explore page is built on it).
 *
 *   const client = new PitchGraphClient({ endpoint: "http://localhost:4000/graphql" });
 *   const tie = await client.getTie({ competition: "Europa League", season: "2017-18", club: "BVB", opponent: "Atalanta" });
 *   console.log(tie?.outcome.explanation); // "Borussia Dortmund win 4-3 on aggregate."
 */
import {
  ConflictsDocument,
  ConnectionDocument,
  GetTieDocument,
  HeadToHeadDocument,
  NeighbourhoodDocument,
  PlayerGoalsDocument,
  SearchEntitiesDocument,
  TieByIdDocument,
  type ConflictsQuery,
  type ConflictsQueryVariables,
  type ConnectionQuery,
  type ConnectionQueryVariables,
  type GetTieQuery,
  type GetTieQueryVariables,
  type HeadToHeadQuery,
  type HeadToHeadQueryVariables,
  type NeighbourhoodQuery,
  type NeighbourhoodQueryVariables,
  type PlayerGoalsQuery,
  type PlayerGoalsQueryVariables,
  type SearchEntitiesQuery,
  type SearchEntitiesQueryVariables,
  type TieByIdQuery,
  type TieByIdQueryVariables,
  type TypedDocumentString,
} from "./generated/graphql.js";
import { guaranteedPaths } from "./generated/guaranteedPaths.js";
import { findBrokenGuarantee } from "./findBrokenGuarantee.js";
import { PitchGraphError, type PitchGraphGraphQLError } from "./PitchGraphError.js";

export interface PitchGraphClientOptions {
  /**
   * The GraphQL endpoint. Default: "/graphql" of the page's own server in a browser,
   * http://localhost:4000/graphql elsewhere.
   */
  endpoint?: string | URL;
  /** Headers sent with every request (e.g. authorization); a function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** The fetch to use; default the global one. */
  fetch?: typeof globalThis.fetch;
  /** Abandon a request after this many milliseconds (default 30 000); it then fails with status null. */
  timeoutMs?: number;
}

/** The tie view both getTie and tieById return. */
export type Tie = NonNullable<GetTieQuery["tie"]>;
export type SearchHit = SearchEntitiesQuery["search"][number];
export type PlayerWithGoals = PlayerGoalsQuery["players"][number];
export type Neighbourhood = NeighbourhoodQuery["neighbourhood"];
export type GraphNode = Neighbourhood["nodes"][number];
export type GraphEdge = Neighbourhood["edges"][number];
export type Connection = NonNullable<ConnectionQuery["connection"]>;
export type Conflict = ConflictsQuery["conflicts"][number];
export type HeadToHead = HeadToHeadQuery["headToHead"];

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: PitchGraphGraphQLError[];
}

function defaultEndpoint(): string {
  const location = (globalThis as { location?: { href: string } }).location;
  return location ? new URL("/graphql", location.href).href : "http://localhost:4000/graphql";
}

function operationNameOf(document: string): string {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1] ?? "anonymous operation";
}

export class PitchGraphClient {
  readonly endpoint: string;
  private readonly headers: PitchGraphClientOptions["headers"];
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(options: PitchGraphClientOptions = {}) {
    this.endpoint = String(options.endpoint ?? defaultEndpoint());
    this.headers = options.headers;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== "function") throw new TypeError("PitchGraphClient needs fetch (Node 20+, any browser) or options.fetch");
    // Called unbound, browsers refuse fetch ("Illegal invocation").
    this.fetchImpl = (input, init) => fetchImpl(input, init);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** A tie by competition, season and its two clubs, as people name them; null when there is none. */
  async getTie(variables: GetTieQueryVariables): Promise<GetTieQuery["tie"]> {
    return (await this.execute(GetTieDocument, variables)).tie;
  }

  /** The same tie view by the tie's id; null when there is none. */
  async tieById(variables: TieByIdQueryVariables): Promise<Tie | null> {
    return (await this.execute(TieByIdDocument, variables)).ties[0] ?? null;
  }

  /** Players, clubs, stadiums, competitions and coaches by name or alias, best first. */
  async searchEntities(variables: SearchEntitiesQueryVariables): Promise<SearchEntitiesQuery["search"]> {
    return (await this.execute(SearchEntitiesDocument, variables)).search;
  }

  /** A player with their goals, each with its match, tie and sources; null when no player has the id. */
  async playerGoals(variables: PlayerGoalsQueryVariables): Promise<PlayerWithGoals | null> {
    return (await this.execute(PlayerGoalsDocument, variables)).players[0] ?? null;
  }

  /** An entity and its neighbourhood, as nodes and edges to draw. */
  async neighbourhood(variables: NeighbourhoodQueryVariables): Promise<Neighbourhood> {
    return (await this.execute(NeighbourhoodDocument, variables)).neighbourhood;
  }

  /** A shortest connection between two entities; null when none within maxHops. */
  async connection(variables: ConnectionQueryVariables): Promise<ConnectionQuery["connection"]> {
    return (await this.execute(ConnectionDocument, variables)).connection;
  }

  /** Every match and tie between two clubs (by id), with the first club's record against the other. */
  async headToHead(variables: HeadToHeadQueryVariables): Promise<HeadToHead> {
    return (await this.execute(HeadToHeadDocument, variables)).headToHead;
  }

  /** Where the reports disagree or a claim is flagged: each source's claim, the value kept and why. */
  async conflicts(variables: ConflictsQueryVariables = {}): Promise<ConflictsQuery["conflicts"]> {
    return (await this.execute(ConflictsDocument, variables)).conflicts;
  }

  /**
   * Runs any generated document (sdk/generated/graphql.ts) and returns its whole `data`. Throws
   * a PitchGraphError when the server cannot be reached, answers with an HTTP error, or reports
   * GraphQL errors, even alongside partial data.
   */
  async execute<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const query = document.toString();
    const operationName = operationNameOf(query);
    const fail = (message: string, details: { status: number | null; errors?: PitchGraphGraphQLError[]; data?: unknown; cause?: unknown }) =>
      new PitchGraphError(`${operationName}: ${message}`, { operationName, ...details });

    const headers = typeof this.headers === "function" ? await this.headers() : (this.headers ?? {});
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json;q=0.9",
          ...headers,
        },
        body: JSON.stringify({ query, variables, operationName }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw fail(`could not reach ${this.endpoint}: ${cause instanceof Error ? cause.message : String(cause)}`, { status: null, cause });
    }

    const text = await response.text();
    let body: GraphQLResponse<TResult> | undefined;
    try {
      body = JSON.parse(text) as GraphQLResponse<TResult>;
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== "object") {
      throw fail(`HTTP ${response.status} from ${this.endpoint}, not a GraphQL response: ${text.slice(0, 200)}`, { status: response.status });
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    if (errors.length) {
      throw fail(errors.map((error) => error.message).join("; "), { status: response.status, errors, data: body.data });
    }
    if (!response.ok || body.data === undefined || body.data === null) {
      throw fail(`HTTP ${response.status} from ${this.endpoint} without data`, { status: response.status });
    }
    // The types promise these relationships (the data always has them): say so if a server breaks that.
    const broken = findBrokenGuarantee(body.data, guaranteedPaths[operationName] ?? []);
    if (broken) {
      const message = `the server answered null at ${broken}, a relationship every such node has (schema.graphql @guaranteed): the server's data is incomplete`;
      throw fail(message, { status: response.status, errors: [{ message, path: broken.split(/[.[\]]+/).filter(Boolean).map((key) => (/^\d+$/.test(key) ? Number(key) : key)), extensions: { code: "GUARANTEE_BROKEN" } }], data: body.data });
    }
    return body.data;
  }
}
