import type { Database } from "../database/Database.ts";
import type { HeadToHeadMatch } from "../matches/headToHeadRecord.ts";

export type HeadToHeadRows =
  | { kind: "unknownClubs"; ids: string[] }
  | { kind: "found"; matches: (HeadToHeadMatch & { id: string })[]; tieIds: string[] };

/**
 * Every match between two clubs (either at home), oldest first, with what the record needs, and
 * the ids of the ties those matches are legs of.
 */
export async function findHeadToHead(database: Database, args: { club: string; opponent: string }): Promise<HeadToHeadRows> {
  const [row] = await database.read<{ known: string[]; matches: (HeadToHeadMatch & { id: string })[]; tieIds: string[] }>(
    `OPTIONAL MATCH (club:Club) WHERE club.id IN [$club, $opponent]
     WITH collect(club.id) AS known
     OPTIONAL MATCH (a:Club {id: $club})<-[:HOME_CLUB|AWAY_CLUB]-(m:Match)-[:HOME_CLUB|AWAY_CLUB]->(b:Club {id: $opponent})
     WITH known, m ORDER BY m.date, m.legNumber
     WITH known, collect(DISTINCT m) AS found
     RETURN known,
       [m IN found | m {
         .id, .played, .homeScore, .awayScore, .homeScoreAfterExtraTime, .awayScoreAfterExtraTime, .homePenalties, .awayPenalties,
         homeClubId: head([(m)-[:HOME_CLUB]->(c) | c.id]), awayClubId: head([(m)-[:AWAY_CLUB]->(c) | c.id])
       }] AS matches,
       [tieId IN reduce(ids = [], m IN found | ids + [(tie:Tie)-[:HAS_LEG]->(m) | tie.id]) WHERE tieId IS NOT NULL] AS tieIds`,
    { club: args.club, opponent: args.opponent },
  );
  const unknown = [args.club, args.opponent].filter((id) => !row!.known.includes(id));
  if (unknown.length) return { kind: "unknownClubs", ids: [...new Set(unknown)] };
  return { kind: "found", matches: row!.matches, tieIds: [...new Set(row!.tieIds)] };
}
