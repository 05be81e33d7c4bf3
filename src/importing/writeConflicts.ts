/**
 * Writes conflicts and their claims:
 *   (Conflict)-[:ABOUT]->(fact), (Conflict)-[:HAS_CLAIM]->(Claim)-[:ABOUT]->(fact),
 *   (Conflict)-[:REPORTED_BY]->(the sources of its resolution), (Claim)-[:REPORTED_BY]->(its source).
 * Written last, once every fact a conflict may be about is in the graph. Claims of a written
 * conflict that the batch no longer lists are removed.
 */
import { claimIdOf, type SeedFile } from "../seeds/seedFormat.ts";
import type { FactWriter } from "./FactWriter.ts";

/** The labels a conflict may be about: the members of the GraphQL union ClaimSubject. */
const subjectLabels = ["Match", "Goal", "Tie", "Club", "Card", "PenaltyAward", "MatchStatistics"] as const;

/** Finds `subject` (its id in `row.subject`) whatever its label, by one index lookup per label. */
const findSubject = `CALL (row) {
  ${subjectLabels.map((label) => `MATCH (subject:${label} {id: row.subject}) RETURN subject`).join("\n  UNION ")}
}`;

export async function writeConflicts(writer: FactWriter, facts: SeedFile): Promise<void> {
  const conflicts = facts.conflicts ?? [];
  if (!conflicts.length) return;
  const claims = conflicts.flatMap((conflict) =>
    conflict.claims.map((claim, index) => ({
      id: claimIdOf(conflict.id, index + 1),
      conflict: conflict.id,
      subject: conflict.subject,
      sources: claim.sources,
      properties: {
        position: index + 1,
        field: conflict.field,
        value: claim.value,
        wording: claim.wording ?? null,
        accepted: claim.accepted,
        flag: claim.flag ?? null,
        note: claim.note ?? null,
      },
    })),
  );

  await writer.mergeNodes(
    "Conflict",
    conflicts.map((conflict) => ({
      id: conflict.id,
      properties: {
        kind: conflict.kind,
        topic: conflict.topic,
        field: conflict.field,
        resolvedValue: conflict.resolvedValue ?? null,
        resolution: conflict.resolution,
      },
    })),
  );
  await writer.run(
    `UNWIND $conflicts AS conflict
     MATCH (:Conflict {id: conflict.id})-[:HAS_CLAIM]->(claim:Claim)
     WHERE NOT claim.id IN conflict.claimIds
     DETACH DELETE claim`,
    { conflicts: conflicts.map((conflict) => ({ id: conflict.id, claimIds: claims.filter((claim) => claim.conflict === conflict.id).map((claim) => claim.id) })) },
  );
  await writer.mergeNodes("Claim", claims);
  await writer.linkExactly("Claim", "HAS_CLAIM", "in", "Conflict", claims.map((claim) => ({ id: claim.id, targets: [claim.conflict] })));

  for (const label of ["Conflict", "Claim"] as const) {
    const rows = label === "Conflict" ? conflicts.map(({ id, subject }) => ({ id, subject })) : claims.map(({ id, subject }) => ({ id, subject }));
    await writer.run(
      `UNWIND $rows AS row
       MATCH (n:${label} {id: row.id})
       OPTIONAL MATCH (n)-[old:ABOUT]->(other) WHERE other.id <> row.subject
       DELETE old
       WITH DISTINCT n, row
       ${findSubject}
       MERGE (n)-[:ABOUT]->(subject)`,
      { rows },
    );
  }
  await writer.linkSources("Conflict", conflicts);
  await writer.linkSources("Claim", claims);
}
