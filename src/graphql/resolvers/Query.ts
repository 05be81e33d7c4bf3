/**
 * Root fields written by hand. Each works out what is asked in TypeScript, then lets the
 * library's generated query fetch the selection (see delegateToGeneratedQuery).
 */
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import { normalizeName } from "../../names/normalizeName.ts";
import { normalizeSeasonLabel } from "../../names/normalizeSeasonLabel.ts";
import { mentionKeysOf, nameRules, type NameRule } from "../../identity/matchKeys.ts";
import { defaultClubRegister } from "../../identity/register/readClubRegister.ts";
import type { TieByNameRules, TieCandidate, UnknownClubName } from "../../queries/findTies.ts";
import { describeGraphNode } from "../../queries/describeGraphNode.ts";
import { findConnection } from "../../queries/findConnection.ts";
import { findHeadToHead } from "../../queries/findHeadToHead.ts";
import { headToHeadRecord } from "../../matches/headToHeadRecord.ts";
import { findNeighbourhood } from "../../queries/findNeighbourhood.ts";
import type { GraphNodeRow } from "../../queries/graphNodeFields.ts";
import { toLuceneQuery } from "../../search/toLuceneQuery.ts";
import { RULE_SETS, RuleSetError, seasonLabelFor } from "../../ties/index.ts";
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

/**
 * The season as the competition labels it. Every tie belongs to a competition the tie-rule catalogue
 * knows, so an unknown competition, or a season in the other style ("2018" for a split-year
 * competition), is an error naming the candidates rather than a silent null.
 */
function tieSeason(competition: string, season: string): string {
  try {
    return seasonLabelFor(competition, season);
  } catch (error) {
    if (error instanceof RuleSetError) throw badInput(error.message);
    throw error;
  }
}

export const tie: GraphQLFieldResolver<unknown, PitchGraphContext, TieArgs> = async (_root, args, context, info) => {
  refuseLongArguments({ ...args });
  const names = { competition: normalizeName(args.competition), club: normalizeName(args.club), opponent: normalizeName(args.opponent) };
  // Empty names before the season check, so that an empty competition reads like an empty club.
  for (const field of ["competition", "club", "opponent"] as const) {
    if (!names[field]) throw badInput(`${field} must name something, got ${JSON.stringify(args[field])}`);
  }
  const keys = { ...names, season: tieSeason(args.competition, args.season) };
  // The club resolver's name rules first (aliases, spellings, exonyms, club forms: "Dynamo Kyiv",
  // "Moenchengladbach"); only when they find nothing, names given in part ("Bayern"). Every
  // tie(...) of the request is looked up in one statement (the request's DataLoader).
  const found = await context.loaders.tieLookups.load({
    ...keys,
    clubKeys: taggedKeysOf(args.club),
    opponentKeys: taggedKeysOf(args.opponent),
    typedClub: args.club,
    typedOpponent: args.opponent,
  });
  let candidates = found.byRules.length ? strictestMatches(found.byRules) : found.exact.length ? found.exact : found.words;
  if (candidates.length === 0) {
    // No tie: null, unless a name answers to no club at all (a typo), which is said with the closest.
    if (found.unknownNames.length) throw badInput(found.unknownNames.map(describeUnknownClub).join("; "));
    if (found.sameClub !== null) {
      throw badInput(`club ${JSON.stringify(args.club)} and opponent ${JSON.stringify(args.opponent)} both name ${JSON.stringify(found.sameClub)}; a tie is between two clubs`);
    }
    return null;
  }
  // The same tie can match with the two names either way round: count ties, not matches.
  candidates = candidates.filter((candidate, index) => candidates.findIndex((other) => other.id === candidate.id) === index);
  if (candidates.length > 1) {
    const listed = candidates.map((candidate) => `${candidate.club} v ${candidate.opponent} (${candidate.competition})`).join("; ");
    throw new GraphQLError(`The names are ambiguous: they match ${candidates.length} ties: ${listed}. Use a fuller name.`, {
      extensions: { code: "AMBIGUOUS_NAME", tieIds: candidates.map((candidate) => candidate.id) },
    });
  }
  // The tie with the client's selection, through the generated query: one statement for every tie of the request asked with this selection.
  return context.loaders.generated.load("ties", candidates[0]!.id, info);
};

/** `unknown club "Dortmnud"; the closest known are "Borussia Dortmund" and ...`, like an unknown competition. */
function describeUnknownClub({ typed, closest }: UnknownClubName): string {
  const named = closest.map((name) => JSON.stringify(name));
  if (named.length === 0) return `unknown club ${JSON.stringify(typed)}; no club name comes close`;
  const listed = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
  return `unknown club ${JSON.stringify(typed)}; the closest known ${named.length === 1 ? "is" : "are"} ${listed}`;
}

/** The club resolver's keys of a typed name under every name rule, tagged: "EXONYM:dynamo kiev". */
function taggedKeysOf(name: string): string[] {
  const keys = mentionKeysOf(name, defaultClubRegister().exonyms, "typed");
  return nameRules.filter((rule) => keys[rule]).map((rule) => `${rule}:${keys[rule]}`);
}

/** Index into nameRules of the strictest rule among tagged keys. */
function strictestRule(hits: readonly string[]): number {
  return Math.min(...hits.map((hit) => nameRules.indexOf(hit.slice(0, hit.indexOf(":")) as NameRule)));
}

