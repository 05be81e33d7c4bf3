/**
 * The recorded-ties results file (e.g. ../shared/data/uefa-ties/ties-1955-2016.json): a pure
 * parser/validator, and the conversion of one recorded tie into TieFacts for decideTie.
 *
 * Format (docs/results-format.md): { about?, sources?: string[], ties: [{ id, competition, season, round, phase?,
 *   format?: "single_match" | "two_legs",
 *   legs: [{ date, home, away, played?: false, h90, a90, hET?, aET?, pens?: [h, a], replay?: true, awarded?, method_note? }],
 *   decision?: { kind: "coin_toss" | "awarded" | "replay_ordered", winner?, reason },
 *   winner?, winner_basis?, source?, notes?: string[] }] }
 * h90/a90 may both be null when the source gives only the score after extra time; a leg with
 * `played: false` (scheduled) has no score. The season is written as its competition writes it
 * ("2017-18", "2017/18", "17/18"; "2023" for a calendar-year competition) and stored normalised.
 *
 * parseResultsFile collects every problem (up to a cap) and throws one ResultsFileError naming the file,
 * the record (index and id) and the field of each.
 */
import { isCalendarDate } from '../dates/isCalendarDate.ts';
import { assertNever, RuleSetError } from './ruleSet.ts';
import type { ConformanceCase } from './conformance.ts';
import { decideTie } from './decideTie.ts';
import { findRuleSet, seasonLabelFor, type StatedFormat } from './ruleSets.ts';
import { awardedMatch, isGoalCount, MAX_GOALS, type MatchFacts, type RecordedFact, type TieFacts } from './tieFacts.ts';
import { shootOutProblem } from './isPossibleShootOut.ts';

export interface RecordedLeg {
  readonly date: string | null;
  readonly home: string;
  readonly away: string;
  /** False for a scheduled leg not played yet (no score). */
  readonly played: boolean;
  readonly h90: number | null;
  readonly a90: number | null;
  readonly hET: number | null;
  readonly aET: number | null;
  readonly pens: readonly [number, number] | null;
  readonly replay: boolean;
  readonly awarded: boolean;
  /** Free text from the source: "away goals", "coin toss", "walkover" ... */
  readonly methodNote: string | null;
}

export interface RecordedTie {
  /** Position in the file's `ties` array. */
  readonly index: number;
  readonly id: string;
  readonly competition: string;
  readonly season: string;
  readonly round: string;
  readonly phase: string;
  readonly legs: readonly RecordedLeg[];
  /** The format the file states for this tie, when it states one; else the catalogue's for the round. */
  readonly format: StatedFormat | null;
  /** A decision the organiser took that scores cannot show (coin toss, tie awarded, replay ordered). */
  readonly decision: RecordedDecision | null;
  /** Club name exactly as the file spells it; null when the file leaves the winner to the engine. */
  readonly winner: string | null;
  readonly winnerBasis: string;
  readonly source: string;
  readonly notes: readonly string[];
}

/** The decision kinds a results file can record, as written in the file. */
export const DECISION_KINDS = ['coin_toss', 'awarded', 'replay_ordered'] as const;
export type RecordedDecisionKind = (typeof DECISION_KINDS)[number];

export interface RecordedDecision {
  readonly kind: RecordedDecisionKind;
  /** Club name as in the legs: who won the coin toss or was awarded the tie; null for an ordered replay. */
  readonly winner: string | null;
  /** Why, in the source's terms: "VfB Stuttgart fielded a fourth foreign player ...". */
  readonly reason: string;
}

export interface ResultsFile {
  readonly fileName: string;
  readonly about: string;
  readonly sources: readonly string[];
  readonly ties: readonly RecordedTie[];
}

export class ResultsFileError extends Error {
  override readonly name = 'ResultsFileError';
  constructor(
    readonly fileName: string,
    readonly issues: readonly string[],
    readonly truncated: boolean,
  ) {
    const shown = issues.slice(0, 20);
    super(
      `${fileName}: ${issues.length}${truncated ? '+' : ''} problem(s)\n` +
        shown.join('\n') +
        (issues.length > shown.length || truncated ? `\n... and more (${issues.length} collected${truncated ? ', stopped at the cap' : ''})` : ''),
    );
  }
}

/** Stop collecting after this many problems: a wholly wrong file should not produce millions of lines. */
export const MAX_ISSUES = 200;

