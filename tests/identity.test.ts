/**
 * One identity per club, against the real register (data/openfootball/clubs, loaded at start by
 * prepareDatabase) and the real 1955-2016 results file: spellings of one club merge, different
 * clubs stay apart, typed names find their club through both `search` and `tie`, damaged names are
 * refused without touching the graph, and the import summary names new clubs and near-misses.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadClubRegister } from "../src/identity/register/loadClubRegister.ts";
import { importFile, ImportError, nearMissAdvice, type ImportSummary } from "../src/importing/importFile.ts";
import { sharedFile } from "../src/sharedFile.ts";
import { graphDigest } from "./support/graphDigest.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let folder: string;
let historical: ImportSummary;
/** Other test files import the same file first (one shared test graph): then this import creates nothing. */
let importedBefore = false;
const seedsDir = () => inject("seedsDir");

beforeAll(async () => {
  graph = await openTestGraph();
  folder = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-identity-"));
  const [counted] = await graph.database.read<{ sources: number }>(`MATCH (s:Source {id: "dataset:ties-1955-2016"}) RETURN count(s) AS sources`);
  importedBefore = counted!.sources > 0;
  historical = await importFile(graph.database, sharedFile("data/uefa-ties/ties-1955-2016.json", "tests/identity.test.ts"), { seedsDir: seedsDir() });
});

afterAll(async () => {
  // Remove what the constructed files added; the historical file stays, as tests/cost.test.ts leaves it.
  await graph.database.write(
    `MATCH (s:Source) WHERE s.id STARTS WITH "dataset:identity-test" OR s.id STARTS WITH "aliases:identity-test"
     OPTIONAL MATCH (n)-[:REPORTED_BY]->(s)
     WHERE NOT EXISTS { (n)-[:REPORTED_BY]->(other:Source) WHERE NOT (other.id STARTS WITH "dataset:identity-test" OR other.id STARTS WITH "aliases:identity-test") }
     DETACH DELETE n, s`,
  );
  await graph.database.write(
    `MATCH (c:Club) WHERE any(source IN coalesce(c.userAliasSources, []) WHERE source STARTS WITH "aliases:identity-test")
     REMOVE c.userAliases, c.userAliasSources, c.userAliasRefs, c.userAliasKeys`,
  );
  await graph.close();
  await rm(folder, { recursive: true, force: true });
});

async function fileWith(name: string, content: unknown): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content, null, 1));
  return file;
}

const leg = (home: string, away: string, h90: number, a90: number) => ({ date: "1985-10-02", home, away, h90, a90 });
const twoLegTie = (id: string, home: string, away: string) => ({
  id, competition: "UEFA Cup Winners' Cup", season: "1985-86", round: "First round", phase: "main",
  legs: [leg(home, away, 2, 0), leg(away, home, 1, 1)], winner: home, winner_basis: "test", source: "constructed for the identity test",
});
const resultsFile = (ties: unknown[]) => ({ about: "constructed identity test ties", sources: ["constructed"], ties });

/** The club a name of the historical file was resolved to (a NameMatch written by the import). */
async function clubOfName(name: string): Promise<string[]> {
  const rows = await graph.database.read<{ id: string }>(
    `MATCH (c:Club)-[:KNOWN_AS]->(:NameMatch {name: $name})-[:REPORTED_BY]->(:Source {id: "dataset:ties-1955-2016"}) RETURN DISTINCT c.id AS id`,
    { name },
  );
  return rows.map((row) => row.id);
}

describe("the club register in the graph", () => {
  test("its clubs are Club nodes with country, city, founding year, home ground and every alias with language and line", async () => {
    const { club } = await graph.query(`{ club: clubs(where: { registerId: { eq: "ger/bayern-munchen" } }) {
      name registerRef countryCode city foundedYear grounds { name } registerNames { name language ref } sources { id }
    } }`).then((data) => ({ club: data.club[0] }));
    expect(club).toMatchObject({
      name: "Bayern München", registerRef: "europe/germany/de.clubs.txt:7", countryCode: "GER", city: "München", foundedYear: 1900,
      grounds: [{ name: "Allianz Arena" }], sources: [{ id: "register:openfootball-clubs" }],
    });
    expect(club.registerNames).toContainEqual({ name: "Bayern Munich", language: "en", ref: "europe/germany/de.clubs.txt:10" });
  });

  test("a reserve team is a club of its own, linked to its first team", async () => {
    const data = await graph.query(`{ clubs(where: { registerId: { eq: "ger/bayern-munchen-ii" } }) { name reserveTeamOf { registerId } } }`);
    expect(data.clubs).toEqual([{ name: "Bayern München II", reserveTeamOf: { registerId: "ger/bayern-munchen" } }]);
  });

  test.each([
    ["club:borussia-dortmund", "ger/borussia-dortmund"],
    ["club:atalanta", "ita/atalanta-bergamo"],
    ["club:ostersunds-fk", "swe/ostersunds-fk"],
  ])("the seed club %s and its register row %s are one node", async (seedId, registerId) => {
    const rows = await graph.database.read<{ id: string }>(`MATCH (c:Club {registerId: $registerId}) RETURN c.id AS id`, { registerId });
    expect(rows).toEqual([{ id: seedId }]);
  });

  test("loading it again with the same content changes nothing", async () => {
    const before = await graphDigest(graph.database);
    const again = await loadClubRegister(graph.database);
    expect(again.loaded).toBe(false);
    expect(await graphDigest(graph.database)).toEqual(before);
  });
});

