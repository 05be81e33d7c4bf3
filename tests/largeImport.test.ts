/**
 * A results file too large for one transaction (issue 11): written in batches under an import
 * run (docs/decisions/012-imports-in-batches.md). A small file with a batch of two ties takes the
 * same path as a 50,000-tie file with the default batch size. Whatever fails, and wherever, the
 * graph must be exactly as before (graphDigest).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { importFile, ImportError, type ImportProgress } from "../src/importing/importFile.ts";
import { rollBackAbandonedImports } from "../src/importing/importRun.ts";
import { graphDigest } from "./support/graphDigest.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let folder: string;
const seedsDir = () => inject("seedsDir");
const filePrefix = "import-test-batched";

beforeAll(async () => {
  graph = await openTestGraph();
  folder = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-large-import-"));
});

afterAll(async () => {
  // Remove what these tests imported: everything only these files vouch for.
  await graph.database.write(
    `MATCH (s:Source) WHERE s.id STARTS WITH $source
     OPTIONAL MATCH (n)-[:REPORTED_BY]->(s)
     WHERE NOT EXISTS { (n)-[:REPORTED_BY]->(other:Source) WHERE NOT other.id STARTS WITH $source }
     DETACH DELETE n, s`,
    { source: `dataset:${filePrefix}` },
  );
  await graph.close();
  await rm(folder, { recursive: true, force: true });
});

const towns = ["Amberley", "Brockton", "Carwick", "Dunmore", "Elsworth", "Fenwick", "Glenrock"];

/** Seven two-legged ties between clubs "<clubWord> <town>"; each club plays two, in different batches of two. */
function sevenTies(label: string, clubWord: string) {
  return towns.map((town, index) => {
    const home = `${clubWord} ${town}`;
    const away = `${clubWord} ${towns[(index + 1) % towns.length]}`;
    return {
      id: `${label}-${index}`, competition: "UEFA Cup Winners' Cup", season: "1986-87", round: "First round", phase: "main",
      legs: [
        { date: `1986-09-${String(10 + index).padStart(2, "0")}`, home, away, h90: 2, a90: 0 },
        { date: `1986-10-${String(10 + index).padStart(2, "0")}`, home: away, away: home, h90: 1, a90: 0 },
      ],
      winner: home, winner_basis: "test", source: "constructed for the large-import test",
    };
  });
}

async function fileWith(name: string, ties: unknown[]): Promise<string> {
  const file = path.join(folder, `${filePrefix}-${name}.json`);
  await writeFile(file, JSON.stringify({ about: "constructed test ties", sources: ["constructed"], ties }));
  return file;
}

async function leftoversOfRuns(): Promise<number> {
  const [row] = await graph.database.read<{ left: number }>(
    `CALL () { MATCH (r:ImportRun) RETURN count(r) AS runs } CALL () { MATCH (u:ImportUndo) RETURN count(u) AS undo } RETURN runs + undo AS left`,
  );
  return row!.left;
}

