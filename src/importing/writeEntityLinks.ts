/**
 * Writes the relationship facts listed inside entity records: a player's clubs (PLAYED_FOR), a
 * coach's clubs (COACHED) and predecessors (SUCCEEDED), a club's grounds (HOME_GROUND) and the
 * seasons it entered (ENTERED). Each edge carries its sources' ids in `sourceIds`.
 *
 * A record that lists the field gets exactly those edges of its type; a record without the field
 * (e.g. a club an imported results file names) leaves its edges alone.
 */
import type { SeedFile } from "../seeds/seedFormat.ts";
import type { FactWriter, RelationshipFact } from "./FactWriter.ts";

/** Present fields only; absent optional values become null (which removes a stale property). */
function rowsOf<R extends { id: string }, F>(
  records: R[] | undefined,
  items: (record: R) => F[] | undefined,
  toFact: (item: F) => RelationshipFact,
): { id: string; facts: RelationshipFact[] }[] {
  return (records ?? []).flatMap((record) => {
    const listed = items(record);
    return listed ? [{ id: record.id, facts: listed.map(toFact) }] : [];
  });
}

export async function writeEntityLinks(writer: FactWriter, facts: SeedFile): Promise<void> {
  await writer.writeRelationshipFacts(
    "Player", "PLAYED_FOR", "Club",
    rowsOf(facts.players, (player) => player.clubs, (spell) => ({
      to: spell.club,
      key: spell.season ?? (spell.former ? "former" : ""),
      properties: {
        season: spell.season ?? null,
        former: spell.former ?? false,
        captain: spell.captain ?? false,
        note: spell.note ?? null,
        sourceIds: spell.sources,
      },
    })),
  );
  await writer.writeRelationshipFacts(
    "Coach", "COACHED", "Club",
    rowsOf(facts.coaches, (coach) => coach.clubs, (spell) => ({
      to: spell.club,
      key: spell.from ?? "",
      properties: { from: spell.from ?? null, to: spell.to ?? null, note: spell.note ?? null, sourceIds: spell.sources },
    })),
  );
  await writer.writeRelationshipFacts(
    "Coach", "SUCCEEDED", "Coach",
    rowsOf(facts.coaches, (coach) => coach.succeeded, (succession) => ({
      to: succession.coach,
      key: succession.club,
      properties: { clubId: succession.club, on: succession.on ?? null, note: succession.note ?? null, sourceIds: succession.sources },
    })),
  );
  await writer.writeRelationshipFacts(
    "Club", "HOME_GROUND", "Stadium",
    rowsOf(facts.clubs, (club) => club.grounds, (ground) => ({
      to: ground.stadium,
      key: `${ground.usage}|${ground.season ?? ""}`,
      properties: { usage: ground.usage, season: ground.season ?? null, note: ground.note ?? null, sourceIds: ground.sources },
    })),
  );
  await writer.writeRelationshipFacts(
    "Club", "ENTERED", "Season",
    rowsOf(facts.clubs, (club) => club.seasons, (entry) => ({
      to: entry.season,
      key: "",
      properties: {
        debut: entry.debut ?? false,
        qualifiedOn: entry.qualifiedOn ?? null,
        note: entry.note ?? null,
        sourceIds: entry.sources,
      },
    })),
  );
}
