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

/** The name a `CREATE ... CONSTRAINT|INDEX name IF NOT EXISTS` statement gives, or null. */
export function schemaNameOf(statement: string): string | null {
  return /^CREATE\s+(?:[A-Z]+\s+)?(?:CONSTRAINT|INDEX)\s+([A-Za-z_][\w]*)\s+IF\s+NOT\s+EXISTS\b/i.exec(statement)?.[1] ?? null;
}

/**
 * Creates the constraints and indexes (idempotent) and waits until the indexes are online.
 * Statements whose constraint or index already exists by name are not sent (IF NOT EXISTS would
 * make them no-ops anyway, at one write transaction each: seconds of every start on a busy machine).
 */
export async function applyConstraints(database: Database): Promise<void> {
  const [constraints, indexes] = await Promise.all([
    database.read<{ name: string }>("SHOW CONSTRAINTS YIELD name RETURN name"),
    database.read<{ name: string; state: string }>("SHOW INDEXES YIELD name, state RETURN name, state"),
  ]);
  const existing = new Set([...constraints, ...indexes].map((row) => row.name));
  let created = 0;
  for (const statement of statementsOf(await readFile(constraintsFile, "utf8"))) {
    const name = schemaNameOf(statement);
    if (name !== null && existing.has(name)) continue;
    await database.write(statement);
    created += 1;
  }
  if (created > 0 || indexes.some((index) => index.state !== "ONLINE")) await database.write("CALL db.awaitIndexes(300)");
}
