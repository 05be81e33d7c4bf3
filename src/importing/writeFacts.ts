/**
 * Writes a batch of facts (the seed format, which the results importer also produces) into the
 * graph inside a caller's transaction. MERGE on stable ids and refreshed single-valued edges make
 * it idempotent: writing the same batch twice leaves the graph as it was after the first time.
 * Competitions to matches and goals are written here; what hangs off them is written, in the same
 * transaction, by writeEntityLinks (clubs, coaches, grounds), writeMatchEvents (cards,
 * substitutions, ..., statistics, standings) and writeConflicts (conflicts and claims), in that order.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { taggedMatchKeysOf } from "../identity/matchKeys.ts";
import { defaultClubRegister } from "../identity/register/readClubRegister.ts";
import { nameKeysOf } from "../names/normalizeName.ts";
import { goalIdOf, type SeedFile, type SeedNamedEntity } from "../seeds/seedFormat.ts";
import { FactWriter, neo4jDate, sourceIdsNamedIn, TAG_CREATED, type FactCounts } from "./FactWriter.ts";
import type { AddedDecision } from "./reconcileMatches.ts";
import { writeConflicts } from "./writeConflicts.ts";
import { writeEntityLinks } from "./writeEntityLinks.ts";
import { writeMatchEvents } from "./writeMatchEvents.ts";

export type { FactCounts } from "./FactWriter.ts";

/** Decides which tie rule set applies; injected so this module stays free of the rules. */
export type RuleSetResolver = (competitionName: string, seasonLabel: string, stageName: string | undefined) => string;

const namedLabels = {
  competitions: "Competition",
  clubs: "Club",
  players: "Player",
  stadiums: "Stadium",
  coaches: "Coach",
} as const;

/** Fields of named records that are relationship facts, written by writeEntityLinks, not properties. */
const linkFields = new Set(["clubs", "grounds", "seasons", "succeeded"]);

/**
 * The fields every named node stores besides its own extras. A club's nicknames are searchable
 * (aliasText feeds the full-text index) but are not name keys: a nickname does not identify a
 * club in a tie lookup.
 */
function namedProperties(label: string, entity: SeedNamedEntity & { nicknames?: string[] }): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries(entity).filter(([field]) => field !== "id" && field !== "sources" && !linkFields.has(field)),
  );
  const nicknames = entity.nicknames ?? [];
  return {
    ...properties,
    // A club's keys under every name rule, for `tie` and `search` (src/identity/matchKeys.ts).
    ...(label === "Club" ? { nicknames, matchKeys: taggedMatchKeysOf([entity.name, ...entity.aliases], null, defaultClubRegister().exonyms) } : {}),
    aliases: entity.aliases,
    aliasText: [...entity.aliases, ...nicknames].join(" | "),
    nameKeys: nameKeysOf(entity.name, entity.aliases),
  };
}

/** Facts the graph holds from other sources that this batch's source also reports (see reconcileMatches). */
export interface SourceCorroboration {
  label: "Match" | "Tie";
  id: string;
  sources: string[];
}

/**
 * @param options.sourceIds the sources the batch speaks for, when not every source it names is
 * its own (an import's conflicts name the other sources' claims); by default every source named.
 * @param options.importRun the batched import writing this batch: nodes it creates carry its id.
 */
