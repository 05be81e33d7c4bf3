/**
 * The name rules of club identity, in the order they are tried. Each rule turns a name into a
 * key; two names match under a rule when their keys are equal. Later rules are looser, so a
 * name is matched under the first rule that finds anything, and a looser rule never overrides
 * a stricter one ("IFK Malmö" matches "IFK Malmö" by spelling before "Malmö FF" could compete).
 * Pure: the exonym table is passed in.
 */
import { normalizeName } from "../names/normalizeName.ts";
import type { ExonymTable } from "./exonyms.ts";

/**
 * - EXACT: the same name up to case, accents and spacing; punctuation counts ("Ranger's", the
 *   Andorran club, is not "Rangers").
 * - SPELLING: the same name up to case, accents, folded letters (ð, þ, ħ, ı, æ, ø, ł, ß), "&"/"and"
 *   and punctuation (normalizeName).
 * - TRANSLITERATION: German umlauts written out: "oe", "ue", "ae" read as "ö", "ü", "ä"
 *   ("Moenchengladbach" = "Mönchengladbach").
 * - CLUB_FORM: club-form words (FC, AC, AS, SC, CF, SL, RSC, SV, ...) and numbers ("1.", "04",
 *   "1893") ignored: "Manchester United FC" = "Manchester United", "FC Basel 1893" = "Basel".
 * - EXONYM: place names read as one word across languages, from the register's aliases
 *   ("München"/"Munich", "Kiev"/"Kyiv", "Lissabon"/"Lisboa").
 * - CITY: a club's name with its city before or after it ("Videoton Székesfehérvár",
 *   "Glasgow Rangers"); the city comes from the register.
 * - INITIALS: a one-word name in capitals is the initials of a club's name without club-form
 *   words ("PSG" = "Paris Saint-Germain FC"); last, because initials are often shared.
 */
export const nameRules = ["EXACT", "SPELLING", "TRANSLITERATION", "CLUB_FORM", "EXONYM", "CITY", "INITIALS"] as const;
export type NameRule = (typeof nameRules)[number];

/**
 * Words that say what legal or sporting form a club has, not which club it is ("Club Brugge" is
 * "FC Brügge"). Deliberately not here: IFK, because "IFK Malmö" and "Malmö FF" must stay two
 * clubs, and AIK, PSV, AZ, CP, SEC, which are names.
 */
export const clubFormWords: ReadonlySet<string> = new Set([
  "fc", "afc", "ac", "as", "sc", "cf", "sl", "rsc", "sv", "vfb", "vfl", "tsv", "fsv", "ssv", "spvgg",
  "fk", "sk", "nk", "pfc", "ssc", "ss", "us", "ud", "cd", "sd", "rcd", "rc", "ca", "ff", "bk",
  "kaa", "krc", "kv", "kvc", "ksv", "rfc", "cfc", "sfc", "ks", "ofk", "hnk", "gnk", "kf", "club",
  "mfk", "tj", "msk", "gks", "mks", "tsg",
]);

/**
 * Numbers that are form, not identity: a founding year ("FC Basel 1893") and the "1." of
 * "1. FC Köln". Other numbers stay: "Astana-64" is not "Astana", and "Schalke 04"'s short
 * forms are register aliases anyway.
 */
function isFormNumber(word: string, index: number, words: readonly string[]): boolean {
  if (/^(18[5-9]\d|19\d\d|20[0-2]\d)$/.test(word)) return true;
  return word === "1" && index === 0 && words.length > 1 && clubFormWords.has(words[1]!);
}

/** "moenchengladbach" → "monchengladbach": German umlauts written out, read back as the letter. */
function transliterate(key: string): string {
  return key.replace(/([aou])e/g, "$1");
}

/**
 * The keys of a mentioned `name` under every rule. Each rule from SPELLING to EXONYM builds on the
 * one before it; under CITY a mention is read as under EXONYM (the city is on the club's side).
 */
export function mentionKeysOf(
  name: string,
  exonyms: ExonymTable,
  /**
   * "typed": a name a person typed into `search` or `tie`, where "psg" is as likely as "PSG".
   * "recorded" (imports): only a word in capitals counts as initials, so a short name is never
   * merged with a club by its initials.
   */
  origin: "typed" | "recorded" = "recorded",
): Record<NameRule, string> {
  const spelling = normalizeName(name);
  const transliterated = transliterate(spelling);
  const words = transliterated.split(" ");
  const core = words.filter((word, index) => !clubFormWords.has(word) && !isFormNumber(word, index, words));
  // A name that is only form words and numbers ("1860", "AS") keeps them.
  const clubForm = (core.length ? core : words).join(" ");
  const exonym = clubForm
    .split(" ")
    .map((word) => exonyms.canonicalWord(word))
    .join(" ");
  const trimmed = name.trim();
  return {
    EXACT: exactKeyOf(name),
    SPELLING: spelling,
    TRANSLITERATION: transliterated,
    CLUB_FORM: clubForm,
    EXONYM: exonym,
    CITY: exonym,
    INITIALS: (origin === "typed" ? /^\p{L}{2,5}$/u : /^\p{Lu}{2,5}$/u).test(trimmed) ? trimmed.toLowerCase() : "",
  };
}

/** The key of a mentioned `name` under one rule (see mentionKeysOf). */
export function matchKeyOf(name: string, rule: NameRule, exonyms: ExonymTable): string {
  return mentionKeysOf(name, exonyms)[rule];
}

/** Case, accents and spacing only: "Rànger's" → "ranger's". */
function exactKeyOf(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
}

/**
 * The keys a club answers to under each rule, from its names and city. Under CITY, a name with
 * the city before or after it; under every other rule, the names' keys.
 */
export function clubMatchKeysOf(names: readonly string[], city: string | null | undefined, exonyms: ExonymTable): Map<NameRule, Set<string>> {
  const keys = new Map<NameRule, Set<string>>(nameRules.map((rule) => [rule, new Set<string>()]));
  const cityKey = city ? matchKeyOf(city, "EXONYM", exonyms) : "";
  for (const name of names) {
    const mentioned = mentionKeysOf(name, exonyms);
    for (const rule of nameRules) {
      if (rule === "CITY" || rule === "INITIALS") continue;
      if (mentioned[rule]) keys.get(rule)!.add(mentioned[rule]);
    }
    const words = mentioned.CLUB_FORM.split(" ");
    if (words.length >= 2 && words.length <= 5) keys.get("INITIALS")!.add(words.map((word) => word[0]).join(""));
    const nameKey = mentioned.EXONYM;
    if (cityKey && nameKey && !` ${nameKey} `.includes(` ${cityKey} `)) {
      keys.get("CITY")!.add(`${nameKey} ${cityKey}`).add(`${cityKey} ${nameKey}`);
    }
  }
  return keys;
}

/**
 * The tagged keys stored on a Club node (`matchKeys`) so Cypher can find a name under a rule:
 * "SPELLING:bayern munchen", "CITY:bayern munchen munchen", ...
 */
export function taggedMatchKeysOf(names: readonly string[], city: string | null | undefined, exonyms: ExonymTable): string[] {
  return [...clubMatchKeysOf(names, city, exonyms)].flatMap(([rule, keys]) => [...keys].map((key) => `${rule}:${key}`));
}
