/**
 * Unknown dates sort last, in both directions.
 *
 * Neo4j orders null as the largest value, so the generated `matches(sort: [{ date: DESC }])` would
 * put the matches whose date nobody recorded first, and @neo4j/graphql has no "nulls last" option.
 * `Match.dateKnown` (a sortable @cypher field) fixes the order when it comes first; this wrapper of
 * the generated root resolver puts `{ dateKnown: DESC }` ahead of every `date` sort, so clients
 * need not know. Nested lists sorted by date can ask for the same order with
 * `sort: [{ dateKnown: DESC }, { date: ... }]`. See docs/decisions/008-unknown-dates-last.md.
 */
import type { GraphQLFieldResolver } from "graphql";
import type { PitchGraphContext } from "./context.ts";
import { withArguments } from "./delegateToGeneratedQuery.ts";

type SortArgs = { sort?: Record<string, unknown>[] | null } & Record<string, unknown>;

export function unknownDatesLast(
  generated: GraphQLFieldResolver<unknown, PitchGraphContext, SortArgs>,
): GraphQLFieldResolver<unknown, PitchGraphContext, SortArgs> {
  return (root, args, context, info) => {
    const sort = args.sort ?? [];
    const byDate = sort.findIndex((entry) => "date" in entry);
    const alreadyAsked = sort.slice(0, Math.max(byDate, 0)).some((entry) => "dateKnown" in entry);
    if (byDate < 0 || alreadyAsked) return generated(root, args, context, info);
    const shaped = { ...args, sort: [...sort.slice(0, byDate), { dateKnown: "DESC" }, ...sort.slice(byDate)] };
    return generated(root, shaped, context, withArguments(info, shaped));
  };
}
