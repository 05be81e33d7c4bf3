/**
 * The recorded-ties results file (e.g. ../shared/data/uefa-ties/ties-1955-2016.json): a pure
 * parser/validator, and the conversion of one recorded tie into TieFacts for decideTie.
 *
 * Format: { about, sources: string[], ties: [{ id, competition, season, round, phase,
 *   legs: [{ date, home, away, h90, a90, hET?, aET?, pens?: [h, a], replay?: true, awarded?, method_note? }],
 *   winner, winner_basis, source, notes?: string[] }] }
 * h90/a90 may both be null when the source gives only the score after extra time.
 *
 * parseResultsFile collects every problem (up to a cap) and throws one ResultsFileError naming the file,
 * the record (index and id) and the field of each.
 */
import { awardedMatch, type MatchFacts, type RecordedFact, type TieFacts } from './tieFacts.ts';

export interface RecordedLeg {
  readonly date: string | null;
  readonly home: string;
  readonly away: string;
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
  /** Club name exactly as the file spells it. */
  readonly winner: string;
  readonly winnerBasis: string;
  readonly source: string;
  readonly notes: readonly string[];
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

const TIE_KEYS = new Set(['id', 'competition', 'season', 'round', 'phase', 'legs', 'winner', 'winner_basis', 'source', 'notes']);
const LEG_KEYS = new Set(['date', 'home', 'away', 'h90', 'a90', 'hET', 'aET', 'pens', 'replay', 'awarded', 'method_note']);

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
  const about = stringField(json, 'about', '', report) ?? '';
  const sources = Array.isArray(json.sources) ? json.sources.filter((s): s is string => typeof s === 'string') : [];
  if (!Array.isArray(json.sources) || sources.length !== json.sources.length) {
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
  const season = stringField(raw, 'season', tiePrefix, r);
  if (season !== null && !/^\d{4}-\d{2}$/.test(season)) r(`${at} season`, `expected "YYYY-YY", got ${JSON.stringify(season)}`);
  const round = stringField(raw, 'round', tiePrefix, r);
  const phase = stringField(raw, 'phase', tiePrefix, r);
  const winner = stringField(raw, 'winner', tiePrefix, r);
  const winnerBasis = stringField(raw, 'winner_basis', tiePrefix, r);
  const source = stringField(raw, 'source', tiePrefix, r);
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
    if (winner !== null && !clubs.has(winner)) {
      r(`${at} winner`, `${JSON.stringify(winner)} is not one of the tie's clubs (${[...clubs].map((c) => JSON.stringify(c)).join(', ')})`);
    }
  }

  if (before.count > 0 || id === null || competition === null || season === null || round === null || phase === null || winner === null) {
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
  else if (typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date)) date = raw.date;
  else r(`${at}.date`, `expected "YYYY-MM-DD" or null, got ${describe(raw.date)}`);

  const home = stringField(raw, 'home', `${at}.`, r);
  const away = stringField(raw, 'away', `${at}.`, r);
  if (home !== null && home === away) r(`${at}.away`, `same club as home (${JSON.stringify(home)})`);

  const goals = (key: string, optional: boolean): number | null => {
    const value = raw[key];
    if (value === undefined && optional) return null;
    if (value === null) return null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    r(`${at}.${key}`, `expected a non-negative integer${optional ? '' : ' or null'}, got ${describe(value)}`);
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
      raw.pens.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
    ) {
      pens = [raw.pens[0] as number, raw.pens[1] as number];
      if (pens[0] === pens[1]) r(`${at}.pens`, `a shoot-out cannot end level, got ${pens[0]}-${pens[1]}`);
    } else {
      r(`${at}.pens`, `expected [home, away] non-negative integers, got ${describe(raw.pens)}`);
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
      played: true,
      afterNormalTime,
      afterExtraTime,
      shootOut: leg.pens ? { home: leg.pens[0], away: leg.pens[1] } : null,
      replay: leg.replay,
      awarded: awardedMatch(leg.awarded, leg, final, leg.methodNote),
    };
  });
  const recorded: RecordedFact[] = [];
  tie.legs.forEach((leg, i) => {
    if (leg.methodNote !== null && /coin toss|drawing of lots/i.test(leg.methodNote)) {
      recorded.push({ kind: 'coinToss', winner: tie.winner, source: `legs[${i}].method_note "${leg.methodNote}"` });
    }
  });
  return { id: tie.id, clubs, legs, recorded };
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
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
