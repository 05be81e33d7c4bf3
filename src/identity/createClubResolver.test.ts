import { describe, expect, test } from "vitest";
import type { ClubMention } from "./ClubMention.ts";
import { createClubResolver, unresolvedClubId, type KnownClub } from "./createClubResolver.ts";
import { buildExonymTable } from "./exonyms.ts";

const clubs: KnownClub[] = [
  { id: "club:bayern", name: "Bayern München", aliases: [{ name: "Bayern Munich", language: "en", source: "register", ref: "de.clubs.txt:9" }], country: "GER" },
  { id: "club:bayern-ii", name: "Bayern München II", aliases: ["FC Bayern II"], country: "GER" },
  { id: "club:sporting-cp", name: "Sporting CP", aliases: ["Sporting", "Sporting Lisboa"], country: "POR", registerId: "pt:sporting-cp" },
  { id: "club:sporting-gijon", name: "Sporting Gijón", aliases: ["Sporting"], country: "ESP" },
  { id: "club:malmo-ff", name: "Malmö FF", aliases: ["Malmö"], country: "SWE" },
  { id: "club:ifk-malmo", name: "IFK Malmö", aliases: [], country: "SWE" },
  { id: "club:inter", name: "FC Internazionale Milano", aliases: ["Internazionale", "Inter", "Inter Mailand"], country: "ITA" },
  { id: "club:inter-turku", name: "FC Inter Turku", aliases: ["Inter Turku"], country: "FIN" },
  { id: "club:as-roma", name: "AS Roma", aliases: [], country: "ITA" },
  { id: "club:rangers", name: "Rangers FC", aliases: ["Rangers"], country: "SCO", city: "Glasgow" },
  { id: "club:fc-rangers", name: "FC Rànger's", aliases: ["Rànger's"], country: "AND" },
  { id: "club:arsenal", name: "Arsenal FC", aliases: ["Arsenal"], country: "ENG" },
  { id: "club:arsenal-tula", name: "Arsenal Tula", aliases: ["Arsenal"], country: "RUS" },
  { id: "club:videoton", name: "Videoton FC", aliases: ["Videoton"], country: "HUN", city: "Székesfehérvár" },
];
const exonyms = buildExonymTable([], [["München", "Munich"], ["Lisboa", "Lisbon", "Lissabon"]]);

let record = 0;
const mention = (name: string, extra: Partial<ClubMention> = {}): ClubMention => ({
  name,
  at: { file: "ties.json", record: `ties[${record++}]`, field: "home" },
  ...extra,
});

