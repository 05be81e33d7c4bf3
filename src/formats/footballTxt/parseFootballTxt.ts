/**
 * Parses one Football.TXT file (openfootball's plain-text format, as in the public repository
 * openfootball/champions-league, CC0) into its competition, season, stages, matches and ties.
 * Pure: text in, a parsed file out; names stay as written (ClubMention), identity is decided later
 * by the one club resolver.
 *
 * What it reads (every construct of the 2011-12 to 2025-26 UEFA club competition files):
 * - the header "= UEFA Champions League 2017/18" or "= UEFA Europa League - Quali 2025/26";
 * - "# Date ...", "# Teams ..." and other "#" comment lines (ignored: they restate the file);
 * - round headings "» Group A", "» Gruppe G", "» Group, Matchday 3", "» League phase",
 *   "» League, Matchday 8", "» Playoffs, Matchday 1", "» Finals, Round of 16", "» Round of 16",
 *   "» Sechzehntelfinale", "» Quarterfinals", "» Semifinals", "» Final", "» 1. Round", "» Round 2",
 *   "» Play-offs" (in a "Quali" file: the qualifying rounds);
 * - date lines "Tue Sep/12 2017" or "Wed Sep/27" (year carried on; a year change is checked
 *   against the weekday);
 * - match lines "[20.45]  Team (CTY) v Team (CTY)  score  [@ Stadium, City]" with scores
 *   "3-0 (1-0)", "0-0", "2-3 a.e.t. (1-0, 1-0)", "11-10 pen. 2-0 a.e.t. (2-0, 2-0)",
 *   "3-0 [awarded]", "[cancelled]", and no score for a match not played yet;
 * - goal lines under a match: "(Neymar 71'; Diego 56')", minutes "90+3'", "(pen.)", "(o.g.)";
 *   home scorers before ";", away scorers after; an own goal is listed for the side it counts for.
 * Anything else fails with the file and line (FootballTxtError): no line is skipped silently.
 *
 * Two-legged knockout pairs (A v B, later B v A, in the same round) become one tie with its legs
 * in order; a knockout match without a return match is a single-match tie (a final); group and
 * league-phase matches belong to no tie.
 */
import type { ClubMention } from "../../identity/ClubMention.ts";

