/**
 * The statements every fact writer needs, inside a caller's transaction: run Cypher and count
 * what it created, make a node's edges exactly a given list, and link facts to their sources.
 *
 * Labels and relationship types are interpolated into Cypher, so they must come from the
 * writers' fixed tables, never from input; all values go in as parameters.
 */
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import type { SeedFile } from "../seeds/seedFormat.ts";

/**
 * Every write is an id lookup (unique-constraint index) followed by expansions, whose plan does
 * not depend on how big the graph is. Loading the default graph grows it tenfold in a minute, and
 * Neo4j would replan each statement every time its statistics drift (51 replans in one cold start,
 * each up to seconds on a busy machine): keep the cached plan instead.
 */
export const KEEP_PLAN = "CYPHER replan=skip";

/**
 * Every MERGE that may create a node tags it with the import run writing it (`$importRun`, null
 * outside a batched import, which sets nothing): a failed batched import deletes exactly the nodes
 * of its run (src/importing/importRun.ts).
 */
export const TAG_CREATED = (variable: string) => `ON CREATE SET ${variable}.importRun = $importRun`;

export interface FactCounts {
  nodes: number;
  relationships: number;
}

/** Which way an edge points from the node being written: (node)-[]->(target) or (target)-[]->(node). */
export type Direction = "out" | "in";

export interface NodeLinks {
  /** Id of the node being written. */
  id: string;
  /** Ids of the nodes it must be linked to; edges of the type to any other node are removed. */
  targets: string[];
}

export interface RelationshipFact {
  /** Id of the target node. */
  to: string;
  /** Tells apart two edges of the type between the same nodes (two spells at one club). */
  key: string;
  /** Scalars only: null removes a property. */
  properties: Record<string, unknown>;
}

export class FactWriter {
  readonly counts: FactCounts = { nodes: 0, relationships: 0 };

  /**
   * @param batchSourceIds the sources the batch speaks for: edges to them are rewritten from the
   * batch; edges to other sources (another import, the seeds) are left alone.
   */
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly batchSourceIds: readonly string[],
    private readonly importRun: string | null = null,
  ) {}

  async run(cypher: string, params: Record<string, unknown>): Promise<void> {
    const result = await this.tx.run(`${KEEP_PLAN} ${cypher}`, { importRun: this.importRun, ...params });
    const updates = result.summary.counters.updates();
    this.counts.nodes += updates.nodesCreated;
    this.counts.relationships += updates.relationshipsCreated;
  }

  /** MERGE nodes by id and set their properties (scalars, lists of scalars, driver dates). */
  async mergeNodes(label: string, rows: { id: string; properties: Record<string, unknown> }[]): Promise<void> {
    if (!rows.length) return;
    await this.run(`UNWIND $rows AS row MERGE (n:${label} {id: row.id}) ${TAG_CREATED("n")} SET n += row.properties`, { rows });
  }

  /** Makes each node's `type` edges to `targetLabel` nodes exactly its targets. */
  async linkExactly(label: string, type: string, direction: Direction, targetLabel: string, rows: NodeLinks[]): Promise<void> {
    if (!rows.length) return;
    const edge = direction === "out" ? `-[old:${type}]->` : `<-[old:${type}]-`;
    const created = direction === "out" ? `-[:${type}]->` : `<-[:${type}]-`;
    await this.run(
      `UNWIND $rows AS row
       MATCH (n:${label} {id: row.id})
       OPTIONAL MATCH (n)${edge}(other:${targetLabel}) WHERE NOT other.id IN row.targets
       DELETE old
       WITH DISTINCT n, row
       UNWIND row.targets AS targetId
       MATCH (target:${targetLabel} {id: targetId})
       MERGE (n)${created}(target)`,
      { rows },
    );
  }

  /**
   * Makes each node's outgoing `type` edges to `targetLabel` nodes exactly the listed
   * relationship facts, with their properties; an edge is known by its target and `key`.
   */
  async writeRelationshipFacts(
    label: string,
    type: string,
    targetLabel: string,
    rows: { id: string; facts: RelationshipFact[] }[],
  ): Promise<void> {
    if (!rows.length) return;
    await this.run(
      `UNWIND $rows AS row
       MATCH (n:${label} {id: row.id})
       OPTIONAL MATCH (n)-[old:${type}]->(other:${targetLabel})
       WHERE NOT (other.id + "|" + coalesce(old.key, "")) IN [fact IN row.facts | fact.to + "|" + fact.key]
       DELETE old
       WITH DISTINCT n, row
       UNWIND row.facts AS fact
       MATCH (target:${targetLabel} {id: fact.to})
       MERGE (n)-[r:${type} {key: fact.key}]->(target)
       SET r += fact.properties`,
      { rows },
    );
  }

  /** Makes each record's REPORTED_BY edges exactly its sources (among the batch's sources). */
  async linkSources(label: string, rows: { id: string; sources: string[] }[]): Promise<void> {
    if (!rows.length) return;
    await this.run(
      `UNWIND $rows AS row
       MATCH (n:${label} {id: row.id})
       OPTIONAL MATCH (n)-[old:REPORTED_BY]->(s:Source)
       WHERE s.id IN $batchSourceIds AND NOT s.id IN row.sources
       DELETE old
       WITH DISTINCT n, row
       UNWIND row.sources AS sourceId
       MATCH (s:Source {id: sourceId})
       MERGE (n)-[:REPORTED_BY]->(s)`,
      { rows: rows.map(({ id, sources }) => ({ id, sources })), batchSourceIds: this.batchSourceIds },
    );
  }
}

/** Every source id a batch names: its Source records and every `sources` list, nested ones included. */
export function sourceIdsNamedIn(facts: SeedFile): string[] {
  const ids = new Set<string>((facts.sources ?? []).map((source) => source.id));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) {
      for (const [key, field] of Object.entries(value)) {
        if (key === "sources" && Array.isArray(field)) field.forEach((id) => typeof id === "string" && ids.add(id));
        else visit(field);
      }
    }
  };
  for (const [kind, records] of Object.entries(facts)) if (kind !== "sources") visit(records);
  return [...ids];
}

/** "2018-02-22" as the driver's Date, so it can go into a properties map; null stays null. */
export function neo4jDate(isoDate: string | undefined): unknown {
  if (isoDate === undefined) return null;
  const [year, month, day] = isoDate.split("-").map(Number);
  return new neo4j.types.Date(year!, month!, day!);
}
