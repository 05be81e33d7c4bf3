import { readFile } from "node:fs/promises";
import type { Database } from "./Database.ts";

const constraintsFile = new URL("./constraints.cypher", import.meta.url);

/** Splits the script into statements: `;` ends one; `//` lines are comments. */
export function statementsOf(script: string): string[] {
  return script
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Creates the constraints and indexes (idempotent) and waits until the indexes are online. */
export async function applyConstraints(database: Database): Promise<void> {
  for (const statement of statementsOf(await readFile(constraintsFile, "utf8"))) {
    await database.write(statement);
  }
  await database.write("CALL db.awaitIndexes(300)");
}
