/**
 * Imports one file into the graph, in one transaction: either all of it is written or, on any
 * problem, nothing. Problems are reported with the file, the record and the field.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "../database/Database.ts";
import { isAliasFile, parseAliasFile } from "../identity/aliasFile.ts";
import type { ClubMention } from "../identity/ClubMention.ts";
import { createClubResolver, describeAt, unresolvedClubId, type NameMatch, type NearMiss, type NewClub, type RecordingClubResolver } from "../identity/createClubResolver.ts";
import { graphClubResolver, writeNameMatches } from "./graphClubResolver.ts";
import { taggedMatchKeysOf } from "../identity/matchKeys.ts";
import { readKnownClubs } from "../identity/readKnownClubs.ts";
import { repairMojibake } from "../identity/repairMojibake.ts";
import { defaultClubRegister } from "../identity/register/readClubRegister.ts";
import { readSeedFiles } from "../seeds/loadSeeds.ts";
import type { SeedFile } from "../seeds/seedFormat.ts";
import { validateSeeds } from "../seeds/validateSeeds.ts";
import { checkRecordedTie, parseResultsFile, ResultsFileError, type ResultsFile } from "../ties/index.ts";
import { contradictionConflicts } from "./contradictionConflicts.ts";
import { detectFileFormat, type ImportFormat } from "./detectFileFormat.ts";
import { FootballTxtImportError, looksLikeFootballTxt, sourceOfFootballTxt, writeFootballTxt } from "./importFootballTxt.ts";
import { readExistingMatches } from "./readExistingMatches.ts";
import { beginImportRun, commitImportRun, rollBackImportRun, saveBeforeBatch } from "./importRun.ts";
import { reconcileMatches, type AddedDecision, type FieldUpdate } from "./reconcileMatches.ts";
import { datasetSourceId, resultsToFacts, type ExistingEntity } from "./resultsToFacts.ts";
import { ruleSetIdFor } from "../ties/ruleSetIdFor.ts";
import { writeAddedDecisions, writeFacts, type FactCounts } from "./writeFacts.ts";

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
  format: ImportFormat | "aliases" | "footballTxt";
  ties: number;
  matches: number;
  counts: FactCounts;
  seconds: number;
  /** How the file's club names were resolved (src/identity/createClubResolver.ts). */
  clubs: {
    /** Clubs the file created: names no club of the graph answers to. */
    created: readonly NewClub[];
    /** Names resolved to a club already in the graph (or made earlier in the file), with the rule. */
    matched: readonly NameMatch[];
    /** Created clubs whose names are close to known clubs, with how to join them if they are one. */
    nearMisses: readonly NearMiss[];
  };
  /** Matches the graph held from other sources, now reported by this file's source too. */
  corroborated?: number;
  /** Conflicts added where this file disagrees with another source (both claims kept). */
  conflicts?: string[];
  /** Changes to matches this same source gave before: old and new values. */
  updates?: FieldUpdate[];
}

/** How to tell the importer that a near-miss is the known club after all. */
export function nearMissAdvice(miss: NearMiss): string {
  const closest = miss.closeTo[0]!;
  return (
    `new club "${miss.name}" (${miss.newClubId}), close to ${miss.closeTo.map((club) => `"${club.name}" (${club.id})`).join(", ")}. ` +
    `If it is the same club, import an alias file first ({"clubAliases": [{"name": "${miss.name}", "club": "${closest.id}"}]}, docs/identity.md), ` +
    `or give the record a register id.`
  );
}

/** How far a batched import has got, after each committed batch. */
export interface ImportProgress {
  fileName: string;
  tiesWritten: number;
  ties: number;
  /** Nodes and relationships created so far. */
  counts: FactCounts;
  /** Since the import started. */
  seconds: number;
}

export interface ImportOptions {
  seedsDir: string;
  /**
   * A results file of more ties than this (default 2000, config `importBatchTies`) is written in
   * batches of this many ties under an import run, if its source is new to the graph.
   */
  batchTies?: number;
  /** Called after each batch of a batched import; an error it throws fails the import, which is rolled back. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /**
   * Aborting it (Ctrl-C in `npm run import`) stops a batched import once the batch being written
   * is done, and rolls back what the import wrote; the failure's message is the abort reason's.
   */
  signal?: AbortSignal;
}

const defaultBatchTies = 2000;

