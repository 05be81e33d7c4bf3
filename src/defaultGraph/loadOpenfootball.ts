/**
 * Loads the vendored openfootball Football.TXT files (data/openfootball/champions-league: UEFA
 * club competitions 2011-12 to 2025-26, CC0; see docs/data-sources.md) into the graph, one
 * transaction per file. Each file's content hash is kept on a (:PitchGraphMeta) node, as the seeds
 * do (src/seeds/loadSeeds.ts), so a start with unchanged files writes nothing.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../database/Database.ts";
import type { RecordingClubResolver, UserAlias } from "../identity/createClubResolver.ts";
import { graphClubResolver } from "../importing/graphClubResolver.ts";
import { openfootballDir, sourceOfFootballTxt, writeFootballTxt, FootballTxtImportError } from "../importing/importFootballTxt.ts";
import type { FactCounts } from "../importing/writeFacts.ts";

export class DefaultGraphError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`default graph: ${file} could not be loaded; nothing of it was written:\n  - ${problems.join("\n  - ")}`);
    this.name = "DefaultGraphError";
  }
}

export interface OpenfootballLoadResult {
  /** Files written this time (their content changed or was never loaded). */
  loaded: string[];
  /** Files skipped because the graph already holds exactly their content. */
  unchanged: string[];
  counts: FactCounts;
  /** Wall-clock seconds spent loading (reading, parsing, resolving, writing). */
  seconds: number;
  /** Matches other sources (the seeds) already held, now reported by openfootball too. */
  corroborated: number;
  conflicts: string[];
}

/** Which files to load: all, none, or those whose path ("2017-18/cl.txt") passes the filter. */
export type OpenfootballSelection = "all" | "none" | ((file: string) => boolean);

/** The Football.TXT files of a vendored repository folder, seasons in order, qualifying before the main file. */
export async function listOpenfootballFiles(repositoryDir: string): Promise<string[]> {
  const seasons = (await readdir(repositoryDir)).filter((name) => /^\d{4}-\d{2}$/.test(name)).sort();
  const files: string[] = [];
  for (const season of seasons) {
    const names = (await readdir(path.join(repositoryDir, season))).filter((name) => name.endsWith(".txt"));
    // "clq.txt" (qualifying) sorts after "cl.txt"; load qualifying first so stages come in season order.
    names.sort((a, b) => Number(!a.includes("q.")) - Number(!b.includes("q.")) || a.localeCompare(b));
    files.push(...names.map((name) => `${season}/${name}`));
  }
  return files;
}

export async function loadOpenfootball(
  database: Database,
  selection: OpenfootballSelection = "all",
  repositoryDir: string = path.join(openfootballDir, "champions-league"),
): Promise<OpenfootballLoadResult> {
  const started = performance.now();
  const result: OpenfootballLoadResult = { loaded: [], unchanged: [], counts: { nodes: 0, relationships: 0 }, seconds: 0, corroborated: 0, conflicts: [] };
  if (selection === "none") return result;
  const files = (await listOpenfootballFiles(repositoryDir)).filter((file) => selection === "all" || selection(file));
  const metaIds = files.map((file) => sourceOfFootballTxt(path.join(repositoryDir, file)).id);
  const stored = new Map(
    (await database.read<{ id: string; hash: string }>(`UNWIND $ids AS id MATCH (meta:PitchGraphMeta {id: id}) RETURN meta.id AS id, meta.hash AS hash`, { ids: metaIds }))
      .map((row) => [row.id, row.hash]),
  );
  // One club resolver for the run (see writeFootballTxt), built when the first file needs it, with
  // the aliases of clubs the files place in another country than the register does.
  const aliases = (JSON.parse(await readFile(path.join(repositoryDir, "club-aliases.json"), "utf8")) as { clubAliases: UserAlias[] }).clubAliases;
  let clubs: RecordingClubResolver | undefined;
  for (const [index, file] of files.entries()) {
    const filePath = path.join(repositoryDir, file);
    const text = await readFile(filePath, "utf8");
    const hash = createHash("sha256").update(text).digest("hex");
    const source = sourceOfFootballTxt(filePath);
    if (stored.get(metaIds[index]!) === hash) {
      result.unchanged.push(file);
      continue;
    }
    try {
      let attempt = 0;
      const written = await database.writeTransaction(async (tx) => {
        // A retried transaction starts over from the graph: the shared resolver may know clubs
        // the failed attempt created and never committed.
        if (attempt++ > 0 || !clubs) clubs = await graphClubResolver(tx, aliases);
        const outcome = await writeFootballTxt(tx, text, file, source, { clubs });
        await tx.run(`MERGE (meta:PitchGraphMeta {id: $id}) SET meta.hash = $hash`, { id: source.id, hash });
        return outcome;
      });
      result.loaded.push(file);
      result.counts.nodes += written.counts.nodes;
      result.counts.relationships += written.counts.relationships;
      result.corroborated += written.corroborated;
      result.conflicts.push(...written.conflicts);
    } catch (error) {
      throw new DefaultGraphError(file, error instanceof FootballTxtImportError ? error.problems : [(error as Error).message]);
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
