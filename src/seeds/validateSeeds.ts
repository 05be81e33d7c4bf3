/**
 * Validation of seed files: every record's fields, and every reference across all files.
 * Returns every problem found (not just the first), each naming file, record and field, so a
 * bad seed is fixed in one pass. Pure: takes parsed JSON, does no I/O.
 */
import type { SeedFile } from "./seedFormat.ts";

/** How a field is checked. A trailing "?" makes it optional. "ref:clubs" must name a club id. */
type FieldRule =
  | "string" | "string?" | "int" | "int?" | "boolean?" | "date?" | "strings"
  | `enum:${string}` | `enum:${string}?`
  | `ref:${RecordKind}` | `ref:${RecordKind}?` | `refs:${RecordKind}`
  | { list: Record<string, FieldRule> };

type RecordKind = keyof SeedFile;

const sourced = { sources: "refs:sources" } as const;
const named = { id: "string", name: "string", aliases: "strings", ...sourced } as const;

/** The record kinds a seed file may hold, and the fields of each. Extend here for new kinds. */
export const seedRecordRules: Record<RecordKind, Record<string, FieldRule>> = {
  sources: {
    id: "string", kind: "enum:REPORT|REFERENCE|DATASET", language: "string?",
    publishedOn: "date?", publishedOnDerived: "boolean?", title: "string",
  },
  competitions: { ...named, organiser: "string?" },
  clubs: { ...named, country: "string?" },
  players: { ...named, nationality: "string?", position: "string?" },
  stadiums: { ...named, city: "string?" },
  coaches: { ...named },
  seasons: { id: "string", competition: "ref:competitions", label: "string", ruleSetId: "string?", ...sourced },
  stages: { id: "string", season: "ref:seasons", name: "string", ordinal: "int?", ...sourced },
  ties: {
    id: "string", stage: "ref:stages", clubs: "refs:clubs", ruleSetId: "string?",
    recordedDecision: "enum:COIN_TOSS|AWARDED|REPLAY_ORDERED?", recordedWinner: "ref:clubs?", recordedDecisionNote: "string?",
    sourceWinnerName: "string?", ...sourced,
  },
  matches: {
    id: "string", tie: "ref:ties", legNumber: "int", isReplay: "boolean?", played: "boolean?",
    date: "date?", dateDerived: "boolean?", home: "ref:clubs", away: "ref:clubs",
    homeScore: "int?", awayScore: "int?", homeScoreAfterExtraTime: "int?", awayScoreAfterExtraTime: "int?",
    homePenalties: "int?", awayPenalties: "int?", stadium: "ref:stadiums?", attendance: "int?",
    awarded: "boolean?", awardedNote: "string?", ...sourced,
    goals: {
      list: {
        order: "int", minute: "int?", addedTime: "int?", period: "enum:FIRST_HALF|SECOND_HALF|EXTRA_TIME?",
        scorer: "ref:players?", assist: "ref:players?", club: "ref:clubs", penalty: "boolean?", ownGoal: "boolean?",
        ...sourced,
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
  kind: RecordKind;
  id: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the files and returns the list of problems; empty when all is well. */
export function validateSeeds(inputs: readonly SeedInput[]): string[] {
  const problems: string[] = [];
  const idsByKind = new Map<RecordKind, Map<string, string>>();
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

  for (const reference of references) {
    if (!idsByKind.get(reference.kind)?.has(reference.id)) {
      problems.push(`${reference.where}: unknown ${singular(reference.kind)} "${reference.id}"`);
    }
  }
  // Cross-record checks only make sense once every record has the right shape.
  if (problems.length === 0) checkConsistency(inputs, problems);
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
  const fail = (expected: string) => problems.push(`${where}: expected ${expected}, got ${JSON.stringify(value)}`);

  if (base === "string") {
    if (typeof value !== "string" || value.trim() === "") fail("a non-empty string");
  } else if (base === "int") {
    if (!Number.isInteger(value) || (value as number) < 0) fail("a non-negative integer");
  } else if (base === "boolean") {
    if (typeof value !== "boolean") fail("true or false");
  } else if (base === "date") {
    if (typeof value !== "string" || !isoDate.test(value) || Number.isNaN(Date.parse(value))) fail("a date YYYY-MM-DD");
  } else if (base === "strings") {
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item.trim() === "")) {
      fail("an array of non-empty strings");
    }
  } else if (base.startsWith("enum:")) {
    const allowed = base.slice("enum:".length).split("|");
    if (typeof value !== "string" || !allowed.includes(value)) fail(`one of ${allowed.join(", ")}`);
  } else if (base.startsWith("ref:")) {
    if (typeof value !== "string") fail("an id");
    else references.push({ where, kind: base.slice("ref:".length) as RecordKind, id: value });
  } else if (base.startsWith("refs:")) {
    const kind = base.slice("refs:".length) as RecordKind;
    if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== "string")) {
      fail("a non-empty array of ids");
    } else {
      value.forEach((id: string) => references.push({ where, kind, id }));
    }
  }
}