export async function importFile(database: Database, filePath: string, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const fileName = path.basename(filePath);
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    throw new ImportError(fileName, [(error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message]);
  }
  if (text.trim() === "") throw new ImportError(fileName, ["the file is empty"]);
  if (looksLikeFootballTxt(text)) return importFootballTxtFile(database, filePath, text, started);
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new ImportError(fileName, [`not valid JSON: ${jsonSyntaxProblem(text, (error as Error).message)} (nor Football.TXT: no "= Competition YYYY/YY" header)`]);
  }
  if (isAliasFile(content)) return importAliasFile(database, fileName, content, started);
  const format = detectFileFormat(content);
  if (!format) {
    throw new ImportError(fileName, ["neither a results file (ties with legs), a seed file (arrays of sources, clubs, matches...) nor an alias file (clubAliases)"]);
  }

  const facts = format === "results" ? null : await checkedSeedFile(fileName, content, options.seedsDir);
  const results = format === "results" ? parsedResults(fileName, content) : null;
  const checked = results ? checkedResults(results) : null;
  const batchTies = options.batchTies ?? defaultBatchTies;
  if (results && results.ties.length > batchTies && !(await sourceExists(database, datasetSourceId(fileName)))) {
    return importResultsInBatches(database, results, checked!, { ...options, batchTies }, started);
  }

  // A results file is reconciled with what other sources say about the same matches (issue 10:
  // a different source gives a Conflict, the same source re-imported an update); seed files are
  // the project's own curated facts and are written as they are.
  const { counts, resolver, reconciled } = await database.writeTransaction(async (tx) => {
    if (!facts) {
      const written = await writeResultsBatch(tx, results!, checked!, { conflicts: checked!.conflicts });
      await writeAddedDecisions(tx, written.reconciled.addedDecisions);
      return written;
    }
    const resolver = await graphClubResolver(tx);
    checkSeedClubs(fileName, facts, resolver);
    if (resolver.problems.length) throw new ImportError(fileName, resolver.problems);
    try {
      const counts = await writeFacts(tx, facts, ruleSetIdFor);
      const matchCounts = await writeNameMatches(tx, datasetSourceId(fileName), facts.sources?.[0]?.id, resolver.matches);
      return { counts: sumCounts(counts, matchCounts), resolver, reconciled: null };
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
    clubs: { created: resolver.newClubs, matched: resolver.matches, nearMisses: resolver.nearMisses },
    ...(reconciled ? { corroborated: reconciled.corroborated, conflicts: reconciled.conflicts, updates: reconciled.updates } : {}),
  };
}

const sumCounts = (a: FactCounts, b: FactCounts): FactCounts => ({ nodes: a.nodes + b.nodes, relationships: a.relationships + b.relationships });

/**
 * Resolves, reconciles and writes some ties of a results file inside `tx` (all of them, or one
 * batch of a run). What the source adds to other sources' ties (`addedDecisions`) is returned,
 * not written: a run writes it with its commit.
 */
async function writeResultsBatch(
  tx: ManagedTransaction,
  results: ResultsFile,
  checked: CheckedResults,
  batch: { conflicts: NonNullable<SeedFile["conflicts"]>; run?: { id: string; resolver: RecordingClubResolver } },
) {
  const fileName = results.fileName;
  // A run resolves every batch with one resolver, as one transaction would: a club the file
  // created in an earlier batch is the same club, not a match; each batch writes what it added.
  const resolver = batch.run?.resolver ?? (await graphClubResolver(tx));
  const seen = { newClubs: resolver.newClubs.length, matches: resolver.matches.length };
  const added = {
    idOf: (mention: ClubMention) => resolver.idOf(mention),
    get newClubs() {
      return resolver.newClubs.slice(seen.newClubs);
    },
  };
  const converted = withConflicts(
    resultsToFacts(results, await existingEntities(tx), { clubResolver: added, ruleSetIds: checked.ruleSetIds }),
    batch.conflicts,
  );
  if (resolver.problems.length) throw new ImportError(fileName, resolver.problems);
  const sourceId = datasetSourceId(fileName);
  const reconciled = reconcileMatches(converted, sourceId, ...(await existingMatchesOf(tx, converted)));
  const importRun = batch.run?.id;
  try {
    if (importRun) await saveBeforeBatch(tx, importRun, reconciled.facts);
    const counts = await writeFacts(tx, reconciled.facts, ruleSetIdFor, { sourceIds: [sourceId], ...(importRun ? { importRun } : {}) });
    const matchCounts = await writeNameMatches(tx, sourceId, undefined, resolver.matches.slice(seen.matches), importRun ?? null);
    return { counts: sumCounts(counts, matchCounts), resolver, reconciled };
  } catch (error) {
    // e.g. a competition or season the tie-rule catalogue does not cover: the transaction rolls back.
    throw new ImportError(fileName, [(error as Error).message]);
  }
}

/**
 * A results file of more than `batchTies` ties, imported for the first time: written in batches
 * of `batchTies` ties, one transaction each, under an import run (src/importing/importRun.ts).
 * On any failure, including one thrown by `onProgress`, the run is rolled back and the graph is
 * as it was. What the file adds to other sources' ties is written with the commit.
 */
async function importResultsInBatches(
  database: Database,
  results: ResultsFile,
  checked: CheckedResults,
  options: ImportOptions & { batchTies: number },
  started: number,
): Promise<ImportSummary> {
  const { fileName, ties } = results;
  const sourceId = datasetSourceId(fileName);
  const run = await beginImportRun(database, fileName, ties.length);
  let counts: FactCounts = { nodes: 0, relationships: 0 };
  const reconciled = { corroborated: 0, conflicts: [] as string[], updates: [] as FieldUpdate[], addedDecisions: [] as AddedDecision[] };
  let resolver: RecordingClubResolver | null = null;
  try {
    resolver = await database.readTransaction((tx) => graphClubResolver(tx));
    for (let start = 0; start < ties.length; start += options.batchTies) {
      options.signal?.throwIfAborted();
      const last = start + options.batchTies >= ties.length;
      const part = { ...results, ties: ties.slice(start, start + options.batchTies) };
      // Contradiction conflicts name ties of the whole file: they go with the last batch.
      const batch = { conflicts: last ? checked.conflicts : [], run: { id: run, resolver } };
      const written = await database.writeTransaction((tx) => writeResultsBatch(tx, part, checked, batch));
      counts = sumCounts(counts, written.counts);
      reconciled.corroborated += written.reconciled.corroborated;
      reconciled.conflicts.push(...written.reconciled.conflicts);
      reconciled.updates.push(...written.reconciled.updates);
      reconciled.addedDecisions.push(...written.reconciled.addedDecisions);
      await options.onProgress?.({
        fileName, tiesWritten: Math.min(start + options.batchTies, ties.length), ties: ties.length, counts, seconds: (performance.now() - started) / 1000,
      });
    }
    options.signal?.throwIfAborted();
    await database.writeTransaction(async (tx) => {
      await writeAddedDecisions(tx, reconciled.addedDecisions);
      await commitImportRun(tx, run);
    });
  } catch (error) {
    await rollBackImportRun(database, run);
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, [(error as Error).message]);
  }
  return {
    fileName,
    format: "results",
    ties: ties.length,
    matches: ties.reduce((sum, tie) => sum + tie.legs.length, 0),
    counts,
    seconds: (performance.now() - started) / 1000,
    clubs: { created: resolver.newClubs, matched: resolver.matches, nearMisses: resolver.nearMisses },
    corroborated: reconciled.corroborated,
    conflicts: reconciled.conflicts,
    updates: reconciled.updates,
  };
}

