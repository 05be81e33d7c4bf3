/**
 * Reads, inside an import's transaction, the matches and ties of the graph that a batch's
 * matches may be: the match with the same id, or else the match of the same competition season
 * on the same date between the same home and away clubs (ids after resolution), or else the leg
 * of the same number, between the same clubs, of a tie the graph holds (the batch's tie, found by
 * id or by another of its legs). Feeds reconcileMatches.
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
    return {
      id: match.id, date: match.date ?? null, home: match.home, away: match.away, season: stage ? seasonOfStage.get(stage) ?? null : null,
      tie: match.tie ?? null, legNumber: match.legNumber,
    };
  });
  const matches = new Map<string, ExistingMatch>();
  if (rows.length) {
    // By id, then the matches of the batch's seasons (few, and none on a cold start), joined in
    // memory by date and clubs: one index lookup per row and one walk per season.
    const values = `m.id AS id, toString(m.date) AS date, [(m)-[:HOME_CLUB]->(h) | h.id][0] AS home, [(m)-[:AWAY_CLUB]->(a) | a.id][0] AS away,
       [(m)<-[:HAS_LEG]-(t:Tie) | t.id][0] AS tie, [(m)-[:PLAYED_AT]->(st:Stadium) | st.id][0] AS stadium,
       m.homeScore AS homeScore, m.awayScore AS awayScore,
       m.homeScoreAfterExtraTime AS homeScoreAfterExtraTime, m.awayScoreAfterExtraTime AS awayScoreAfterExtraTime,
       m.homePenalties AS homePenalties, m.awayPenalties AS awayPenalties, m.awarded AS awarded,
       [(m)-[:REPORTED_BY]->(s:Source) | s.id] AS sources`;
    const byId = await tx.run(`${KEEP_PLAN} UNWIND $ids AS matchId MATCH (m:Match {id: matchId}) RETURN ${values}`, { ids: rows.map((row) => row.id) });
    const seasons = [...new Set(rows.flatMap((row) => (row.season ? [row.season] : [])))];
    const bySeason = await tx.run(
      `${KEEP_PLAN} UNWIND $seasons AS seasonId
       MATCH (:Season {id: seasonId})<-[:OF_SEASON]-(stage:Stage)
       CALL (stage) {
         MATCH (stage)<-[:IN_STAGE]-(:Tie)-[:HAS_LEG]->(m:Match) RETURN m
         UNION
         MATCH (stage)<-[:IN_STAGE]-(m:Match) RETURN m
       }
       RETURN seasonId, ${values}`,
      { seasons },
    );
    const toExisting = (record: (typeof byId.records)[number]): ExistingMatch & { home: string; away: string; date: string | null } => {
      const value = (key: string) => {
        const raw = record.get(key);
        return raw === null ? undefined : typeof raw === "object" && "toNumber" in raw ? raw.toNumber() : raw;
      };
      return {
        id: record.get("id"),
        tie: record.get("tie"),
        sources: record.get("sources"),
        home: record.get("home"),
        away: record.get("away"),
        date: record.get("date"),
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
      };
    };
    const withId = new Map(byId.records.map((record) => [record.get("id") as string, toExisting(record)]));
    const keyOf = (season: string | null, date: string | null, home: string, away: string) => `${season}|${date}|${home}|${away}`;
    const withKey = new Map(bySeason.records.map((record) => {
      const found = toExisting(record);
      return [keyOf(record.get("seasonId"), found.date, found.home, found.away), found] as const;
    }));
    for (const row of rows) {
      const found = withId.get(row.id) ?? (row.date && row.season ? withKey.get(keyOf(row.season, row.date, row.home, row.away)) : undefined);
      if (found) {
        matches.set(row.id, { id: found.id, tie: found.tie, sources: found.sources, values: found.values });
        continue;
      }
      // A final at a neutral ground: sources differ on which club they write first. The same
      // date and clubs the other way round is the same match, its scores read from the batch's side.
      const reversed = row.date && row.season ? withKey.get(keyOf(row.season, row.date, row.away, row.home)) : undefined;
      if (reversed) matches.set(row.id, { id: reversed.id, tie: reversed.tie, sources: reversed.sources, values: reversedSides(reversed.values) });
    }

    // A leg of a tie the graph holds (one of its other legs was found above, or the tie has the
    // same id) is that tie's leg of the same number between the same clubs, whatever its date:
    // a date the sources disagree on is a Conflict on that leg, never a third leg of the tie.
    const heldTieOf = new Map<string, string>();
    for (const row of rows) {
      const held = matches.get(row.id)?.tie;
      if (row.tie && held && !heldTieOf.has(row.tie)) heldTieOf.set(row.tie, held);
    }
    const unmatched = rows.filter((row) => !matches.has(row.id) && row.tie);
    if (unmatched.length) {
      const tieIds = [...new Set(unmatched.map((row) => heldTieOf.get(row.tie!) ?? row.tie!))];
      const legs = await tx.run(
        `${KEEP_PLAN} UNWIND $ties AS tieId MATCH (:Tie {id: tieId})-[:HAS_LEG]->(m:Match) RETURN m.legNumber AS legNumber, ${values}`,
        { ties: tieIds },
      );
      const taken = new Set([...matches.values()].map((match) => match.id));
      const byLeg = new Map(legs.records.map((record) => {
        const found = toExisting(record);
        const legNumber = record.get("legNumber");
        return [`${found.tie}|${typeof legNumber === "object" && legNumber !== null ? legNumber.toNumber() : legNumber}|${found.home}|${found.away}`, found] as const;
      }));
      for (const row of unmatched) {
        const found = byLeg.get(`${heldTieOf.get(row.tie!) ?? row.tie}|${row.legNumber}|${row.home}|${row.away}`);
        if (!found || taken.has(found.id)) continue;
        taken.add(found.id);
        matches.set(row.id, { id: found.id, tie: found.tie, sources: found.sources, values: found.values });
      }
    }
  }
  const tieIds = [...new Set([...(facts.ties ?? []).map((tie) => tie.id), ...[...matches.values()].flatMap((match) => (match.tie ? [match.tie] : []))])];
  const ties = new Map<string, ExistingTie>();
  if (tieIds.length) {
    const result = await tx.run(
      `${KEEP_PLAN} UNWIND $ids AS id MATCH (t:Tie {id: id}) RETURN t.id AS id, t.recordedDecision AS recordedDecision, [(t)-[:REPORTED_BY]->(s:Source) | s.id] AS sources`,
      { ids: tieIds },
    );
    for (const record of result.records) ties.set(record.get("id"), { id: record.get("id"), sources: record.get("sources"), recordedDecision: record.get("recordedDecision") ?? null });
  }
  return { matches, ties };
}

/** Compared values with home and away swapped: scores "2-1" read as "1-2". */
function reversedSides(values: Record<string, string>): Record<string, string> {
  const pairs = new Set(["score", "scoreAfterExtraTime", "penalties"]);
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, pairs.has(field) ? value.split("-").reverse().join("-") : value]));
}
