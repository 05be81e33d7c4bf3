/**
 * Writes match events (cards, substitutions, disallowed goals, penalty awards, VAR reviews,
 * incidents), match statistics and standings. Each kind is a row of the table below: its label,
 * its own properties, and the edges that make it a fact of its match, clubs and players.
 * Every event hangs off its match with HAS_EVENT, which Match.events reads in time order.
 */
import type { SeedFile, SeedMatchEvent } from "../seeds/seedFormat.ts";
import { eventTimeOrder } from "./eventTimeOrder.ts";
import { neo4jDate, type Direction, type FactWriter } from "./FactWriter.ts";

interface EdgeSpec<R> {
  type: string;
  direction: Direction;
  target: string;
  /** The ids the record links to; empty removes any such edge. */
  ids: (record: R) => (string | undefined)[];
}

interface KindSpec<R extends { id: string; sources: string[] }> {
  label: string;
  properties: (record: R) => Record<string, unknown>;
  edges: EdgeSpec<R>[];
}

type RecordOf<K extends keyof SeedFile> = NonNullable<SeedFile[K]>[number];

/** What every event stores about when it happened. */
function timeProperties(event: SeedMatchEvent): Record<string, unknown> {
  return {
    minute: event.minute ?? null,
    addedTime: event.addedTime ?? null,
    minuteApproximate: event.minuteApproximate ?? false,
    period: event.period ?? null,
    timing: event.timing ?? null,
    timeOrder: eventTimeOrder(event),
  };
}

const inMatch = { type: "HAS_EVENT", direction: "in", target: "Match", ids: (event: SeedMatchEvent) => [event.match] } as const;
const ofClub = { type: "OF_CLUB", direction: "out", target: "Club", ids: (event: { club: string }) => [event.club] } as const;
const player = <R>(type: string, ids: (record: R) => (string | undefined)[]): EdgeSpec<R> => ({ type, direction: "in", target: "Player", ids });

type WrittenKind = "cards" | "substitutions" | "disallowedGoals" | "penaltyAwards" | "varReviews" | "incidents" | "matchStatistics" | "standings";

/** The kinds this module writes, in an order where every edge's target is already written. */
const kinds: { [K in WrittenKind]: KindSpec<RecordOf<K>> } = {
  cards: {
    label: "Card",
    properties: (card) => ({ ...timeProperties(card), kind: card.kind, reason: card.reason ?? null }),
    edges: [inMatch, ofClub, player("RECEIVED", (card: RecordOf<"cards">) => [card.player])],
  },
  substitutions: {
    label: "Substitution",
    properties: (substitution) => timeProperties(substitution),
    edges: [
      inMatch,
      ofClub,
      player("CAME_ON", (substitution: RecordOf<"substitutions">) => [substitution.playerOn]),
      player("WENT_OFF", (substitution: RecordOf<"substitutions">) => [substitution.playerOff]),
    ],
  },
  disallowedGoals: {
    label: "DisallowedGoal",
    properties: (goal) => ({ ...timeProperties(goal), reason: goal.reason ?? null }),
    edges: [
      inMatch,
      ofClub,
      player("SCORED_DISALLOWED", (goal: RecordOf<"disallowedGoals">) => [goal.scorer]),
      player("ASSISTED_DISALLOWED", (goal: RecordOf<"disallowedGoals">) => [goal.assist]),
    ],
  },
  penaltyAwards: {
    label: "PenaltyAward",
    properties: (award) => timeProperties(award),
    edges: [
      inMatch,
      ofClub,
      player("WON_PENALTY", (award: RecordOf<"penaltyAwards">) => [award.fouledPlayer]),
      player("CONCEDED_PENALTY", (award: RecordOf<"penaltyAwards">) => [award.offender]),
      { type: "RESULTED_IN", direction: "out", target: "Goal", ids: (award) => [award.goal] },
    ],
  },
  varReviews: {
    label: "VarReview",
    properties: (review) => ({ ...timeProperties(review), decision: review.decision }),
    edges: [inMatch, { type: "REVIEWED", direction: "out", target: "PenaltyAward", ids: (review) => [review.penaltyAward] }],
  },
  incidents: {
    label: "Incident",
    properties: (incident) => ({ ...timeProperties(incident), kind: incident.kind, description: incident.description }),
    edges: [
      inMatch,
      { type: "OF_CLUB", direction: "out", target: "Club", ids: (incident) => incident.clubs ?? [] },
      player("INVOLVED_IN", (incident: RecordOf<"incidents">) => incident.players ?? []),
      { type: "ABOUT_GOAL", direction: "out", target: "Goal", ids: (incident) => [incident.goal] },
    ],
  },
  matchStatistics: {
    label: "MatchStatistics",
    properties: (statistics) => ({
      shots: statistics.shots ?? null,
      shotsOnTarget: statistics.shotsOnTarget ?? null,
      possessionPercent: statistics.possessionPercent ?? null,
      note: statistics.note ?? null,
    }),
    edges: [
      { type: "HAS_STATISTICS", direction: "in", target: "Match", ids: (statistics) => [statistics.match] },
      { type: "OF_CLUB", direction: "out", target: "Club", ids: (statistics) => [statistics.club] },
    ],
  },
  standings: {
    label: "Standing",
    properties: (standing) => ({
      position: standing.position ?? null,
      season: standing.season,
      group: standing.group ?? null,
      asOf: neo4jDate(standing.asOf),
      asOfDerived: standing.asOfDerived ?? null,
      final: standing.final ?? false,
      note: standing.note ?? null,
    }),
    edges: [
      { type: "OF_CLUB", direction: "out", target: "Club", ids: (standing) => [standing.club] },
      { type: "IN_COMPETITION", direction: "out", target: "Competition", ids: (standing) => [standing.competition] },
      { type: "IN_STAGE", direction: "out", target: "Stage", ids: (standing) => [standing.stage] },
    ],
  },
};

export async function writeMatchEvents(writer: FactWriter, facts: SeedFile): Promise<void> {
  for (const [kind, spec] of Object.entries(kinds) as [WrittenKind, KindSpec<{ id: string; sources: string[] }>][]) {
    const records = (facts[kind] ?? []) as { id: string; sources: string[] }[];
    if (!records.length) continue;
    await writer.mergeNodes(spec.label, records.map((record) => ({ id: record.id, properties: spec.properties(record) })));
    for (const edge of spec.edges) {
      await writer.linkExactly(
        spec.label, edge.type, edge.direction, edge.target,
        records.map((record) => ({ id: record.id, targets: edge.ids(record).filter((id): id is string => typeof id === "string") })),
      );
    }
    await writer.linkSources(spec.label, records);
  }
}
