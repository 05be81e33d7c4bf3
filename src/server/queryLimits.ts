/**
 * Limits every GraphQL operation must stay within, checked before any Cypher runs:
 *
 * - depth, aliases and directives: graphql-armor's validation rules;
 * - tokens: graphql-js's own `maxTokens` parse option (the parser stops at the limit);
 * - cost: graphql-query-complexity with `estimateListCost`, which multiplies nested list sizes
 *   (`limit` arguments, else the @limit default of the type, else the LIMIT of a @cypher list).
 *   Why not graphql-armor's cost-limit: docs/decisions/009-query-limits-and-request-bounds.md.
 *
 * Every refusal has the code QUERY_TOO_COMPLEX and names the limit and the value found, e.g.
 * "Query cost limit of 50000 exceeded, found 1010100 (maxCost)".
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLField,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { maxNeighbourhoodNodes, maxSearchHits } from "../graphql/resolvers/Query.ts";

export const queryLimits = {
  /** Nested selection sets (fields inside fields). The tie view needs 5. */
  maxDepth: 8,
  /**
   * Aliased fields in one operation: 100 aliased `tie(...)` lookups cost two statements (the
   * request's DataLoaders); aliases of expensive fields are bounded by cost (graphWalkCost).
   */
  maxAliases: 100,
  /** Lexical tokens of the query text (names, punctuation, values): 100 aliased tie(...) lookups take about 3,000. */
  maxTokens: 6_000,
  /** Directives (@include, @skip, ...) in one operation. */
  maxDirectives: 20,
  /** Estimated cost: about one unit per object or value returned; see estimateListCost. */
  maxCost: 200_000,
} as const;

export type QueryLimitName = keyof typeof queryLimits;

/** Size assumed for a list nothing bounds explicitly (computed lists: timeline, aggregate, ...). */
export const assumedListSize = 10;
/**
 * Related nodes a relationship filter (`some`, `all`, `none`, `single`) is assumed to read for
 * each node it tests: the @limit default of our node types. Filters nested inside each other
 * multiply, like nested lists (the four-level filter ran for 232 s).
 */
export const assumedFilterFanOut = 25;

/**
 * What a graph walk costs before what it returns: about the nodes it reads. A neighbourhood reads
 * up to 1,000 direct neighbours and 600 more per further level (src/queries/findNeighbourhood.ts),
 * a connection's breadth-first walk grows with its hops. 5,000 per level or 2,500 per hop: a
 * request holds at most 13 depth-3 neighbourhoods or 13 eight-hop connections (maxCost), however
 * many aliases it may have.
 */
export const graphWalkCost = { perNeighbourhoodLevel: 5_000, perConnectionHop: 2_500 } as const;

function walkCost(field: string, args: Record<string, unknown>): number {
  if (field === "Query.neighbourhood") return graphWalkCost.perNeighbourhoodLevel * Math.max(numberArgument(args, "depth") ?? 1, 1);
  if (field === "Query.connection") return graphWalkCost.perConnectionHop * Math.max(numberArgument(args, "maxHops") ?? 6, 1);
  return 0;
}

const relationshipQuantifiers = new Set(["some", "all", "none", "single"]);

/** How many related nodes a `where` argument makes the database read per node filtered. */
export function filterFanOut(where: unknown): number {
  if (Array.isArray(where)) return Math.max(1, ...where.map(filterFanOut));
  if (where === null || typeof where !== "object") return 1;
  let fanOut = 1;
  for (const [key, value] of Object.entries(where)) {
    const inner = filterFanOut(value);
    fanOut = Math.max(fanOut, relationshipQuantifiers.has(key) ? assumedFilterFanOut * inner : inner);
  }
  return fanOut;
}

export function queryTooComplex(message: string, limit: QueryLimitName, found?: number): GraphQLError {
  return new GraphQLError(`${message} (${limit})`, {
    extensions: { code: "QUERY_TOO_COMPLEX", limit, max: queryLimits[limit], found, http: { status: 400 } },
  });
}

/** graphql-armor reports "Syntax Error: <message>"; we report the message, the limit's name and our code. */
function armorRejection(limit: QueryLimitName) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      const message = error.message.replace(/^Syntax Error: /, "");
      const found = Number(/found (\d+)/.exec(message)?.[1]);
      context?.reportError(queryTooComplex(message, limit, Number.isFinite(found) ? found : undefined));
    },
  ];
}

