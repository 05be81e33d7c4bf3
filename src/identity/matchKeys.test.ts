import { describe, expect, test } from "vitest";
import { buildExonymTable, noExonyms } from "./exonyms.ts";
import { clubMatchKeysOf, matchKeyOf, mentionKeysOf, nameRules, type NameRule } from "./matchKeys.ts";

const exonyms = buildExonymTable([], [["München", "Munich"], ["Kyiv", "Kiev"]]);

/** The first rule under which the second name, a club's, answers to the first, a mention. */
function firstRuleMatching(mention: string, clubName: string, city?: string): NameRule | null {
  const clubKeys = clubMatchKeysOf([clubName], city, exonyms);
  return nameRules.find((rule) => clubKeys.get(rule)!.has(matchKeyOf(mention, rule, exonyms))) ?? null;
}

describe("name rules", () => {
  test.each<[string, string, string, NameRule | null]>([
    ["case and accents are exact", "Bayern München", "bayern munchen", "EXACT"],
    ["ð is d", "Breiðablik", "Breidablik", "SPELLING"],
    ["ħ is h", "Ħamrun Spartans", "Hamrun Spartans", "SPELLING"],
    ["& is and", "Brighton & Hove Albion", "Brighton and Hove Albion", "SPELLING"],
    ["oe is ö", "Borussia Moenchengladbach", "Borussia Mönchengladbach", "TRANSLITERATION"],
    ["ue is ü", "Fuerth", "Fürth", "TRANSLITERATION"],
    ["a trailing FC is a club form", "Manchester United FC", "Manchester United", "CLUB_FORM"],
    ["a leading AS is a club form", "AS Roma", "Roma", "CLUB_FORM"],
    ["'1. FC' is a club form", "1. FC Köln", "Köln", "CLUB_FORM"],
    ["a founding year is a club form", "FC Basel 1893", "Basel", "CLUB_FORM"],
    ["'Club' is a club form", "Club Brugge", "FC Brugge", "CLUB_FORM"],
    ["punctuation is spelling", "Ranger's", "Rangers", "SPELLING"],
    ["a number that is not a year is part of the name", "Astana-64", "Astana", null],
    ["Munich is München", "Bayern Munich", "FC Bayern München", "EXONYM"],
    ["Kiev is Kyiv", "Dynamo Kiev", "Dynamo Kyiv", "EXONYM"],
    ["IFK is a name, not a form: IFK Malmö is not Malmö FF", "IFK Malmo", "Malmo FF", null],
    ["Inter Turku is not Internazionale", "Inter Turku", "Internazionale", null],
    ["a reserve team is not its first team", "Bayern München II", "Bayern München", null],
    ["capitals are the initials of the name without club forms", "PSG", "Paris Saint-Germain FC", "INITIALS"],
    ["a name in lower case is not initials", "psg", "Paris Saint-Germain FC", null],
  ])("%s: %s ~ %s → %s", (_why, mention, clubName, rule) => {
    expect(firstRuleMatching(mention, clubName)).toBe(rule);
  });

  test.each([
    ["the city after the name", "Celtic Glasgow", "Celtic FC", "Glasgow", "CITY"],
    ["the city before the name", "Glasgow Rangers", "Rangers FC", "Glasgow", "CITY"],
    ["a city in another language", "Ajax Amsterdam", "AFC Ajax", "Amsterdam", "CITY"],
    ["another city is not the club's", "Rangers Edinburgh", "Rangers FC", "Glasgow", null],
  ])("%s: %s ~ %s of %s → %s", (_why, mention, clubName, city, rule) => {
    expect(firstRuleMatching(mention, clubName, city)).toBe(rule);
  });

  test("a name of form words only keeps them, so it still has a key", () => {
    expect(matchKeyOf("AS", "CLUB_FORM", noExonyms)).toBe("as");
    expect(matchKeyOf("1860", "CLUB_FORM", noExonyms)).toBe("1860");
  });
});

describe("exonyms from register aliases", () => {
  test.each([
    ["a language-tagged alias differing in one word gives a pair", [{ name: "Bayern München" }, { name: "Bayern Munich", language: "en" }], undefined, ["munchen", "munich"]],
    ["an untagged alias differing in the city gives a pair", [{ name: "Dynamo Kyiv" }, { name: "Dinamo Kiev" }, { name: "Dynamo Kiev" }], "Kyiv", ["kiev", "kyiv"]],
    ["an untagged alias differing in another word gives nothing", [{ name: "Tottenham Hotspur" }, { name: "Tottenham Spurs" }], "London", []],
    ["names differing in two words give nothing", [{ name: "Inter Milano" }, { name: "Internazionale Mailand", language: "de" }], "Milano", []],
    ["a reserve number is no place", [{ name: "Bayern München 2" }, { name: "Bayern München II", language: "de" }], "München", []],
  ])("%s", (_why, names, city, group) => {
    const table = buildExonymTable([{ names, city }], []);
    expect(table.groups().flat()).toEqual(group);
  });
});

describe("initials: typed in any case, recorded only in capitals", () => {
  test.each([
    ["a person types \"psg\" into search", "psg", "typed", "psg"],
    ["a person types \"Psg\"", "Psg", "typed", "psg"],
    ["a file records \"PSG\"", "PSG", "recorded", "psg"],
    ["a file records \"Psg\": a name, not initials", "Psg", "recorded", ""],
    ["a typed long word is no initials", "bayern", "typed", ""],
  ] as const)("%s", (_case, name, origin, initials) => {
    expect(mentionKeysOf(name, noExonyms, origin).INITIALS).toBe(initials);
  });
});
