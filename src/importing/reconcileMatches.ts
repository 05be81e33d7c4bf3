/**
 * Cross-source identity of matches: before a batch is written, each of its matches is looked up
 * in the graph (by id, or by competition season, date, home club and away club after resolution)
 * and the batch is rewritten so that
 * - a match (or tie) the graph holds from OTHER sources is not written again: the batch's source
 *   is added to it (REPORTED_BY both), and every field where the batch says otherwise becomes a
 *   Conflict with both claims (the value the graph holds first, as the decision
 *   docs/decisions/004-claims-and-conflicts.md takes for the reports: one value, every claim kept);
 * - a match only the batch's own source reported before is written again, and every changed
 *   field is an update (old and new value) for the import summary: never a silent overwrite.
 * Pure: the existing matches and ties are passed in (read by readExistingMatches).
 */
import type { SeedConflict, SeedFile, SeedMatch } from "../seeds/seedFormat.ts";

/** A match as the graph holds it: the values a source may disagree on, and who reports it. */
export interface ExistingMatch {
  id: string;
  tie: string | null;
  sources: string[];
  /** Field name -> value as text ("2-0"), for the fields in COMPARED_FIELDS; absent when unknown. */
  values: Record<string, string>;
}

export interface ExistingTie {
  id: string;
  sources: string[];
  /** The decision the graph records for the tie (COIN_TOSS, AWARDED, REPLAY_ORDERED), or null. */
  recordedDecision?: string | null;
}

/**
 * What another source says of a tie the graph holds, where the tie has nothing yet: its recorded
 * decision, and the winner it records (kept to compare with the computed outcome, as conformance
 * does). Written onto that tie (the source is linked to it as a corroboration), never dropped.
 */
export interface AddedDecision {
  tie: string;
  recordedDecision: string | null;
  recordedWinner: string | null;
  recordedDecisionNote: string | null;
  sourceWinnerName: string | null;
}

/** A fact the graph already holds from other sources, which the batch's source also reports. */
export interface Corroboration {
  label: "Match" | "Tie";
  id: string;
  sources: string[];
}

export interface FieldUpdate {
  subject: string;
  field: string;
  old: string | null;
  new: string | null;
}

export interface ReconciledBatch {
  facts: SeedFile & { corroborations: Corroboration[] };
  /** Changed fields of matches the same source reported before. */
  updates: FieldUpdate[];
  /** Ids of the conflicts added (sources disagreeing), for the import summary. */
  conflicts: string[];
  /** Matches of the batch that were already in the graph from other sources. */
  corroborated: number;
  /** Recorded decisions this source adds to ties other sources gave without one. */
  addedDecisions: AddedDecision[];
}

