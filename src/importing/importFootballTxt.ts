/**
 * A Football.TXT file into the graph, inside the caller's transaction: parse (pure), resolve
 * clubs with the one club resolver, reconcile with the matches other sources already gave, and
 * write with the one writer. Any problem throws before anything is committed: the caller's
 * transaction rolls back and the graph stays as it was.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ManagedTransaction } from "neo4j-driver";
import { projectRoot } from "../config.ts";
import { footballTxtToFacts, type NamedEntity } from "../formats/footballTxt/footballTxtToFacts.ts";
import { FootballTxtError, parseFootballTxt } from "../formats/footballTxt/parseFootballTxt.ts";
import type { RecordingClubResolver } from "../identity/createClubResolver.ts";
import type { SeedSource } from "../seeds/seedFormat.ts";
import { checkSeedTies } from "../seeds/checkSeedTies.ts";
import { ruleSetIdFor } from "../ties/ruleSetIdFor.ts";
import { graphClubResolver, writeNameMatches } from "./graphClubResolver.ts";
import { readExistingMatches } from "./readExistingMatches.ts";
import { reconcileMatches, type FieldUpdate } from "./reconcileMatches.ts";
import { writeAddedDecisions, writeFacts, type FactCounts } from "./writeFacts.ts";

/** A problem with the file: every line names file, record (line) and field. */
export class FootballTxtImportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "FootballTxtImportError";
  }
}

export interface FootballTxtWriteResult {
  competition: string;
  season: string;
  ties: number;
  matches: number;
  counts: FactCounts;
  /** How the file's club names were resolved: new clubs, matches (with their rule), near-misses. */
  clubs: Pick<RecordingClubResolver, "newClubs" | "matches" | "nearMisses">;
  /** Matches other sources already gave: now reported by this source too. */
  corroborated: number;
  /** Conflicts added where this source disagrees with what the graph held. */
  conflicts: string[];
  /** Changes to matches this same source gave before. */
  updates: FieldUpdate[];
}

/** Where the vendored openfootball repositories live, each with a SOURCE.json (repository, commit, licence). */
export const openfootballDir = path.join(projectRoot, "data", "openfootball");

/**
 * The Source a Football.TXT file speaks as. A file of a vendored openfootball repository is that
 * repository at its commit, one Source per file ("openfootball:champions-league/2017-18/cl.txt"),
 * whether it comes in with the default graph or by `npm run import`; any other file is a dataset
 * named after the file.
 */
export function sourceOfFootballTxt(filePath: string): SeedSource {
  const relative = path.relative(openfootballDir, path.resolve(filePath));
  const [repository, ...rest] = relative.split(path.sep);
  if (!relative.startsWith("..") && repository && rest.length) {
    const about = JSON.parse(readFileSync(path.join(openfootballDir, repository, "SOURCE.json"), "utf8")) as { repository: string; commit: string; licence: string };
    const file = rest.join("/");
    return {
      id: `openfootball:${repository}/${file}`,
      kind: "DATASET",
      title: `${about.repository}, ${file} (Football.TXT)`,
      note: `Public repository ${about.repository} at commit ${about.commit}, licence ${about.licence}; vendored in data/openfootball/${repository}/.`,
    };
  }
  const base = path.basename(filePath);
  return { id: `dataset:${base.replace(/\.txt$/i, "")}`, kind: "DATASET", title: `Football.TXT file ${base}` };
}

/** Is this text a Football.TXT file? Its first line that is not blank or a comment is "= ...". */
export function looksLikeFootballTxt(text: string): boolean {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((line) => line.trim() !== "" && !line.trim().startsWith("#"));
  return first !== undefined && /^=\s*\S/.test(first);
}

/**
 * @param shared.clubs a resolver already built over the graph's clubs, to reuse across the files of
 * one run (the default graph's 30 files): building it reads and indexes every club and register
 * alias, which costs more than writing a file. Clubs it created for earlier files are known to it.
 * The caller must stop at the first file that fails, as the resolver then knows clubs the graph
 * does not hold.
 */
