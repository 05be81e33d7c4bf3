/**
 * `npm run import -- FILE...`: loads results files, seed files and Football.TXT files into the database the app
 * uses (NEO4J_URI, or the embedded store, joining the running app's Neo4j when there is one).
 * Each file is its own transaction; the command stops at the first file that fails and exits 1.
 */
import { readConfig } from "../config.ts";
import { applyConstraints } from "../database/applyConstraints.ts";
import { openDatabase } from "../database/openDatabase.ts";
import { importFile, ImportError, nearMissAdvice, type ImportSummary } from "../importing/importFile.ts";

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error(
      "usage: npm run import -- FILE [FILE ...]\n  (results files like ../shared/data/uefa-ties/*.json, seed files like seeds/*.json,\n" +
        "   alias files, or Football.TXT files like data/openfootball/champions-league/2017-18/cl.txt)",
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
      for (const line of clubLines(summary)) console.log(`  ${line}`);
      for (const line of sourceLines(summary)) console.log(`  ${line}`);
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

/** The import summary's cross-source part: matches other sources gave, conflicts, and updates of this source's own matches. */
function sourceLines({ corroborated, conflicts, updates }: ImportSummary): string[] {
  return [
    ...(corroborated ? [`matches already in the graph from other sources, now reported by this file too: ${corroborated}`] : []),
    ...(conflicts ?? []).map((conflict) => `conflict (both claims kept): ${conflict}`),
    ...(updates ?? []).map((update) => `updated ${update.subject} ${update.field}: ${update.old ?? "(none)"} -> ${update.new ?? "(none)"}`),
  ];
}

process.exitCode = await main(process.argv.slice(2));
