/**
 * Validation of seed files: every record's fields, and every reference across all files.
 * Returns every problem found (not just the first), each naming file, record and field, so a
 * bad seed is fixed in one pass. Pure: takes parsed JSON, does no I/O.
 */
import { isCalendarDate } from "../dates/isCalendarDate.ts";
import { checkSeedConsistency } from "./checkSeedConsistency.ts";
import { checkSeedTies } from "./checkSeedTies.ts";
import { goalIdOf, type SeedFile } from "./seedFormat.ts";

const GRAPHQL_INT_MAX = 2_147_483_647;

/**
 * How a field is checked. A trailing "?" makes it optional. "ref:clubs" must name a club id;
 * "ref:goals" a goal id ("<match id>/goal-<order>"); "subject" any fact a claim may be about.
 * "partialDate" is "2017", "2017-12" or "2017-12-10".
 */
type FieldRule =
  | "string" | "string?" | "int" | "int?" | "number?" | "boolean" | "boolean?" | "date?" | "partialDate?"
  | "strings" | "strings?" | "subject"
  | `enum:${string}` | `enum:${string}?`
  | `ref:${ReferenceKind}` | `ref:${ReferenceKind}?` | `refs:${ReferenceKind}` | `refs:${ReferenceKind}?`
  | { list: Record<string, FieldRule>; optional?: true };

type RecordKind = keyof SeedFile;
/** What a reference may point at: a record kind, or a goal (goals have derived ids). */
type ReferenceKind = RecordKind | "goals";

/** The record kinds a claim or conflict may be about (GraphQL union ClaimSubject). */
export const subjectKinds = ["matches", "goals", "ties", "clubs", "cards", "penaltyAwards", "matchStatistics"] as const;

const sourced = { sources: "refs:sources" } as const;
const named = { id: "string", name: "string", aliases: "strings", ...sourced } as const;
/** What every match event has (see SeedMatchEvent). */
const matchEvent = {
  id: "string", match: "ref:matches", minute: "int?", addedTime: "int?", minuteApproximate: "boolean?",
  period: "enum:BEFORE_MATCH|FIRST_HALF|SECOND_HALF|EXTRA_TIME?", timing: "string?", ...sourced,
} as const;