const TIE_KEYS = new Set(['id', 'competition', 'season', 'round', 'phase', 'format', 'legs', 'decision', 'winner', 'winner_basis', 'source', 'notes']);
const LEG_KEYS = new Set(['date', 'home', 'away', 'played', 'h90', 'a90', 'hET', 'aET', 'pens', 'replay', 'awarded', 'method_note']);
const DECISION_KEYS = new Set(['kind', 'winner', 'reason']);
const FORMATS: Record<string, StatedFormat> = { single_match: 'singleMatch', two_legs: 'twoLegs' };

export function parseResultsFile(json: unknown, fileName: string): ResultsFile {
  const issues: string[] = [];
  let truncated = false;
  const report = (path: string, message: string): void => {
    if (issues.length >= MAX_ISSUES) {
      truncated = true;
      return;
    }
    issues.push(`${fileName}: ${path}: ${message}`);
  };

  if (!isRecord(json)) {
    throw new ResultsFileError(fileName, [`${fileName}: (root): expected an object, got ${describe(json)}`], false);
  }
  const about = json.about === undefined ? '' : (stringField(json, 'about', '', report) ?? '');
  // Without `sources`, the file itself is the source (the importer's dataset Source).
  const sources = Array.isArray(json.sources) ? json.sources.filter((s): s is string => typeof s === 'string') : [];
  if (json.sources !== undefined && (!Array.isArray(json.sources) || sources.length !== json.sources.length)) {
    report('sources', `expected an array of strings, got ${describe(json.sources)}`);
  }
  if (!Array.isArray(json.ties)) {
    report('ties', `expected an array, got ${describe(json.ties)}`);
    throw new ResultsFileError(fileName, issues, truncated);
  }

  const ties: RecordedTie[] = [];
  const seenIds = new Map<string, number>();
  json.ties.forEach((raw: unknown, index: number) => {
    const tie = parseTie(raw, index, report, seenIds);
    if (tie) ties.push(tie);
  });
  if (issues.length > 0) throw new ResultsFileError(fileName, issues, truncated);
  return { fileName, about, sources, ties };
}

type Report = (path: string, message: string) => void;

function parseTie(raw: unknown, index: number, report: Report, seenIds: Map<string, number>): RecordedTie | null {
  const rawId = isRecord(raw) && typeof raw.id === 'string' ? raw.id : null;
  const at = `ties[${index}]${rawId === null ? '' : ` (id ${JSON.stringify(rawId)})`}`;
  if (!isRecord(raw)) {
    report(at, `expected an object, got ${describe(raw)}`);
    return null;
  }
  const before = { count: 0 };
  const r: Report = (path, message) => {
    before.count += 1;
    report(path, message);
  };
  for (const key of Object.keys(raw)) if (!TIE_KEYS.has(key)) r(`${at} ${key}`, 'unknown field');

  const tiePrefix = `${at} `;
  const id = stringField(raw, 'id', tiePrefix, r);
  if (id !== null) {
    const first = seenIds.get(id);
    if (first !== undefined) r(`${at} id`, `duplicates ties[${first}]`);
    else seenIds.set(id, index);
  }
  const competition = stringField(raw, 'competition', tiePrefix, r);
  const rawSeason = stringField(raw, 'season', tiePrefix, r);
  let season: string | null = null;
  if (rawSeason !== null && competition !== null) {
    try {
      season = seasonLabelFor(competition, rawSeason);
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      r(`${at} ${/unknown competition/.test(error.message) ? 'competition' : 'season'}`, error.message);
    }
  }
  const round = stringField(raw, 'round', tiePrefix, r);
  const phase = raw.phase === undefined ? '' : stringField(raw, 'phase', tiePrefix, r);
  const optional = (key: string) => (raw[key] === undefined ? null : stringField(raw, key, tiePrefix, r));
  const winner = optional('winner');
  const winnerBasis = optional('winner_basis');
  const source = optional('source');
  let format: StatedFormat | null = null;
  if (raw.format !== undefined) {
    format = typeof raw.format === 'string' ? (FORMATS[raw.format] ?? null) : null;
    if (format === null) r(`${at} format`, `expected "single_match" or "two_legs", got ${describe(raw.format)}`);
  }
  let notes: string[] = [];
  if (raw.notes !== undefined) {
    if (Array.isArray(raw.notes) && raw.notes.every((n) => typeof n === 'string')) notes = raw.notes as string[];
    else r(`${at} notes`, `expected an array of strings, got ${describe(raw.notes)}`);
  }

  const legs: RecordedLeg[] = [];
  if (!Array.isArray(raw.legs) || raw.legs.length === 0) {
    r(`${at} legs`, `expected a non-empty array, got ${describe(raw.legs)}`);
  } else {
    raw.legs.forEach((rawLeg: unknown, i: number) => {
      const leg = parseLeg(rawLeg, `${at} legs[${i}]`, r);
      if (leg) legs.push(leg);
    });
  }

  if (legs.length > 0 && legs.length === (Array.isArray(raw.legs) ? raw.legs.length : -1)) {
    const [first] = legs;
    const clubs = new Set([first!.home, first!.away]);
    legs.forEach((leg, i) => {
      if (!clubs.has(leg.home) || !clubs.has(leg.away)) {
        r(`${at} legs[${i}]`, `clubs ${JSON.stringify(leg.home)} v ${JSON.stringify(leg.away)} differ from the first leg's ${[...clubs].map((c) => JSON.stringify(c)).join(' v ')}`);
      }
    });
    let seenReplay = false;
    legs.forEach((leg, i) => {
      if (leg.replay) seenReplay = true;
      else if (seenReplay) r(`${at} legs[${i}]`, 'a regular leg cannot follow a replay');
    });
    // The order of the legs decides which is the first leg (no extra time there) and which the
    // replay; a date before an earlier leg's says one of them is wrong.
    let latest: { date: string; index: number } | null = null;
    legs.forEach((leg, i) => {
      if (leg.date === null) return;
      if (latest && leg.date < latest.date) {
        r(`${at} legs[${i}].date`, `${JSON.stringify(leg.date)} is before legs[${latest.index}]'s date ${JSON.stringify(latest.date)}: list the legs in the order they were played, and check both dates`);
      }
      if (!latest || leg.date >= latest.date) latest = { date: leg.date, index: i };
    });
    if (winner !== null && !clubs.has(winner)) {
      r(`${at} winner`, `${JSON.stringify(winner)} is not one of the tie's clubs (${[...clubs].map((c) => JSON.stringify(c)).join(', ')})`);
    }
  }
  const decision = raw.decision === undefined ? null : parseDecision(raw.decision, `${at} decision`, r, legs);

  if (before.count > 0 || id === null || competition === null || season === null || round === null || phase === null) {
    return null;
  }
  return {
    index,
    id,
    competition,
    season,
    round,
    phase,
    legs,
    format,
    decision,
    winner,
    winnerBasis: winnerBasis ?? '',
    source: source ?? '',
    notes,
  };
}

