/**
 * `npm run import -- FILE...`: loads results files and seed files into the database the app
 * uses (NEO4J_URI, or the embedded store, joining the running app's Neo4j when there is one).
 * Each file is its own transaction; the command stops at the first file that fails and exits 1.
 */
import { databaseVariables, handleHelpAndVersion, oneLineError, openDatabaseForCommand } from "./commandLine.ts";
import { applyConstraints } from "../database/applyConstraints.ts";
import { importFile, ImportError } from "../importing/importFile.ts";

const command = {
  usage: "npm run import -- FILE.json [FILE.json ...]",
  summary:
    "Loads results files (like ../shared/data/uefa-ties/*.json) and seed files (like seeds/*.json) into the database the app uses: " +
    "NEO4J_URI, or the embedded store in PITCHGRAPH_DATA_DIR (through the running app's Neo4j when it runs, with the password in <data>/bolt-password). " +
    "Each file is one transaction; the command stops at the first file that fails.",
  env: databaseVariables,
};

async function main(files: string[]): Promise<number> {
  handleHelpAndVersion(files, command);
  const unknown = files.find((file) => file.startsWith("-"));
  if (files.length === 0 || unknown) {
    console.error(`${unknown ? `unknown option ${unknown}\n` : ""}usage: ${command.usage} (npm run import -- --help for more)`);
    return 2;
  }
  const forCommand = await openDatabaseForCommand("import");
  if (!forCommand) return 1;
  const { config, opened } = forCommand;
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
    console.error(error instanceof ImportError ? error.message : oneLineError("import failed", error));
    return 1;
  } finally {
    await opened.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
