/**
 * `npm run import -- FILE...`: loads results files, seed files and Football.TXT files into the database the app
 * uses (NEO4J_URI, or the embedded store, joining the running app's Neo4j when there is one).
 * Each file is its own transaction; the command stops at the first file that fails and exits 1.
 */
import { readConfig } from "../config.ts";
import { applyConstraints } from "../database/applyConstraints.ts";
import { openDatabase } from "../database/openDatabase.ts";
import { importFile, ImportError } from "../importing/importFile.ts";

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error(
      "usage: npm run import -- FILE [FILE ...]\n  (results files like ../shared/data/uefa-ties/*.json, seed files like seeds/*.json,\n" +
        "   or Football.TXT files like data/openfootball/champions-league/2017-18/cl.txt)",
    );
    return 2;
  }
  const config = readConfig();
  const opened = await openDatabase(config, (line) => console.log(line));
  try {
    await applyConstraints(opened.database);
    for (const file of files) {
      const summary = await importFile(opened.database, file, { seedsDir: config.seedsDir });
      console.log(
        `${summary.fileName}: ${summary.format} file, ${summary.ties} ties, ${summary.matches} matches; ` +
          `${summary.counts.nodes} nodes and ${summary.counts.relationships} relationships created in ${summary.seconds.toFixed(1)} s`,
      );
      if (summary.corroborated) console.log(`  ${summary.corroborated} matches already in the graph from other sources: now reported by this file too`);
      for (const conflict of summary.conflicts ?? []) console.log(`  conflict (both claims kept): ${conflict}`);
      for (const update of summary.updates ?? []) {
        console.log(`  updated ${update.subject} ${update.field}: ${update.old ?? "(none)"} -> ${update.new ?? "(none)"}`);
      }
      if (summary.newClubs?.length) console.log(`  new clubs (${summary.newClubs.length}): ${summary.newClubs.join(", ")}`);
      for (const nearMiss of summary.nearMisses ?? []) console.log(`  ${nearMiss}`);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof ImportError ? error.message : `import failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await opened.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