function parseLeg(raw: unknown, at: string, report: Report): RecordedLeg | null {
  if (!isRecord(raw)) {
    report(at, `expected an object, got ${describe(raw)}`);
    return null;
  }
  let ok = true;
  const r: Report = (path, message) => {
    ok = false;
    report(path, message);
  };
  for (const key of Object.keys(raw)) if (!LEG_KEYS.has(key)) r(`${at}.${key}`, 'unknown field');

  let date: string | null = null;
  if (raw.date === null || raw.date === undefined) date = null;
  else if (typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date)) {
    if (isCalendarDate(raw.date)) date = raw.date;
    else r(`${at}.date`, `${JSON.stringify(raw.date)} is not a day of the calendar`);
  } else r(`${at}.date`, `expected "YYYY-MM-DD" or null, got ${describe(raw.date)}`);

  if (raw.played !== undefined && typeof raw.played !== 'boolean') r(`${at}.played`, `expected a boolean, got ${describe(raw.played)}`);
  if (raw.played === false) {
    // A scheduled leg: who plays whom (and when, if known), nothing that only a played match has.
    const home = stringField(raw, 'home', `${at}.`, r);
    const away = stringField(raw, 'away', `${at}.`, r);
    if (home !== null && home === away) r(`${at}.away`, `same club as home (${JSON.stringify(home)})`);
    for (const key of ['h90', 'a90', 'hET', 'aET', 'pens', 'awarded', 'method_note'] as const) {
      if (raw[key] !== undefined && raw[key] !== null) r(`${at}.${key}`, `a leg not played yet (played: false) has no ${key}, got ${describe(raw[key])}`);
    }
    if (raw.replay !== undefined && typeof raw.replay !== 'boolean') r(`${at}.replay`, `expected a boolean, got ${describe(raw.replay)}`);
    if (!ok || home === null || away === null) return null;
    return { date, home, away, played: false, h90: null, a90: null, hET: null, aET: null, pens: null, replay: raw.replay === true, awarded: false, methodNote: null };
  }

  const home = stringField(raw, 'home', `${at}.`, r);
  const away = stringField(raw, 'away', `${at}.`, r);
  if (home !== null && home === away) r(`${at}.away`, `same club as home (${JSON.stringify(home)})`);

  const goals = (key: string, optional: boolean): number | null => {
    const value = raw[key];
    if (value === undefined && optional) return null;
    if (value === null) return null;
    if (typeof value === 'number' && isGoalCount(value)) return value;
    r(`${at}.${key}`, `expected a non-negative integer${optional ? '' : ' or null'}${tooMany(value)}, got ${describe(value)}`);
    return null;
  };
  const h90 = goals('h90', false);
  const a90 = goals('a90', false);
  if (!('h90' in raw)) r(`${at}.h90`, 'missing (use null when unknown)');
  if (!('a90' in raw)) r(`${at}.a90`, 'missing (use null when unknown)');
  if ((raw.h90 === null) !== (raw.a90 === null)) r(`${at}.h90`, 'h90 and a90 must both be numbers or both be null');
  const hET = goals('hET', true);
  const aET = goals('aET', true);
  if ((raw.hET === undefined) !== (raw.aET === undefined)) r(`${at}.hET`, 'hET and aET must be given together');
  if (raw.h90 === null && raw.hET === undefined) r(`${at}.h90`, 'null score after 90 minutes needs hET/aET (the score after extra time)');
  if (h90 !== null && hET !== null && (hET < h90 || (a90 !== null && aET !== null && aET < a90))) {
    r(`${at}.hET`, `score after extra time ${hET}-${aET} is below the score after 90 minutes ${h90}-${a90}`);
  }

  let pens: [number, number] | null = null;
  if (raw.pens !== undefined) {
    if (
      Array.isArray(raw.pens) &&
      raw.pens.length === 2 &&
      raw.pens.every((n) => typeof n === 'number' && isGoalCount(n))
    ) {
      pens = [raw.pens[0] as number, raw.pens[1] as number];
      const impossible = shootOutProblem(pens[0], pens[1]);
      if (impossible) r(`${at}.pens`, impossible);
    } else {
      r(`${at}.pens`, `expected [home, away] non-negative integers${Array.isArray(raw.pens) ? raw.pens.map(tooMany).find(Boolean) ?? '' : ''}, got ${describe(raw.pens)}`);
    }
  }
  if (raw.replay !== undefined && typeof raw.replay !== 'boolean') r(`${at}.replay`, `expected a boolean, got ${describe(raw.replay)}`);
  if (raw.awarded !== undefined && typeof raw.awarded !== 'boolean') r(`${at}.awarded`, `expected a boolean, got ${describe(raw.awarded)}`);
  if (raw.method_note !== undefined && typeof raw.method_note !== 'string') r(`${at}.method_note`, `expected a string, got ${describe(raw.method_note)}`);

  if (!ok || home === null || away === null) return null;
  return {
    date,
    home,
    away,
    played: true,
    h90,
    a90,
    hET,
    aET,
    pens,
    replay: raw.replay === true,
    awarded: raw.awarded === true,
    methodNote: typeof raw.method_note === 'string' ? raw.method_note : null,
  };
}

