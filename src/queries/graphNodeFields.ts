/**
 * What the graph explorer needs of a node, as one Cypher map expression over the variable `n`,
 * shared by the neighbourhood and connection queries. The caption is made from these fields in
 * TypeScript (describeGraphNode), not in Cypher.
 */

/** A source as stored; `publishedOn` is the driver's Date (the GraphQL Date scalar prints it). */
export interface SourceRow {
  id: string;
  kind: string;
  language: string | null;
  title: string | null;
  publishedOn: unknown;
}

/** A node as the `graphNodeFields` expression returns it. */
export interface GraphNodeRow {
  id: string;
  kind: string;
  /** The node's own properties that captions use (missing ones are null). */
  properties: Record<string, unknown>;
  /** Names from around the node: a match's clubs and competition, a goal's scorer... */
  context: Record<string, unknown>;
  degree: number;
  sources: SourceRow[];
}

/** Nodes never drawn: sources (each node lists its own) and our bookkeeping node. */
export const hiddenLabelFilter = "-Source|-PitchGraphMeta";

/** The GraphNodeRow of node `n`, as a Cypher expression. */
export const graphNodeFields = `{
  id: n.id,
  kind: head(labels(n)),
  properties: n {
    .name, .title, .label, .position, .nationality, .country, .city, .organiser, .season, .stage,
    .legNumber, .isReplay, .played, .homeScore, .awayScore, .homeScoreAfterExtraTime,
    .awayScoreAfterExtraTime, .homePenalties, .awayPenalties, .awarded,
    .order, .minute, .addedTime, .period, .penalty, .ownGoal, .timing,
    .kind, .reason, .decision, .description, .shots, .shotsOnTarget, .possessionPercent, .final, .group,
    .topic, .field, .resolvedValue, .value, .wording, .accepted, .flag,
    date: toString(n.date), asOf: toString(n.asOf)
  },
  context: CASE
    WHEN n:Match THEN {
      home: head([(n)-[:HOME_CLUB]->(club) | club.name]),
      away: head([(n)-[:AWAY_CLUB]->(club) | club.name]),
      // A tie's leg has its season and competition from the tie; a match of no tie (group
      // stage, league phase) from its stage.
      inTie: EXISTS { (:Tie)-[:HAS_LEG]->(n) },
      stage: head([(n)-[:IN_STAGE]->(stage:Stage) | stage.name]),
      season: coalesce(head([(tie:Tie)-[:HAS_LEG]->(n) | tie.season]), head([(n)-[:IN_STAGE]->(:Stage)-[:OF_SEASON]->(season:Season) | season.label])),
      competition: coalesce(head([(tie:Tie)-[:HAS_LEG]->(n) | head([(tie)-[:IN_COMPETITION]->(c) | c.name])]),
        head([(n)-[:IN_STAGE]->(:Stage)-[:OF_SEASON]->(:Season)-[:OF_COMPETITION]->(c:Competition) | c.name]))
    }
    WHEN n:Goal THEN {
      scorer: head([(player:Player)-[:SCORED]->(n) | player.name]),
      club: head([(n)-[:FOR_CLUB]->(club) | club.name]),
      matchDate: head([(match:Match)-[:HAS_GOAL]->(n) | toString(match.date)]),
      home: head([(match:Match)-[:HAS_GOAL]->(n) | head([(match)-[:HOME_CLUB]->(club) | club.name])]),
      away: head([(match:Match)-[:HAS_GOAL]->(n) | head([(match)-[:AWAY_CLUB]->(club) | club.name])])
    }
    WHEN n:Tie THEN {
      home: head([(n)-[:HAS_LEG]->(leg:Match)-[:HOME_CLUB]->(club) WHERE leg.legNumber = 1 | club.name]),
      away: head([(n)-[:HAS_LEG]->(leg:Match)-[:AWAY_CLUB]->(club) WHERE leg.legNumber = 1 | club.name]),
      competition: head([(n)-[:IN_COMPETITION]->(c) | c.name])
    }
    WHEN n:Season THEN { competition: head([(n)-[:OF_COMPETITION]->(c) | c.name]) }
    WHEN n:Stage THEN {
      season: head([(n)-[:OF_SEASON]->(season) | season.label]),
      competition: head([(n)-[:OF_SEASON]->()-[:OF_COMPETITION]->(c) | c.name])
    }
    // Match events, statistics, standings (seed knowledge): the people and clubs they concern.
    ELSE {
      club: head([(n)-[:OF_CLUB]->(club:Club) | club.name]),
      player: head([(player:Player)-[:RECEIVED|CAME_ON|SCORED_DISALLOWED]->(n) | player.name]),
      playerOff: head([(player:Player)-[:WENT_OFF]->(n) | player.name]),
      competition: head([(n)-[:IN_COMPETITION]->(c:Competition) | c.name])
    }
  END,
  degree: COUNT { (n)--(other) WHERE NOT other:Source AND NOT other:PitchGraphMeta },
  sources: [(n)-[:REPORTED_BY]->(source:Source) | source { .id, .kind, .language, .title, .publishedOn }]
}`;

/** An edge between drawn nodes, with the id the explorer keys it by. */
export interface GraphEdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
}

export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}
