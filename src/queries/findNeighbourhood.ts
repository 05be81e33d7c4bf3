import { int, type ManagedTransaction } from "neo4j-driver";
import type { Database } from "../database/Database.ts";
import { matchEntityById } from "./entityById.ts";
import { edgeId, graphNodeFields, type GraphEdgeRow, type GraphNodeRow } from "./graphNodeFields.ts";
import { rankNeighbourhood, type NeighbourCandidate, type NeighbourhoodFilter } from "./rankNeighbourhood.ts";

export interface NeighbourhoodRows {
  /** The centre first, then the page of its neighbourhood, most relevant first. */
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  /** Candidates passing the filter, over every page. */
  total: number;
  nextOffset: number | null;
  seasons: string[];
  competitions: { id: string; name: string }[];
}

/** Most direct neighbours looked at (a club with thousands of matches is cut here). */
const maxDirectNeighbours = 1000;
/** Beyond the first level: how many nodes of a level are walked on from, and how many neighbours each. */
const maxFrontier = 60;
const maxNeighboursPerNode = 10;

/**
 * What a fact belongs to, walked up from the fact: a goal, card or statistics to its match, a
 * match to its tie. Drawn with the fact, on the same level (see rankNeighbourhood).
 */
const containerRelationships = "HAS_GOAL|HAS_EVENT|HAS_STATISTICS|HAS_LEG";

async function rows<T>(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Promise<T[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => record.toObject() as T);
}

/**
 * An entity and the nodes within `depth` relationships of it, ranked by relevance to it
 * (rankNeighbourhood), filtered, and cut to one page of `limit` from `offset`; with every
 * relationship among the centre and the page. Null when no entity has the id. Sources are not
 * walked through: every node of the graph shares a handful of them.
 *
 * Bounded for hubs: at most 1,000 direct neighbours, and beyond them 10 neighbours each of 60
 * nodes per level; the matches and ties that facts belong to are added on the facts' level.
 */
export async function findNeighbourhood(
  database: Database,
  args: { id: string; depth: number; limit: number; offset: number; filter: NeighbourhoodFilter },
): Promise<NeighbourhoodRows | null> {
  return database.readTransaction(async (tx) => {
    const [center] = await rows<{ eid: string }>(
      tx,
      `${matchEntityById("center", "$id")} RETURN elementId(center) AS eid LIMIT 1`,
      { id: args.id },
    );
    if (!center) return null;

    const found = new Map<string, { level: number; container: boolean }>([[center.eid, { level: 0, container: false }]]);
    let frontier = [center.eid];
    for (let level = 1; level <= args.depth && frontier.length; level++) {
      const reached = await rows<{ eid: string }>(
        tx,
        `UNWIND $frontier AS fromId
         MATCH (a) WHERE elementId(a) = fromId
         CALL {
           WITH a
           MATCH (a)--(b) WHERE NOT b:Source AND NOT b:PitchGraphMeta AND NOT elementId(b) IN $seen
           RETURN DISTINCT b LIMIT $perNode
         }
         RETURN DISTINCT elementId(b) AS eid`,
        { frontier, seen: [...found.keys()], perNode: int(level === 1 ? maxDirectNeighbours : maxNeighboursPerNode) },
      );
      for (const { eid } of reached) found.set(eid, { level, container: false });
      // The matches and ties these facts belong to: a goal's match, then that match's tie.
      let facts = reached.map(({ eid }) => eid);
      while (facts.length) {
        const containers = await rows<{ eid: string }>(
          tx,
          `UNWIND $facts AS factId
           MATCH (container)-[:${containerRelationships}]->(fact) WHERE elementId(fact) = factId AND NOT elementId(container) IN $seen
           RETURN DISTINCT elementId(container) AS eid`,
          { facts, seen: [...found.keys()] },
        );
        for (const { eid } of containers) found.set(eid, { level, container: true });
        facts = containers.map(({ eid }) => eid);
      }
      frontier = [...found].filter(([, place]) => place.level === level).map(([eid]) => eid).slice(0, maxFrontier);
    }

    const described = await rows<Omit<NeighbourCandidate, "level" | "container"> & { eid: string }>(
      tx,
      `UNWIND $eids AS eid
       MATCH (n) WHERE elementId(n) = eid
       WITH n, eid, CASE WHEN n:Tie THEN n ELSE head(
         [(tie:Tie)-[:HAS_LEG]->(n) | tie] + [(tie:Tie)-[:HAS_LEG]->(:Match)-[:HAS_GOAL|HAS_EVENT|HAS_STATISTICS]->(n) | tie]
       ) END AS tie
       // What belongs to no tie (a group-stage or league-phase match, its goals and cards; a stage)
       // has its season and competition through its stage.
       WITH n, eid, tie, CASE WHEN tie IS NULL THEN head(
         [(n)-[:OF_SEASON]->(s:Season) | s] + [(n)-[:IN_STAGE]->(:Stage)-[:OF_SEASON]->(s:Season) | s]
           + [(s:Season)<-[:OF_SEASON]-(:Stage)<-[:IN_STAGE]-(:Match)-[:HAS_GOAL|HAS_EVENT|HAS_STATISTICS]->(n) | s]
       ) END AS stageSeason
       WITH n, eid, tie, stageSeason, CASE WHEN tie IS NULL THEN coalesce(head([(n)-[:IN_COMPETITION|OF_COMPETITION]->(c:Competition) | c]),
           head([(stageSeason)-[:OF_COMPETITION]->(c:Competition) | c]))
         ELSE head([(tie)-[:IN_COMPETITION]->(c:Competition) | c]) END AS competition
       RETURN eid, n.id AS id, head(labels(n)) AS kind,
         coalesce(tie.season, n.season, stageSeason.label, CASE WHEN n:Season THEN n.label END) AS season,
         competition.id AS competitionId, competition.name AS competitionName,
         toString(coalesce(n.date, head([(m:Match)-[:HAS_GOAL|HAS_EVENT|HAS_STATISTICS]->(n) | m.date]),
           head([(n)-[:HAS_LEG]->(m:Match) WHERE m.legNumber = 1 | m.date]))) AS date`,
      { eids: [...found.keys()].filter((eid) => eid !== center.eid) },
    );
    const candidates = described.map((row) => ({ ...row, ...found.get(row.eid)! }));
    const ranked = rankNeighbourhood(candidates, args.filter, args.offset, args.limit);
    const eidOf = new Map(candidates.map((candidate) => [candidate.id, candidate.eid]));
    const pageEids = [center.eid, ...ranked.page.map((candidate) => eidOf.get(candidate.id)!)];

    const [drawn] = await rows<{ nodes: GraphNodeRow[]; edges: Omit<GraphEdgeRow, "id">[] }>(
      tx,
      `UNWIND range(0, size($eids) - 1) AS position
       MATCH (n) WHERE elementId(n) = $eids[position]
       WITH n ORDER BY position
       WITH collect(n) AS nodes
       CALL {
         WITH nodes
         UNWIND nodes AS a
         MATCH (a)-[r]->(b) WHERE b IN nodes
         RETURN collect(DISTINCT {source: a.id, type: type(r), target: b.id}) AS edges
       }
       RETURN [n IN nodes | ${graphNodeFields}] AS nodes, edges`,
      { eids: pageEids },
    );
    return {
      nodes: drawn!.nodes,
      edges: drawn!.edges
        .map((edge) => ({ ...edge, id: edgeId(edge.source, edge.type, edge.target) }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      total: ranked.total,
      nextOffset: ranked.nextOffset,
      seasons: ranked.seasons,
      competitions: ranked.competitions,
    };
  });
}