/** The validation rules for depth, aliases and directives (graphql-armor). */
export function queryLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: queryLimits.maxDepth, propagateOnRejection: false, onReject: armorRejection("maxDepth") }),
    maxAliasesRule({ n: queryLimits.maxAliases, propagateOnRejection: false, onReject: armorRejection("maxAliases") }),
    maxDirectivesRule({ n: queryLimits.maxDirectives, propagateOnRejection: false, onReject: armorRejection("maxDirectives") }),
  ] as ValidationRule[];
}

/** How many items each list of the schema can hold, read from schema.graphql's directives. */
export interface ListBounds {
  /** @limit(default, max) by node type. */
  typeLimits: Map<string, { default?: number; max?: number }>;
  /** The LIMIT of a @cypher list field, by "Type.field". */
  cypherLimits: Map<string, number>;
}

export function readListBounds(typeDefs: string): ListBounds {
  const typeLimits = new Map<string, { default?: number; max?: number }>();
  const cypherLimits = new Map<string, number>();
  for (const definition of parse(typeDefs).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const limit = definition.directives?.find((directive) => directive.name.value === "limit");
    if (limit) {
      const value = (name: string) => {
        const argument = limit.arguments?.find((arg) => arg.name.value === name)?.value;
        return argument?.kind === Kind.INT ? Number(argument.value) : undefined;
      };
      typeLimits.set(definition.name.value, { default: value("default"), max: value("max") });
    }
    for (const field of definition.fields ?? []) {
      const statement = field.directives
        ?.find((directive) => directive.name.value === "cypher")
        ?.arguments?.find((arg) => arg.name.value === "statement")?.value;
      const cypherLimit = statement?.kind === Kind.STRING ? /\bLIMIT\s+(\d+)\s*$/i.exec(statement.value.trim())?.[1] : undefined;
      if (cypherLimit) cypherLimits.set(`${definition.name.value}.${field.name.value}`, Number(cypherLimit));
    }
  }
  return { typeLimits, cypherLimits };
}

/** Hand-written fields whose resolvers cap `limit` themselves (more is not an error there). */
const resolverCaps = new Map([
  ["Query.neighbourhood", maxNeighbourhoodNodes],
  ["Query.search", maxSearchHits],
]);

