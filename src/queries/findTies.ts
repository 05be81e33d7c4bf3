import type { Database } from "../database/Database.ts";

export interface TieCandidate {
  id: string;
  competition: string;
  club: string;
  opponent: string;
}

export type NameMatching = "EXACT" | "WORDS";

/**
 * Ties of a season between a club and an opponent, each given by a normalised name key (see
 * src/names/normalizeName.ts). EXACT: the key equals the key of a name or alias. WORDS: the key's
 * words appear, in order and whole, in a name or alias ("bayern" in "bayern munich"). More than
 * one result means the names were ambiguous.
 */
export async function findTies(
  database: Database,
  keys: { competition: string; season: string; club: string; opponent: string },
  matching: NameMatching = "EXACT",
): Promise<TieCandidate[]> {
  return database.read<TieCandidate>(
    `MATCH (t:Tie {season: $season})-[:IN_COMPETITION]->(c:Competition)
     WHERE any(key IN c.nameKeys WHERE key = $competition OR ($words AND (" " + key + " ") CONTAINS (" " + $competition + " ")))
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(a:Club)
     WHERE any(key IN a.nameKeys WHERE key = $club OR ($words AND (" " + key + " ") CONTAINS (" " + $club + " ")))
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club)
     WHERE a <> b AND any(key IN b.nameKeys WHERE key = $opponent OR ($words AND (" " + key + " ") CONTAINS (" " + $opponent + " ")))
     RETURN DISTINCT t.id AS id, c.name AS competition, a.name AS club, b.name AS opponent
     ORDER BY id
     LIMIT 10`,
    { ...keys, words: matching === "WORDS" },
  );
}

export interface TieByClubs {
  id: string;
  competition: string;
  clubId: string;
  club: string;
  opponentId: string;
  opponent: string;
}

/**
 * Ties of a season in a competition (by name key, exactly) between one of `clubIds` and one of
 * `opponentIds`: the clubs the name rules found for each typed name (findClubCandidates).
 */
export async function findTiesBetween(
  database: Database,
  keys: { competition: string; season: string },
  clubIds: readonly string[],
  opponentIds: readonly string[],
): Promise<TieByClubs[]> {
  if (!clubIds.length || !opponentIds.length) return [];
  return database.read<TieByClubs>(
    `MATCH (t:Tie {season: $season})-[:IN_COMPETITION]->(c:Competition)
     WHERE $competition IN c.nameKeys
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(a:Club) WHERE a.id IN $clubIds
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club) WHERE a <> b AND b.id IN $opponentIds
     RETURN DISTINCT t.id AS id, c.name AS competition, a.id AS clubId, a.name AS club, b.id AS opponentId, b.name AS opponent
     ORDER BY id
     LIMIT 50`,
    { ...keys, clubIds, opponentIds },
  );
}
