/**
 * `npm run import -- FILE...`: loads results files, seed files and Football.TXT files into the database the app
 * uses (NEO4J_URI, or the embedded store, joining the running app's Neo4j when there is one).
 * Each file is its own transaction; the command stops at the first file that fails and exits 1.
 */
import { databaseVariables, handleHelpAndVersion, oneLineError, openDatabaseForCommand, pathFromUser, unreadableFile } from "./commandLine.ts";
import { applyConstraints } from "../database/applyConstraints.ts";
import { importFile, ImportError, nearMissAdvice, type ImportProgress, type ImportSummary } from "../importing/importFile.ts";
import { rollBackAbandonedImports } from "../importing/importRun.ts";

const command = {
  usage: "npm run import -- FILE [FILE ...]",
  summary:
    "Loads results files (like ../shared/data/uefa-ties/*.json), seed files (like seeds/*.json), alias files (docs/identity.md) " +
    "and Football.TXT files (like data/openfootball/champions-league/2017-18/cl.txt) into the database the app uses: " +
    "NEO4J_URI, or the embedded store in PITCHGRAPH_DATA_DIR (through the running app's Neo4j when it runs, with the password in <data>/bolt-password). " +
    "Each file is one transaction, except a results file of more ties than PITCHGRAPH_IMPORT_BATCH_TIES (2000), written in batches " +
    "that a failure rolls back (progress on stderr); the command stops at the first file that fails.",
  env: [...databaseVariables, "PITCHGRAPH_IMPORT_BATCH_TIES" as const],
};

async function main(files: string[]): Promise<number> {
  handleHelpAndVersion(files, command);
  const unknown = files.find((file) => file.startsWith("-"));
  if (files.length === 0 || unknown) {
    console.error(`${unknown ? `unknown option ${unknown}\n` : ""}usage: ${command.usage} (npm run import -- --help for more)`);
    return 2;
  }
  // Every file is checked before the database is opened: a typo costs no Neo4j start.
  const paths = files.map(pathFromUser);
  const unreadable = unreadableFile(paths);
  if (unreadable) {
    console.error(`import failed: ${unreadable}`);
    return 1;
  }
  const forCommand = await openDatabaseForCommand("import");
  if (!forCommand) return 1;
  const { config, opened } = forCommand;
  // Ctrl-C (or SIGTERM) stops at the next batch or file and rolls back what a batched import
  // wrote, instead of leaving half a file in the graph until the next import or start. A second
  // Ctrl-C exits at once (the next import or start rolls back then).
  const interrupted = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping after the batch being written; what this import wrote is rolled back (${signal} again to exit at once)`);
    interrupted.abort(new Error(`interrupted by ${signal}; what the import had written is rolled back`));
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    await applyConstraints(opened.database);
    for (const file of await rollBackAbandonedImports(opened.database)) console.error(`${file}: an earlier import of it stopped half-way; rolled back`);
    for (const file of paths) {
      if (interrupted.signal.aborted) return 130;
      const summary = await importFile(opened.database, file, {
        seedsDir: config.seedsDir,
        batchTies: config.importBatchTies,
        onProgress: showProgress,
        signal: interrupted.signal,
      });
      console.log(
        `${summary.fileName}: ${summary.format} file, ${summary.ties} ties, ${summary.matches} matches; ` +
          `${summary.counts.nodes} nodes and ${summary.counts.relationships} relationships created in ${summary.seconds.toFixed(1)} s`,
      );
      for (const line of clubLines(summary)) console.log(`  ${line}`);
      for (const line of sourceLines(summary)) console.log(`  ${line}`);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof ImportError ? error.message : oneLineError("import failed", error));
    return interrupted.signal.aborted ? 130 : 1;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await opened.close();
  }
}

/** One line on stderr per batch of a large file, once it has run a couple of seconds. */
function showProgress({ fileName, tiesWritten, ties, counts, seconds }: ImportProgress): void {
  if (seconds < 2) return;
  const written = counts.nodes + counts.relationships;
  console.error(
    `${fileName}: ${tiesWritten}/${ties} ties written (${Math.round((100 * tiesWritten) / ties)}%), ` +
      `${written} nodes+relationships, ${Math.round(written / seconds)}/s, ${seconds.toFixed(1)} s`,
  );
}

/** The import summary's club part: new clubs, near-misses, and how many names matched by which rule. */
function clubLines({ clubs }: ImportSummary): string[] {
  const byRule = new Map<string, number>();
  for (const match of clubs.matched) byRule.set(match.rule, (byRule.get(match.rule) ?? 0) + 1);
  const lines = [
    `club names matched to known clubs: ${clubs.matched.length}` +
      (byRule.size ? ` (${[...byRule].map(([rule, count]) => `${rule} ${count}`).join(", ")})` : ""),
    `new clubs: ${clubs.created.length}${clubs.created.length ? `: ${clubs.created.map((club) => `"${club.name}"`).join(", ")}` : ""}`,
  ];
  for (const miss of clubs.nearMisses) lines.push(`near-miss: ${nearMissAdvice(miss)}`);
  return lines;
}

/** The import summary's cross-source part: matches other sources gave, conflicts, and updates of this source's own matches. */
function sourceLines({ corroborated, conflicts, updates }: ImportSummary): string[] {
  return [
    ...(corroborated ? [`matches already in the graph from other sources, now reported by this file too: ${corroborated}`] : []),
    ...(conflicts ?? []).map((conflict) => `conflict (both claims kept): ${conflict}`),
    ...(updates ?? []).map((update) => `updated ${update.subject} ${update.field}: ${update.old ?? "(none)"} -> ${update.new ?? "(none)"}`),
  ];
}

process.exitCode = await main(process.argv.slice(2));
