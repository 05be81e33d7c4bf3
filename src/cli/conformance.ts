/**
 * `npm run conformance -- FILE [--known docs/conformance-known-disagreements.json]`
 *
 * Imports a results file through the import path into the real graph (the database the app
 * uses), reads every tie of the file back through GraphQL, and compares the computed winner
 * with the winner the file records. Prints agreement per competition and decision, and every
 * disagreement with its reason. Exits 1 when a disagreement is not in the known list (or a
 * known one no longer disagrees), so CI notices a regression.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { graphql } from "graphql";
import { projectRoot } from "../config.ts";
import { createContext } from "../graphql/context.ts";
import { createSchema } from "../graphql/createSchema.ts";
import { importFile } from "../importing/importFile.ts";
import { datasetSourceId } from "../importing/resultsToFacts.ts";
import { createClubResolver, type KnownClub } from "../identity/createClubResolver.ts";
import { defaultClubRegister } from "../identity/register/readClubRegister.ts";
import { prepareDatabase } from "../startPitchGraph.ts";
import { databaseVariables, handleHelpAndVersion, oneLineError, openDatabaseForCommand, pathFromUser, unreadableFile } from "./commandLine.ts";
import { compareWithRecorded, formatConformanceReport, type ConformanceCase, type ConformanceOutcome } from "../ties/index.ts";

const pageSize = 100; // the API's maximum page

const tiesPage = `query ConformancePage($source: ID!, $offset: Int!, $limit: Int!) {
  ties(where: { sources: { some: { id: { eq: $source } } } }, sort: [{ id: ASC }], offset: $offset, limit: $limit) {
    id
    sourceWinnerName
    competition { name }
    legs { homeClub { id name aliases registerNames { name } userAliases } awayClub { id name aliases registerNames { name } userAliases } }
    outcome { status winner { id name } decidedBy explanation notes missingFact }
  }
}`;

interface PageTie {
  id: string;
  sourceWinnerName: string | null;
  competition: { name: string } | null;
  legs: { homeClub: Club | null; awayClub: Club | null }[];
  outcome: { status: string; winner: { id: string; name: string } | null; decidedBy: string | null; explanation: string; notes: string[]; missingFact: string | null };
}
interface Club {
  id: string;
  name: string;
  aliases: string[];
  registerNames: { name: string }[];
  userAliases: string[] | null;
}

interface KnownDisagreement {
  tieId: string;
  kind: string;
  why: string;
}

/** The documented disagreements of a `--known` file, or what is wrong with it (checked before anything is imported). */
function readKnownDisagreements(text: string): KnownDisagreement[] | string {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const disagreements = (content as { disagreements?: unknown } | null)?.disagreements;
  const valid = Array.isArray(disagreements) && disagreements.every((entry) => typeof (entry as KnownDisagreement | null)?.tieId === "string");
  return valid ? (disagreements as KnownDisagreement[]) : `expected {"disagreements": [{"tieId": ..., "kind": ..., "why": ...}, ...]}, like docs/conformance-known-disagreements.json`;
}

/** The outcome as the comparison reads it: the GraphQL status and missingFact give the engine's kind back. */
function conformanceOutcome(outcome: PageTie["outcome"]): ConformanceOutcome {
  const winner = outcome.winner ? { id: outcome.winner.id, name: outcome.winner.name } : null;
  const common = { explanation: outcome.explanation, notes: outcome.notes };
  if (outcome.status === "DECIDED" && winner && outcome.decidedBy) {
    return { kind: "decided", winner, loser: null, decidedBy: outcome.decidedBy, ...common } as unknown as ConformanceOutcome;
  }
  const kind = outcome.missingFact ? "undetermined" : outcome.status === "NOT_STARTED" ? "notStarted" : "inProgress";
  return { kind, winner: null, decidedBy: null, ...common } as ConformanceOutcome;
}

/** The recorded winner's name, as one of the tie's two club ids, by the one club resolver's rules. */
function recordedWinnerId(tie: PageTie): string {
  const clubs = new Map<string, KnownClub>();
  for (const club of tie.legs.flatMap((leg) => [leg.homeClub, leg.awayClub])) {
    if (club) clubs.set(club.id, { id: club.id, name: club.name, aliases: [...club.aliases, ...club.registerNames.map((entry) => entry.name), ...(club.userAliases ?? [])] });
  }
  const resolver = createClubResolver({ clubs: [...clubs.values()], exonyms: defaultClubRegister().exonyms, onlyKnown: true });
  const id = resolver.idOf({ name: tie.sourceWinnerName ?? "", at: { file: "conformance", record: tie.id, field: "winner" } });
  return clubs.has(id) ? id : `(not a club of this tie: "${tie.sourceWinnerName}")`;
}

