import type { Database } from "../database/Database.ts";
import { matchEntityById } from "./entityById.ts";
import { edgeId, graphNodeFields, hiddenLabelFilter, type GraphEdgeRow, type GraphNodeRow } from "./graphNodeFields.ts";

export type ConnectionRows =
  | { kind: "unknownIds"; ids: string[] }
  | { kind: "notConnected" }
  | { kind: "connected"; nodes: GraphNodeRow[]; edges: GraphEdgeRow[] };

/**
 * A shortest chain of relationships from one entity to another, at most `maxHops` long, not
 * passing through sources (every node shares them, so they would connect anything in two hops).
 *
 * APOC's breadth-first expansion with global node uniqueness visits each node at most once and
 * stops at the first path reaching the target: that path is a shortest one, and the walk is
 * bounded by `maxHops` (callers bound it). Relationship directions are ignored for the walk and
 * kept in the edges.
 */
export async function findConnection(
  database: Database,
  args: { from: string; to: string; maxHops: number },
): Promise<ConnectionRows> {
  return database.readTransaction(async (tx) => {
    const found = await tx.run<{ id: string }>(
      `UNWIND $ids AS id
       ${matchEntityById("n", "id", ["id"])}
       RETURN DISTINCT n.id AS id`,
      { ids: [args.from, args.to] },
    );
    const known = new Set(found.records.map((record) => record.get("id")));
    const unknown = [...new Set([args.from, args.to])].filter((id) => !known.has(id));
    if (unknown.length) return { kind: "unknownIds", ids: unknown };

    if (args.from === args.to) {
      const itself = await tx.run<{ nodes: GraphNodeRow[] }>(
        `${matchEntityById("n", "$id")}
         RETURN [${graphNodeFields}] AS nodes LIMIT 1`,
        { id: args.from },
      );
      return { kind: "connected", nodes: itself.records[0]?.get("nodes") ?? [], edges: [] };
    }

    const result = await tx.run<{ nodes: GraphNodeRow[]; edges: Omit<GraphEdgeRow, "id">[] }>(
      `${matchEntityById("a", "$from")}
       ${matchEntityById("b", "$to")}
       WITH a, b LIMIT 1
       CALL apoc.path.expandConfig(a, {
         terminatorNodes: [b], maxLevel: $maxHops, labelFilter: $labelFilter,
         bfs: true, uniqueness: "NODE_GLOBAL", limit: 1
       }) YIELD path
       RETURN [n IN nodes(path) | ${graphNodeFields}] AS nodes,
              [r IN relationships(path) | {source: startNode(r).id, type: type(r), target: endNode(r).id}] AS edges
       LIMIT 1`,
      { from: args.from, to: args.to, maxHops: args.maxHops, labelFilter: hiddenLabelFilter },
    );
    const row = result.records[0]?.toObject();
    if (!row) return { kind: "notConnected" };
    return {
      kind: "connected",
      nodes: row.nodes,
      edges: row.edges.map((edge) => ({ ...edge, id: edgeId(edge.source, edge.type, edge.target) })),
    };
  });
}