export class FootballTxtError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${fileName}, line ${line}: ${problem}`);
    this.name = "FootballTxtError";
  }
}

/** A pair of goals: [home, away]. */
export type ScorePair = [number, number];

export interface FootballTxtGoal {
  /** The side the goal counts for (for an own goal, the side that benefits). */
  side: "home" | "away";
  scorer: string;
  minute: number;
  /** Stoppage time: 90+3 is minute 90, addedTime 3. */
  addedTime?: number;
  penalty: boolean;
  ownGoal: boolean;
}

export interface FootballTxtMatch {
  /** 1-based line of the match in the file. */
  line: number;
  /** The stage in the graph's words: "Group stage", "League phase", "Round of 16", "Final"... */
  stage: string;
  /** The group letter of a group-stage match, when the file gives it. */
  group?: string;
  /** The matchday of a group or league-phase match, when the file gives it. */
  matchday?: number;
  /** ISO date. */
  date: string;
  /** Local kick-off time as written, "20:45". */
  kickOff?: string;
  home: ClubMention;
  away: ClubMention;
  halfTime?: ScorePair;
  /** After 90 minutes (plus stoppage time). Absent for a cancelled match or one not played yet. */
  fullTime?: ScorePair;
  afterExtraTime?: ScorePair;
  penalties?: ScorePair;
  awarded: boolean;
  cancelled: boolean;
  venue?: { stadium: string; city?: string };
  goals: FootballTxtGoal[];
}

export interface FootballTxtTie {
  stage: string;
  /** Indexes into `matches`, first leg first. */
  legs: number[];
}

export interface FootballTxtFile {
  fileName: string;
  /** As the header names it, without "- Quali": "UEFA Champions League". */
  competition: string;
  /** "2017-18". */
  season: string;
  /** The header says "Quali": the file holds qualifying rounds. */
  qualifying: boolean;
  matches: FootballTxtMatch[];
  ties: FootballTxtTie[];
}

/** Stages in the order a season plays them; the position is the Stage's ordinal. */
export const STAGE_ORDER = [
  "Preliminary round",
  "First qualifying round",
  "Second qualifying round",
  "Third qualifying round",
  "Play-off round",
  "Group stage",
  "League phase",
  "Knockout round play-offs",
  "Knockout phase play-offs",
  "Round of 32",
  "Round of 16",
  "Quarter-finals",
  "Semi-finals",
  "Final",
] as const;
export type StageName = (typeof STAGE_ORDER)[number];

/** Stages whose matches belong to no tie. */
const ROUND_ROBIN_STAGES: ReadonlySet<string> = new Set(["Group stage", "League phase"]);

interface Heading {
  stage: StageName;
  group?: string;
  matchday?: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const HEADER = /^=\s*(.+?)\s+(?:-\s*(Quali)\s+)?(\d{4})\/(\d{2})\s*$/;
const DATE_LINE = /^\s*(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/(\d{1,2})(?:\s+(\d{4}))?\s*$/;
const TEAM = String.raw`(.+?)(?:\s+\(([A-Z]{3})\))?`;
const PAIR = String.raw`(\d+)-(\d+)`;
const SCORE = String.raw`(?:${PAIR}\s+pen\.\s+)?${PAIR}(?:\s+(a\.e\.t\.))?(?:\s+\(${PAIR}(?:,\s*${PAIR})?\))?`;
const MATCH_LINE = new RegExp(
  String.raw`^\s+(?:(\d{1,2})[.:](\d{2})\s+)?${TEAM}\s+v\s+${TEAM}(?:\s+(?:(?:${SCORE})(?:\s+\[(awarded)\])?|\[(cancelled)\]))?(?:\s+@\s+([^,]+?)(?:,\s*(.+?))?)?\s*$`,
);
const GOAL_LINE = /^\s+\((.*)\)\s*$/;

/**
 * Reads a round heading (without "» "). `qualifying`: the file is a "Quali" file, where "Playoffs"
 * is the qualifying play-off round. `afterLeaguePhase`: a "Playoffs" heading after a league phase
 * is the knockout phase play-offs; after a group stage, the knockout round play-offs.
 */
export function readHeading(text: string, context: { qualifying: boolean; roundRobin: "group" | "league" | null }): Heading | null {
  const heading = text.trim();
  let match: RegExpExecArray | null;
  if ((match = /^(?:Group|Gruppe)\s+([A-Z])$/.exec(heading))) return { stage: "Group stage", group: match[1] };
  if ((match = /^Group,\s*Matchday\s+(\d+)$/.exec(heading))) return { stage: "Group stage", matchday: Number(match[1]) };
  if (/^League phase$/i.test(heading)) return { stage: "League phase" };
  if ((match = /^League,\s*Matchday\s+(\d+)$/.exec(heading))) return { stage: "League phase", matchday: Number(match[1]) };
  const round = heading.replace(/^Finals,\s*/, "").replace(/,\s*Matchday\s+\d+$/, "");
  if (/^(?:Play-?offs?)$/i.test(round)) {
    if (context.qualifying) return { stage: "Play-off round" };
    return { stage: context.roundRobin === "league" ? "Knockout phase play-offs" : "Knockout round play-offs" };
  }
  if ((match = /^(?:(\d)\.\s*Round|Round\s+(\d))$/.exec(round))) {
    const number = Number(match[1] ?? match[2]);
    const stage = (["First qualifying round", "Second qualifying round", "Third qualifying round"] as const)[number - 1];
    if (!context.qualifying || !stage) return null;
    return { stage };
  }
  const named: Record<string, StageName> = {
    "preliminary round": "Preliminary round",
    sechzehntelfinale: "Round of 32",
    "round of 32": "Round of 32",
    "round of 16": "Round of 16",
    achtelfinale: "Round of 16",
    quarterfinals: "Quarter-finals",
    "quarter-finals": "Quarter-finals",
    viertelfinale: "Quarter-finals",
    semifinals: "Semi-finals",
    "semi-finals": "Semi-finals",
    halbfinale: "Semi-finals",
    final: "Final",
    finale: "Final",
  };
  const stage = named[round.toLowerCase()];
  return stage ? { stage } : null;
}

/** Reads a goal line's inside ("Neymar 71'; Diego 56'") into goals. */
export function readGoals(text: string): FootballTxtGoal[] | null {
  const sides = text.split(";");
  if (sides.length > 2) return null;
  const goals: FootballTxtGoal[] = [];
  for (const [index, sideText] of sides.entries()) {
    const side = index === 0 ? "home" : "away";
    let rest = sideText.trim();
    // A scorer, then one or more minutes, each perhaps marked (pen.) or (o.g.).
    const scorerWithMinutes = /^([^\d;()]+?)\s+((?:\d{1,3}(?:\+\d{1,2})?'\s*(?:\((?:pen|o\.g)\.\)\s*)?,?\s*)+)/;
    while (rest.length > 0) {
      const found = scorerWithMinutes.exec(rest);
      if (!found) return null;
      const scorer = found[1]!.trim().replace(/,$/, "");
      for (const minuteMatch of found[2]!.matchAll(/(\d{1,3})(?:\+(\d{1,2}))?'\s*(?:\(((?:pen|o\.g)\.)\))?/g)) {
        goals.push({
          side,
          scorer,
          minute: Number(minuteMatch[1]),
          ...(minuteMatch[2] !== undefined ? { addedTime: Number(minuteMatch[2]) } : {}),
          penalty: minuteMatch[3] === "pen.",
          ownGoal: minuteMatch[3] === "o.g.",
        });
      }
      rest = rest.slice(found[0].length).trim();
    }
  }
  return goals;
}

export function parseFootballTxt(text: string, fileName: string): FootballTxtFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const fail = (line: number, problem: string): never => {
    throw new FootballTxtError(fileName, line, problem);
  };

  let competition: string | null = null;
  let startYear = 0;
  let qualifying = false;
  let heading: Heading | null = null;
  let roundRobin: "group" | "league" | null = null;
  let date: { iso: string } | null = null;
  let kickOff: string | undefined;
  const matches: FootballTxtMatch[] = [];

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/\s+$/, "");
    if (line.trim() === "" || /^\s*#/.test(line)) return;

    if (line.startsWith("=")) {
      const header = HEADER.exec(line);
      if (!header) fail(lineNumber, `header not understood: "${line}" (expected "= Competition YYYY/YY" or "= Competition - Quali YYYY/YY")`);
      if (competition !== null) fail(lineNumber, "a second header: one file holds one competition season");
      competition = header![1]!;
      qualifying = header![2] !== undefined;
      startYear = Number(header![3]);
      const endYear = Number(header![4]);
      if ((startYear + 1) % 100 !== endYear) fail(lineNumber, `season ${header![3]}/${header![4]}: the second year should be ${String((startYear + 1) % 100).padStart(2, "0")}`);
      return;
    }
    if (competition === null) fail(lineNumber, `expected the header "= Competition YYYY/YY" before anything else, got "${line.trim()}"`);

    if (line.startsWith("»")) {
      const text = line.slice(1).trim();
      heading = readHeading(text, { qualifying, roundRobin });
      if (!heading) fail(lineNumber, `round heading not understood: "${text}"`);
      if (heading!.stage === "Group stage") roundRobin = "group";
      if (heading!.stage === "League phase") roundRobin = "league";
      kickOff = undefined;
      return;
    }

    const dateLine = DATE_LINE.exec(line);
    if (dateLine) {
      const month = MONTHS.indexOf(dateLine[2]!) + 1;
      const day = Number(dateLine[3]);
      // A line without a year is in the season's first or second calendar year: the one where the
      // weekday fits (consecutive years never share a weekday for the same day).
      const candidates = dateLine[4] !== undefined ? [Number(dateLine[4])] : [startYear, startYear + 1];
      const year = candidates.find((y) => WEEKDAYS[new Date(Date.UTC(y, month - 1, day)).getUTCDay()] === dateLine[1]) ?? candidates[0]!;
      const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const parsed = new Date(`${iso}T12:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.getUTCDate() !== day) fail(lineNumber, `no such date: ${dateLine[2]}/${day} ${year}`);
      if (WEEKDAYS[parsed.getUTCDay()] !== dateLine[1]) {
        fail(lineNumber, `${iso} is a ${WEEKDAYS[parsed.getUTCDay()]}, not a ${dateLine[1]} (checked against the season's two years)`);
      }
      date = { iso };
      kickOff = undefined;
      return;
    }

    const goalLine = GOAL_LINE.exec(line);
    if (goalLine) {
      const previous = matches.at(-1);
      if (!previous || previous.line !== lastMatchLine(lines, index)) fail(lineNumber, "a goal line must follow its match line");
      const goals = readGoals(goalLine[1]!);
      if (!goals) fail(lineNumber, `goal line not understood: "${line.trim()}" (expected "(Scorer 12' Scorer 90+2' (pen.); Scorer 45' (o.g.))")`);
      previous!.goals.push(...goals!);
      return;
    }

    const m = MATCH_LINE.exec(line);
    if (!m) fail(lineNumber, `line not understood: "${line.trim()}"`);
    // A club name holds no brackets, "@" or score-like text: anything such is a score or venue misread.
    for (const name of [m![3]!, m![5]!]) {
      if (/[()[\]@]|\d+\s*[-:]\s*\d+/.test(name)) fail(lineNumber, `line not understood: "${line.trim()}" (club name "${name.trim()}" holds a score, bracket or venue)`);
    }
    if (!heading) fail(lineNumber, "a match before any round heading (» ...)");
    if (!date) fail(lineNumber, "a match before any date line");
    const [, hour, minute, homeName, homeCountry, awayName, awayCountry, penH, penA, mainH, mainA, aet, p1H, p1A, p2H, p2A, awarded, cancelled, stadium, city] = m!;
    if (hour !== undefined) kickOff = `${hour.padStart(2, "0")}:${minute}`;
    const pair = (h?: string, a?: string): ScorePair | undefined => (h === undefined ? undefined : [Number(h), Number(a)]);
    const extraTime = aet !== undefined;
    if (penH !== undefined && !extraTime) fail(lineNumber, "a shoot-out without extra time (expected \"P-P pen. E-E a.e.t. (F-F, H-H)\")");
    // "2-3 a.e.t. (1-0, 1-0)": after extra time, then (full time, half time); otherwise "3-0 (1-0)" is (half time).
    const fullTime = extraTime ? pair(p1H, p1A) : pair(mainH, mainA);
    const halfTime = extraTime ? pair(p2H, p2A) : pair(p1H, p1A);
    if (extraTime && !fullTime) fail(lineNumber, "a score after extra time needs the score after 90 minutes in brackets: \"2-3 a.e.t. (1-0, 1-0)\"");
    if (!extraTime && p2H !== undefined) fail(lineNumber, "two scores in brackets without a.e.t.");
    const mention = (name: string, country: string | undefined, field: string): ClubMention => ({
      name: name.trim(),
      ...(country ? { country } : {}),
      at: { file: fileName, record: `line ${lineNumber}`, field },
    });
    const h = heading!;
    matches.push({
      line: lineNumber,
      stage: h.stage,
      ...(h.group ? { group: h.group } : {}),
      ...(h.matchday ? { matchday: h.matchday } : {}),
      date: date!.iso,
      ...(kickOff ? { kickOff } : {}),
      home: mention(homeName!, homeCountry, "home"),
      away: mention(awayName!, awayCountry, "away"),
      ...(halfTime ? { halfTime } : {}),
      ...(fullTime ? { fullTime } : {}),
      ...(extraTime ? { afterExtraTime: pair(mainH, mainA)! } : {}),
      ...(penH !== undefined ? { penalties: pair(penH, penA)! } : {}),
      awarded: awarded !== undefined,
      cancelled: cancelled !== undefined,
      ...(stadium ? { venue: { stadium: stadium.trim(), ...(city ? { city: city.trim() } : {}) } } : {}),
      goals: [],
    });
  });

  if (competition === null) throw new FootballTxtError(fileName, 1, 'no header "= Competition YYYY/YY"');
  const file: FootballTxtFile = {
    fileName,
    competition,
    season: `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`,
    qualifying,
    matches,
    ties: pairLegs(matches),
  };
  checkGoals(file);
  return file;
}