/** The record kinds a seed file may hold, and the fields of each. Extend here for new kinds. */
export const seedRecordRules: Record<RecordKind, Record<string, FieldRule>> = {
  sources: {
    id: "string", kind: "enum:REPORT|REFERENCE|DATASET", language: "string?",
    publishedOn: "date?", publishedOnDerived: "boolean?", title: "string", citedOutlets: "strings?", note: "string?",
  },
  competitions: { ...named, organiser: "string?" },
  clubs: {
    ...named, country: "string?", nicknames: "strings?",
    grounds: {
      optional: true,
      list: { stadium: "ref:stadiums", usage: "enum:ALL_HOME_MATCHES|EUROPEAN_HOME_MATCHES", season: "string?", note: "string?", ...sourced },
    },
    seasons: {
      optional: true,
      list: { season: "ref:seasons", debut: "boolean?", qualifiedOn: "partialDate?", note: "string?", ...sourced },
    },
  },
  players: {
    ...named, nationality: "string?", position: "string?",
    clubs: {
      optional: true,
      list: { club: "ref:clubs", season: "string?", former: "boolean?", captain: "boolean?", note: "string?", ...sourced },
    },
  },
  stadiums: { ...named, city: "string?" },
  coaches: {
    ...named,
    clubs: { optional: true, list: { club: "ref:clubs", from: "partialDate?", to: "partialDate?", note: "string?", ...sourced } },
    succeeded: { optional: true, list: { coach: "ref:coaches", club: "ref:clubs", on: "partialDate?", note: "string?", ...sourced } },
  },
  seasons: { id: "string", competition: "ref:competitions", label: "string", ruleSetId: "string?", ...sourced },
  stages: {
    id: "string", season: "ref:seasons", name: "string", ordinal: "int?",
    drawDate: "date?", drawDateDerived: "boolean?", date: "date?", city: "string?", ...sourced,
  },
  ties: {
    id: "string", stage: "ref:stages", clubs: "refs:clubs", ruleSetId: "string?",
    recordedDecision: "enum:COIN_TOSS|AWARDED|REPLAY_ORDERED?", recordedWinner: "ref:clubs?", recordedDecisionNote: "string?",
    sourceWinnerName: "string?", ...sourced,
  },
  matches: {
    id: "string", tie: "ref:ties?", stage: "ref:stages?", group: "string?", matchday: "int?", kickOffTime: "string?",
    legNumber: "int", isReplay: "boolean?", played: "boolean?", cancelled: "boolean?",
    date: "date?", dateDerived: "boolean?", home: "ref:clubs", away: "ref:clubs",
    homeScore: "int?", awayScore: "int?", homeScoreAtHalfTime: "int?", awayScoreAtHalfTime: "int?", homeScoreAfterExtraTime: "int?", awayScoreAfterExtraTime: "int?",
    homePenalties: "int?", awayPenalties: "int?", stadium: "ref:stadiums?", attendance: "int?",
    awarded: "boolean?", awardedNote: "string?", ...sourced,
    goals: {
      list: {
        order: "int", minute: "int?", addedTime: "int?", period: "enum:FIRST_HALF|SECOND_HALF|EXTRA_TIME?",
        scorer: "ref:players?", assist: "ref:players?", club: "ref:clubs", penalty: "boolean?", ownGoal: "boolean?",
        setPiece: "enum:CORNER|FREE_KICK|THROW_IN?", timing: "string?", ...sourced,
      },
    },
  },
  cards: { ...matchEvent, kind: "enum:YELLOW|SECOND_YELLOW|RED", player: "ref:players", club: "ref:clubs", reason: "string?" },
  substitutions: { ...matchEvent, club: "ref:clubs", playerOn: "ref:players?", playerOff: "ref:players?" },
  disallowedGoals: {
    ...matchEvent, club: "ref:clubs", scorer: "ref:players?", assist: "ref:players?", reason: "enum:OFFSIDE|FOUL|HANDBALL|OTHER?",
  },
  penaltyAwards: { ...matchEvent, club: "ref:clubs", fouledPlayer: "ref:players?", offender: "ref:players?", goal: "ref:goals?" },
  varReviews: { ...matchEvent, decision: "string", penaltyAward: "ref:penaltyAwards?" },
  incidents: {
    ...matchEvent, kind: "enum:GOALKEEPER_ERROR|PROTEST|WOODWORK|FAN_VIOLENCE|FATALITY", description: "string",
    players: "refs:players?", clubs: "refs:clubs?", goal: "ref:goals?",
  },
  matchStatistics: {
    id: "string", match: "ref:matches", club: "ref:clubs", shots: "int?", shotsOnTarget: "int?", possessionPercent: "number?",
    note: "string?", ...sourced,
  },
  standings: {
    id: "string", club: "ref:clubs", competition: "ref:competitions", season: "string", stage: "ref:stages?", group: "string?",
    position: "int?", asOf: "date?", asOfDerived: "boolean?", final: "boolean?", note: "string?", ...sourced,
  },
  conflicts: {
    id: "string",
    kind: "enum:DISAGREEMENT|CONTRADICTS_RULES|CONTRADICTS_ITSELF|CONTRADICTED_BY_REFERENCE|UNVERIFIED|APPARENT",
    topic: "string", subject: "subject", field: "string", resolvedValue: "string?", resolution: "string", ...sourced,
    claims: {
      list: {
        value: "string", wording: "string?", accepted: "boolean",
        flag: "enum:CONTRADICTS_RULES|CONTRADICTS_ITSELF|CONTRADICTED_BY_REFERENCE|UNVERIFIED?", note: "string?", ...sourced,
      },
    },
  },
};

export interface SeedInput {
  fileName: string;
  content: unknown;
}

interface PendingReference {
  where: string;
  kind: ReferenceKind | "subject";
  id: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const partialDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Checks the files and returns the list of problems; empty when all is well. */
export function validateSeeds(inputs: readonly SeedInput[]): string[] {
  const problems: string[] = [];
  const idsByKind = new Map<ReferenceKind, Map<string, string>>();
  const references: PendingReference[] = [];

  for (const { fileName, content } of inputs) {
    if (typeof content !== "object" || content === null || Array.isArray(content)) {
      problems.push(`${fileName}: expected a JSON object with arrays of records`);
      continue;
    }
    for (const [key, records] of Object.entries(content)) {
      if (key === "$comment") continue;
      if (!(key in seedRecordRules)) {
        problems.push(`${fileName}: unknown array "${key}" (expected one of ${Object.keys(seedRecordRules).join(", ")})`);
        continue;
      }
      const kind = key as RecordKind;
      if (!Array.isArray(records)) {
        problems.push(`${fileName}: "${kind}" must be an array`);
        continue;
      }
      records.forEach((record: unknown, index) => {
        const id = (record as { id?: unknown } | null)?.id;
        const where = `${fileName}: ${kind}[${index}]${typeof id === "string" ? ` (id "${id}")` : ""}`;
        checkRecord(record, seedRecordRules[kind], where, problems, references);
        if (typeof id === "string") {
          const ids = idsByKind.get(kind) ?? new Map<string, string>();
          const firstSeen = ids.get(id);
          if (firstSeen) problems.push(`${where}: duplicate id, first defined at ${firstSeen}`);
          else ids.set(id, where);
          idsByKind.set(kind, ids);
        }
      });
    }
  }

  idsByKind.set("goals", goalIds(inputs));
  for (const reference of references) {
    if (reference.kind === "subject") {
      if (!subjectKinds.some((kind) => idsByKind.get(kind)?.has(reference.id))) {
        problems.push(`${reference.where}: "${reference.id}" is not the id of a ${subjectKindNames()}`);
      }
    } else if (!idsByKind.get(reference.kind)?.has(reference.id)) {
      problems.push(`${reference.where}: unknown ${singularNames[reference.kind]} "${reference.id}"`);
    }
  }
  // Cross-record checks only make sense once every record has the right shape.
  if (problems.length === 0) checkSeedConsistency(inputs, problems);
  // The tie engine needs well-formed, consistent records; then it decides every tie as a query would.
  if (problems.length === 0) checkSeedTies(inputs, problems);
  return problems;
}

function checkRecord(
  record: unknown,
  rules: Record<string, FieldRule>,
  where: string,
  problems: string[],
  references: PendingReference[],
): void {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    problems.push(`${where}: expected an object`);
    return;
  }
  const fields = record as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    if (!(field in rules) && field !== "$comment") problems.push(`${where}.${field}: unknown field`);
  }
  for (const [field, rule] of Object.entries(rules)) {
    checkField(fields[field], rule, `${where}.${field}`, problems, references);
  }
}

