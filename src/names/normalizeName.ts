/**
 * The key two spellings of a name share when they name the same thing: lower case, accents
 * dropped, letters that Unicode does not decompose folded to their usual Latin spelling, "&"
 * read as "and", punctuation dropped, spaces collapsed. "Östersunds FK" → "ostersunds fk",
 * "Breiðablik" → "breidablik", "Ħamrun Spartans" → "hamrun spartans", "A.C. Milan" → "ac milan",
 * "Brighton & Hove Albion" → "brighton and hove albion".
 */
export function normalizeName(name: string): string {
  return foldLetters(name.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, ""))
    .replace(/&/g, " and ")
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (acronym) => acronym.replace(/\./g, "")) // "a.c." → "ac"
    .replace(/['’`´]/g, "") // "St Patrick's" → "st patricks"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Latin letters that NFKD leaves whole (they are letters of their own, not a base letter with an
 * accent), with the spelling used when the letter is not available: Icelandic ð and þ, Maltese ħ,
 * Turkish ı, Danish/Norwegian æ and ø, Polish ł, German ß, Azerbaijani ə, and the rest of Latin
 * Extended-A/B that appears in European names. Applied to lower-case text.
 */
const letterFolds: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ð: "d", đ: "d", þ: "th", ħ: "h", ı: "i", ł: "l", ŧ: "t",
  ŋ: "n", ĸ: "k", ƒ: "f", ə: "e", ɨ: "i", ƚ: "l", ɗ: "d", ƙ: "k", ǥ: "g", ɍ: "r", ɏ: "y",
  ʉ: "u", ɇ: "e", ȼ: "c", ƶ: "z", ȥ: "z", ɉ: "j", ƀ: "b", ɓ: "b", ƴ: "y", ſ: "s", ŀ: "l",
};
const foldable = new RegExp(`[${Object.keys(letterFolds).join("")}]`, "gu");

function foldLetters(text: string): string {
  return text.replace(foldable, (letter) => letterFolds[letter]!);
}

/** Every key an entity answers to: its name and each alias, normalised, without repeats. */
export function nameKeysOf(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(normalizeName).filter((key) => key.length > 0))];
}