/** The index of the last match line above line `index` (goal lines may span one line each). */
function lastMatchLine(lines: string[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (GOAL_LINE.test(lines[i]!)) continue;
    return i + 1;
  }
  return 0;
}

/** The key a club is known by within one file: its name and country as written. */
function clubKey(mention: ClubMention): string {
  return `${mention.name.replace(/\s+/g, " ")}|${mention.country ?? ""}`;
}

/**
 * Knockout matches become ties: a match whose clubs, home and away swapped, played an earlier
 * match of the same stage that has no second leg yet, is that tie's second leg; any other
 * knockout match opens a tie (a final, or a first leg).
 */
function pairLegs(matches: FootballTxtMatch[]): FootballTxtTie[] {
  const ties: FootballTxtTie[] = [];
  const open = new Map<string, FootballTxtTie>();
  matches.forEach((match, index) => {
    if (ROUND_ROBIN_STAGES.has(match.stage)) return;
    const returnKey = `${match.stage}|${clubKey(match.away)}|${clubKey(match.home)}`;
    const firstLeg = open.get(returnKey);
    if (firstLeg) {
      firstLeg.legs.push(index);
      open.delete(returnKey);
      return;
    }
    const tie: FootballTxtTie = { stage: match.stage, legs: [index] };
    ties.push(tie);
    open.set(`${match.stage}|${clubKey(match.home)}|${clubKey(match.away)}`, tie);
  });
  return ties;
}

/** Listed goals must add up to the score: a file that disagrees with itself is refused. */
function checkGoals(file: FootballTxtFile): void {
  for (const match of file.matches) {
    if (match.goals.length === 0) continue;
    const final = match.afterExtraTime ?? match.fullTime;
    const counted: ScorePair = [0, 0];
    for (const goal of match.goals) counted[goal.side === "home" ? 0 : 1]++;
    if (!final || counted[0] !== final[0] || counted[1] !== final[1]) {
      throw new FootballTxtError(
        file.fileName,
        match.line,
        `the goal line lists ${counted[0]}-${counted[1]} but the score is ${final ? `${final[0]}-${final[1]}` : "missing"}`,
      );
    }
  }
}