describe("createClubResolver", () => {
  test.each([
    ["an alias in English finds the club", "Bayern Munich", undefined, "club:bayern", "EXACT"],
    ["the German name with a club form finds the club", "FC Bayern München", undefined, "club:bayern", "CLUB_FORM"],
    ["a transliterated name finds the club", "Bayern Muenchen", undefined, "club:bayern", "TRANSLITERATION"],
    ["a German exonym finds the club", "Sporting Lissabon", undefined, "club:sporting-cp", "EXONYM"],
    ["a name with a club form finds the club", "Roma", undefined, "club:as-roma", "CLUB_FORM"],
    ["a reserve team stays apart", "Bayern München II", undefined, "club:bayern-ii", "EXACT"],
    ["a country settles an ambiguous name", "Sporting", "POR", "club:sporting-cp", "EXACT"],
    ["a country given by name settles it too", "Sporting", "Spain", "club:sporting-gijon", "EXACT"],
    ["Malmö FF is not IFK Malmö", "Malmo FF", undefined, "club:malmo-ff", "EXACT"],
    ["IFK Malmö is not Malmö FF", "IFK Malmo", undefined, "club:ifk-malmo", "EXACT"],
    ["Inter Turku is not Internazionale", "Inter Turku", undefined, "club:inter-turku", "EXACT"],
    ["Inter Mailand is Internazionale", "Inter Mailand", undefined, "club:inter", "EXACT"],
    ["punctuation counts first: Rangers is the Scottish club", "Rangers", undefined, "club:rangers", "EXACT"],
    ["punctuation counts first: Ranger's is the Andorran club", "Ranger's", undefined, "club:fc-rangers", "EXACT"],
    ["a name with the club's city before it", "Glasgow Rangers", undefined, "club:rangers", "CITY"],
    ["a name with the club's city after it", "Videoton Szekesfehervar", undefined, "club:videoton", "CITY"],
    ["a short name two clubs share goes to the club whose own name it is", "Arsenal", undefined, "club:arsenal", "EXACT"],
  ])("%s: %s (%s) → %s by %s", (_why, name, country, id, rule) => {
    const resolver = createClubResolver({ clubs, exonyms });
    expect(resolver.idOf(mention(name, country ? { country } : {}))).toBe(id);
    expect(resolver.matches[0]?.rule).toBe(rule);
    expect(resolver.problems).toEqual([]);
  });

  test("a match says which alias from which source made it", () => {
    const resolver = createClubResolver({ clubs, exonyms });
    resolver.idOf(mention("BAYERN MUNICH"));
    expect(resolver.matches).toEqual([
      expect.objectContaining({ name: "BAYERN MUNICH", clubId: "club:bayern", rule: "EXACT", matchedName: "Bayern Munich", matchedLanguage: "en", matchedSource: "register", matchedRef: "de.clubs.txt:9" }),
    ]);
  });

  test("an ambiguous name without a country is a problem naming file, record, field and both candidates", () => {
    const resolver = createClubResolver({ clubs, exonyms });
    expect(resolver.idOf({ name: "Sporting", at: { file: "f.json", record: "ties[4]", field: "legs[0].home" } })).toBe(unresolvedClubId);
    expect(resolver.problems).toHaveLength(1);
    expect(resolver.problems[0]).toMatch(/^f\.json, ties\[4\], field legs\[0\]\.home: the club name "Sporting" is ambiguous/);
    expect(resolver.problems[0]).toContain("Sporting CP");
    expect(resolver.problems[0]).toContain("Sporting Gijón");
  });

  test("a tie-break between clubs sharing a short name is recorded", () => {
    const resolver = createClubResolver({ clubs, exonyms });
    resolver.idOf(mention("Arsenal"));
    expect(resolver.matches[0]?.tieBreak).toMatch(/also a short name of "Arsenal Tula"/);
  });

  test("mojibake is refused with its likely repair", () => {
    const resolver = createClubResolver({ clubs, exonyms });
    expect(resolver.idOf({ name: "MalmÃ¶ FF", at: { file: "f.json", record: "ties[0]", field: "legs[1].away" } })).toBe(unresolvedClubId);
    expect(resolver.problems).toEqual([expect.stringMatching(/^f\.json, ties\[0\], field legs\[1\]\.away: "MalmÃ¶ FF" is damaged text .*"Malmö FF"/)]);
    expect(resolver.newClubs).toEqual([]);
  });

  test("a register id on the record wins over the name", () => {
    const resolver = createClubResolver({ clubs, exonyms });
    expect(resolver.idOf(mention("Sporting", { registerId: "pt:sporting-cp" }))).toBe("club:sporting-cp");
    expect(resolver.matches[0]?.rule).toBe("REGISTER_ID");
  });

  test("an alias file entry wins over the name rules", () => {
    const resolver = createClubResolver({ clubs, exonyms, aliases: [{ name: "Sporting", club: "club:sporting-gijon" }] });
    expect(resolver.idOf(mention("Sporting"))).toBe("club:sporting-gijon");
    expect(resolver.matches[0]?.rule).toBe("ALIAS_FILE");
  });

  test("an unknown name is a new club; its other spellings in the same import join it", () => {
    const resolver = createClubResolver({ clubs, exonyms, takenIds: ["club:vorwarts-berlin"] });
    const id = resolver.idOf(mention("Vorwärts Berlin"));
    expect(id).toBe("club:vorwarts-berlin-2");
    expect(resolver.idOf(mention("ASK Vorwaerts Berlin"))).not.toBe(id); // ASK is not a form word: a different name
    expect(resolver.idOf(mention("FC Vorwaerts Berlin"))).toBe(id);
    expect(resolver.newClubs.map((club) => club.name)).toEqual(["Vorwärts Berlin", "ASK Vorwaerts Berlin"]);
  });

  test("a new club close to a known one is a near-miss naming it", () => {
    const resolver = createClubResolver({ clubs, exonyms });
    resolver.idOf(mention("AS Romaa"));
    resolver.idOf(mention("Internazionale Turku"));
    expect(resolver.nearMisses.map((miss) => [miss.name, miss.closeTo.map((club) => club.name)])).toEqual([
      ["AS Romaa", ["AS Roma"]],
      ["Internazionale Turku", ["FC Internazionale Milano"]],
    ]);
  });
});
