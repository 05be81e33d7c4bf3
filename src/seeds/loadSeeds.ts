/**
 * Loads the seed files into the graph: read, validate everything, then write in one
 * transaction. A content hash of the files is kept on a (:PitchGraphMeta) node so that a start
 * with unchanged seeds skips the write; loading twice changes nothing either way.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../database/Database.ts";
import { writeFacts, type FactCounts, type RuleSetResolver } from "../importing/writeFacts.ts";
import type { SeedFile } from "./seedFormat.ts";
import { validateSeeds, type SeedInput } from "./validateSeeds.ts";

export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed files are invalid; nothing was loaded:\n  - ${problems.join("\n  - ")}`);
    this.name = "SeedValidationError";
  }
}

export interface SeedLoadResult {
  /** False when the graph already held exactly these seeds. */
  loaded: boolean;
  files: string[];
  counts: FactCounts;
}

/** Reads every *.json file of the folder, in name order. Invalid JSON is reported per file. */
export async function readSeedFiles(seedsDir: string): Promise<{ inputs: SeedInput[]; hash: string }> {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith(".json")).sort();
  const hash = createHash("sha256");
  const inputs: SeedInput[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const text = await readFile(path.join(seedsDir, name), "utf8");
    hash.update(name).update("\0").update(text).update("\0");
    try {
      inputs.push({ fileName: name, content: JSON.parse(text) });
    } catch (error) {
      problems.push(`${name}: not valid JSON (${(error as Error).message})`);
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  return { inputs, hash: hash.digest("hex") };
}

/** Merges the files' arrays into one batch, in file order. Call only after validation. */
export function mergeSeedFiles(inputs: readonly SeedInput[]): SeedFile {
  const merged: Record<string, unknown[]> = {};
  for (const { content } of inputs) {
    for (const [kind, records] of Object.entries(content as Record<string, unknown>)) {
      if (Array.isArray(records)) (merged[kind] ??= []).push(...records);
    }
  }
  return merged as SeedFile;
}

export async function loadSeeds(
  database: Database,
  seedsDir: string,
  resolveRuleSet: RuleSetResolver,
  options: { force?: boolean } = {},
): Promise<SeedLoadResult> {
  const { inputs, hash } = await readSeedFiles(seedsDir);
  const files = inputs.map((input) => input.fileName);

  // Files whose hash the graph holds passed validation when they were loaded: a start with
  // unchanged seeds skips it.
  if (!options.force) {
    const [state] = await database.read<{ hash: string | null }>(
      `OPTIONAL MATCH (meta:PitchGraphMeta {id: "seeds"}) RETURN meta.hash AS hash`,
    );
    if (state?.hash === hash) return { loaded: false, files, counts: { nodes: 0, relationships: 0 } };
  }
  const problems = validateSeeds(inputs);
  if (problems.length) throw new SeedValidationError(problems);

  const facts = mergeSeedFiles(inputs);
  const counts = await database.writeTransaction(async (tx) => {
    const written = await writeFacts(tx, facts, resolveRuleSet);
    await tx.run(`MERGE (meta:PitchGraphMeta {id: "seeds"}) SET meta.hash = $hash`, { hash });
    return written;
  });
  return { loaded: true, files, counts };
}