function parseDecision(raw: unknown, at: string, report: Report, legs: readonly RecordedLeg[]): RecordedDecision | null {
  if (!isRecord(raw)) {
    report(at, `expected an object { kind, winner?, reason }, got ${describe(raw)}`);
    return null;
  }
  let ok = true;
  const r: Report = (path, message) => {
    ok = false;
    report(path, message);
  };
  for (const key of Object.keys(raw)) if (!DECISION_KEYS.has(key)) r(`${at}.${key}`, 'unknown field');
  const kind = DECISION_KINDS.find((k) => k === raw.kind) ?? null;
  if (kind === null) r(`${at}.kind`, `expected ${DECISION_KINDS.map((k) => `"${k}"`).join(', ')}, got ${describe(raw.kind)}`);
  const reason = stringField(raw, 'reason', `${at}.`, r);
  const winner = raw.winner === undefined || raw.winner === null ? null : stringField(raw, 'winner', `${at}.`, r);
  if (kind === 'coin_toss' || kind === 'awarded') {
    if (raw.winner === undefined || raw.winner === null) r(`${at}.winner`, `a ${kind.replace('_', ' ')} needs the club it went to`);
  } else if (kind === 'replay_ordered' && winner !== null) {
    r(`${at}.winner`, 'an ordered replay names no winner: the replay decides');
  }
  const first = legs[0];
  if (winner !== null && first && winner !== first.home && winner !== first.away) {
    r(`${at}.winner`, `${JSON.stringify(winner)} is not one of the tie's clubs (${JSON.stringify(first.home)}, ${JSON.stringify(first.away)})`);
  }
  if (kind === 'replay_ordered' && !legs.some((leg) => leg.replay)) r(`${at}.kind`, 'an ordered replay needs the replay among the legs (replay: true)');
  if (!ok || kind === null || reason === null) return null;
  return { kind, winner, reason };
}