describe("a results file larger than one batch", () => {
  test("is written batch by batch, with progress, into the same graph one transaction would give", async () => {
    const file = await fileWith("ok", sevenTies("batched-ok", "Batchclub"));
    const progress: ImportProgress[] = [];
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir(), batchTies: 2, onProgress: (step) => void progress.push(step) });

    expect(progress.map((step) => step.tiesWritten)).toEqual([2, 4, 6, 7]);
    expect(progress.every((step) => step.ties === 7)).toBe(true);
    expect(summary).toMatchObject({ format: "results", ties: 7, matches: 14 });
    // One club per name, though each club's two ties are in different batches; none "matched" to itself.
    expect(summary.clubs.created.map((club) => club.name).sort()).toEqual(towns.map((town) => `Batchclub ${town}`));
    expect(summary.clubs.matched).toEqual([]);
    const [row] = await graph.database.read<{ ties: number; matches: number; clubs: number; unsourced: number }>(
      `MATCH (s:Source {id: $source})
       CALL (s) { MATCH (t:Tie)-[:REPORTED_BY]->(s) RETURN count(t) AS ties }
       CALL (s) { MATCH (m:Match)-[:REPORTED_BY]->(s) RETURN count(m) AS matches }
       CALL () { MATCH (c:Club) WHERE c.name STARTS WITH "Batchclub" RETURN count(c) AS clubs }
       CALL () { MATCH (m:Match) WHERE m.id STARTS WITH "match:batched-ok" AND NOT (m)-[:HOME_CLUB]->(:Club) RETURN count(m) AS unsourced }
       RETURN ties, matches, clubs, unsourced`,
      { source: `dataset:${filePrefix}-ok` },
    );
    expect(row).toEqual({ ties: 7, matches: 14, clubs: 7, unsourced: 0 });
    expect(summary.counts.nodes + summary.counts.relationships).toBe(progress.at(-1)!.counts.nodes + progress.at(-1)!.counts.relationships);
    expect(await leftoversOfRuns()).toBe(0);

    const { tie } = await graph.query(`{
      tie(competition: "Cup Winners' Cup", season: "1986-87", club: "Batchclub Amberley", opponent: "Batchclub Brockton") { outcome { winner { name } decidedBy } }
    }`);
    expect(tie.outcome).toMatchObject({ winner: { name: "Batchclub Amberley" }, decidedBy: "AGGREGATE" });
  });

  test("importing it again changes nothing (one transaction: the source is known)", async () => {
    const file = await fileWith("again", sevenTies("batched-again", "Againclub"));
    await importFile(graph.database, file, { seedsDir: seedsDir(), batchTies: 2 });
    const before = await graphDigest(graph.database);
    const again = await importFile(graph.database, file, { seedsDir: seedsDir(), batchTies: 2 });
    expect(again.counts).toEqual({ nodes: 0, relationships: 0 });
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("a failure in a later batch rolls back the batches already committed", async () => {
    const before = await graphDigest(graph.database);
    const file = await fileWith("fails-late", sevenTies("batched-fails-late", "Lateclub"));
    let committedBeforeFailure = 0;
    const failure = await importFile(graph.database, file, {
      seedsDir: seedsDir(),
      batchTies: 2,
      onProgress: async (step) => {
        if (step.tiesWritten < 6) return;
        const [row] = await graph.database.read<{ ties: number }>(`MATCH (t:Tie) WHERE t.id STARTS WITH "tie:batched-fails-late" RETURN count(t) AS ties`);
        committedBeforeFailure = row!.ties;
        throw new Error("the disk is full (forced in the test)");
      },
    }).catch((error: unknown) => error);

    expect(committedBeforeFailure).toBe(6);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toBe(`${filePrefix}-fails-late.json: not imported, nothing was written:\n  - the disk is full (forced in the test)`);
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("an interrupted import (Ctrl-C: its signal aborted) stops after the batch being written and rolls back", async () => {
    const before = await graphDigest(graph.database);
    const file = await fileWith("interrupted", sevenTies("batched-interrupted", "Stopclub"));
    const interrupted = new AbortController();
    const written: number[] = [];
    const failure = await importFile(graph.database, file, {
      seedsDir: seedsDir(),
      batchTies: 2,
      signal: interrupted.signal,
      onProgress: (step) => {
        written.push(step.tiesWritten);
        if (step.tiesWritten === 4) interrupted.abort(new Error("interrupted by SIGINT; what the import had written is rolled back"));
      },
    }).catch((error: unknown) => error);

    expect(written).toEqual([2, 4]);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toContain("interrupted by SIGINT; what the import had written is rolled back");
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("a bad record late in the file is refused by file, record and field before anything is written", async () => {
    const before = await graphDigest(graph.database);
    const ties = sevenTies("batched-bad-record", "Badclub");
    (ties[6]!.legs[1] as Record<string, unknown>).h90 = "one";
    const file = await fileWith("bad-record", ties);
    const failure = await importFile(graph.database, file, { seedsDir: seedsDir(), batchTies: 2 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toContain(`${filePrefix}-bad-record.json`);
    expect((failure as Error).message).toContain('ties[6] (id "batched-bad-record-6")');
    expect((failure as Error).message).toContain("legs[1].h90");
    expect(await graphDigest(graph.database)).toEqual(before);
  });

  test("a run whose process died is rolled back by the next one, and can no longer commit", async () => {
    const before = await graphDigest(graph.database);
    const file = await fileWith("died", sevenTies("batched-died", "Deadclub"));
    let rolledBack: string[] = [];
    let afterRecovery = before;
    const failure = await importFile(graph.database, file, {
      seedsDir: seedsDir(),
      batchTies: 2,
      onProgress: async (step) => {
        if (step.tiesWritten !== 4) return;
        // As if this process had died: its pid is gone (above Linux's largest pid). Another import starts.
        await graph.database.write(`MATCH (r:ImportRun {file: $file}) SET r.pid = 4194305`, { file: path.basename(file) });
        rolledBack = await rollBackAbandonedImports(graph.database);
        afterRecovery = await graphDigest(graph.database);
      },
    }).catch((error: unknown) => error);

    expect(rolledBack).toEqual([path.basename(file)]);
    expect(afterRecovery).toEqual(before);
    expect((failure as Error).message).toMatch(/rolled back by another process/);
    expect(await graphDigest(graph.database)).toEqual(before);
    expect(await leftoversOfRuns()).toBe(0);
  });
});