/**
 * Of the ties whose clubs answer to the typed names by the club resolver's name rules, those whose
 * clubs answer by the strictest rules: "Bayern Munich" v "Bordeaux" is the tie whose clubs match
 * exactly, not one whose clubs only match by a looser rule. A name several clubs answer to
 * ("Sporting") is narrowed by the tie, as a person would.
 */
function strictestMatches(found: readonly TieByNameRules[]): TieCandidate[] {
  const scored = found.map((tie) => {
    const ranks = [strictestRule(tie.clubHits), strictestRule(tie.opponentHits)];
    return { tie, score: Math.max(...ranks) * 100 + ranks[0]! + ranks[1]! };
  });
  const best = Math.min(...scored.map((entry) => entry.score));
  return scored.filter((entry) => entry.score === best).map(({ tie }) => ({ id: tie.id, competition: tie.competition, club: tie.club, opponent: tie.opponent }));
}

/** Most hits one search returns, whatever `limit` asks for. */
export const maxSearchHits = 50;
/** Longest search text and word accepted: names are short, and a huge word makes Lucene's fuzzy matching refuse. */
export const maxSearchTextLength = 200;
export const maxSearchWordLength = 40;

/**
 * Wraps the generated resolver of the @cypher field `search`: the typed words become a
 * full-text query with escaped input, plus the normalised text for exact-match ranking and the
 * club resolver's keys of the text under every name rule (so "Dynamo Kyiv", "Moenchengladbach",
 * "PSG" find their club as `tie` does), all passed to the statement as one JSON argument; the
 * limit is bounded.
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
    const shaped = { text: JSON.stringify({ lucene: query, key: normalizeName(args.text), keys: taggedKeysOf(args.text) }), limit: Math.min(limit, maxSearchHits) };
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

interface NeighbourhoodArgs {
  id: string;
  depth?: number | null;
  limit?: number | null;
  offset?: number | null;
  kinds?: string[] | null;
  season?: string | null;
  competition?: string | null;
}

export const neighbourhood: GraphQLFieldResolver<unknown, PitchGraphContext, NeighbourhoodArgs> = async (_root, args, context) => {
  refuseLongArguments({ id: args.id, season: args.season, competition: args.competition });
  const depth = integerIn("depth", args.depth ?? 1, 1, maxNeighbourhoodDepth);
  const limit = args.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) throw badInput(`limit must be at least 1, got ${limit}`);
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw badInput(`offset must be 0 or more, got ${offset}`);
  let season: string | null = null;
  if (args.season != null) {
    season = normalizeSeasonLabel(args.season);
    if (!season) throw badInput(`season "${args.season}" is not a season label like "2017-18"`);
  }
  const filter = { kinds: args.kinds ?? null, season, competition: args.competition?.trim() || null };
  // `limit` caps the nodes returned, the entity included (as before paging existed): a page holds limit - 1 neighbours.
  const pageSize = Math.min(limit, maxNeighbourhoodNodes) - 1;
  const found = await findNeighbourhood(context.database, { id: args.id, depth, limit: pageSize, offset, filter });
  if (!found) throw notFound(`No entity has the id "${args.id}"`, [args.id]);
  const nodes = found.nodes.map(graphNode);
  return {
    center: nodes[0],
    nodes,
    edges: found.edges,
    truncated: found.nextOffset !== null || (pageSize === 0 && found.total > 0),
    total: found.total,
    nextOffset: found.nextOffset,
    seasons: found.seasons,
    competitions: found.competitions.map((competition) => competition.name),
  };
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

// --- Head to head: the matches and ties between two clubs, and the record (a pure module).

interface HeadToHeadSource {
  clubId: string;
  opponentId: string;
  matchIds: string[];
  tieIds: string[];
  record: ReturnType<typeof headToHeadRecord>;
}

export const headToHead: GraphQLFieldResolver<unknown, PitchGraphContext, { club: string; opponent: string }> = async (_root, args, context) => {
  if (args.club === args.opponent) throw badInput(`club and opponent must be two clubs, got "${args.club}" twice`);
  const found = await findHeadToHead(context.database, args);
  if (found.kind === "unknownClubs") throw notFound(`No club has the id ${found.ids.map((id) => `"${id}"`).join(" or ")}`, found.ids);
  const source: HeadToHeadSource = {
    clubId: args.club,
    opponentId: args.opponent,
    matchIds: found.matches.map((match) => match.id),
    tieIds: found.tieIds,
    record: headToHeadRecord(args.club, found.matches),
  };
  return source;
};

/** HeadToHead's node fields: the library's generated queries fetch whatever the client selects. */
export const headToHeadResolvers: Record<string, GraphQLFieldResolver<HeadToHeadSource, PitchGraphContext>> = {
  // Club and opponent (with the same selection) in one statement, through the request's loader.
  club: (source, _args, context, info) => context.loaders.generated.load("clubs", source.clubId, info),
  opponent: (source, _args, context, info) => context.loaders.generated.load("clubs", source.opponentId, info),
  matches: (source, _args, context, info) =>
    delegateToGeneratedQuery("matches", { where: { id: { in: source.matchIds } }, sort: [{ date: "ASC" }, { legNumber: "ASC" }], limit: 100 }, context, info),
  ties: (source, _args, context, info) =>
    delegateToGeneratedQuery("ties", { where: { id: { in: source.tieIds } }, sort: [{ season: "ASC" }, { id: "ASC" }], limit: 100 }, context, info),
};
