/**
 * Finding a drawn node by its id with an index, whatever its kind. Ids are unique across the
 * graph but indexed per label (Neo4j has no index over all labels), so the lookup is a union of
 * one index seek per node type: a `MATCH (n {id: ...})` without a label would scan every node.
 */

/**
 * The labels of the node types a graph explorer draws: every `@node` type of schema.graphql but
 * Source (each node lists its own sources). Each has an index or uniqueness constraint on `id`
 * (src/database/constraints.cypher); entityById.test.ts checks both lists against the files.
 */
export const entityLabels = [
  "Competition", "Season", "Stage", "Tie", "Match", "Goal", "Club", "Player", "Stadium", "Coach",
  "Card", "Substitution", "DisallowedGoal", "PenaltyAward", "VarReview", "Incident", "MatchStatistics",
  "Standing", "Conflict", "Claim", "NameMatch",
] as const;

/**
 * A Cypher subquery binding `variable` to the drawn node whose id is the expression `id` (a
 * parameter or an imported variable), if any: `CALL (id) { ... }` with one index seek per label (UNION: a node is found once).
 * `imports` lists the variables the subquery needs from outside (e.g. "id" after UNWIND).
 */
export function matchEntityById(variable: string, id: string, imports: readonly string[] = []): string {
  const scope = `(${imports.join(", ")})`;
  const seeks = entityLabels.map((label) => `MATCH (${variable}:${label} {id: ${id}}) RETURN ${variable}`).join("\n  UNION\n  ");
  return `CALL ${scope} {\n  ${seeks}\n}`;
}
