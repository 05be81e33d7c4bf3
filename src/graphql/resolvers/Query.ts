/**
 * Root fields written by hand. Each works out what is asked in TypeScript, then lets the
 * library's generated query fetch the selection (see delegateToGeneratedQuery).
 */
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import { normalizeName } from "../../names/normalizeName.ts";
import { normalizeSeasonLabel } from "../../names/normalizeSeasonLabel.ts";
import { findTies } from "../../queries/findTies.ts";
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

export const tie: GraphQLFieldResolver<unknown, PitchGraphContext, TieArgs> = async (_root, args, context, info) => {
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
  const candidates = await findTies(context.database, keys);
  if (candidates.length === 0) return null;
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

/**
 * Wraps the generated resolver of the @cypher field `search`: the typed words become a
 * full-text query with escaped input, plus the normalised text for exact-match ranking (both
 * passed to the statement as one JSON argument), and the limit is bounded.
 */
export function searchWith(
  generated: GraphQLFieldResolver<unknown, PitchGraphContext, { text: string; limit?: number | null }>,
): GraphQLFieldResolver<unknown, PitchGraphContext, { text: string; limit?: number | null }> {
  return (root, args, context, info) => {
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
