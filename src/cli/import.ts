/**
 * `npm run import -- FILE...`: loads results files and seed files into the database the app
 * uses (NEO4J_URI, or the embedded store, joining the running app's Neo4j when there is one).
 * Each file is its own transaction; the command stops at the first file that fails and exits 1.
 */
import { readConfig } from "../config.ts";
import { applyConstraints } from "../database/applyConstraints.ts";
import { openDatabase } from "../database/openDatabase.ts";
import { importFile, ImportError } from "../importing/importFile.ts";

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error("usage: npm run import -- FILE.json [FILE.json ...]\n  (results files like ../shared/data/uefa-ties/*.json, or seed files like seeds/*.json)");
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
