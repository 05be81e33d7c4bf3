/**
 * What every command does with `--help` and `--version` before it starts anything, and the one
 * way commands report a failure: a single line naming the problem (and the setting to change),
 * no stack trace.
 */
import { accessSync, constants, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot, readConfig, type Config } from "../config.ts";
import { openDatabase, type OpenedDatabase } from "../database/openDatabase.ts";

export interface CommandDescription {
  /** How it is run, e.g. "npm run import -- FILE.json [FILE.json ...]". */
  usage: string;
  /** One or two sentences: what it does. */
  summary: string;
  /** Options besides --help and --version, as [flag, meaning]. */
  options?: [string, string][];
  /** The environment variables it reads (from the list below). */
  env: EnvironmentVariable[];
}

export type EnvironmentVariable = keyof typeof environmentVariables;

/** Every variable src/config.ts reads, with its meaning and default. */
export const environmentVariables = {
  NEO4J_URI: "use this Neo4j server (bolt://, neo4j://, neo4j+s:// for a cluster or Aura) instead of the embedded one",
  NEO4J_USER: "user for NEO4J_URI (default neo4j)",
  NEO4J_PASSWORD: "password for NEO4J_URI",
  NEO4J_DATABASE: "database name on NEO4J_URI (default: the server's default database)",
  PITCHGRAPH_DATA_DIR: "folder of the embedded Neo4j's store and its bolt-password file (default .data/)",
  PITCHGRAPH_BOLT_PORT: "Bolt port of the embedded Neo4j on 127.0.0.1 (default 7687; 0 picks a free one)",
  PITCHGRAPH_NEO4J_HEAP: "JVM heap of the embedded Neo4j (default 1g)",
  PITCHGRAPH_NEO4J_PAGECACHE: "page cache of the embedded Neo4j (default 256m)",
  PITCHGRAPH_SEEDS_DIR: "folder of the seed files (default seeds/)",
  PITCHGRAPH_IMPORT_BATCH_TIES: "ties per transaction for a results file with more ties (default 2000); see docs/decisions/012-imports-in-batches.md",
  PORT: "HTTP port of the GraphQL server (default 4000)",
  HOST: "interface the HTTP server binds (default 127.0.0.1)",
} as const;

export const databaseVariables: EnvironmentVariable[] = [
  "NEO4J_URI",
  "NEO4J_USER",
  "NEO4J_PASSWORD",
  "NEO4J_DATABASE",
  "PITCHGRAPH_DATA_DIR",
  "PITCHGRAPH_BOLT_PORT",
  "PITCHGRAPH_NEO4J_HEAP",
  "PITCHGRAPH_NEO4J_PAGECACHE",
];

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }).version;
}

export function formatHelp(command: CommandDescription): string {
  const options: [string, string][] = [...(command.options ?? []), ["--help", "print this help"], ["--version", "print the version"]];
  const width = Math.max(...options.map(([flag]) => flag.length), ...command.env.map((name) => name.length));
  const lines = [`usage: ${command.usage}`, "", command.summary, "", "Options:"];
  for (const [flag, meaning] of options) lines.push(`  ${flag.padEnd(width)}  ${meaning}`);
  if (command.env.length) {
    lines.push("", "Environment:");
    for (const name of command.env) lines.push(`  ${name.padEnd(width)}  ${environmentVariables[name]}`);
  }
  return lines.join("\n");
}

/**
 * Answers --help / -h and --version / -v and exits; otherwise returns. Call it first thing, so
 * neither starts a database or a server.
 */
export function handleHelpAndVersion(argv: string[], command: CommandDescription): void {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(formatHelp(command));
    process.exit(0);
  }
  if (argv.includes("--version") || argv.includes("-v")) {
    console.log(`pitchgraph ${packageVersion()}`);
    process.exit(0);
  }
}

/** One line for a failure: the message's first line, prefixed with the command. */
/**
 * A path the user typed, made absolute. `npm run` runs commands in the project's folder; npm keeps
 * the folder the command was typed in as INIT_CWD, and a relative path means a file there.
 */
export function pathFromUser(typed: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), typed);
}

/** The first of `paths` that is not a readable, non-empty file, with why, or null. */
export function unreadableFile(paths: readonly string[]): string | null {
  for (const file of paths) {
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return `${file}: not a file`;
      accessSync(file, constants.R_OK);
      if (stat.size === 0) return `${file}: the file is empty`;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return `${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "not readable (permission denied)" : (error as Error).message}`;
    }
  }
  return null;
}

export function oneLineError(prefix: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Multi-line messages (an import's list of problems) are folded onto the one line, not cut.
  const folded = message.split("\n").map((line) => line.trim()).filter(Boolean).join(" ");
  return `${prefix}: ${folded.length > 2000 ? `${folded.slice(0, 2000)}...` : folded}`;
}

/**
 * The configuration and the database a command works on, or null after printing one line that
 * says why the database cannot be opened (a bad setting, an unreachable server, a busy folder).
 */
export async function openDatabaseForCommand(commandName: string): Promise<{ config: Config; opened: OpenedDatabase } | null> {
  try {
    const config = readConfig();
    return { config, opened: await openDatabase(config, (line) => console.log(line)) };
  } catch (error) {
    console.error(oneLineError(`${commandName}: cannot open the database`, error));
    return null;
  }
}
