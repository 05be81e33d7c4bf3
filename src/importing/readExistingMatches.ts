/**
 * Reads, inside an import's transaction, the matches and ties of the graph that a batch's
 * matches may be: the match with the same id, or else the match of the same competition season
 * on the same date between the same home and away clubs (ids after resolution). Feeds
 * reconcileMatches.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { SeedFile } from "../seeds/seedFormat.ts";
import { KEEP_PLAN } from "./FactWriter.ts";
import { comparedValuesOf, type ExistingMatch, type ExistingTie } from "./reconcileMatches.ts";

export async function readExistingMatches(
  tx: ManagedTransaction,
  facts: SeedFile,
): Promise<{ matches: Map<string, ExistingMatch>; ties: Map<string, ExistingTie> }> {
  const stageOfTie = new Map((facts.ties ?? []).map((tie) => [tie.id, tie.stage]));
  const seasonOfStage = new Map((facts.stages ?? []).map((stage) => [stage.id, stage.season]));
  const rows = (facts.matches ?? []).map((match) => {
    const stage = match.stage ?? (match.tie ? stageOfTie.get(match.tie) : undefined);
    return { id: match.id, date: match.date ?? null, home: match.home, away: match.away, season: stage ? seasonOfStage.get(stage) ?? null : null };
  });
  const matches = new Map<string, ExistingMatch>();
  if (rows.length) {
    const result = await tx.run(
      `${KEEP_PLAN} UNWIND $rows AS row
       OPTIONAL MATCH (byId:Match {id: row.id})
       WITH row, byId, CASE WHEN byId IS NULL AND row.date IS NOT NULL AND row.season IS NOT NULL THEN COLLECT {
         MATCH (:Club {id: row.home})<-[:HOME_CLUB]-(m:Match)-[:AWAY_CLUB]->(:Club {id: row.away})
         WHERE m.date = date(row.date)
           AND (EXISTS { (m)<-[:HAS_LEG]-(:Tie)-[:IN_STAGE]->(:Stage)-[:OF_SEASON]->(:Season {id: row.season}) }
                OR EXISTS { (m)-[:IN_STAGE]->(:Stage)-[:OF_SEASON]->(:Season {id: row.season}) })
         RETURN m LIMIT 1
       } ELSE [] END AS byKey
       WITH row, coalesce(byId, byKey[0]) AS m
       WHERE m IS NOT NULL
       OPTIONAL MATCH (m)<-[:HAS_LEG]-(t:Tie)
       OPTIONAL MATCH (m)-[:PLAYED_AT]->(stadium:Stadium)
       RETURN row.id AS batchId, m.id AS id, t.id AS tie, toString(m.date) AS date, stadium.id AS stadium,
              m.homeScore AS homeScore, m.awayScore AS awayScore,
              m.homeScoreAfterExtraTime AS homeScoreAfterExtraTime, m.awayScoreAfterExtraTime AS awayScoreAfterExtraTime,
              m.homePenalties AS homePenalties, m.awayPenalties AS awayPenalties, m.awarded AS awarded,
              [(m)-[:REPORTED_BY]->(s:Source) | s.id] AS sources`,
      { rows },
    );
    for (const record of result.records) {
      const value = (key: string) => {
        const raw = record.get(key);
        return raw === null ? undefined : typeof raw === "object" && "toNumber" in raw ? raw.toNumber() : raw;
      };
      matches.set(record.get("batchId"), {
        id: record.get("id"),
        tie: record.get("tie"),
        sources: record.get("sources"),
        values: comparedValuesOf({
          date: value("date"),
          stadium: value("stadium"),
          homeScore: value("homeScore"),
          awayScore: value("awayScore"),
          homeScoreAfterExtraTime: value("homeScoreAfterExtraTime"),
          awayScoreAfterExtraTime: value("awayScoreAfterExtraTime"),
          homePenalties: value("homePenalties"),
          awayPenalties: value("awayPenalties"),
          awarded: value("awarded"),
        }),
      });
    }
  }
  const tieIds = [...new Set([...(facts.ties ?? []).map((tie) => tie.id), ...[...matches.values()].flatMap((match) => (match.tie ? [match.tie] : []))])];
  const ties = new Map<string, ExistingTie>();
  if (tieIds.length) {
    const result = await tx.run(
      `${KEEP_PLAN} UNWIND $ids AS id MATCH (t:Tie {id: id}) RETURN t.id AS id, [(t)-[:REPORTED_BY]->(s:Source) | s.id] AS sources`,
      { ids: tieIds },
    );
    for (const record of result.records) ties.set(record.get("id"), { id: record.get("id"), sources: record.get("sources") });
  }
  return { matches, ties };
}
