import type { Database } from "../database/Database.ts";
import { toLuceneQuery } from "../search/toLuceneQuery.ts";

export interface TieCandidate {
  id: string;
  competition: string;
  club: string;
  opponent: string;
}

export interface TieByNameRules extends TieCandidate {
  /** The keys of the club's (opponent's) name under the name rules that the club answers to: "EXACT:bayern munich". */
  clubHits: string[];
  opponentHits: string[];
}

/** One `tie(...)` lookup: the season label and normalised keys of the typed names (src/names/normalizeName.ts). */
export interface TieLookup {
  competition: string;
  season: string;
  club: string;
  opponent: string;
  /** Tagged keys of the typed names under the club resolver's name rules ("EXACT:bayern munich", "EXONYM:dynamo kiev"). */
  clubKeys: readonly string[];
  opponentKeys: readonly string[];
  /** The names as typed, for the error that names an unknown club. */
  typedClub: string;
  typedOpponent: string;
}

/** A name typed into `tie(...)` that no club answers to, with the clubs whose names come closest. */
export interface UnknownClubName {
  typed: string;
  /** Up to three club names, closest first (the `search` field's full-text index). */
  closest: string[];
}

/**
 * What each way of matching names found, tried in order, each only when the one before found
 * nothing:
 * - byRules: clubs answering to the typed names by the club resolver's name rules (`matchKeys`
 *   from seeds and imports, `registerKeys`, `userAliasKeys`), the competition by a name key;
 *   each row says which keys hit, so the caller can prefer the strictest rule;
 * - exact: the name keys equal the key of a name or alias;
 * - words: the key's words appear, in order and whole, in a name or alias ("bayern" in
 *   "bayern munich").
 * More than one tie in the first that found any means the names were ambiguous.
 *
 * When none found a tie, `unknownNames` lists the typed names that no club answers to by any of
 * the three ways, so that "no such tie" (null) and "no such club" (an error naming it and the
 * closest clubs) can be told apart without another round trip.
 */
export interface TieLookupResult {
  byRules: TieByNameRules[];
  exact: TieCandidate[];
  words: TieCandidate[];
  unknownNames: UnknownClubName[];
  /**
   * When none found a tie and both names answer, by the name rules, to one and the same club and
   * to no other ("Dortmund" and "BVB"): that club's name, else null. A tie is between two clubs.
   * Names that answer to several clubs ("Sporting", "Paris") are ambiguous, not the same club.
   */
  sameClub: string | null;
}

/** Full-text index (keyword analyzer: whole keys) over the clubs' key lists; see src/database/constraints.cypher. */
const clubKeysIndex = "club_keys";

/** A Lucene query for whole keys in the given fields of club_keys: `matchKeys:"EXACT:bayern munich" OR ...`. */
export function clubKeysQuery(fields: readonly string[], keys: readonly string[]): string | null {
  const phrases = keys.filter((key) => key.length > 0).map((key) => `"${key.replace(/["\\]/g, "\\$&")}"`);
  if (phrases.length === 0) return null;
  return fields.flatMap((field) => phrases.map((phrase) => `${field}:${phrase}`)).join(" OR ");
}

const ruleKeyFields = ["matchKeys", "registerKeys", "userAliasKeys"];
const clubKeysOf = (club: string) => `coalesce(${club}.matchKeys, []) + coalesce(${club}.registerKeys, []) + coalesce(${club}.userAliasKeys, [])`;
const wordsMatch = (key: string, typed: string) => `(${key} = ${typed} OR (" " + ${key} + " ") CONTAINS (" " + ${typed} + " "))`;

/**
 * Ties of a season between a club and an opponent, for many `tie(...)` lookups in one round trip
 * (the per-request DataLoader of src/graphql/requestLoaders.ts batches them). Results are in the
 * order of `lookups`.
 *
 * Reads do not grow with the ties of the season: the clubs are found first through the club_keys
 * full-text index (or, for names given in part, among the clubs), then the ties through their
 * matches.
 */
