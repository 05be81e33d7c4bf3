/**
 * Root fields written by hand. Each works out what is asked in TypeScript, then lets the
 * library's generated query fetch the selection (see delegateToGeneratedQuery).
 */
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import { normalizeName } from "../../names/normalizeName.ts";
import { normalizeSeasonLabel } from "../../names/normalizeSeasonLabel.ts";
import { findTies } from "../../queries/findTies.ts";
import { describeGraphNode } from "../../queries/describeGraphNode.ts";
import { findConnection } from "../../queries/findConnection.ts";
import { findNeighbourhood } from "../../queries/findNeighbourhood.ts";
import type { GraphNodeRow } from "../../queries/graphNodeFields.ts";
import { toLuceneQuery } from "../../search/toLuceneQuery.ts";
import { RULE_SETS } from "../../ties/index.ts";
import type { PitchGraphContext } from "../context.ts";
import { delegateToGeneratedQuery, withArguments } from "../delegateToGeneratedQuery.ts";

interface TieArgs {
  competition: string;
  season: string;
  club: string;
  opponent: string;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

/** Longest name or id accepted as an argument: real ones are far shorter, and errors quote them. */
export const maxNameLength = 200;

function refuseLongArguments(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === "string" && value.length > maxNameLength) {
      throw badInput(`argument "${name}" must be at most ${maxNameLength} characters, got ${value.length}`);
    }
  }
}

export const tie: GraphQLFieldResolver<unknown, PitchGraphContext, TieArgs> = async (_root, args, context, info) => {
  refuseLongArguments({ ...args });
  const season = normalizeSeasonLabel(args.season);
  if (!season) throw badInput(`season "${args.season}" is not a season label like "2017-18"`);
  const keys = {
    competition: normalizeName(args.competition),
    season,
    club: normalizeName(args.club),
    opponent: normalizeName(args.opponent),
  };
  for (const field of ["competition", "club", "opponent"] as const) {
    if (!keys[field]) throw badInput(`${field} must name something, got "${args[field]}"`);
  }
  // Exact names and aliases first; only when they find nothing, names given in part ("Bayern").
  let candidates = await findTies(context.database, keys, "EXACT");
  if (candidates.length === 0) candidates = await findTies(context.database, keys, "WORDS");
  if (candidates.length === 0) return null;
  // The same tie can match with the two names either way round: count ties, not matches.
  candidates = candidates.filter((candidate, index) => candidates.findIndex((other) => other.id === candidate.id) === index);
  if (candidates.length > 1) {
    const listed = candidates.map((candidate) => `${candidate.club} v ${candidate.opponent} (${candidate.competition})`).join("; ");
    throw new GraphQLError(`The names are ambiguous: they match ${candidates.length} ties: ${listed}. Use a fuller name.`, {
      extensions: { code: "AMBIGUOUS_NAME", tieIds: candidates.map((candidate) => candidate.id) },
    });
  }
  const [found] = await delegateToGeneratedQuery("ties", { where: { id: { eq: candidates[0]!.id } }, limit: 1 }, context, info);
  return found ?? null;
};

/** Most hits one search returns, whatever `limit` asks for. */
export const maxSearchHits = 50;
/** Longest search text and word accepted: names are short, and a huge word makes Lucene's fuzzy matching refuse. */
export const maxSearchTextLength = 200;
export const maxSearchWordLength = 40;

/**
 * Wraps the generated resolver of the @cypher field `search`: the typed words become a
 * full-text query with escaped input, plus the normalised text for exact-match ranking (both
 * passed to the statement as one JSON argument), and the limit is bounded.
 */
