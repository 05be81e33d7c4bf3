/** Query.search over the full-text index of names and aliases. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
});
afterAll(() => graph.close());

const search = async (text: string, limit?: number) => {
  const { search } = await graph.query(
    `query ($text: String!, $limit: Int) { search(text: $text, limit: $limit) {
      __typename ... on Player { id name } ... on Club { id name } ... on Stadium { id name } ... on Competition { id name } ... on Coach { id name }
    } }`,
    { text, limit: limit ?? 10 },
  );
  return search as { __typename: string; id: string; name: string }[];
};

test.each([
  ["an alias without accents finds the accented name", "schurrle", "Player", "André Schürrle"],
  ["a misspelling the reports use finds the player", "Shurrle", "Player", "André Schürrle"],
  ["accents typed are folded too", "Bürki", "Player", "Roman Bürki"],
  ["a club by a short alias", "BVB", "Club", "Borussia Dortmund"],
  ["a club without its diacritics", "ostersund", "Club", "Östersunds FK"],
  ["a stadium by its other name", "Citta del Tricolore", "Stadium", "Mapei Stadium"],
  ["a competition by its old name", "UEFA Cup", "Competition", "UEFA Europa League"],
  ["a coach", "Stoger", "Coach", "Peter Stöger"],
  ["a prefix", "Batshu", "Player", "Michy Batshuayi"],
  ["a typo a report makes", "Batshayi", "Player", "Michy Batshuayi"],
  ["a surname alone, lower-case", "de roon", "Player", "Marten de Roon"],
  ["a player by his short name", "Sokratis", "Player", "Sokratis Papastathopoulos"],
  ["a club by its nickname", "La Dea", "Club", "Atalanta"],
  ["a stadium as a Dutch report writes it", "Emirates-stadion", "Stadium", "Emirates Stadium"],
  ["a league", "Serie A", "Competition", "Serie A"],
  ["a coach from general knowledge", "Palladino", "Coach", "Raffaele Palladino"],
])("%s: %s → %s %s", async (_why, text, typename, name) => {
  const hits = await search(text);
  expect(hits[0]).toMatchObject({ __typename: typename, name });
});

test("one name covering two people gives both, each its own node", async () => {
  const hits = await search("Berisha");
  const names = hits.filter((hit) => hit.__typename === "Player").map((hit) => hit.name);
  expect(names).toEqual(expect.arrayContaining(["Etrit Berisha", "Valon Berisha"]));
});

test("limit bounds the hits, and no search returns more than 50", async () => {
  expect(await search("a", 2)).toHaveLength(2);
  expect((await search("a", 1000)).length).toBeLessThanOrEqual(50);
});

test("text with nothing to search for is a clear error, and Lucene syntax in the text is harmless", async () => {
  const result = await graph.execute(`{ search(text: "?!") { __typename } }`);
  expect(result.errors?.[0]?.message).toContain("search text must contain letters or digits");
  const tricky = await graph.execute(`{ search(text: "schurrle) OR (*:*") { __typename } }`);
  expect(tricky.errors).toBeUndefined();
});
