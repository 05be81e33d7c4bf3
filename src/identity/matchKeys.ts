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
 * - SPELLING: the same name up to case, accents, folded letters (ð, þ, ħ, ı, æ, ø, ł, ß), "&"/"and"
 *   and punctuation (normalizeName).
 * - TRANSLITERATION: German umlauts written out: "oe", "ue", "ae" read as "ö", "ü", "ä"
 *   ("Moenchengladbach" = "Mönchengladbach").
 * - CLUB_FORM: club-form words (FC, AC, AS, SC, CF, SL, RSC, SV, ...) and numbers ("1.", "04",
 *   "1893") ignored: "Manchester United FC" = "Manchester United", "FC Basel 1893" = "Basel".
 * - EXONYM: place names read as one word across languages, from the register's aliases
 *   ("München"/"Munich", "Kiev"/"Kyiv", "Lissabon"/"Lisboa").
 */
export const nameRules = ["SPELLING", "TRANSLITERATION", "CLUB_FORM", "EXONYM"] as const;
export type NameRule = (typeof nameRules)[number];

/**
 * Words that say what legal or sporting form a club has, not which club it is. Deliberately not
 * here: IFK, AIK, IF Elfsborg's "IF" is, but "IFK Malmö" and "Malmö FF" must stay two clubs, so
 * IFK (and AIK, PSV, AZ, CP, which are names) are kept.
 */
export const clubFormWords: ReadonlySet<string> = new Set([
  "fc", "afc", "ac", "as", "sc", "cf", "sl", "rsc", "sv", "vfb", "vfl", "tsv", "fsv", "ssv", "spvgg",
  "fk", "sk", "nk", "pfc", "ssc", "ss", "us", "ud", "cd", "sd", "rcd", "rc", "ca", "ff", "bk",
  "kaa", "krc", "kv", "kvc", "ksv", "rfc", "cfc", "sfc", "ks", "ofk", "hnk", "gnk", "kf",
]);

const isNumber = (word: string) => /^\p{N}+$/u.test(word);

/** "moenchengladbach" → "monchengladbach": German umlauts written out, read back as the letter. */
function transliterate(key: string): string {
  return key.replace(/([aou])e/g, "$1");
}

/** The key of `name` under `rule`. Each rule builds on the one before it. */
export function matchKeyOf(name: string, rule: NameRule, exonyms: ExonymTable): string {
  const spelling = normalizeName(name);
  if (rule === "SPELLING") return spelling;
  const transliterated = transliterate(spelling);
  if (rule === "TRANSLITERATION") return transliterated;
  const words = transliterated.split(" ");
  const core = words.filter((word) => !clubFormWords.has(word) && !isNumber(word));
  // A name that is only form words and numbers ("1860", "AS") keeps them.
  const clubForm = (core.length ? core : words).join(" ");
  if (rule === "CLUB_FORM") return clubForm;
  return clubForm
    .split(" ")
    .map((word) => exonyms.canonicalWord(word))
    .join(" ");
}

/** A name's key under every rule, in rule order. */
export function matchKeysOf(name: string, exonyms: ExonymTable): Record<NameRule, string> {
  return Object.fromEntries(nameRules.map((rule) => [rule, matchKeyOf(name, rule, exonyms)])) as Record<NameRule, string>;
}

/**
 * The tagged keys stored on a Club node (`matchKeys`) so Cypher can find a name under a rule:
 * "SPELLING:bayern munchen", "CLUB_FORM:bayern munchen", ...
 */
export function taggedMatchKeysOf(names: readonly string[], exonyms: ExonymTable): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    for (const rule of nameRules) {
      const key = matchKeyOf(name, rule, exonyms);
      if (key) keys.add(`${rule}:${key}`);
    }
  }
  return [...keys];
}
