/**
 * `npm run import -- FILE...`: loads results files and seed files into the database the app
 * uses (NEO4J_URI, or the embedded store, joining the running app's Neo4j when there is one).
 * Each file is its own transaction; the command stops at the first file that fails and exits 1.
 */
import { readConfig } from "../config.ts";
import { applyConstraints } from "../database/applyConstraints.ts";
import { openDatabase } from "../database/openDatabase.ts";
import { importFile, ImportError, nearMissAdvice, type ImportSummary } from "../importing/importFile.ts";

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
      for (const line of clubLines(summary)) console.log(`  ${line}`);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof ImportError ? error.message : `import failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await opened.close();
  }
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

process.exitCode = await main(process.argv.slice(2));
