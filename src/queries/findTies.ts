import type { Database } from "../database/Database.ts";

export interface TieCandidate {
  id: string;
  competition: string;
  club: string;
  opponent: string;
}

/**
 * Ties of a season between a club and an opponent, each given by a normalised name key that
 * must equal the key of a name or alias (see src/names/normalizeName.ts). More than one result
 * means the names were ambiguous.
 */
export async function findTies(
  database: Database,
  keys: { competition: string; season: string; club: string; opponent: string },
): Promise<TieCandidate[]> {
  return database.read<TieCandidate>(
    `MATCH (t:Tie {season: $season})-[:IN_COMPETITION]->(c:Competition)
     WHERE $competition IN c.nameKeys
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(a:Club)
     WHERE $club IN a.nameKeys
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club)
     WHERE $opponent IN b.nameKeys AND a <> b
     RETURN DISTINCT t.id AS id, c.name AS competition, a.name AS club, b.name AS opponent
     ORDER BY id
     LIMIT 10`,
    keys,
  );
}
