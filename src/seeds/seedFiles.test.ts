/**
 * The real seed files (seeds/*.json): valid, and every fact in them says who says so. The walk
 * is generic on purpose: any record, and any object nested in a record (a goal, a claim, a
 * player's club, a coach's spell...), is a fact and must name at least one known source, so a
 * new kind of fact added without sources fails here even before its validation rules exist.
 */
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../config.ts";
import { readSeedFiles } from "./loadSeeds.ts";
import type { SeedFile } from "./seedFormat.ts";
import { validateSeeds, type SeedInput } from "./validateSeeds.ts";

let inputs: SeedInput[];
beforeAll(async () => {
  ({ inputs } = await readSeedFiles(path.join(projectRoot, "seeds")));
});

interface FactWithoutSource {
  where: string;
  problem: string;
}

/** Every fact (record or nested object) whose `sources` is missing, empty or names an unknown source. */
function unsourcedFacts(inputs: readonly SeedInput[]): FactWithoutSource[] {
  const known = new Set(inputs.flatMap(({ content }) => ((content as SeedFile).sources ?? []).map((source) => source.id)));
  const found: FactWithoutSource[] = [];
  const visitFact = (fact: unknown, where: string) => {
    if (typeof fact !== "object" || fact === null || Array.isArray(fact)) return;
    const sources = (fact as { sources?: unknown }).sources;
    if (!Array.isArray(sources) || sources.length === 0) found.push({ where, problem: "no sources" });
    else for (const id of sources) if (!known.has(id)) found.push({ where, problem: `unknown source "${id}"` });
    for (const [field, value] of Object.entries(fact)) {
      if (field === "sources" || !Array.isArray(value)) continue;
      value.forEach((item, index) => {
        if (typeof item === "object" && item !== null) visitFact(item, `${where}.${field}[${index}]`);
      });
    }
  };
  for (const { fileName, content } of inputs) {
    for (const [kind, records] of Object.entries(content as Record<string, unknown>)) {
      if (kind === "sources" || !Array.isArray(records)) continue;
      records.forEach((record, index) => visitFact(record, `${fileName}: ${kind}[${index}] (${(record as { id?: string }).id ?? "no id"})`));
    }
  }
  return found;
}

test("the seed files are valid", () => {
  expect(validateSeeds(inputs)).toEqual([]);
});

test("every fact in the seed files, nested ones included, names at least one known source", () => {
  expect(unsourcedFacts(inputs)).toEqual([]);
});

describe("the walk itself", () => {
  const world = (facts: Record<string, unknown>): SeedInput[] => [
    { fileName: "sources.json", content: { sources: [{ id: "report-a", kind: "REPORT", title: "A" }] } },
    { fileName: "facts.json", content: facts },
  ];
  test.each<[string, Record<string, unknown>, string[]]>([
    ["a record without sources", { clubs: [{ id: "club:x", name: "X", aliases: [] }] }, ["no sources"]],
    ["a record with an empty list", { cards: [{ id: "card:x", sources: [] }] }, ["no sources"]],
    ["a record citing an unknown source", { clubs: [{ id: "club:x", sources: ["report-z"] }] }, ['unknown source "report-z"']],
    ["a nested fact without sources", { matches: [{ id: "match:x", sources: ["report-a"], goals: [{ order: 1 }] }] }, ["no sources"]],
    ["a nested fact of a kind not yet invented", { clubs: [{ id: "club:x", sources: ["report-a"], trophies: [{ year: 1999 }] }] }, ["no sources"]],
    ["lists of names are not facts", { clubs: [{ id: "club:x", aliases: ["X"], nicknames: ["Ex"], sources: ["report-a"] }] }, []],
  ])("finds %s", (_why, facts, problems) => {
    expect(unsourcedFacts(world(facts)).map((fact) => fact.problem)).toEqual(problems);
  });
});

test("a claim is the claim of exactly one source", () => {
  const claims = inputs.flatMap(({ content }) => ((content as SeedFile).conflicts ?? []).flatMap((conflict) => conflict.claims));
  expect(claims.length).toBeGreaterThan(0);
  for (const claim of claims) expect(claim.sources).toHaveLength(1);
});

test("facts we add from general knowledge cite the reference source, never pass as a report's", () => {
  const sources = inputs.flatMap(({ content }) => (content as SeedFile).sources ?? []);
  expect(sources.filter((source) => source.kind === "REFERENCE").map((source) => source.id)).toEqual(["reference:general-knowledge"]);
  for (const source of sources.filter((candidate) => candidate.kind === "REPORT")) expect(source.id).toMatch(/^00[0-4]_[0-9a-f]{16}$/);
});
