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
