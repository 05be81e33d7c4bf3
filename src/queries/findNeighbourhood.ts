import type { Database } from "../database/Database.ts";
import { edgeId, graphNodeFields, hiddenLabelFilter, type GraphEdgeRow, type GraphNodeRow } from "./graphNodeFields.ts";

export interface NeighbourhoodRows {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}

/**
 * An entity and the nodes within `depth` relationships of it, nearest first, at most `limit`
 * of them, with every relationship among them. Null when no entity has the id.
 *
 * APOC's breadth-first walk visits each node once and stops after `limit` nodes, so a hub (a
 * club with thousands of matches) costs no more than `limit` nodes. Sources are not walked
 * through: every node of the graph shares a handful of them. Callers bound depth and limit.
 */
export async function findNeighbourhood(
  database: Database,
  args: { id: string; depth: number; limit: number },
): Promise<NeighbourhoodRows | null> {
  const [row] = await database.read<{ nodes: GraphNodeRow[]; edges: Omit<GraphEdgeRow, "id">[]; truncated: boolean }>(
    `MATCH (center {id: $id}) WHERE NOT center:Source AND NOT center:PitchGraphMeta
     WITH center LIMIT 1
     CALL apoc.path.subgraphNodes(center, {maxLevel: $depth, labelFilter: $labelFilter, limit: $limit + 1, bfs: true})
       YIELD node
     WITH center, collect(node) AS found
     WITH center, [center] + [node IN found WHERE node <> center][0..$limit - 1] AS nodes, size(found) > $limit AS truncated
     CALL {
       WITH nodes
       UNWIND nodes AS a
       MATCH (a)-[r]->(b) WHERE b IN nodes
       RETURN collect(DISTINCT {source: a.id, type: type(r), target: b.id}) AS edges
     }
     RETURN [n IN nodes | ${graphNodeFields}] AS nodes, edges, truncated`,
    { id: args.id, depth: args.depth, limit: args.limit, labelFilter: hiddenLabelFilter },
  );
  if (!row) return null;
  return {
    nodes: row.nodes,
    edges: row.edges
      .map((edge) => ({ ...edge, id: edgeId(edge.source, edge.type, edge.target) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    truncated: row.truncated,
  };
}
