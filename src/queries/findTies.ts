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

export interface TieByNameRules {
  id: string;
  competition: string;
  club: string;
  opponent: string;
  /** The keys of the club's (opponent's) name under the name rules that the club answers to: "EXACT:bayern munich". */
  clubHits: string[];
  opponentHits: string[];
}

/**
 * Ties of a season in a competition (by name key, exactly) between a club answering to any of
 * `clubKeys` and one answering to any of `opponentKeys`: tagged keys of the typed names under the
 * club resolver's name rules ("EXACT:bayern munich", "EXONYM:dynamo kiev"), matched against the
 * keys stored on clubs (`matchKeys` from seeds and imports, `registerKeys`, `userAliasKeys`).
 * Each row says which keys hit, so the caller can prefer the strictest rule. One round trip.
 */
export async function findTiesByNameRules(
  database: Database,
  keys: { competition: string; season: string; clubKeys: readonly string[]; opponentKeys: readonly string[] },
): Promise<TieByNameRules[]> {
  return database.read<TieByNameRules>(
    `MATCH (t:Tie {season: $season})-[:IN_COMPETITION]->(c:Competition)
     WHERE $competition IN c.nameKeys
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(a:Club)
     WITH DISTINCT t, c, a, coalesce(a.matchKeys, []) + coalesce(a.registerKeys, []) + coalesce(a.userAliasKeys, []) AS aKeys
     WHERE any(key IN aKeys WHERE key IN $clubKeys)
     MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club)
     WITH DISTINCT t, c, a, aKeys, b, coalesce(b.matchKeys, []) + coalesce(b.registerKeys, []) + coalesce(b.userAliasKeys, []) AS bKeys
     WHERE a <> b AND any(key IN bKeys WHERE key IN $opponentKeys)
     RETURN t.id AS id, c.name AS competition, a.name AS club, b.name AS opponent,
            [key IN aKeys WHERE key IN $clubKeys] AS clubHits, [key IN bKeys WHERE key IN $opponentKeys] AS opponentHits
     ORDER BY id
     LIMIT 50`,
    keys,
  );
}