export async function findTiesForLookups(database: Database, lookups: readonly TieLookup[]): Promise<TieLookupResult[]> {
  const rows = await database.read<TieLookupResult & { position: number }>(
    `UNWIND range(0, size($lookups) - 1) AS position
     WITH position, $lookups[position] AS lookup
     CALL (lookup) {
       WITH lookup WHERE lookup.clubRuleQuery IS NOT NULL
       CALL db.index.fulltext.queryNodes("${clubKeysIndex}", lookup.clubRuleQuery) YIELD node AS a
       MATCH (a)<-[:HOME_CLUB|AWAY_CLUB]-(:Match)<-[:HAS_LEG]-(t:Tie)-[:IN_COMPETITION]->(c:Competition)
       WHERE t.season = lookup.season AND lookup.competition IN c.nameKeys
       WITH DISTINCT lookup, t, c, a, ${clubKeysOf("a")} AS aKeys
       MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club)
       WITH DISTINCT lookup, t, c, a, aKeys, b, ${clubKeysOf("b")} AS bKeys
       WHERE a <> b AND any(key IN bKeys WHERE key IN lookup.opponentKeys)
       WITH t, c, a, b, [key IN aKeys WHERE key IN lookup.clubKeys] AS clubHits, [key IN bKeys WHERE key IN lookup.opponentKeys] AS opponentHits
       ORDER BY t.id LIMIT 50
       RETURN collect({id: t.id, competition: c.name, club: a.name, opponent: b.name, clubHits: clubHits, opponentHits: opponentHits}) AS byRules
     }
     CALL (lookup, byRules) {
       WITH lookup WHERE size(byRules) = 0 AND lookup.clubNameQuery IS NOT NULL
       CALL db.index.fulltext.queryNodes("${clubKeysIndex}", lookup.clubNameQuery) YIELD node AS a
       MATCH (a)<-[:HOME_CLUB|AWAY_CLUB]-(:Match)<-[:HAS_LEG]-(t:Tie)-[:IN_COMPETITION]->(c:Competition)
       WHERE t.season = lookup.season AND lookup.competition IN c.nameKeys
       MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club)
       WHERE a <> b AND lookup.opponent IN b.nameKeys
       WITH DISTINCT t.id AS id, c.name AS competition, a.name AS club, b.name AS opponent
       ORDER BY id LIMIT 10
       RETURN collect({id: id, competition: competition, club: club, opponent: opponent}) AS exact
     }
     CALL (lookup, byRules, exact) {
       WITH lookup WHERE size(byRules) = 0 AND size(exact) = 0
       MATCH (a:Club) WHERE any(key IN a.nameKeys WHERE ${wordsMatch("key", "lookup.club")})
       MATCH (a)<-[:HOME_CLUB|AWAY_CLUB]-(:Match)<-[:HAS_LEG]-(t:Tie)-[:IN_COMPETITION]->(c:Competition)
       WHERE t.season = lookup.season AND any(key IN c.nameKeys WHERE ${wordsMatch("key", "lookup.competition")})
       MATCH (t)-[:HAS_LEG]->(:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club)
       WHERE a <> b AND any(key IN b.nameKeys WHERE ${wordsMatch("key", "lookup.opponent")})
       WITH DISTINCT t.id AS id, c.name AS competition, a.name AS club, b.name AS opponent
       ORDER BY id LIMIT 10
       RETURN collect({id: id, competition: competition, club: club, opponent: opponent}) AS words
     }
     CALL (lookup, byRules, exact, words) {
       WITH lookup WHERE size(byRules) = 0 AND size(exact) = 0 AND size(words) = 0
       UNWIND lookup.typedNames AS name
       WITH name WHERE NOT EXISTS {
           CALL db.index.fulltext.queryNodes("${clubKeysIndex}", name.keysQuery) YIELD node
           RETURN node
         }
         AND NOT EXISTS { MATCH (a:Club) WHERE any(key IN a.nameKeys WHERE ${wordsMatch("key", "name.key")}) }
       RETURN collect({typed: name.typed, closest: COLLECT {
           WITH name WHERE name.lucene IS NOT NULL
           CALL db.index.fulltext.queryNodes("entity_names", name.lucene) YIELD node, score
           WHERE node:Club
           RETURN node.name ORDER BY score DESC, node.name LIMIT 3
         }}) AS unknownNames
     }
     CALL (lookup, byRules, exact, words) {
       WITH lookup WHERE size(byRules) = 0 AND size(exact) = 0 AND size(words) = 0
         AND lookup.clubRuleQuery IS NOT NULL AND lookup.opponentRuleQuery IS NOT NULL
       CALL db.index.fulltext.queryNodes("${clubKeysIndex}", lookup.clubRuleQuery) YIELD node AS a
       WITH lookup, collect(a) AS clubs
       CALL (lookup) {
         CALL db.index.fulltext.queryNodes("${clubKeysIndex}", lookup.opponentRuleQuery) YIELD node AS b
         RETURN collect(b) AS opponents
       }
       WITH clubs WHERE size(clubs) = 1 AND size(opponents) = 1 AND clubs[0] = opponents[0]
       RETURN head(collect(clubs[0].name)) AS sameClub
     }
     RETURN position, byRules, exact, words, unknownNames, sameClub
     ORDER BY position`,
    {
      lookups: lookups.map((lookup) => ({
        ...lookup,
        clubRuleQuery: clubKeysQuery(ruleKeyFields, lookup.clubKeys),
        opponentRuleQuery: clubKeysQuery(ruleKeyFields, lookup.opponentKeys),
        clubNameQuery: clubKeysQuery(["nameKeys"], [lookup.club]),
        typedNames: [
          { typed: lookup.typedClub, key: lookup.club, keys: lookup.clubKeys },
          { typed: lookup.typedOpponent, key: lookup.opponent, keys: lookup.opponentKeys },
        ].map(({ typed, key, keys }) => ({
          typed,
          key,
          lucene: toLuceneQuery(typed),
          keysQuery: [clubKeysQuery(ruleKeyFields, keys), clubKeysQuery(["nameKeys"], [key])].filter(Boolean).join(" OR "),
        })),
      })),
    },
  );
  return rows.map(({ byRules, exact, words, unknownNames, sameClub }) => ({ byRules, exact, words, unknownNames, sameClub }));
}