export async function writeFootballTxt(
  tx: ManagedTransaction,
  text: string,
  fileName: string,
  source: SeedSource,
  shared: { clubs?: RecordingClubResolver } = {},
): Promise<FootballTxtWriteResult> {
  let parsed;
  try {
    parsed = parseFootballTxt(text, fileName);
  } catch (error) {
    if (error instanceof FootballTxtError) throw new FootballTxtImportError([error.message]);
    throw error;
  }
  const existing = await readNamedEntities(tx);
  const resolver = shared.clubs ?? (await graphClubResolver(tx));
  const clubs = sinceNow(resolver);
  const facts = footballTxtToFacts(parsed, {
    source,
    clubs,
    existing: { competitions: existing.competitions, players: existing.players, stadiums: existing.stadiums },
    takenIds: existing.ids,
  });
  if (clubs.problems.length) throw new FootballTxtImportError([...clubs.problems]);
  // Every tie decided at the door, as a query would: what the engine would refuse (a goal at
  // minute 93 of a match without extra time, a shoot-out no shoot-out ends with ...) is refused
  // here, naming the tie and match, instead of failing every query of that tie later.
  const tieProblems: string[] = [];
  const competitionId = facts.seasons?.[0]?.competition;
  const competitionNamed = (facts.competitions ?? []).some((competition) => competition.id === competitionId) || !competitionId
    ? []
    : [{ id: competitionId, name: parsed.competition, aliases: [], sources: [source.id] }];
  checkSeedTies([{ fileName, content: { ...facts, competitions: [...(facts.competitions ?? []), ...competitionNamed] } }], tieProblems, { unreachedFacts: "keep" });
  if (tieProblems.length) throw new FootballTxtImportError(tieProblems);

  const known = await readExistingMatches(tx, facts);
  const reconciled = reconcileMatches(facts, source.id, known.matches, known.ties);
  const written = await writeFacts(tx, reconciled.facts, ruleSetIdFor, { sourceIds: [source.id] });
  await writeAddedDecisions(tx, reconciled.addedDecisions);
  const named = await writeNameMatches(tx, source.id, undefined, clubs.matches);
  const counts = { nodes: written.nodes + named.nodes, relationships: written.relationships + named.relationships };
  return {
    competition: parsed.competition,
    season: parsed.season,
    ties: facts.ties?.length ?? 0,
    matches: facts.matches?.length ?? 0,
    counts,
    clubs: { newClubs: clubs.newClubs, matches: clubs.matches, nearMisses: clubs.nearMisses },
    corroborated: reconciled.corroborated,
    conflicts: reconciled.conflicts,
    updates: reconciled.updates,
  };
}

/** The resolver, seen from now on: what it records for this file only. */
function sinceNow(resolver: RecordingClubResolver): RecordingClubResolver {
  const [clubs, matches, nearMisses, problems] = [resolver.newClubs.length, resolver.matches.length, resolver.nearMisses.length, resolver.problems.length];
  return {
    idOf: (mention) => resolver.idOf(mention),
    get newClubs() {
      return resolver.newClubs.slice(clubs);
    },
    get matches() {
      return resolver.matches.slice(matches);
    },
    get nearMisses() {
      return resolver.nearMisses.slice(nearMisses);
    },
    get problems() {
      return resolver.problems.slice(problems);
    },
  };
}

/** The named entities (other than clubs, which the club resolver reads) the batch may refer to. */
async function readNamedEntities(tx: ManagedTransaction) {
  const named = async (label: "Competition" | "Player" | "Stadium"): Promise<NamedEntity[]> => {
    const result = await tx.run(`MATCH (n:${label}) RETURN n.id AS id, coalesce(n.nameKeys, []) AS nameKeys`);
    return result.records.map((record) => ({ id: record.get("id") as string, nameKeys: record.get("nameKeys") as string[] }));
  };
  const [competitions, players, stadiums] = [await named("Competition"), await named("Player"), await named("Stadium")];
  const ids = [...competitions, ...players, ...stadiums].map((entity) => entity.id);
  return { competitions, players, stadiums, ids };
}