export function searchWith(
  generated: GraphQLFieldResolver<unknown, PitchGraphContext, { text: string; limit?: number | null }>,
): GraphQLFieldResolver<unknown, PitchGraphContext, { text: string; limit?: number | null }> {
  return (root, args, context, info) => {
    if (args.text.length > maxSearchTextLength) {
      throw badInput(`search text must be at most ${maxSearchTextLength} characters, got ${args.text.length}`);
    }
    const longWord = args.text.split(/[^\p{L}\p{N}]+/u).find((word) => word.length > maxSearchWordLength);
    if (longWord) throw badInput(`search words must be at most ${maxSearchWordLength} characters, got one of ${longWord.length}`);
    const query = toLuceneQuery(args.text);
    if (query === null) throw badInput(`search text must contain letters or digits, got "${args.text}"`);
    const limit = args.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1) throw badInput(`limit must be at least 1, got ${limit}`);
    const shaped = { text: JSON.stringify({ lucene: query, key: normalizeName(args.text) }), limit: Math.min(limit, maxSearchHits) };
    return generated(root, shaped, context, withArguments(info, shaped));
  };
}

/** The catalogue's rule sets, flattened for reading. */
export const ruleSets = () =>
  RULE_SETS.map((ruleSet) => ({
    id: ruleSet.id,
    label: ruleSet.label,
    format: ruleSet.format.kind === "twoLegs" ? "TWO_LEGS" : "SINGLE_MATCH",
    awayGoals: { none: "NONE", normalTimeOnly: "NORMAL_TIME_ONLY", includingExtraTime: "INCLUDING_EXTRA_TIME" }[ruleSet.awayGoals],
    extraTime: ruleSet.extraTime.kind === "played",
    ifStillLevel: { penalties: "PENALTIES", coinToss: "COIN_TOSS", replay: "REPLAY" }[ruleSet.ifStillLevel.kind],
    sources: ruleSet.sources,
  }));

// --- Graph exploration (issue 5): neighbourhood and connection, bounded so they cannot run away.

/** Deepest neighbourhood asked for, in relationships from the entity. */
export const maxNeighbourhoodDepth = 3;
/** Most nodes one neighbourhood returns, whatever `limit` asks for. */
export const maxNeighbourhoodNodes = 200;
/** Longest connection looked for. */
export const maxConnectionHops = 8;

function notFound(message: string, ids: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "NOT_FOUND", ids } });
}

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${name} must be ${min} to ${max}, got ${value}`);
  return value;
}

/** A node as GraphNode: the row plus the words to draw (describeGraphNode). */
function graphNode(row: GraphNodeRow) {
  const sources = [...row.sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { id: row.id, kind: row.kind, degree: row.degree, sources, ...describeGraphNode(row) };
}

export const neighbourhood: GraphQLFieldResolver<unknown, PitchGraphContext, { id: string; depth?: number | null; limit?: number | null }> = async (
  _root,
  args,
  context,
) => {
  refuseLongArguments({ id: args.id });
  const depth = integerIn("depth", args.depth ?? 1, 1, maxNeighbourhoodDepth);
  const limit = args.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) throw badInput(`limit must be at least 1, got ${limit}`);
  const found = await findNeighbourhood(context.database, { id: args.id, depth, limit: Math.min(limit, maxNeighbourhoodNodes) });
  if (!found) throw notFound(`No entity has the id "${args.id}"`, [args.id]);
  const nodes = found.nodes.map(graphNode);
  return { center: nodes[0], nodes, edges: found.edges, truncated: found.truncated };
};

export const connection: GraphQLFieldResolver<unknown, PitchGraphContext, { from: string; to: string; maxHops?: number | null }> = async (
  _root,
  args,
  context,
) => {
  refuseLongArguments({ from: args.from, to: args.to });
  const maxHops = integerIn("maxHops", args.maxHops ?? 6, 1, maxConnectionHops);
  const found = await findConnection(context.database, { from: args.from, to: args.to, maxHops });
  switch (found.kind) {
    case "unknownIds":
      throw notFound(`No entity has the id ${found.ids.map((id) => `"${id}"`).join(" or ")}`, found.ids);
    case "notConnected":
      return null;
    case "connected":
      return { hops: found.edges.length, nodes: found.nodes.map(graphNode), edges: found.edges };
  }
};
