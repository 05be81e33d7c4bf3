/**
 * A fingerprint of the whole graph: counts by label and relationship type, and a hash of every
 * node's and relationship's properties. Two equal digests mean nothing was written in between.
 */
import { createHash } from "node:crypto";
import type { Database } from "../../src/database/Database.ts";

export interface GraphDigest {
  nodes: number;
  relationships: number;
  hash: string;
}

export async function graphDigest(database: Database): Promise<GraphDigest> {
  const nodeRows = await database.read<{ row: string }>(
    `MATCH (n) WITH n ORDER BY elementId(n)
     RETURN apoc.convert.toJson({labels: labels(n), properties: properties(n)}) AS row`,
  );
  const relationshipRows = await database.read<{ row: string }>(
    `MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
     RETURN apoc.convert.toJson({from: a.id, type: type(r), to: b.id, properties: properties(r)}) AS row`,
  );
  const hash = createHash("sha256");
  for (const row of [...nodeRows.map((r) => r.row).sort(), "--", ...relationshipRows.map((r) => r.row).sort()]) hash.update(row).update("\n");
  return { nodes: nodeRows.length, relationships: relationshipRows.length, hash: hash.digest("hex") };
}