/** The fields two sources may disagree on, as text: scores as "home-away". */
export function comparedValuesOf(match: Partial<SeedMatch>): Record<string, string> {
  const pair = (home: number | undefined | null, away: number | undefined | null) =>
    home === undefined || home === null || away === undefined || away === null ? undefined : `${home}-${away}`;
  const values: Record<string, string | undefined> = {
    date: match.date ?? undefined,
    score: pair(match.homeScore, match.awayScore),
    scoreAfterExtraTime: pair(match.homeScoreAfterExtraTime, match.awayScoreAfterExtraTime),
    penalties: pair(match.homePenalties, match.awayPenalties),
    awarded: match.awarded ? "true" : undefined,
    stadium: match.stadium ?? undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<string, string>;
}

/** Readable names for the conflicts' topics. */
const FIELD_WORDS: Record<string, string> = {
  date: "date",
  score: "score after 90 minutes",
  scoreAfterExtraTime: "score after extra time",
  penalties: "shoot-out",
  awarded: "awarded score",
  stadium: "venue",
};

export function reconcileMatches(
  facts: SeedFile,
  batchSource: string,
  existingMatches: ReadonlyMap<string, ExistingMatch>,
  existingTies: ReadonlyMap<string, ExistingTie>,
): ReconciledBatch {
  const ownedBy = (sources: readonly string[]) => sources.every((source) => source === batchSource);
  const corroborations: Corroboration[] = [];
  const updates: FieldUpdate[] = [];
  const conflicts: SeedConflict[] = [];
  const addedDecisions: AddedDecision[] = [];

  // A tie whose leg the graph holds under another tie is that tie.
  const tieIdOf = new Map<string, string>();
  for (const match of facts.matches ?? []) {
    const existingTie = existingMatches.get(match.id)?.tie;
    if (match.tie && existingTie && !tieIdOf.has(match.tie)) tieIdOf.set(match.tie, existingTie);
  }
  const ties = (facts.ties ?? []).flatMap((tie) => {
    const id = tieIdOf.get(tie.id) ?? tie.id;
    const existing = existingTies.get(id);
    if (existing && !ownedBy(existing.sources)) {
      corroborations.push({ label: "Tie", id, sources: tie.sources });
      const held = existing.recordedDecision ?? null;
      const addsDecision = Boolean(tie.recordedDecision) && held === null;
      if (addsDecision || tie.sourceWinnerName) {
        addedDecisions.push({
          tie: id,
          recordedDecision: addsDecision ? tie.recordedDecision! : null,
          recordedWinner: addsDecision ? tie.recordedWinner ?? null : null,
          recordedDecisionNote: addsDecision ? tie.recordedDecisionNote ?? null : null,
          sourceWinnerName: tie.sourceWinnerName ?? null,
        });
      }
      if (!addsDecision && tie.recordedDecision && held !== null && held !== tie.recordedDecision) {
        conflicts.push({
          id: `conflict:${id.replace(/^tie:/, "")}/recordedDecision/${batchSource}`,
          kind: "DISAGREEMENT",
          topic: `The recorded decision of tie ${id}: sources disagree`,
          subject: id,
          field: "recordedDecision",
          resolvedValue: held,
          resolution:
            `The graph keeps the decision it held first (${held}, from ${existing.sources.join(", ")}); ` +
            `${batchSource} says ${tie.recordedDecision}. Both claims are kept; correct the source that is wrong and re-import.`,
          sources: existing.sources,
          claims: [
            ...existing.sources.map((source) => ({ value: held, accepted: true, sources: [source] })),
            { value: tie.recordedDecision, accepted: false, note: "disagrees with the decision the graph held first", sources: [batchSource] },
          ],
        });
      }
      return [];
    }
    return [{ ...tie, id }];
  });

  const matches = (facts.matches ?? []).flatMap((match) => {
    const tie = match.tie === undefined ? undefined : tieIdOf.get(match.tie) ?? match.tie;
    const existing = existingMatches.get(match.id);
    const written = { ...match, ...(tie ? { tie } : {}), id: existing?.id ?? match.id };
    if (!existing) return [written];
    const said = comparedValuesOf(match);
    if (ownedBy(existing.sources)) {
      const fields = new Set([...Object.keys(existing.values), ...Object.keys(said)]);
      for (const field of fields) {
        if (existing.values[field] !== said[field]) {
          updates.push({ subject: existing.id, field, old: existing.values[field] ?? null, new: said[field] ?? null });
        }
      }
      return [written];
    }
    corroborations.push({ label: "Match", id: existing.id, sources: match.sources });
    for (const [field, value] of Object.entries(said)) {
      const held = existing.values[field];
      if (held === undefined || held === value) continue;
      conflicts.push({
        id: `conflict:${existing.id.replace(/^match:/, "")}/${field}/${batchSource}`,
        kind: "DISAGREEMENT",
        topic: `The ${FIELD_WORDS[field] ?? field} of match ${existing.id}: sources disagree`,
        subject: existing.id,
        field,
        resolvedValue: held,
        resolution:
          `The graph keeps the value it held first (${held}, from ${existing.sources.join(", ")}); ` +
          `${batchSource} says ${value}. Both claims are kept; correct the source that is wrong and re-import.`,
        sources: existing.sources,
        claims: [
          ...existing.sources.map((source) => ({ value: held, accepted: true, sources: [source] })),
          { value, accepted: false, note: "disagrees with the value the graph held first", sources: [batchSource] },
        ],
      });
    }
    return [];
  });

  return {
    facts: { ...facts, ties, matches, conflicts: [...(facts.conflicts ?? []), ...conflicts], corroborations },
    updates,
    conflicts: conflicts.map((conflict) => conflict.id),
    corroborated: corroborations.filter((fact) => fact.label === "Match").length,
    addedDecisions,
  };
}
