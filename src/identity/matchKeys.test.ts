import { describe, expect, test } from "vitest";
import { buildExonymTable, noExonyms } from "./exonyms.ts";
import { matchKeyOf, nameRules, type NameRule } from "./matchKeys.ts";

const exonyms = buildExonymTable([], [["München", "Munich"], ["Kyiv", "Kiev"]]);

/** The first rule under which the two names have the same key, or null. */
function firstRuleMatching(a: string, b: string): NameRule | null {
  return nameRules.find((rule) => matchKeyOf(a, rule, exonyms) === matchKeyOf(b, rule, exonyms)) ?? null;
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
  ])("%s: %s ~ %s → %s", (_why, a, b, rule) => {
    expect(firstRuleMatching(a, b)).toBe(rule);
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
