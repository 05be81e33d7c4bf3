/**
 * The abusive query shapes of issue 9, shared by the abuse and fuzz tests, the query-limit unit
 * test and scripts/benchAbuse.ts.
 */

/** `clubs(limit) { homeMatches(limit) { awayClub { ... id } } }`: `levels` lists, each of `limit`. */
export function nestedMatches(levels: number, limit: number): string {
  let selection = "id";
  for (let level = 1; level < levels; level += 1) selection = `homeMatches(limit: ${limit}) { awayClub { ${selection} } }`;
  return `clubs(limit: ${limit}) { ${selection} }`;
}

/** `clubs(where: { homeMatches: { some: { awayClub: ... } } })`, `levels` relationship filters deep. */
export function nestedFilter(levels: number): string {
  let where = `{ id: { eq: "club:nowhere" } }`;
  for (let level = 0; level < levels; level += 1) where = `{ homeMatches: { some: { awayClub: ${where} } } }`;
  return `{ clubs(where: ${where}) { id } }`;
}

/** `count` aliases of the neighbourhood of a hub, `selection` inside each. */
export function aliasesOfNeighbourhood(count: number, options: { id?: string; depth?: number; limit?: number; selection?: string } = {}): string {
  const { id = "club:borussia-dortmund", depth = 3, limit = 200, selection = "truncated" } = options;
  return `{ ${Array.from({ length: count }, (_, index) => `n${index}: neighbourhood(id: "${id}", depth: ${depth}, limit: ${limit}) { ${selection} }`).join(" ")} }`;
}
