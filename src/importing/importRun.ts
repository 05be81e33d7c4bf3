/**
 * An import run: a results file too large for one transaction is written in batches, each its
 * own transaction, under a marker (docs/decisions/012-imports-in-batches.md).
 *
 * - `(:ImportRun {id})` exists while the run is not committed; deleting it (with the last
 *   writes) is the commit.
 * - Every node a batch creates carries `importRun: <id>` (FactWriter's TAG_CREATED).
 * - Before a batch changes a node the graph already held, its properties are copied to an
 *   `(:ImportUndo)` node of the run, once.
 * - Rolling a run back deletes its tagged nodes' relationships, then the nodes, puts the saved
 *   properties back and deletes the marker: the graph is as it was before the run.
 * - A run whose process died (same host, pid gone) or that has not written for an hour is
 *   rolled back by the next import or start (`rollBackAbandonedImports`).
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "../database/Database.ts";
import type { SeedFile } from "../seeds/seedFormat.ts";

/** The labels a results batch may write over (the rest it only creates); fixed, never from input. */
const savedLabels = {
  sources: "Source",
  competitions: "Competition",
  clubs: "Club",
  seasons: "Season",
  stages: "Stage",
  ties: "Tie",
  matches: "Match",
} as const;

/** Relationships, then nodes, deleted per transaction when rolling back, so a rollback of any size fits in memory. */
const deletePerTransaction = 10_000;
/** A run that has not written for this long is abandoned even when its process cannot be checked. */
const abandonedAfterMs = 60 * 60 * 1000;

/** Starts a run for `fileName`: its marker is the only thing written. Returns the run id. */
export async function beginImportRun(database: Database, fileName: string, ties: number): Promise<string> {
  const id = `${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;
  await database.write(
    `CREATE (:ImportRun {id: $id, file: $file, ties: $ties, host: $host, pid: $pid, startedAt: datetime(), writtenAt: datetime()})`,
    { id, file: fileName, ties, host: os.hostname(), pid: process.pid },
  );
  return id;
}

/**
 * Inside a batch's transaction, before it writes: saves the properties of the nodes the batch
 * names that the graph held before the run (once per node), and marks the run alive.
 */
export async function saveBeforeBatch(tx: ManagedTransaction, run: string, facts: SeedFile): Promise<void> {
  for (const [kind, label] of Object.entries(savedLabels) as [keyof typeof savedLabels, string][]) {
    const ids = (facts[kind] ?? []).map((record) => record.id);
    if (!ids.length) continue;
    await tx.run(
      `UNWIND $ids AS nodeId
       MATCH (n:${label} {id: nodeId}) WHERE n.importRun IS NULL OR n.importRun <> $run
       WITH n, nodeId WHERE NOT EXISTS { MATCH (u:ImportUndo {undoRun: $run, undoLabel: $label, undoNodeId: nodeId}) }
       CREATE (u:ImportUndo) SET u = properties(n), u.undoRun = $run, u.undoLabel = $label, u.undoNodeId = nodeId`,
      { ids, run, label },
    );
  }
  const alive = await tx.run(`MATCH (r:ImportRun {id: $run}) SET r.writtenAt = datetime() RETURN count(r) AS runs`, { run });
  if (alive.records[0]!.get("runs") !== 1) throw new RolledBackElsewhereError(run);
}

/** The run's marker is gone: another process took it for abandoned and rolled it back. */
class RolledBackElsewhereError extends Error {
  constructor(run: string) {
    super(`import run ${run} was rolled back by another process (it looked abandoned); import the file again`);
  }
}

/** The commit, inside the run's last transaction: the marker and the saved properties go. */
export async function commitImportRun(tx: ManagedTransaction, run: string): Promise<void> {
  await tx.run(`MATCH (u:ImportUndo {undoRun: $run}) DELETE u`, { run });
  const result = await tx.run(`MATCH (r:ImportRun {id: $run}) DELETE r RETURN count(*) AS runs`, { run });
  // Someone rolled the run back meanwhile (it looked abandoned): committing now would keep half a file.
  if (result.records[0]!.get("runs") !== 1) throw new RolledBackElsewhereError(run);
}

/** Deletes what the run wrote and restores what it changed, in transactions of bounded size. */
export async function rollBackImportRun(database: Database, run: string): Promise<void> {
  // Relationships first, a bounded number per transaction: the run's Source alone has one
  // REPORTED_BY per fact of the file, too many to detach in one transaction.
  for (const statement of [
    `MATCH (n) WHERE n.importRun = $run MATCH (n)-[r]-() WITH DISTINCT r LIMIT ${deletePerTransaction} DELETE r RETURN count(*) AS deleted`,
    `MATCH (n) WHERE n.importRun = $run WITH n LIMIT ${deletePerTransaction} DETACH DELETE n RETURN count(*) AS deleted`,
  ]) {
    for (;;) {
      const [counted] = await database.write<{ deleted: number }>(statement, { run });
      if (!counted?.deleted) break;
    }
  }
  for (const label of Object.values(savedLabels)) {
    await database.write(
      `MATCH (u:ImportUndo {undoRun: $run, undoLabel: $label})
       OPTIONAL MATCH (n:${label} {id: u.undoNodeId})
       FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n = apoc.map.removeKeys(properties(u), ["undoRun", "undoLabel", "undoNodeId"]))
       DELETE u`,
      { run, label },
    );
  }
  await database.write(`MATCH (r:ImportRun {id: $run}) DELETE r`, { run });
}

/**
 * Rolls back the runs whose process is gone: on this host with a pid that no longer runs, or
 * silent for an hour. Returns the files whose runs were rolled back.
 */
export async function rollBackAbandonedImports(database: Database): Promise<string[]> {
  const runs = await database.read<{ id: string; file: string; host: string; pid: number; silentMs: number }>(
    `MATCH (r:ImportRun)
     RETURN r.id AS id, r.file AS file, r.host AS host, r.pid AS pid,
            duration.inSeconds(r.writtenAt, datetime()).seconds * 1000 AS silentMs`,
  );
  const abandoned = runs.filter((run) => run.silentMs > abandonedAfterMs || (run.host === os.hostname() && !isRunning(run.pid)));
  for (const run of abandoned) await rollBackImportRun(database, run.id);
  return abandoned.map((run) => run.file);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
