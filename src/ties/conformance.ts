/**
 * Conformance: computed tie outcomes against the winners a source recorded.
 *
 * Input is deliberately small (the computed outcome and the recorded winner per tie) so the same
 * comparison serves the results-file check here and, later, outcomes read back through Neo4j and GraphQL.
 * Nothing is special-cased: a tie agrees when the computed winner is the recorded one; every other tie is
 * listed with the engine's own account of why (its explanation and notes).
 */
import { assertNever } from './ruleSet.ts';
import { TIE_DECISIONS, type TieDecision, type TieOutcome } from './tieOutcome.ts';

export interface ConformanceCase {
  readonly tieId: string;
  /** Row label, e.g. the competition name. */
  readonly competition: string;
  /** Recorded winner, in the same id space as the outcome's clubs. */
  readonly recordedWinner: string;
  /** How the record says it was settled, when it says (e.g. a "away goals" method note). */
  readonly recordedMethod?: TieDecision | null;
  /** What the comparison reads of an outcome: the engine's, or one read back through GraphQL. */
  readonly outcome: ConformanceOutcome;
}

/** The part of a TieOutcome the comparison reads, per variant (so `kind` still narrows `decidedBy`). */
export type ConformanceOutcome = {
  [K in TieOutcome['kind']]: Pick<Extract<TieOutcome, { kind: K }>, 'kind' | 'winner' | 'decidedBy' | 'explanation' | 'notes'>;
}[TieOutcome['kind']];

/** Computed decision, or why there is none. */
export type ConformanceBasis = TieDecision | 'UNDETERMINED' | 'NOT_DECIDED';

export interface ConformanceRow {
  readonly competition: string;
  readonly decidedBy: ConformanceBasis;
  readonly agree: number;
  readonly disagree: number;
}

export interface Disagreement {
  readonly tieId: string;
  readonly competition: string;
  readonly recorded: string;
  /** Computed winner id, or null when the engine names none. */
  readonly computed: string | null;
  readonly decidedBy: ConformanceBasis;
  readonly reason: string;
}

/** Same winner, but the record's stated method is not what the rules give. */
export interface MethodMismatch {
  readonly tieId: string;
  readonly recorded: TieDecision;
  readonly computed: TieDecision;
  readonly explanation: string;
}

export interface ConformanceReport {
  readonly rows: readonly ConformanceRow[];
  readonly disagreements: readonly Disagreement[];
  readonly methodMismatches: readonly MethodMismatch[];
  readonly totals: { readonly ties: number; readonly agree: number; readonly disagree: number };
}

export function compareWithRecorded(cases: readonly ConformanceCase[]): ConformanceReport {
  const rows = new Map<string, { competition: string; decidedBy: ConformanceBasis; agree: number; disagree: number }>();
  const disagreements: Disagreement[] = [];
  const methodMismatches: MethodMismatch[] = [];
  for (const c of cases) {
    const basis = basisOf(c.outcome);
    const key = `${c.competition}\u0000${basis}`;
    const row = rows.get(key) ?? { competition: c.competition, decidedBy: basis, agree: 0, disagree: 0 };
    rows.set(key, row);
    const computed = c.outcome.winner?.id ?? null;
    if (computed === c.recordedWinner) {
      row.agree += 1;
      if (c.recordedMethod && c.outcome.decidedBy && !compatible(c.recordedMethod, c.outcome.decidedBy)) {
        methodMismatches.push({ tieId: c.tieId, recorded: c.recordedMethod, computed: c.outcome.decidedBy, explanation: c.outcome.explanation });
      }
      continue;
    }
    row.disagree += 1;
    disagreements.push({
      tieId: c.tieId,
      competition: c.competition,
      recorded: c.recordedWinner,
      computed,
      decidedBy: basis,
      reason: [c.outcome.explanation, ...c.outcome.notes].join(' | '),
    });
  }
  const sortedRows = [...rows.values()].sort(
    (x, y) => x.competition.localeCompare(y.competition) || BASIS_ORDER.indexOf(x.decidedBy) - BASIS_ORDER.indexOf(y.decidedBy),
  );
  const agree = sortedRows.reduce((n, r) => n + r.agree, 0);
  return { rows: sortedRows, disagreements, methodMismatches, totals: { ties: cases.length, agree, disagree: cases.length - agree } };
}

const BASIS_ORDER: readonly ConformanceBasis[] = [...TIE_DECISIONS, 'UNDETERMINED', 'NOT_DECIDED'];

function basisOf(outcome: ConformanceOutcome): ConformanceBasis {
  switch (outcome.kind) {
    case 'decided':
      return outcome.decidedBy;
    case 'undetermined':
      return 'UNDETERMINED';
    case 'notStarted':
    case 'inProgress':
      return 'NOT_DECIDED';
    default:
      return assertNever(outcome);
  }
}

function compatible(recorded: TieDecision, computed: TieDecision): boolean {
  if (recorded === 'AWAY_GOALS') return computed === 'AWAY_GOALS' || computed === 'AWAY_GOALS_AFTER_EXTRA_TIME';
  return recorded === computed;
}

/** The report as a fixed-width text table (for scripts and CI logs). */
export function formatConformanceReport(report: ConformanceReport): string {
  const header = ['competition', 'decidedBy', 'agree', 'disagree'];
  const body = report.rows.map((r) => [r.competition, r.decidedBy, String(r.agree), String(r.disagree)]);
  const footer = ['TOTAL', '', String(report.totals.agree), String(report.totals.disagree)];
  const all = [header, ...body, footer];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [line(header), rule, ...body.map(line), rule, line(footer)];
  if (report.disagreements.length > 0) {
    lines.push('', `Disagreements (${report.disagreements.length}):`);
    for (const d of report.disagreements) {
      lines.push(`- ${d.tieId}: recorded ${d.recorded}; computed ${d.computed ?? 'no winner'} (${d.decidedBy})`, `    ${d.reason}`);
    }
  }
  if (report.methodMismatches.length > 0) {
    lines.push('', `Same winner, different method (${report.methodMismatches.length}):`);
    for (const m of report.methodMismatches) lines.push(`- ${m.tieId}: recorded ${m.recorded}, computed ${m.computed}: ${m.explanation}`);
  }
  return lines.join('\n');
}
