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

/** The name each statement creates ("CREATE CONSTRAINT tie_id IF NOT EXISTS ..." -> "tie_id"), or null. */
export function createdNameOf(statement: string): string | null {
  return /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+|LOOKUP\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS/i.exec(statement)?.[1] ?? null;
}

/**
 * Creates the constraints and indexes (idempotent) and waits until the indexes are online.
 * When every one of them is already there and online (a command joining a running server, a
 * warm start), that is two reads instead of a write per statement and a wait: an import's
 * fixed cost (issue 11).
 */
export async function applyConstraints(database: Database): Promise<void> {
  const statements = statementsOf(await readFile(constraintsFile, "utf8"));
  if (await allOnline(database, statements)) return;
  for (const statement of statements) {
    await database.write(statement);
  }
  await database.write("CALL db.awaitIndexes(300)");
}

async function allOnline(database: Database, statements: string[]): Promise<boolean> {
  const names = statements.map(createdNameOf);
  if (names.some((name) => name === null)) return false;
  const constraints = await database.read<{ name: string }>("SHOW CONSTRAINTS YIELD name");
  const indexes = await database.read<{ name: string; state: string }>("SHOW INDEXES YIELD name, state");
  if (indexes.some((index) => index.state !== "ONLINE")) return false;
  const present = new Set([...constraints, ...indexes].map((entry) => entry.name));
  return names.every((name) => present.has(name!));
}
