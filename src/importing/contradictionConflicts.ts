/**
 * Facts a results file records that the rules never reach (extra time after a decided 90 minutes, a
 * shoot-out after a decided extra time, an unneeded coin toss), kept in the graph as they were
 * recorded, each with a Conflict of kind CONTRADICTS_ITSELF that says why the outcome does not count
 * it. Found by checkRecordedTie; nothing is dropped silently.
 */
import type { SeedConflict } from "../seeds/seedFormat.ts";
import type { RecordedTie, RecordedTieContradiction } from "../ties/index.ts";

const fields = { extraTime: "homeScoreAfterExtraTime", shootOut: "homePenalties", coinToss: "recordedDecision" } as const;

export function contradictionConflicts(tie: RecordedTie, contradictions: readonly RecordedTieContradiction[], sourceId: string): SeedConflict[] {
  return contradictions.map((contradiction) => {
    const leg = contradiction.legIndex === null ? null : tie.legs[contradiction.legIndex]!;
    const subject = contradiction.legIndex === null ? `tie:${tie.id}` : `match:${tie.id}-leg${contradiction.legIndex + 1}`;
    const value =
      contradiction.kind === "extraTime" && leg
        ? `${leg.hET}-${leg.aET} after extra time`
        : contradiction.kind === "shootOut" && leg?.pens
          ? `${leg.pens[0]}-${leg.pens[1]} on penalties`
          : "a coin toss";
    return {
      id: `conflict:${tie.id}-${contradiction.field.replace(/[^A-Za-z0-9]+/g, "-")}`,
      kind: "CONTRADICTS_ITSELF",
      topic: `${contradiction.kind === "extraTime" ? "extra time" : contradiction.kind === "shootOut" ? "a shoot-out" : "a coin toss"} the rules never reach`,
      subject,
      field: fields[contradiction.kind],
      resolution: `Kept as recorded but not counted in the outcome: ${contradiction.message}.`,
      claims: [{ value, accepted: false, flag: "CONTRADICTS_ITSELF", note: `the file's ${contradiction.field}`, sources: [sourceId] }],
      sources: [sourceId],
    };
  });
}
