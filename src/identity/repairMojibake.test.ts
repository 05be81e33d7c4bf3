import { describe, expect, test } from "vitest";
import { repairMojibake } from "./repairMojibake.ts";

describe("repairMojibake", () => {
  test.each([
    ["ö read as Latin-1 is repaired", "MalmÃ¶ FF", "Malmö FF"],
    ["é read as Latin-1 is repaired", "AtlÃ©tico Madrid", "Atlético Madrid"],
    ["ü read as Latin-1 is repaired", "Bayern MÃ¼nchen", "Bayern München"],
    ["ø read as Latin-1 is repaired", "BrÃ¸ndby IF", "Brøndby IF"],
    ["Š, whose second byte is a no-break space in Latin-1, is repaired", "Å\u00a0koda Xanthi", "Škoda Xanthi"],
    ["a Turkish ş read as Windows-1252 is repaired", "BeÅŸiktaÅŸ", "Beşiktaş"],
    ["an Icelandic ð read as Latin-1 is repaired", "BreiÃ°ablik", "Breiðablik"],
  ])("%s: %s → %s", (_why, damaged, repaired) => {
    expect(repairMojibake(damaged)).toBe(repaired);
  });

  test.each([
    ["a correct Latin-1 letter is left alone", "Malmö FF"],
    ["plain ASCII is left alone", "Malmo FF"],
    ["letters outside Latin-1 are left alone", "Ħamrun Spartans"],
    ["a correct Icelandic name is left alone", "Breiðablik"],
    ["a name with several accents is left alone", "Atlético Madrid"],
  ])("%s: %s", (_why, text) => {
    expect(repairMojibake(text)).toBeNull();
  });
});