describe("the 1955-2016 results file", () => {
  test.each([
    ["Bayern Munich", "FC Bayern München"],
    ["Internazionale", "Inter Mailand"],
    ["Sporting CP", "Sporting Lissabon"],
    ["Dinamo Kiev", "Dynamo Kiew"],
    ["Crvena Zvezda", "Roter Stern Belgrad"],
    ["Standard Liege", "Standard Lüttich"],
    ["SSC Napoli", "SSC Neapel"],
    ["Club Brugge", "FC Brügge"],
    ["Rangers", "Glasgow Rangers"],
    ["Videoton", "Videoton Székesfehérvár"],
    ["Dnepr Dnepropetrovsk", "Dnipro Dnipropetrowsk"],
    ["Borussia Monchengladbach", "Borussia Mönchengladbach"],
  ])("%s and %s are one club", async (english, german) => {
    const [first, second] = [await clubOfName(english), await clubOfName(german)];
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
  });

  test.each([
    ["IFK Malmo", "Malmo FF"],
    ["Inter Turku", "Internazionale"],
    ["Rangers", "Ranger's"],
    ["Hibernian FC", "Hibernians"],
  ])("%s and %s stay two clubs", async (one, other) => {
    const [first, second] = [await clubOfName(one), await clubOfName(other)];
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  test("every merge says which rule matched which name, from which source and line", async () => {
    const data = await graph.query(`{ clubs(where: { registerId: { eq: "ita/fc-internazionale-milano" } }) {
      nameMatches(where: { name: { eq: "Inter Mailand" } }) { rule matchedName matchedLanguage matchedSource matchedRef at sources { id } }
    } }`);
    expect(data.clubs[0].nameMatches).toEqual([{
      rule: "EXACT", matchedName: "Inter Mailand", matchedLanguage: "de", matchedSource: "register:openfootball-clubs",
      matchedRef: expect.stringMatching(/^europe\/italy\/it\.clubs\.txt:\d+$/), at: expect.stringMatching(/^ties-1955-2016\.json, tie "[^"]+", field legs\[\d\]\.(home|away)$/),
      sources: [{ id: "dataset:ties-1955-2016" }],
    }]);
  });

  test("the summary lists the clubs it created and the near-misses with how to resolve them", () => {
    // A re-import creates no club again: its one new club then already exists.
    expect(historical.clubs.created.map((club) => club.name)).toEqual(importedBefore ? [] : ["SEC Bastia"]);
    if (importedBefore) return;
    expect(historical.clubs.nearMisses).toEqual([expect.objectContaining({ name: "SEC Bastia", closeTo: expect.arrayContaining([{ id: "club:fra-sc-bastia", name: "SC Bastia" }]) })]);
    expect(nearMissAdvice(historical.clubs.nearMisses[0]!)).toMatch(/new club "SEC Bastia" .*close to .*"SC Bastia" .*alias file/);
  });

  test('tie(competition: "UEFA Cup", season: "1995-96", club: "Bayern Munich", opponent: "Bordeaux") is the final, filed under the German spelling', async () => {
    const data = await graph.query(`{ tie(competition: "UEFA Cup", season: "1995-96", club: "Bayern Munich", opponent: "Bordeaux") {
      stage legs { homeClub { registerId } awayClub { registerId } homeScore awayScore } outcome { winner { registerId } }
    } }`);
    expect(data.tie.stage).toBe("Final");
    expect(data.tie.outcome.winner.registerId).toBe("ger/bayern-munchen");
    expect(data.tie.legs.map((match: any) => match.homeClub.registerId)).toEqual(["ger/bayern-munchen", "fra/girondins-de-bordeaux"]);
  });
});

describe("typed names find their club through both search and tie", () => {
  test.each([
    ["Dynamo Kyiv", "ukr/fc-dynamo-kyiv", ["European Cup / UEFA Champions League", "1967-68", "Celtic"]],
    ["Inter Milan", "ita/fc-internazionale-milano", ["UEFA Cup", "1990-91", "AS Roma"]],
    ["Moenchengladbach", "ger/bor-monchengladbach", ["UEFA Cup", "1972-73", "Liverpool"]],
    ["PSG", "fra/paris-saint-germain", ["European Cup / UEFA Champions League", "1986-87", "Vitkovice"]],
    ["Breiðablik", "isl/breidablik", ["European Cup / UEFA Champions League", "2011-12", "Rosenborg"]],
    ["Ħamrun Spartans", "mlt/hamrun-spartans-fc", ["European Cup / UEFA Champions League", "1983-84", "Dundee United"]],
    ["Manchester United FC", "eng/manchester-united-fc", ["European Cup / UEFA Champions League", "1956-57", "Anderlecht"]],
  ])("%s is %s", async (typed, registerId, [competition, season, opponent]) => {
    const found = await graph.query(`query ($text: String!) { search(text: $text, limit: 3) { ... on Club { registerId } } }`, { text: typed });
    expect(found.search[0]).toEqual({ registerId });
    const data = await graph.query(
      `query ($competition: String!, $season: String!, $club: String!, $opponent: String!) {
        tie(competition: $competition, season: $season, club: $club, opponent: $opponent) { legs { homeClub { registerId } awayClub { registerId } } }
      }`,
      { competition, season, club: typed, opponent },
    );
    expect(data.tie.legs[0].homeClub.registerId === registerId || data.tie.legs[0].awayClub.registerId === registerId).toBe(true);
  });

  test('"Brighton and Hove Albion" finds the club the register writes with "&", through search and tie', async () => {
    await importFile(graph.database, await fileWith("identity-test-brighton.json", resultsFile([twoLegTie("identity-brighton", "Brighton & Hove Albion", "Testclub Aldea")])), { seedsDir: seedsDir() });
    const found = await graph.query(`{ search(text: "Brighton and Hove Albion", limit: 1) { ... on Club { registerId } } }`);
    expect(found.search).toEqual([{ registerId: "eng/brighton-and-hove-albion-fc" }]);
    const data = await graph.query(`{ tie(competition: "Cup Winners' Cup", season: "1985-86", club: "Brighton and Hove Albion", opponent: "Testclub Aldea") { legs { homeClub { registerId } } } }`);
    expect(data.tie.legs[0].homeClub.registerId).toBe("eng/brighton-and-hove-albion-fc");
  });
});

describe("names an import must not take as they are", () => {
  test("mojibake is refused with file, record, field and the likely repair, and the graph is unchanged", async () => {
    const file = await fileWith("identity-test-mojibake.json", resultsFile([twoLegTie("identity-mojibake", "MalmÃ¶ FF", "Testclub Aldea")]));
    const before = await graphDigest(graph.database);
    const error = await importFile(graph.database, file, { seedsDir: seedsDir() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toContainEqual(expect.stringMatching(/^identity-test-mojibake\.json, tie "identity-mojibake", field legs\[0\]\.home: "MalmÃ¶ FF" is damaged text .* likely "Malmö FF"/));
    expect(await graphDigest(graph.database)).toEqual(before);
    const data = await graph.query(`{ search(text: "Malmö FF", limit: 1) { ... on Club { registerId } } }`);
    expect(data.search).toEqual([{ registerId: "swe/malmo-ff" }]);
  });

  test("an ambiguous name fails the file naming the candidates, unless an alias file settles it", async () => {
    const file = await fileWith("identity-test-ambiguous.json", resultsFile([twoLegTie("identity-ambiguous", "Sporting", "Testclub Aldea")]));
    const before = await graphDigest(graph.database);
    const error = (await importFile(graph.database, file, { seedsDir: seedsDir() }).catch((caught: unknown) => caught)) as ImportError;
    expect(error.problems[0]).toMatch(/^identity-test-ambiguous\.json, tie "identity-ambiguous", field legs\[0\]\.home: the club name "Sporting" is ambiguous/);
    expect(error.problems[0]).toContain("Sporting CP");
    expect(error.problems[0]).toContain("Sporting Gijón");
    expect(await graphDigest(graph.database)).toEqual(before);

    await importFile(graph.database, await fileWith("identity-test-aliases.json", { clubAliases: [{ name: "Sporting", club: "esp/sporting-gijon" }] }), { seedsDir: seedsDir() });
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(summary.clubs.matched.find((match) => match.name === "Sporting")).toMatchObject({
      clubId: "club:esp-sporting-gijon", rule: "ALIAS_FILE", matchedSource: "aliases:identity-test-aliases", matchedRef: "identity-test-aliases.json, clubAliases[0]",
    });
  });

  test('a new name close to a known club is a near-miss in the summary ("AS Roma Calcio", close to "AS Roma")', async () => {
    const file = await fileWith("identity-test-near-miss.json", resultsFile([twoLegTie("identity-near-miss", "AS Roma Calcio", "Testclub Aldea")]));
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(summary.clubs.created.map((club) => club.name)).toContain("AS Roma Calcio");
    const miss = summary.clubs.nearMisses.find((entry) => entry.name === "AS Roma Calcio");
    expect(miss?.closeTo).toContainEqual({ id: "club:ita-as-roma", name: "AS Roma" });
  });

  test('"Roma" is AS Roma, by the register\'s alias', async () => {
    const file = await fileWith("identity-test-roma.json", resultsFile([twoLegTie("identity-roma", "Roma", "Testclub Aldea")]));
    const summary = await importFile(graph.database, file, { seedsDir: seedsDir() });
    expect(summary.clubs.matched.find((match) => match.name === "Roma")).toMatchObject({ clubId: "club:ita-as-roma", rule: "EXACT", matchedRef: expect.stringMatching(/^europe\/italy\/it\.clubs\.txt:/) });
  });
});