function numberArgument(args: Record<string, unknown>, name: string): number | undefined {
  const value = args[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Cost of one field: 1 for itself, plus its children's cost times the number of items it can
 * return. A list's size is its `limit` (or `first`) argument, capped by the type's @limit max;
 * without one, the type's @limit default (what @neo4j/graphql applies), the LIMIT of a @cypher
 * statement, or `assumedListSize`. A single result taking `limit` (e.g. `neighbourhood`) holds
 * lists of up to `limit` items, so its children's cost scales by limit / assumedListSize.
 * A `where` with relationship filters multiplies it all by `filterFanOut`. A graph walk
 * (neighbourhood, connection) adds what it reads (graphWalkCost).
 */
export function estimateListCost(bounds: ListBounds) {
  return (args: ComplexityEstimatorArgs): number =>
    walkCost(`${args.type.name}.${args.field.name}`, args.args) + filterFanOut(args.args.where) * costOfItems(args);

  function costOfItems({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
    const isList = isListType(getNullableType(field.type));
    const itemType = getNamedType(field.type).name;
    const typeLimit = bounds.typeLimits.get(itemType);
    const requested = numberArgument(args, "limit") ?? numberArgument(args, "first");
    const cap = resolverCaps.get(`${type.name}.${field.name}`);
    const asked = requested !== undefined && cap !== undefined ? Math.min(requested, cap) : requested;
    if (!isList) {
      return asked !== undefined && hasArgument(field, "limit") ? 1 + (childComplexity * Math.max(asked, 0)) / assumedListSize : 1 + childComplexity;
    }
    if (childComplexity === 0) return 1; // a list of scalars or enums: one value
    let size = asked ?? typeLimit?.default ?? bounds.cypherLimits.get(`${type.name}.${field.name}`) ?? assumedListSize;
    if (typeLimit?.max !== undefined) size = Math.min(size, typeLimit.max);
    return 1 + Math.max(size, 0) * childComplexity;
  }
}

function hasArgument(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return field.args.some((arg) => arg.name === name);
}

/** Pagination arguments that must not be negative (Neo4j would refuse them in its own words). */
const countArguments = ["limit", "first", "offset"];

/**
 * Refuses a negative `limit`/`first`/`offset` on any field, naming the field and the argument,
 * as BAD_USER_INPUT: the estimator sees every field's arguments with variables applied.
 */
function refuseNegativeCounts(args: ComplexityEstimatorArgs): void {
  for (const name of countArguments) {
    const value = numberArgument(args.args, name);
    if (value !== undefined && value < 0) {
      throw new GraphQLError(`${args.type.name}.${args.field.name}: argument "${name}" must be 0 or more, got ${value}`, {
        extensions: { code: "BAD_USER_INPUT", argument: name, http: { status: 400 } },
      });
    }
  }
}

/** Fields that walk the graph in hand-written Cypher (APOC, shortest paths): heavy whatever they return. */
const graphWalks = new Set(["Query.neighbourhood", "Query.connection"]);
/** Estimated cost from which a request is heavy even without walks or filters. */
export const heavyCost = 100_000;

/**
 * The estimated cost of an operation (see estimateListCost); throws BAD_USER_INPUT for negative
 * counts. `onHeavy` is called when it walks the graph, filters on relationships, or costs at
 * least `heavyCost`: the work that takes Neo4j's CPU (RequestScope.markHeavy).
 */
export function costOf(options: {
  schema: Parameters<typeof getComplexity>[0]["schema"];
  document: DocumentNode;
  bounds: ListBounds;
  variables?: Record<string, unknown>;
  operationName?: string | null;
  onHeavy?: () => void;
}): number {
  const estimate = estimateListCost(options.bounds);
  let heavy = false;
  const cost = getComplexity({
    schema: options.schema,
    query: options.document,
    variables: options.variables ?? {},
    operationName: options.operationName ?? undefined,
    estimators: [
      (args) => {
        refuseNegativeCounts(args);
        if (graphWalks.has(`${args.type.name}.${args.field.name}`) || filterFanOut(args.args.where) > 1) heavy = true;
        return estimate(args);
      },
    ],
  });
  if (heavy || cost >= heavyCost) options.onHeavy?.();
  return cost;
}

/**
 * Apollo plugin: once the operation and its variables are known (didResolveOperation), refuses
 * it when its cost is over `queryLimits.maxCost`, before any resolver runs; a heavy one then
 * waits for a slot of the server's heavy lane and holds it until it is answered (RequestScope).
 */
export function queryCostPlugin(typeDefs: string): ApolloServerPlugin<{ requestScope?: { markHeavy(): void; holdHeavyLane(): Promise<void> } }> {
  const bounds = readListBounds(typeDefs);
  const estimates = new WeakMap<DocumentNode, Map<string, { cost: number; heavy: boolean }>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          // Apollo hands the same parsed document to every request with the same text (its
          // document store): the estimate is kept per document, operation and variables.
          const key = `${operationName ?? ""}\n${JSON.stringify(request.variables ?? {})}`;
          let estimated = estimates.get(document)?.get(key);
          if (!estimated) {
            let heavy = false;
            try {
              estimated = { cost: costOf({ schema, document, bounds, variables: request.variables, operationName, onHeavy: () => (heavy = true) }), heavy };
            } catch (error) {
              if (error instanceof GraphQLError && error.extensions.code) throw error;
              // Variables that do not fit their types: graphql-js reports those itself, in its words.
              return;
            }
            const perDocument = estimates.get(document) ?? new Map<string, { cost: number; heavy: boolean }>();
            if (perDocument.size < maxEstimatesPerDocument) perDocument.set(key, estimated);
            estimates.set(document, perDocument);
          }
          const { cost, heavy } = estimated;
          if (heavy) contextValue.requestScope?.markHeavy();
          if (cost > queryLimits.maxCost) {
            throw queryTooComplex(
              `Query cost limit of ${queryLimits.maxCost} exceeded, found ${cost}. Ask for fewer or smaller lists (lower \`limit\`s, less nesting)`,
              "maxCost",
              cost,
            );
          }
          // A heavy request waits here, before any resolver runs, for its slot of the heavy lane.
          await contextValue.requestScope?.holdHeavyLane();
        },
      };
    },
  };
}

/** Variable sets whose estimate is kept per document: the rest are estimated at every request. */
const maxEstimatesPerDocument = 100;

/** Graphql-js's parse error at the token limit, reworded with our code. */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more than?t? \d+ tokens/.test(message);
}

/** The limits as a sentence for people: the README and the GraphiQL page say the same. */
export function describeQueryLimits(): string {
  return (
    `Query limits: depth ${queryLimits.maxDepth}, aliases ${queryLimits.maxAliases}, tokens ${queryLimits.maxTokens}, ` +
    `directives ${queryLimits.maxDirectives}, cost ${queryLimits.maxCost} (each list's size, from its \`limit\` or the ` +
    `type's default of 25, multiplies the cost of what is inside it). Over a limit: error QUERY_TOO_COMPLEX.`
  );
}