export async function writeFacts(
  tx: ManagedTransaction,
  facts: SeedFile & { corroborations?: SourceCorroboration[] },
  resolveRuleSet: RuleSetResolver,
  options: { sourceIds?: string[]; importRun?: string } = {},
): Promise<FactCounts> {
  // Sources named in this batch: edges to them are rewritten from the batch; edges to other
  // sources (another import, the seeds) are left alone.
  const writer = new FactWriter(tx, options.sourceIds ?? sourceIdsNamedIn(facts), options.importRun ?? null);
  const run = (cypher: string, params: Record<string, unknown>) => writer.run(cypher, params);
  const linkSources = (label: string, rows: { id: string; sources: string[] }[]) => writer.linkSources(label, rows);
  const sourcedRows = <T extends { id: string; sources: string[] }>(records: T[] | undefined) =>
    (records ?? []).map((record) => ({ id: record.id, sources: record.sources }));

  if (facts.sources?.length) {
    await run(
      `UNWIND $rows AS row
       MERGE (s:Source {id: row.id}) ${TAG_CREATED("s")}
       SET s.kind = row.kind, s.language = row.language, s.title = row.title,
           s.publishedOn = CASE WHEN row.publishedOn IS NULL THEN null ELSE date(row.publishedOn) END,
           s.publishedOnDerived = row.publishedOnDerived, s.citedOutlets = row.citedOutlets, s.note = row.note`,
      {
        rows: facts.sources.map((source) => ({
          language: null, publishedOn: null, publishedOnDerived: null, citedOutlets: null, note: null, ...source,
        })),
      },
    );
  }

  for (const [kind, label] of Object.entries(namedLabels) as [keyof typeof namedLabels, string][]) {
    const records = facts[kind];
    if (!records?.length) continue;
    // The label comes from the fixed table above, never from input.
    await writer.mergeNodes(label, records.map((record) => ({ id: record.id, properties: namedProperties(label, record) })));
    await linkSources(label, sourcedRows(records));
  }
  // Clubs written before nicknames existed (an older import) get an empty list, as new ones do.
  if (facts.clubs?.length) await run(`MATCH (c:Club) WHERE c.nicknames IS NULL SET c.nicknames = []`, {});

  if (facts.seasons?.length) {
    const competitionNames = await namesById(tx, "Competition", facts.seasons.map((season) => season.competition));
    await run(
      `UNWIND $rows AS row
       MATCH (c:Competition {id: row.competition})
       MERGE (s:Season {id: row.id}) ${TAG_CREATED("s")}
       SET s.label = row.label, s.ruleSetId = row.ruleSetId
       WITH s, c
       OPTIONAL MATCH (s)-[old:OF_COMPETITION]->(other) WHERE other <> c
       DELETE old
       MERGE (s)-[:OF_COMPETITION]->(c)`,
      {
        rows: facts.seasons.map((season) => ({
          id: season.id,
          competition: season.competition,
          label: season.label,
          ruleSetId: season.ruleSetId ?? resolveRuleSet(competitionNames.get(season.competition) ?? season.competition, season.label, undefined),
        })),
      },
    );
    await linkSources("Season", sourcedRows(facts.seasons));
  }

  if (facts.stages?.length) {
    // The ordinal, the draw date, the day and the city of a final are set only by a record that
    // gives them: a results file naming the same stage (the 2017-18 final) must not wipe what the
    // seeds say, nor the seeds what openfootball's stage order says.
    await run(
      `UNWIND $rows AS row
       MATCH (season:Season {id: row.season})
       MERGE (st:Stage {id: row.id}) ${TAG_CREATED("st")}
       SET st.name = row.name, st += row.stated
       WITH st, season
       OPTIONAL MATCH (st)-[old:OF_SEASON]->(other) WHERE other <> season
       DELETE old
       MERGE (st)-[:OF_SEASON]->(season)`,
      {
        rows: facts.stages.map((stage) => ({
          id: stage.id,
          season: stage.season,
          name: stage.name,
          stated: Object.fromEntries(
            Object.entries({
              ordinal: stage.ordinal,
              drawDate: stage.drawDate && neo4jDate(stage.drawDate),
              drawDateDerived: stage.drawDateDerived,
              date: stage.date && neo4jDate(stage.date),
              city: stage.city,
            }).filter(([, value]) => value !== undefined),
          ),
        })),
      },
    );
    await linkSources("Stage", sourcedRows(facts.stages));
  }

  if (facts.ties?.length) {
    // A tie carries its season label, stage name and rule set so that reading it needs no hops.
    const context = await tx.run(
      `UNWIND $stageIds AS stageId
       MATCH (st:Stage {id: stageId})-[:OF_SEASON]->(season:Season)-[:OF_COMPETITION]->(c:Competition)
       RETURN stageId, st.name AS stage, season.label AS season, c.id AS competitionId, c.name AS competition, season.ruleSetId AS seasonRuleSetId`,
      { stageIds: [...new Set(facts.ties.map((tie) => tie.stage))] },
    );
    const stageContext = new Map(context.records.map((record) => [record.get("stageId") as string, record.toObject()]));
    await run(
      `UNWIND $rows AS row
       MATCH (st:Stage {id: row.stage}), (c:Competition {id: row.competitionId})
       MERGE (t:Tie {id: row.id}) ${TAG_CREATED("t")}
       // A recorded winner or decision that this batch does not state is kept: another source may
       // have added it to the tie (writeAddedDecisions), and reloading this batch must not erase it.
       SET t.season = row.season, t.stage = row.stageName, t.ruleSetId = row.ruleSetId,
           t.recordedDecision = coalesce(row.recordedDecision, t.recordedDecision),
           t.recordedDecisionNote = coalesce(row.recordedDecisionNote, t.recordedDecisionNote),
           t.sourceWinnerName = coalesce(row.sourceWinnerName, t.sourceWinnerName)
       WITH t, st, c, row
       OPTIONAL MATCH (t)-[old:IN_STAGE|IN_COMPETITION|RECORDED_WINNER]->(target)
       WHERE NOT ((type(old) = "IN_STAGE" AND target = st) OR (type(old) = "IN_COMPETITION" AND target = c)
                  OR (type(old) = "RECORDED_WINNER" AND (row.recordedWinner IS NULL OR target.id = row.recordedWinner)))
       DELETE old
       WITH DISTINCT t, st, c, row
       MERGE (t)-[:IN_STAGE]->(st)
       MERGE (t)-[:IN_COMPETITION]->(c)
       WITH t, row WHERE row.recordedWinner IS NOT NULL
       MATCH (winner:Club {id: row.recordedWinner})
       MERGE (t)-[:RECORDED_WINNER]->(winner)`,
      {
        rows: facts.ties.map((tie) => {
          const stage = stageContext.get(tie.stage);
          if (!stage) throw new Error(`tie "${tie.id}": stage "${tie.stage}" is not in the graph`);
          const recorded = tie;
          return {
            id: tie.id,
            stage: tie.stage,
            stageName: stage.stage,
            season: stage.season,
            competitionId: stage.competitionId,
            ruleSetId: recorded.ruleSetId ?? resolveRuleSet(stage.competition as string, stage.season as string, stage.stage as string),
            recordedDecision: recorded.recordedDecision ?? null,
            recordedWinner: recorded.recordedWinner ?? null,
            recordedDecisionNote: recorded.recordedDecisionNote ?? null,
            sourceWinnerName: recorded.sourceWinnerName ?? null,
          };
        }),
      },
    );
    await linkSources("Tie", sourcedRows(facts.ties));
  }

  if (facts.matches?.length) {
    // A match is a leg of a tie (HAS_LEG) or, belonging to no tie (group stage, league phase),
    // sits in its stage directly (IN_STAGE).
    await run(
      `UNWIND $rows AS row
       MATCH (home:Club {id: row.home}), (away:Club {id: row.away})
       OPTIONAL MATCH (t:Tie {id: row.tie})
       OPTIONAL MATCH (stage:Stage {id: row.stage})
       WITH row, home, away, t, stage
       CALL apoc.util.validate((row.tie IS NOT NULL AND t IS NULL) OR (row.stage IS NOT NULL AND stage IS NULL),
         'match "%s": its tie or stage is not in the graph', [row.id])
       MERGE (m:Match {id: row.id}) ${TAG_CREATED("m")}
       SET m += row.properties,
           m.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END
       WITH m, t, stage, home, away, row
       OPTIONAL MATCH (m)-[old:HOME_CLUB|AWAY_CLUB|PLAYED_AT|IN_STAGE]->(target)
       WHERE NOT ((type(old) = "HOME_CLUB" AND target = home) OR (type(old) = "AWAY_CLUB" AND target = away)
                  OR (type(old) = "PLAYED_AT" AND target.id = row.stadium) OR (type(old) = "IN_STAGE" AND target = stage))
       DELETE old
       WITH DISTINCT m, t, stage, home, away, row
       OPTIONAL MATCH (m)<-[oldLeg:HAS_LEG]-(otherTie) WHERE t IS NULL OR otherTie <> t
       DELETE oldLeg
       WITH DISTINCT m, t, stage, home, away, row
       MERGE (m)-[:HOME_CLUB]->(home)
       MERGE (m)-[:AWAY_CLUB]->(away)
       FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (t)-[:HAS_LEG]->(m))
       FOREACH (_ IN CASE WHEN stage IS NULL THEN [] ELSE [1] END | MERGE (m)-[:IN_STAGE]->(stage))
       WITH m, row WHERE row.stadium IS NOT NULL
       MATCH (stadium:Stadium {id: row.stadium})
       MERGE (m)-[:PLAYED_AT]->(stadium)`,
      {
        rows: facts.matches.map((match) => ({
          id: match.id,
          tie: match.tie ?? null,
          stage: match.stage ?? null,
          home: match.home,
          away: match.away,
          stadium: match.stadium ?? null,
          date: match.date ?? null,
          properties: {
            legNumber: match.legNumber,
            isReplay: match.isReplay ?? false,
            played: match.played ?? true,
            cancelled: match.cancelled ?? false,
            dateDerived: match.dateDerived ?? null,
            group: match.group ?? null,
            matchday: match.matchday ?? null,
            kickOffTime: match.kickOffTime ?? null,
            homeScore: match.homeScore ?? null,
            awayScore: match.awayScore ?? null,
            homeScoreAtHalfTime: match.homeScoreAtHalfTime ?? null,
            awayScoreAtHalfTime: match.awayScoreAtHalfTime ?? null,
            homeScoreAfterExtraTime: match.homeScoreAfterExtraTime ?? null,
            awayScoreAfterExtraTime: match.awayScoreAfterExtraTime ?? null,
            homePenalties: match.homePenalties ?? null,
            awayPenalties: match.awayPenalties ?? null,
            attendance: match.attendance ?? null,
            awarded: match.awarded ?? false,
            awardedNote: match.awardedNote ?? null,
          },
        })),
      },
    );
    await linkSources("Match", sourcedRows(facts.matches));

    const goals = facts.matches.flatMap((match) =>
      match.goals.map((goal) => ({
        id: goalIdOf(match.id, goal.order),
        match: match.id,
        club: goal.club,
        scorer: goal.scorer ?? null,
        assist: goal.assist ?? null,
        sources: goal.sources,
        properties: {
          order: goal.order,
          minute: goal.minute ?? null,
          addedTime: goal.addedTime ?? null,
          period: goal.period ?? null,
          penalty: goal.penalty ?? false,
          ownGoal: goal.ownGoal ?? false,
          setPiece: goal.setPiece ?? null,
          timing: goal.timing ?? null,
        },
      })),
    );
    // Goals of these matches that the batch no longer lists are removed with their edges.
    await run(
      `UNWIND $matches AS match
       MATCH (:Match {id: match.id})-[:HAS_GOAL]->(g:Goal)
       WHERE NOT g.id IN match.goalIds
       DETACH DELETE g`,
      { matches: facts.matches.map((match) => ({ id: match.id, goalIds: match.goals.map((goal) => goalIdOf(match.id, goal.order)) })) },
    );
    if (goals.length) {
      await run(
        `UNWIND $rows AS row
         MATCH (m:Match {id: row.match}), (club:Club {id: row.club})
         MERGE (g:Goal {id: row.id}) ${TAG_CREATED("g")}
         SET g += row.properties
         WITH g, m, club, row
         OPTIONAL MATCH (g)-[old:FOR_CLUB]->(other) WHERE other <> club
         DELETE old
         WITH DISTINCT g, m, club, row
         OPTIONAL MATCH (g)<-[oldPlayer:SCORED|ASSISTED]-(player)
         WHERE NOT ((type(oldPlayer) = "SCORED" AND player.id = row.scorer) OR (type(oldPlayer) = "ASSISTED" AND player.id = row.assist))
         DELETE oldPlayer
         WITH DISTINCT g, m, club, row
         MERGE (m)-[:HAS_GOAL]->(g)
         MERGE (g)-[:FOR_CLUB]->(club)
         WITH g, row
         CALL (g, row) {
           WITH g, row WHERE row.scorer IS NOT NULL
           MATCH (p:Player {id: row.scorer})
           MERGE (p)-[:SCORED]->(g)
         }
         CALL (g, row) {
           WITH g, row WHERE row.assist IS NOT NULL
           MATCH (p:Player {id: row.assist})
           MERGE (p)-[:ASSISTED]->(g)
         }`,
        { rows: goals },
      );
      await linkSources("Goal", goals);
    }
  }
  for (const label of ["Tie", "Match"] as const) {
    await linkSources(label, (facts.corroborations ?? []).filter((fact) => fact.label === label));
  }
  await writeEntityLinks(writer, facts);
  await writeMatchEvents(writer, facts);
  await writeConflicts(writer, facts);
  return writer.counts;
}