function checkField(
  value: unknown,
  rule: FieldRule,
  where: string,
  problems: string[],
  references: PendingReference[],
): void {
  if (typeof rule === "object") {
    if (rule.optional && (value === undefined || value === null)) return;
    if (!Array.isArray(value)) {
      problems.push(`${where}: expected an array`);
      return;
    }
    value.forEach((item, index) => checkRecord(item, rule.list, `${where}[${index}]`, problems, references));
    return;
  }
  const optional = rule.endsWith("?");
  const base = optional ? rule.slice(0, -1) : rule;
  if (value === undefined || value === null) {
    if (!optional) problems.push(`${where}: missing`);
    return;
  }
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
  const shown = typeof value === "number" && !Number.isFinite(value) ? `a number too large to be finite (${value})` : JSON.stringify(value);
  const fail = (expected: string) => problems.push(`${where}: expected ${expected}, got ${shown}`);

  if (base === "string") {
    if (typeof value !== "string" || value.trim() === "") fail("a non-empty string");
  } else if (base === "int") {
    // GraphQL's Int is 32-bit: a larger count would fail every query that reads it.
    if (!Number.isInteger(value) || (value as number) < 0) fail("a non-negative integer");
    else if ((value as number) > GRAPHQL_INT_MAX) fail(`a non-negative integer of at most ${GRAPHQL_INT_MAX} (GraphQL's Int)`);
  } else if (base === "number") {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail("a non-negative number");
  } else if (base === "partialDate") {
    if (typeof value !== "string" || !partialDate.test(value) || (value.length === 10 && !isCalendarDate(value))) fail("a date YYYY, YYYY-MM or YYYY-MM-DD");
  } else if (base === "subject") {
    if (typeof value !== "string") fail("an id");
    else references.push({ where, kind: "subject", id: value });
  } else if (base === "boolean") {
    if (typeof value !== "boolean") fail("true or false");
  } else if (base === "date") {
    if (typeof value !== "string" || !isoDate.test(value)) fail("a date YYYY-MM-DD");
    else if (!isCalendarDate(value)) problems.push(`${where}: "${value}" is not a day of the calendar`);
  } else if (base === "strings") {
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item.trim() === "")) {
      fail("an array of non-empty strings");
    }
  } else if (base.startsWith("enum:")) {
    const allowed = base.slice("enum:".length).split("|");
    if (typeof value !== "string" || !allowed.includes(value)) fail(`one of ${allowed.join(", ")}`);
  } else if (base.startsWith("ref:")) {
    if (typeof value !== "string") fail("an id");
    else references.push({ where, kind: base.slice("ref:".length) as ReferenceKind, id: value });
  } else if (base.startsWith("refs:")) {
    const kind = base.slice("refs:".length) as ReferenceKind;
    if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== "string")) {
      fail("a non-empty array of ids");
    } else {
      value.forEach((id: string) => references.push({ where, kind, id }));
    }
  }
}

const singularNames: Record<ReferenceKind, string> = {
  sources: "source", competitions: "competition", clubs: "club", players: "player", stadiums: "stadium",
  coaches: "coach", seasons: "season", stages: "stage", ties: "tie", matches: "match", goals: "goal",
  cards: "card", substitutions: "substitution", disallowedGoals: "disallowed goal", penaltyAwards: "penalty award",
  varReviews: "VAR review", incidents: "incident", matchStatistics: "match statistics", standings: "standing",
  conflicts: "conflict",
};

/** "match, goal, ..., penalty award or match statistics", for messages. */
function subjectKindNames(): string {
  const names = subjectKinds.map((kind) => singularNames[kind]);
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** Every goal id the files define: goals have none of their own, so it comes from match and order. */
function goalIds(inputs: readonly SeedInput[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { fileName, content } of inputs) {
    const matches = (content as SeedFile | null)?.matches;
    if (!Array.isArray(matches)) continue;
    for (const match of matches) {
      if (!Array.isArray(match?.goals)) continue;
      for (const goal of match.goals) {
        if (typeof match.id === "string" && Number.isInteger(goal?.order)) ids.set(goalIdOf(match.id, goal.order), fileName);
      }
    }
  }
  return ids;
}
