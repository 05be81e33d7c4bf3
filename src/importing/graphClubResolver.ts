/**
 * The one club resolver as every import uses it, over the clubs of the graph it writes to, and
 * the record of how each name was matched (NameMatch nodes). Shared by every import path (results,
 * seed and Football.TXT files, the default graph's openfootball files).
 */
import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import { createClubResolver, describeAt, type NameMatch, type RecordingClubResolver, type UserAlias } from "../identity/createClubResolver.ts";
import { readKnownClubs } from "../identity/readKnownClubs.ts";
import { defaultClubRegister } from "../identity/register/readClubRegister.ts";
import { slugify } from "../names/slugify.ts";
import { TAG_CREATED, type FactCounts } from "./FactWriter.ts";

/** Labels with ids besides Club (src/database/constraints.cypher), fixed, never from input. */
const idLabels = ["Competition", "Season", "Stage", "Tie", "Match", "Goal", "Player", "Stadium", "Coach", "Source"];

/**
 * The one club resolver over the graph's clubs, with the register's exonyms.
 * @param extraAliases aliases a caller's data states besides the graph's (the default graph's
 * data/openfootball/champions-league/club-aliases.json).
 */
export async function graphClubResolver(tx: ManagedTransaction, extraAliases: readonly UserAlias[] = []): Promise<RecordingClubResolver> {
  // New clubs get ids "club:<name>": only such ids held by other labels can collide. One index
  // seek per label (their unique constraints), not a walk over every node of the graph.
  const ids = await tx.run(
    `CALL () { ${idLabels.map((label) => `MATCH (n:${label}) WHERE n.id STARTS WITH "club:" RETURN n.id AS id`).join(" UNION ALL ")} }
     RETURN collect(id) AS ids`,
  );
  const { clubs, aliases } = await readKnownClubs(tx);
  return createClubResolver({
    clubs,
    aliases: [...aliases, ...extraAliases],
    exonyms: defaultClubRegister().exonyms,
    takenIds: ids.records[0]!.get("ids") as string[],
  });
}

/**
 * Each name of the file resolved to a club already known becomes a (:NameMatch) of that club:
 * the name, the rule and the name it matched with that name's source and line, REPORTED_BY the
 * file. `Club.nameMatches` answers "why is this name this club?".
 */
export async function writeNameMatches(
  tx: ManagedTransaction,
  resultsSourceId: string,
  seedSourceId: string | undefined,
  matches: readonly NameMatch[],
  importRun: string | null = null,
): Promise<FactCounts> {
  const sourceId = seedSourceId ?? resultsSourceId;
  // A name matching a name this same file gave (importing it again) explains nothing new.
  const rows = matches.filter((match) => match.matchedSource !== sourceId).map((match) => ({
    // The name itself in the id: "Borussia Monchengladbach" and "Borussia Mönchengladbach" are two matches.
    id: `namematch:${sourceId}:${match.clubId}:${slugify(match.name)}-${createHash("sha256").update(match.name).digest("hex").slice(0, 8)}`,
    club: match.clubId,
    properties: {
      name: match.name, rule: match.rule, matchedName: match.matchedName, matchedLanguage: match.matchedLanguage,
      matchedSource: match.matchedSource, matchedRef: match.matchedRef, tieBreak: match.tieBreak, at: describeAt(match.at),
    },
  }));
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (c:Club {id: row.club}), (s:Source {id: $source})
     MERGE (m:NameMatch {id: row.id}) ${TAG_CREATED("m")}
     SET m += row.properties
     MERGE (c)-[:KNOWN_AS]->(m)
     MERGE (m)-[:REPORTED_BY]->(s)`,
    { rows, source: sourceId, importRun },
  );
  const updates = result.summary.counters.updates();
  return { nodes: updates.nodesCreated, relationships: updates.relationshipsCreated };
}