async function namesById(tx: ManagedTransaction, label: string, ids: string[]): Promise<Map<string, string>> {
  const result = await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, n.name AS name`, { ids: [...new Set(ids)] });
  return new Map(result.records.map((record) => [record.get("id") as string, record.get("name") as string]));
}

/**
 * Writes what a source adds to ties other sources gave (reconcileMatches' `addedDecisions`): the
 * winner it records, where the tie has none yet, and a recorded decision (with its note and the
 * club it went to) where the tie has none. The source itself is linked to the tie by the batch's
 * corroborations.
 */
export async function writeAddedDecisions(tx: ManagedTransaction, decisions: readonly AddedDecision[]): Promise<void> {
  if (decisions.length === 0) return;
  await tx.run(
    `UNWIND $rows AS row
     MATCH (t:Tie {id: row.tie})
     SET t.sourceWinnerName = coalesce(t.sourceWinnerName, row.sourceWinnerName)
     WITH t, row WHERE row.recordedDecision IS NOT NULL AND t.recordedDecision IS NULL
     SET t.recordedDecision = row.recordedDecision, t.recordedDecisionNote = row.recordedDecisionNote
     WITH t, row WHERE row.recordedWinner IS NOT NULL
     MATCH (winner:Club {id: row.recordedWinner})
     MERGE (t)-[:RECORDED_WINNER]->(winner)`,
    { rows: decisions },
  );
}