async function sourceExists(database: Database, sourceId: string): Promise<boolean> {
  const [found] = await database.read<{ found: boolean }>(`RETURN EXISTS { MATCH (:Source {id: $sourceId}) } AS found`, { sourceId });
  return found!.found;
}

async function existingMatchesOf(tx: ManagedTransaction, facts: SeedFile) {
  const known = await readExistingMatches(tx, facts);
  return [known.matches, known.ties] as const;
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
      clubs: { created: result.clubs.newClubs, matched: result.clubs.matches, nearMisses: result.clubs.nearMisses },
      corroborated: result.corroborated,
      conflicts: result.conflicts,
      updates: result.updates,
    };
  } catch (error) {
    if (error instanceof FootballTxtImportError) throw new ImportError(fileName, error.problems);
    throw new ImportError(fileName, [(error as Error).message]);
  }
}

/**
 * A seed-format file names its clubs by id. A club it defines that the graph does not have yet
 * must not be a club the graph already holds under another id (a silent split): that is a
 * problem naming the existing club. Its other names go through the same rules (mojibake too).
 */
function checkSeedClubs(fileName: string, facts: SeedFile, resolver: RecordingClubResolver): void {
  (facts.clubs ?? []).forEach((club, index) => {
    const at = { file: fileName, record: `clubs[${index}] "${club.id}"`, field: "name" };
    const seen = resolver.matches.length;
    const id = resolver.idOf({ name: club.name, ...(club.country ? { country: club.country } : {}), at });
    if (id === club.id || id === unresolvedClubId) return;
    const match = resolver.matches.slice(seen)[0];
    if (match) {
      (resolver.problems as string[]).push(
        `${describeAt(at)}: "${club.name}" is the club "${match.clubName}" (${match.clubId}) already in the graph ` +
          `(rule ${match.rule}, by its name "${match.matchedName}"); use that id instead of "${club.id}"`,
      );
    }
  });
}

