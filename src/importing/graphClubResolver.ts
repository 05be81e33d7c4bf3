/**
 * The one club resolver as every import uses it, over the clubs of the graph it writes to, and
 * the record of how each name was matched (NameMatch nodes). Shared by every import path (results,
 * seed and Football.TXT files, the default graph's openfootball files).
 */
import type { ManagedTransaction } from "neo4j-driver";
import { createClubResolver, describeAt, type NameMatch, type RecordingClubResolver } from "../identity/createClubResolver.ts";
import { readKnownClubs } from "../identity/readKnownClubs.ts";
import { defaultClubRegister } from "../identity/register/readClubRegister.ts";
import { slugify } from "../names/slugify.ts";
import type { FactCounts } from "./writeFacts.ts";

/** The one club resolver over the graph's clubs, with the register's exonyms. */
export async function graphClubResolver(tx: ManagedTransaction): Promise<RecordingClubResolver> {
  const ids = await tx.run(`MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Club RETURN collect(n.id) AS ids`);
  return createClubResolver({
    clubs: await readKnownClubs(tx),
    exonyms: defaultClubRegister().exonyms,
    takenIds: ids.records[0]!.get("ids") as string[],
  });
}

/**
 * Each name of the file resolved to a club already known becomes a (:NameMatch) of that club:
 * the name, the rule and the name it matched with that name's source and line, REPORTED_BY the
 * file. `Club.nameMatches` answers "why is this name this club?".
 */
export async function writeNameMatches(tx: ManagedTransaction, resultsSourceId: string, seedSourceId: string | undefined, matches: readonly NameMatch[]): Promise<FactCounts> {
  const sourceId = seedSourceId ?? resultsSourceId;
  const rows = matches.map((match) => ({
    id: `namematch:${sourceId}:${slugify(match.name)}:${match.clubId}`,
    club: match.clubId,
    properties: {
      name: match.name, rule: match.rule, matchedName: match.matchedName, matchedLanguage: match.matchedLanguage,
      matchedSource: match.matchedSource, matchedRef: match.matchedRef, tieBreak: match.tieBreak, at: describeAt(match.at),
    },
  }));
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (c:Club {id: row.club}), (s:Source {id: $source})
     MERGE (m:NameMatch {id: row.id})
     SET m += row.properties
     MERGE (c)-[:KNOWN_AS]->(m)
     MERGE (m)-[:REPORTED_BY]->(s)`,
    { rows, source: sourceId },
  );
  const updates = result.summary.counters.updates();
  return { nodes: updates.nodesCreated, relationships: updates.relationshipsCreated };
}