const singularNames: Record<RecordKind, string> = {
  sources: "source", competitions: "competition", clubs: "club", players: "player", stadiums: "stadium",
  coaches: "coach", seasons: "season", stages: "stage", ties: "tie", matches: "match",
};

function singular(kind: RecordKind): string {
  return singularNames[kind];
}

/**
 * Checks that need the whole data set: a match is between its tie's clubs, goals belong to one
 * of the match's clubs, goal order runs 1..n, and no club has more goals listed than it scored.
 */
function checkConsistency(inputs: readonly SeedInput[], problems: string[]): void {
  const ties = new Map<string, { clubs?: unknown }>();
  for (const { content } of inputs) {
    for (const tie of ((content as SeedFile).ties ?? []) as { id: string; clubs?: unknown }[]) ties.set(tie.id, tie);
  }
  for (const { fileName, content } of inputs) {
    ((content as SeedFile).matches ?? []).forEach((match, index) => {
      const where = `${fileName}: matches[${index}] (id "${match.id}")`;
      const tieClubs = ties.get(match.tie)?.clubs;
      if (Array.isArray(tieClubs) && tieClubs.length !== 2) problems.push(`${where}: its tie must name exactly two clubs`);
      if (Array.isArray(tieClubs) && (!tieClubs.includes(match.home) || !tieClubs.includes(match.away) || match.home === match.away)) {
        problems.push(`${where}: home and away must be the two clubs of tie "${match.tie}"`);
      }
      if (!Array.isArray(match.goals)) return;
      const finalScore = (club: string) =>
        club === match.home ? (match.homeScoreAfterExtraTime ?? match.homeScore) : (match.awayScoreAfterExtraTime ?? match.awayScore);
      const orders = match.goals.map((goal) => goal.order).sort((a, b) => a - b);
      if (orders.some((order, position) => order !== position + 1)) {
        problems.push(`${where}.goals: order must run 1..${orders.length} without gaps, got ${orders.join(", ")}`);
      }
      for (const club of [match.home, match.away]) {
        const listed = match.goals.filter((goal) => goal.club === club).length;
        const scored = finalScore(club);
        if (typeof scored === "number" && listed > scored) {
          problems.push(`${where}.goals: ${listed} goals listed for "${club}" but it scored ${scored}`);
        }
      }
      match.goals.forEach((goal, goalIndex) => {
        if (goal.club !== match.home && goal.club !== match.away) {
          problems.push(`${where}.goals[${goalIndex}].club: "${goal.club}" did not play in this match`);
        }
      });
      for (const side of ["home", "away"] as const) {
        const afterNinety = match[`${side}Score`];
        const afterExtraTime = match[`${side}ScoreAfterExtraTime`];
        if (typeof afterNinety === "number" && typeof afterExtraTime === "number" && afterExtraTime < afterNinety) {
          problems.push(`${where}.${side}ScoreAfterExtraTime: ${afterExtraTime} is less than the score after 90 minutes (${afterNinety})`);
        }
      }
    });
  }
}
