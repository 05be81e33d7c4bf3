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
import { checkRecordedTie, parseResultsFile, ResultsFileError, type ResultsFile } from "../ties/index.ts";
import { contradictionConflicts } from "./contradictionConflicts.ts";
import { detectFileFormat, type ImportFormat } from "./detectFileFormat.ts";
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
  format: ImportFormat;
  ties: number;
  matches: number;
  counts: FactCounts;
  seconds: number;
}

export async function importFile(database: Database, filePath: string, options: { seedsDir: string }): Promise<ImportSummary> {
  const started = performance.now();
  const fileName = path.basename(filePath);
  let content: unknown;
  try {
    content = JSON.parse(await readFile(filePath, "utf8"));
  } catch (error) {
    throw new ImportError(fileName, [(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `not valid JSON: ${(error as Error).message}`]);
  }
  const format = detectFileFormat(content);
  if (!format) {
    throw new ImportError(fileName, ["neither a results file (ties with legs) nor a seed file (arrays of sources, clubs, matches...)"]);
  }

  const facts = format === "results" ? null : await checkedSeedFile(fileName, content, options.seedsDir);
  const results = format === "results" ? parsedResults(fileName, content) : null;
  const checked = results ? checkedResults(results) : null;

  const counts = await database.writeTransaction(async (tx) => {
    const batch = facts ?? withConflicts(resultsToFacts(results!, await existingEntities(tx), checked!.ruleSetIds), checked!.conflicts);
    try {
      return await writeFacts(tx, batch, ruleSetIdFor);
    } catch (error) {
      // e.g. a competition or season the tie-rule catalogue does not cover: the transaction rolls back.
      throw new ImportError(fileName, [(error as Error).message]);
    }
  });
  const written = facts ?? { ties: results!.ties, matches: results!.ties.flatMap((tie) => tie.legs) };
  return {
    fileName,
    format,
    ties: written.ties?.length ?? 0,
    matches: written.matches?.length ?? 0,
    counts,
    seconds: (performance.now() - started) / 1000,
  };
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
 * Every tie decided at the door, as a query would decide it: what the engine would refuse (no rule
 * set for a stated format, legs that contradict the format, a shoot-out counted into the score) stops
 * the import with the file, record and field; facts the rules never reach become Conflicts.
 */
function checkedResults(file: ResultsFile) {
  const problems: string[] = [];
  const ruleSetIds = new Map<string, string>();
  const conflicts = [];
  for (const tie of file.ties) {
    const check = checkRecordedTie(tie);
    const at = `ties[${tie.index}] (id ${JSON.stringify(tie.id)})`;
    problems.push(...check.problems.map((problem) => `${file.fileName}: ${at} ${problem.field}: ${problem.message}`));
    if (check.ruleSet) ruleSetIds.set(tie.id, check.ruleSet.id);
    conflicts.push(...contradictionConflicts(tie, check.contradictions, datasetSourceId(file.fileName)));
  }
  if (problems.length) throw new ImportError(file.fileName, problems);
  return { ruleSetIds, conflicts };
}

function withConflicts(batch: SeedFile, conflicts: NonNullable<SeedFile["conflicts"]>): SeedFile {
  return conflicts.length ? { ...batch, conflicts: [...(batch.conflicts ?? []), ...conflicts] } : batch;
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