const command = {
  usage: "npm run conformance -- RESULTS_FILE.json [--known KNOWN.json]",
  summary:
    "Imports a results file into the database the app uses, reads every tie back through GraphQL and compares the computed winner " +
    "with the recorded one. Exits 1 on a disagreement that is not in the known list (default docs/conformance-known-disagreements.json).",
  options: [["--known KNOWN.json", "the documented disagreements"]] as [string, string][],
  env: [...databaseVariables, "PITCHGRAPH_SEEDS_DIR" as const],
};

async function main(argv: string[]): Promise<number> {
  handleHelpAndVersion(argv, command);
  const knownIndex = argv.indexOf("--known");
  const knownArgument = knownIndex >= 0 ? argv[knownIndex + 1] : undefined;
  const knownFile = knownArgument ? pathFromUser(knownArgument) : path.join(projectRoot, "docs", "conformance-known-disagreements.json");
  const files = argv.filter((arg, index) => !arg.startsWith("--") && (knownIndex < 0 || index !== knownIndex + 1));
  const [typed] = files;
  if (!typed || files.length > 1 || (knownIndex >= 0 && !knownArgument)) {
    console.error(`usage: ${command.usage} (--help for more)`);
    return 2;
  }
  const file = pathFromUser(typed);
  // Before the database starts: a wrong path should cost a second, not a Neo4j start.
  const unreadable = unreadableFile([file, knownFile]);
  if (unreadable) {
    console.error(`conformance failed: ${unreadable}`);
    return 1;
  }
  const known = readKnownDisagreements(await readFile(knownFile, "utf8"));
  if (typeof known === "string") {
    console.error(`conformance failed: ${knownFile}: ${known}`);
    return 1;
  }

  const forCommand = await openDatabaseForCommand("conformance");
  if (!forCommand) return 1;
  const { config, opened } = forCommand;
  try {
    await prepareDatabase(opened.database, config.seedsDir, { openfootball: "none" });
    const imported = await importFile(opened.database, file, { seedsDir: config.seedsDir });
    console.log(`Imported ${imported.fileName}: ${imported.ties} ties, ${imported.matches} matches in ${imported.seconds.toFixed(1)} s`);

    const schema = await createSchema(opened.database);
    const started = performance.now();
    const ties: PageTie[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const result = await graphql({
        schema,
        source: tiesPage,
        variableValues: { source: datasetSourceId(file), offset, limit: pageSize },
        contextValue: createContext(opened.database),
      });
      if (result.errors?.length) throw new Error(`GraphQL: ${result.errors.map((error) => error.message).join("; ")}`);
      const page = (result.data as { ties: PageTie[] }).ties;
      ties.push(...page);
      if (page.length < pageSize) break;
    }
    console.log(`Read ${ties.length} ties with their outcomes through GraphQL in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

    // A tie whose file records no winner has nothing to compare with: the engine alone decides it.
    const recorded = ties.filter((tie) => tie.sourceWinnerName !== null);
    if (recorded.length < ties.length) console.log(`${ties.length - recorded.length} ties record no winner and are not compared.\n`);
    const cases: ConformanceCase[] = recorded.map((tie) => ({
      tieId: tie.id.replace(/^tie:/, ""),
      competition: tie.competition?.name ?? "(no competition)",
      recordedWinner: recordedWinnerId(tie),
      outcome: conformanceOutcome(tie.outcome),
    }));
    const report = compareWithRecorded(cases);
    console.log(formatConformanceReport(report));

    const knownById = new Map(known.map((entry) => [entry.tieId, entry]));
    const unexplained = report.disagreements.filter((entry) => !knownById.has(entry.tieId));
    // The list may be about another file's ties (the default one is about ties-1955-2016.json):
    // only the ties of this file can agree now.
    const compared = new Set(cases.map((entry) => entry.tieId));
    const knownHere = known.filter((entry) => compared.has(entry.tieId));
    const nowAgreeing = knownHere.filter((entry) => !report.disagreements.some((disagreement) => disagreement.tieId === entry.tieId));
    if (knownHere.length) {
      console.log(`\nKnown disagreements (${knownFile}):`);
      for (const entry of knownHere) console.log(`- ${entry.tieId} [${entry.kind}]: ${entry.why}`);
    }
    if (unexplained.length || nowAgreeing.length) {
      for (const entry of unexplained) console.error(`UNEXPLAINED disagreement: ${entry.tieId}`);
      for (const entry of nowAgreeing) console.error(`Listed as known but now agrees (update the list): ${entry.tieId}`);
      return 1;
    }
    console.log(`\nTarget met: ${report.totals.agree} of ${report.totals.ties} ties agree; every disagreement is documented.`);
    return 0;
  } finally {
    await opened.close();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(oneLineError("conformance failed", error));
  return 1;
});