/**
 * One recorded tie as TieFacts. Clubs are identified by their name within the file.
 * Recorded facts come only from the file: a leg `method_note` "coin toss" becomes a coin toss won by the
 * recorded winner; `awarded: true` makes that leg's score an awarded one (reason: the method note, e.g. "walkover").
 * The recorded winner is otherwise not used: it is what the computed outcome is compared with.
 */
export function tieFactsFromRecord(tie: RecordedTie): TieFacts {
  const first = tie.legs[0]!;
  const clubs = [
    { id: first.home, name: first.home },
    { id: first.away, name: first.away },
  ] as const;
  const legs: MatchFacts[] = tie.legs.map((leg) => {
    const afterNormalTime = leg.h90 !== null && leg.a90 !== null ? { home: leg.h90, away: leg.a90 } : null;
    const afterExtraTime = leg.hET !== null && leg.aET !== null ? { home: leg.hET, away: leg.aET } : null;
    const final = afterExtraTime ?? afterNormalTime;
    return {
      home: leg.home,
      away: leg.away,
      date: leg.date,
      played: leg.played,
      afterNormalTime,
      afterExtraTime,
      shootOut: leg.pens ? { home: leg.pens[0], away: leg.pens[1] } : null,
      replay: leg.replay,
      awarded: awardedMatch(leg.awarded, leg, final, leg.methodNote),
    };
  });
  return { id: tie.id, clubs, legs, recorded: recordedFactsOf(tie) };
}

/**
 * The recorded decision as an engine fact: the `decision` field, or else a leg's `method_note`
 * "coin toss" (the older way), which goes to the recorded winner.
 */
export function recordedFactsOf(tie: RecordedTie): RecordedFact[] {
  const decision = tie.decision;
  if (decision) {
    switch (decision.kind) {
      case 'coin_toss':
        return [{ kind: 'coinToss', winner: decision.winner!, source: decision.reason }];
      case 'awarded':
        return [{ kind: 'awarded', winner: decision.winner!, reason: decision.reason }];
      case 'replay_ordered':
        return [{ kind: 'replayOrdered', reason: decision.reason }];
      default:
        return assertNever(decision.kind);
    }
  }
  const index = tie.legs.findIndex((leg) => leg.methodNote !== null && /coin toss|drawing of lots/i.test(leg.methodNote));
  if (index < 0 || tie.winner === null) return [];
  return [{ kind: 'coinToss', winner: tie.winner, source: `legs[${index}].method_note "${tie.legs[index]!.methodNote}"` }];
}

/**
 * The file's ties with a recorded winner, decided under their catalogue rule set (and stated
 * format), as conformance cases: what `compareWithRecorded` reads. Ties without a winner are left out.
 */
export function conformanceCasesOf(file: ResultsFile): ConformanceCase[] {
  return file.ties.flatMap((tie) =>
    tie.winner === null
      ? []
      : [{
          tieId: tie.id,
          competition: tie.competition,
          recordedWinner: tie.winner,
          recordedMethod: recordedMethod(tie),
          outcome: decideTie(tieFactsFromRecord(tie), findRuleSet(tie.competition, tie.season, tie.round, tie.format ?? undefined)),
        }],
  );
}

/**
 * What the file says about how the tie was settled, when it says anything (for method cross-checks).
 * A "walkover" note is about one awarded leg, not about how the tie was settled, so it maps to nothing.
 */
export function recordedMethod(tie: RecordedTie): 'AWAY_GOALS' | 'COIN_TOSS' | 'PENALTIES' | null {
  const last = tie.legs[tie.legs.length - 1];
  const notes = tie.legs.map((leg) => leg.methodNote ?? '').join(' ');
  if (/coin toss/i.test(notes)) return 'COIN_TOSS';
  if (/away goals/i.test(notes)) return 'AWAY_GOALS';
  if (last?.pens) return 'PENALTIES';
  return null;
}

/** " (at most 200)" for a whole number above MAX_GOALS, so the message says what is wrong with 1e20. */
function tooMany(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) && value > MAX_GOALS ? ` (at most ${MAX_GOALS})` : '';
}

function stringField(obj: Record<string, unknown>, key: string, prefix: string, report: Report): string | null {
  const value = obj[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  report(`${prefix}${key}`, `expected a non-empty string, got ${describe(value)}`);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const simple = value.length <= 4 && value.every((item) => item === null || typeof item !== 'object');
    return simple ? `[${value.map(describe).join(', ')}]` : `an array of ${value.length}`;
  }
  if (typeof value === 'object') return 'an object';
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return `a number too large to be finite (${value})`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
