/**
 * Imports one file into the graph, in one transaction: either all of it is written or, on any
 * problem, nothing. Problems are reported with the file, the record and the field.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../database/Database.ts";
import { readSeedFiles } from "../seeds/loadSeeds.ts";
import type { SeedFile } from "../seeds/seedFormat.ts";
import { validateSeeds } from "../seeds/validateSeeds.ts";
import { parseResultsFile, ResultsFileError } from "../ties/index.ts";
import { detectFileFormat, type ImportFormat } from "./detectFileFormat.ts";
import { FootballTxtImportError, looksLikeFootballTxt, sourceOfFootballTxt, writeFootballTxt } from "./importFootballTxt.ts";
import { readExistingMatches } from "./readExistingMatches.ts";
import { reconcileMatches, type FieldUpdate } from "./reconcileMatches.ts";
import { datasetSourceId, resultsToFacts, type ExistingEntity } from "./resultsToFacts.ts";
import { ruleSetIdFor } from "../ties/ruleSetIdFor.ts";
import { writeFacts, type FactCounts } from "./writeFacts.ts";

export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: readonly string[],
  ) {
    const shown = problems.slice(0, 25);
    super(
      `${fileName}: not imported, nothing was written:\n  - ${shown.join("\n  - ")}` +
        (problems.length > shown.length ? `\n  ... and ${problems.length - shown.length} more` : ""),
    );
    this.name = "ImportError";
  }
}

export interface ImportSummary {
  fileName: string;
  format: ImportFormat | "footballTxt";
  ties: number;
  matches: number;
  counts: FactCounts;
  seconds: number;
  /** Matches the graph held from other sources, now reported by this file's source too. */
  corroborated?: number;
  /** Conflicts added where this file disagrees with another source (both claims kept). */
  conflicts?: string[];
  /** Changes to matches this same source gave before: old and new values. */
  updates?: FieldUpdate[];
  /** Clubs created for names no known club answers to, and those close to a known club (Football.TXT). */
  newClubs?: string[];
  nearMisses?: string[];
}

export async function importFile(database: Database, filePath: string, options: { seedsDir: string }): Promise<ImportSummary> {
  const started = performance.now();
  const fileName = path.basename(filePath);
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    throw new ImportError(fileName, [(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message]);
  }
  if (looksLikeFootballTxt(text)) return importFootballTxtFile(database, filePath, text, started);
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new ImportError(fileName, [`not valid JSON: ${(error as Error).message} (nor Football.TXT: no "= Competition YYYY/YY" header)`]);
  }
  const format = detectFileFormat(content);
  if (!format) {
    throw new ImportError(fileName, ["neither a results file (ties with legs) nor a seed file (arrays of sources, clubs, matches...)"]);
  }

  const facts = format === "results" ? null : await checkedSeedFile(fileName, content, options.seedsDir);
  const results = format === "results" ? parsedResults(fileName, content) : null;

  // A results file is reconciled with what other sources say about the same matches (issue 10:
  // a different source gives a Conflict, the same source re-imported an update); seed files are
  // the project's own curated facts and are written as they are.
  let reconciled: ReturnType<typeof reconcileMatches> | null = null;
  const counts = await database.writeTransaction(async (tx) => {
    let batch = facts;
    let sourceIds: string[] | undefined;
    if (!batch) {
      const converted = resultsToFacts(results!, await existingEntities(tx));
      const sourceId = datasetSourceId(results!.fileName);
      const known = await readExistingMatches(tx, converted);
      reconciled = reconcileMatches(converted, sourceId, known.matches, known.ties);
      batch = reconciled.facts;
      sourceIds = [sourceId];
    }
    try {
      return await writeFacts(tx, batch, ruleSetIdFor, { sourceIds });
    } catch (error) {
      // e.g. a competition or season the tie-rule catalogue does not cover: the transaction rolls back.
      throw new ImportError(fileName, [(error as Error).message]);
    }
  });
  const changes = reconciled as ReturnType<typeof reconcileMatches> | null;
  const written = facts ?? { ties: results!.ties, matches: results!.ties.flatMap((tie) => tie.legs) };
  return {
    fileName,
    format,
    ties: written.ties?.length ?? 0,
    matches: written.matches?.length ?? 0,
    counts,
    seconds: (performance.now() - started) / 1000,
    ...(changes ? { corroborated: changes.corroborated, conflicts: changes.conflicts, updates: changes.updates } : {}),
  };
}

async function importFootballTxtFile(database: Database, filePath: string, text: string, started: number): Promise<ImportSummary> {
  const fileName = path.basename(filePath);
  try {
    const result = await database.writeTransaction((tx) => writeFootballTxt(tx, text, filePath, sourceOfFootballTxt(filePath)));
    return {
      fileName,
      format: "footballTxt",
      ties: result.ties,
      matches: result.matches,
      counts: result.counts,
      seconds: (performance.now() - started) / 1000,
      corroborated: result.corroborated,
      conflicts: result.conflicts,
      updates: result.updates,
      newClubs: result.newClubs.map((club) => `${club.name}${club.country ? ` (${club.country})` : ""}`),
      nearMisses: result.nearMisses.map(
        (miss) => `new club "${miss.name}", close to ${miss.closeTo.map((club) => `"${club.name}" (${club.id})`).join(", ")}`,
      ),
    };
  } catch (error) {
    if (error instanceof FootballTxtImportError) throw new ImportError(fileName, error.problems);
    throw new ImportError(fileName, [(error as Error).message]);
  }
}

function parsedResults(fileName: string, content: unknown) {
  try {
    return parseResultsFile(content, fileName);
  } catch (error) {
    if (error instanceof ResultsFileError) throw new ImportError(fileName, error.issues);
    throw error;
  }
}

/**
 * A seed-format file is validated together with the project's seeds, so it may refer to the
 * clubs, players and sources they define; only its own records are written.
 */
async function checkedSeedFile(fileName: string, content: unknown, seedsDir: string): Promise<SeedFile> {
  const { inputs } = await readSeedFiles(seedsDir);
  const others = inputs.filter((input) => input.fileName !== fileName);
  const problems = validateSeeds([...others, { fileName, content }]);
  if (problems.length) throw new ImportError(fileName, problems);
  return content as SeedFile;
}

async function existingEntities(tx: Parameters<Parameters<Database["writeTransaction"]>[0]>[0]) {
  const read = async (label: "Competition" | "Club"): Promise<ExistingEntity[]> => {
    const result = await tx.run(`MATCH (n:${label}) RETURN n.id AS id, coalesce(n.nameKeys, []) AS nameKeys`);
    return result.records.map((record) => ({ id: record.get("id") as string, nameKeys: record.get("nameKeys") as string[] }));
  };
  return { competitions: await read("Competition"), clubs: await read("Club") };
}
