import { describe, expect, test } from "vitest";
import { nameKeysOf, normalizeName } from "./normalizeName.ts";

describe("normalizeName", () => {
  test.each([
    ["accents are dropped", "Schürrle", "schurrle"],
    ["case is ignored", "De Roon", "de roon"],
    ["a leading capital in a particle does not matter", "de Roon", "de roon"],
    ["Scandinavian letters fold", "Östersunds FK", "ostersunds fk"],
    ["punctuation becomes a space", "Città del Tricolore", "citta del tricolore"],
    ["apostrophes and dots do not split words oddly", "St. Pölten", "st polten"],
    ["runs of spaces collapse", "  Borussia   Dortmund ", "borussia dortmund"],
    ["ß becomes ss", "Gladbach Straße", "gladbach strasse"],
    ["Croatian đ folds to d", "Đoković", "dokovic"],
    ["Icelandic ð folds to d", "Breiðablik", "breidablik"],
    ["Icelandic þ folds to th", "Þróttur", "throttur"],
    ["Maltese ħ folds to h", "Ħamrun Spartans", "hamrun spartans"],
    ["Turkish dotless ı folds to i", "Kayserispor Kulübü Sivasspor Yıldırım", "kayserispor kulubu sivasspor yildirim"],
    ["Turkish capital İ folds to i", "İstanbul Başakşehir", "istanbul basaksehir"],
    ["Danish æ folds to ae", "Næstved", "naestved"],
    ["Polish ł folds to l", "Wisła Kraków", "wisla krakow"],
    ["Azerbaijani ə folds to e", "Qəbələ", "qebele"],
    ["an ampersand is the word and", "Brighton & Hove Albion", "brighton and hove albion"],
    ["a dotted acronym is one word", "A.C. Milan", "ac milan"],
    ["an apostrophe joins", "St Patrick's Athletic", "st patricks athletic"],
  ])("%s: %s → %s", (_why, input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  test("name keys hold the name and each alias once", () => {
    expect(nameKeysOf("André Schürrle", ["Andre Schurrle", "Schurrle", "Schürrle"])).toEqual([
      "andre schurrle",
      "schurrle",
    ]);
  });
});