/**
 * An alias file: each entry's club must exist (by id or register id) and its name must not
 * already be another club's. The names become `userAliases` of their clubs, REPORTED_BY the file.
 */
async function importAliasFile(database: Database, fileName: string, content: unknown, started: number): Promise<ImportSummary> {
  const { file, problems } = parseAliasFile(content);
  if (problems.length) throw new ImportError(fileName, problems.map((problem) => `${fileName}, ${problem}`));
  const sourceId = `aliases:${fileName.replace(/\.json$/i, "")}`;
  const counts = await database.writeTransaction(async (tx) => {
    const { clubs: known, aliases } = await readKnownClubs(tx);
    // Only to see whether a name already names one other club; an ambiguous name is what alias files settle.
    const resolver = createClubResolver({ clubs: known, aliases, exonyms: defaultClubRegister().exonyms, onlyKnown: true });
    const problems: string[] = [];
    const rows: { club: string; name: string; ref: string; keys: string[] }[] = [];
    file.clubAliases.forEach((entry, index) => {
      const at = { file: fileName, record: `clubAliases[${index}]`, field: "name" };
      const club = known.find((candidate) => candidate.id === entry.club || candidate.registerId === entry.club);
      if (!club) return void problems.push(`${fileName}, clubAliases[${index}], field club: no club has the id or register id "${entry.club}"`);
      const repaired = repairMojibake(entry.name);
      if (repaired) return void problems.push(`${describeAt(at)}: "${entry.name}" is damaged text (UTF-8 read as Latin-1/Windows-1252); it is likely "${repaired}"`);
      const seen = resolver.matches.length;
      const id = resolver.idOf({ name: entry.name, at });
      const match = resolver.matches.slice(seen)[0];
      if (match && id !== club.id && (match.rule === "EXACT" || match.rule === "SPELLING" || match.rule === "ALIAS_FILE")) {
        return void problems.push(`${describeAt(at)}: "${entry.name}" already names the club "${match.clubName}" (${match.clubId}), not "${entry.club}"`);
      }
      rows.push({ club: club.id, name: entry.name, ref: `${fileName}, clubAliases[${index}]`, keys: taggedMatchKeysOf([entry.name], club.city, defaultClubRegister().exonyms) });
    });
    if (problems.length) throw new ImportError(fileName, problems);
    const result = await tx.run(
      `MERGE (s:Source {id: $source}) SET s.kind = "DATASET", s.title = $title
       WITH s UNWIND $rows AS row
       MATCH (c:Club {id: row.club})
       WITH c, row WHERE NOT row.name IN coalesce(c.userAliases, [])
       SET c.userAliases = coalesce(c.userAliases, []) + row.name,
           c.userAliasSources = coalesce(c.userAliasSources, []) + $source,
           c.userAliasRefs = coalesce(c.userAliasRefs, []) + row.ref,
           c.userAliasKeys = coalesce(c.userAliasKeys, []) + row.keys,
           c.aliasText = coalesce(c.aliasText, "") + " | " + row.name`,
      { source: sourceId, title: `Alias file ${fileName}${file.about ? `: ${file.about}` : ""}`, rows },
    );
    const updates = result.summary.counters.updates();
    return { nodes: updates.nodesCreated, relationships: updates.relationshipsCreated };
  });
  return { fileName, format: "aliases", ties: 0, matches: 0, counts, seconds: (performance.now() - started) / 1000, clubs: { created: [], matched: [], nearMisses: [] } };
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
type CheckedResults = ReturnType<typeof checkedResults>;

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

async function existingEntities(tx: ManagedTransaction) {
  const result = await tx.run(`MATCH (n:Competition) RETURN n.id AS id, coalesce(n.nameKeys, []) AS nameKeys`);
  const competitions: ExistingEntity[] = result.records.map((record) => ({ id: record.get("id") as string, nameKeys: record.get("nameKeys") as string[] }));
  return { competitions, clubs: [] };
}

/** JSON.parse's complaint with a line and column people can go to; a cut-off file said as such. */
function jsonSyntaxProblem(text: string, message: string): string {
  const cutOff = `${message}: the file ends before its JSON does (cut off?)`;
  if (/Unexpected end of JSON input/.test(message)) return cutOff;
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  // V8 names the end of the text as the place where more was expected.
  if (Number(position[1]) >= text.trimEnd().length) return cutOff;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message} (line ${line}, column ${column})`;
}
