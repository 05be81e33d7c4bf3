/**
 * The one club resolver: every importer, `Query.tie` and `search` decide who is who with these
 * rules. A mention is resolved, in this order, by
 *   1. the register id the record states (REGISTER_ID);
 *   2. an entry of the user's alias file (ALIAS_FILE);
 *   3. the name rules of matchKeys.ts (SPELLING, TRANSLITERATION, CLUB_FORM, EXONYM), each
 *      against every name and alias of every known club, restricted to the mention's country
 *      when it gives one; the first rule that finds anything decides.
 * Exactly one club found: that club, and the match is recorded (which rule, which alias, from
 * which source). Several: the name is ambiguous, a problem naming the candidates. None: a new
 * club, recorded with the known clubs its name is close to (a near-miss). Damaged text
 * (mojibake) is a problem with its likely repair. Never throws: problems are collected so an
 * import can list them all, and fail. Pure: the known clubs and the exonym table are passed in.
 */
import { editDistance } from "../names/editDistance.ts";
import { slugify } from "../names/slugify.ts";
import type { ClubMention, ClubResolver } from "./ClubMention.ts";
import { countryCodeOf } from "./countries.ts";
import { noExonyms, type ExonymTable } from "./exonyms.ts";
import { clubMatchKeysOf, matchKeyOf, mentionKeysOf, nameRules, type NameRule } from "./matchKeys.ts";
import { repairMojibake } from "./repairMojibake.ts";

/** One name a known club answers to, with where it comes from. */
export interface KnownName {
  name: string;
  /** Language tag the register gives the alias ("en", "de"). */
  language?: string | null;
  /** Id of the Source node that gives the name ("register:openfootball-clubs", "dataset:..."). */
  source?: string | null;
  /** Where in the source: "europe/germany/de.clubs.txt:8". */
  ref?: string | null;
}

/** A club the resolver may resolve to: one already in the graph (seeded, registered or imported). */
export interface KnownClub {
  id: string;
  name: string | KnownName;
  aliases: readonly (string | KnownName)[];
  /** Three-letter code ("GER") or English name ("Germany"); null when unknown. */
  country?: string | null;
  registerId?: string | null;
  /** The club's city (the register's), for names like "Celtic Glasgow" (rule CITY). */
  city?: string | null;
}

/** An alias a user states: this name is that club (by club id or register id). See docs/identity.md. */
export interface UserAlias {
  name: string;
  club: string;
  /** Id of the Source of the alias (the alias file's). */
  source?: string | null;
  /** Where the alias is written, for provenance ("aliases.json, clubAliases[3]"). */
  ref?: string | null;
}

export type MatchRule = NameRule | "REGISTER_ID" | "ALIAS_FILE";

/** How a mention was resolved to a club that already existed (or was created earlier in the same import). */
export interface NameMatch {
  /** The name as the source wrote it. */
  name: string;
  clubId: string;
  clubName: string;
  rule: MatchRule;
  /** The club's name or alias that matched. */
  matchedName: string;
  matchedLanguage: string | null;
  matchedSource: string | null;
  matchedRef: string | null;
  /** When the name fitted several clubs and one was chosen: why (see `canonicalNameTieBreak`). */
  tieBreak: string | null;
  /** The first place the name was met. */
  at: ClubMention["at"];
}

export interface NewClub {
  id: string;
  name: string;
  /** Three-letter code when the mention gave a country. */
  country: string | null;
  at: ClubMention["at"];
}

/** A new club whose name is close to known clubs: perhaps the same club under a name we do not know. */
export interface NearMiss {
  name: string;
  newClubId: string;
  closeTo: { id: string; name: string }[];
  at: ClubMention["at"];
}

export interface RecordingClubResolver extends ClubResolver {
  /** Clubs created for names no known club answers to, in the order met. */
  readonly newClubs: readonly NewClub[];
  /** Names resolved to a known club, one per distinct name and country. */
  readonly matches: readonly NameMatch[];
  readonly nearMisses: readonly NearMiss[];
  /** Each problem as one line naming file, record and field; an import with problems must fail. */
  readonly problems: readonly string[];
}

export interface ClubResolverOptions {
  clubs: readonly KnownClub[];
  exonyms?: ExonymTable;
  aliases?: readonly UserAlias[];
  /** Ids already taken in the graph (other labels share the id space); new ids avoid them. */
  takenIds?: Iterable<string>;
  /**
   * Only look known clubs up: a name that fits none gives unresolvedClubId and is not recorded
   * as a new club (for linking the register to clubs already in the graph).
   */
  onlyKnown?: boolean;
}

interface IndexedName {
  club: IndexedClub;
  known: KnownName;
}

interface IndexedClub {
  id: string;
  name: string;
  city: string | null;
  country: string | null;
  registerId: string | null;
}

/** Returned for a mention that could not be resolved; the import fails on its problem anyway. */
export const unresolvedClubId = "club:unresolved";

function asKnownName(name: string | KnownName): KnownName {
  return typeof name === "string" ? { name } : name;
}

export function describeAt(at: ClubMention["at"]): string {
  return `${at.file}, ${at.record}, field ${at.field}`;
}

export function createClubResolver(options: ClubResolverOptions): RecordingClubResolver {
  const exonyms = options.exonyms ?? noExonyms;
  const index = new Map<NameRule, Map<string, IndexedName[]>>(nameRules.map((rule) => [rule, new Map()]));
  const byId = new Map<string, IndexedClub>();
  const byRegisterId = new Map<string, IndexedClub>();
  const takenIds = new Set(options.takenIds ?? []);

  const newClubs: NewClub[] = [];
  const matches: NameMatch[] = [];
  const nearMisses: NearMiss[] = [];
  const problems: string[] = [];
  const problemKeys = new Set<string>();
  const resolved = new Map<string, string>();

  // CLUB_FORM keys by word (of 4 letters or more): closeClubs compares words only with the keys
  // sharing one; every other key can only be a typo apart. Imports of thousands of new clubs
  // against thousands of known ones spent most of their time splitting every key for every name.
  const clubFormKeysByWord = new Map<string, Set<string>>();
  const lettersOfKeys = new Map<string, number>();
  function lettersOfKey(key: string): number {
    let letters = lettersOfKeys.get(key);
    if (letters === undefined) lettersOfKeys.set(key, (letters = lettersOf(key)));
    return letters;
  }

  function addName(club: IndexedClub, known: KnownName, city: string | null | undefined): void {
    for (const [rule, keys] of clubMatchKeysOf([known.name], city, exonyms)) {
      for (const key of keys) {
        if (rule === "CLUB_FORM" && !index.get(rule)!.has(key)) {
          for (const word of key.split(" ")) {
            if (word.length >= 4) clubFormKeysByWord.set(word, (clubFormKeysByWord.get(word) ?? new Set()).add(key));
          }
        }
        const entries = index.get(rule)!.get(key) ?? [];
        if (!entries.some((entry) => entry.club === club)) entries.push({ club, known });
        index.get(rule)!.set(key, entries);
      }
    }
  }

  function addClub(club: KnownClub): void {
    const main = asKnownName(club.name);
    const country = club.country ? countryCodeOf(club.country) ?? club.country.toUpperCase() : null;
    const indexed: IndexedClub = { id: club.id, name: main.name, city: club.city ?? null, country, registerId: club.registerId ?? null };
    byId.set(club.id, indexed);
    takenIds.add(club.id);
    if (indexed.registerId) byRegisterId.set(indexed.registerId, indexed);
    addName(indexed, main, club.city);
    for (const alias of club.aliases) addName(indexed, asKnownName(alias), club.city);
  }

  for (const club of options.clubs) addClub(club);

  const aliasTargets = new Map<string, { alias: UserAlias; club: IndexedClub | undefined }>();
  for (const alias of options.aliases ?? []) {
    aliasTargets.set(matchKeyOf(alias.name, "SPELLING", exonyms), { alias, club: byId.get(alias.club) ?? byRegisterId.get(alias.club) });
  }

  function problem(at: ClubMention["at"], dedupeKey: string, message: string): string {
    if (!problemKeys.has(dedupeKey)) {
      problemKeys.add(dedupeKey);
      problems.push(`${describeAt(at)}: ${message}`);
    }
    return unresolvedClubId;
  }

  function record(mention: ClubMention, club: IndexedClub, rule: MatchRule, known: KnownName, tieBreak: string | null = null): string {
    matches.push({
      name: mention.name,
      clubId: club.id,
      clubName: club.name,
      rule,
      matchedName: known.name,
      matchedLanguage: known.language ?? null,
      matchedSource: known.source ?? null,
      matchedRef: known.ref ?? null,
      tieBreak,
      at: mention.at,
    });
    return club.id;
  }

  function describeClub(club: IndexedClub): string {
    const details = [club.country, club.registerId ? `register id ${club.registerId}` : null].filter(Boolean).join(", ");
    return `"${club.name}" (${details ? `${club.id}; ${details}` : club.id})`;
  }

  function resolve(mention: ClubMention, country: string | null): string {
    if (mention.registerId) {
      const club = byRegisterId.get(mention.registerId);
      if (!club) return problem(mention.at, `register:${mention.registerId}`, `no club in the register has the id "${mention.registerId}"`);
      return record(mention, club, "REGISTER_ID", { name: club.name, ref: mention.registerId });
    }
    const aliased = aliasTargets.get(matchKeyOf(mention.name, "SPELLING", exonyms));
    if (aliased) {
      if (!aliased.club) {
        return problem(mention.at, `alias:${aliased.alias.name}`, `the alias "${aliased.alias.name}" names "${aliased.alias.club}", which is no club id or register id`);
      }
      return record(mention, aliased.club, "ALIAS_FILE", { name: aliased.alias.name, source: aliased.alias.source ?? null, ref: aliased.alias.ref ?? null });
    }
    const keys = mentionKeysOf(mention.name, exonyms);
    for (const rule of nameRules) {
      const key = keys[rule];
      if (!key) continue;
      const found = (index.get(rule)!.get(key) ?? []).filter((entry) => !country || !entry.club.country || entry.club.country === country);
      if (found.length === 0) continue;
      if (found.length === 1) return record(mention, found[0]!.club, rule, found[0]!.known);
      const chosen = canonicalNameTieBreak(mention.name, rule, found);
      if (chosen) {
        const others = found.filter((entry) => entry !== chosen).map((entry) => `"${entry.club.name}"`).join(", ");
        return record(mention, chosen.club, rule, chosen.known, `also a short name of ${others}; "${chosen.club.name}" is this name with only club-form words added`);
      }
      const listed = found.map((entry) => `${describeClub(entry.club)} by its name "${entry.known.name}"`).join("; ");
      return problem(
        mention.at,
        `ambiguous:${mention.name}:${country}`,
        `the club name "${mention.name}" is ambiguous (rule ${rule}): it matches ${found.length} clubs: ${listed}. ` +
          `Say which: an alias file entry ({"clubAliases": [{"name": "${mention.name}", "club": "${found[0]!.club.id}"}]}, docs/identity.md)` +
          (found[0]!.club.country ? `, or in a Football.TXT file the country ("${mention.name} (${found[0]!.club.country})")` : "") +
          ".",
      );
    }
    return options.onlyKnown ? unresolvedClubId : createClub(mention, country);
  }

  /**
   * A name that several clubs answer to, but that is one club's own name up to club-form words
   * ("Arsenal": "Arsenal FC", not "Arsenal Tula" whose alias it is; "Hibernians": "Hibernians FC",
   * not "Hibernian FC"), is that club's. Only when exactly one candidate's canonical name fits.
   */
  function canonicalNameTieBreak(name: string, rule: NameRule, found: readonly IndexedName[]): IndexedName | null {
    const looser: NameRule = nameRules.indexOf(rule) > nameRules.indexOf("CLUB_FORM") ? rule : "CLUB_FORM";
    const key = matchKeyOf(name, looser, exonyms);
    const own = found.filter((entry) => clubMatchKeysOf([entry.club.name], entry.club.city, exonyms).get(looser)!.has(key));
    return own.length === 1 ? own[0]! : null;
  }

  function createClub(mention: ClubMention, country: string | null): string {
    let id = `club:${slugify(mention.name) || "unnamed"}`;
    for (let n = 2; takenIds.has(id); n++) id = `club:${slugify(mention.name)}-${n}`;
    const closeTo = closeClubs(mention.name, country);
    const club: KnownClub = { id, name: mention.name, aliases: [], country };
    addClub(club);
    newClubs.push({ id, name: mention.name, country, at: mention.at });
    if (closeTo.length) nearMisses.push({ name: mention.name, newClubId: id, closeTo, at: mention.at });
    return id;
  }

  /** Known clubs whose name is close to `name`: one name's words all in the other's, or a typo apart. */
  function closeClubs(name: string, country: string | null): { id: string; name: string }[] {
    const key = matchKeyOf(name, "CLUB_FORM", exonyms);
    const words = new Set(key.split(" "));
    // Closest first: more words in common, then fewer typos.
    const close = new Map<string, { club: IndexedClub; score: number }>();
    // Only a key sharing a word of 4 letters or more can have all its words in the name's (or the reverse).
    const sharingAWord = new Set([...words].flatMap((word) => [...(clubFormKeysByWord.get(word) ?? [])]));
    const letters = lettersOf(key);
    for (const [otherKey, entries] of index.get("CLUB_FORM")!) {
      let score = 0;
      if (sharingAWord.has(otherKey)) {
        const otherWords = otherKey.split(" ");
        const [fewer, more] = otherWords.length < words.size ? [new Set(otherWords), words] : [words, new Set(otherWords)];
        const contained = [...fewer].every((word) => more.has(word)) && [...fewer].some((word) => word.length >= 4);
        score = contained ? 10 * fewer.size - (more.size - fewer.size) : withinTypos(key, otherKey) ? 5 : 0;
      } else if (Math.abs(key.length - otherKey.length) <= 2 && fewLettersApart(letters, lettersOfKey(otherKey))) {
        score = withinTypos(key, otherKey) ? 5 : 0;
      }
      if (score <= 0) continue;
      for (const entry of entries) {
        if (country && entry.club.country && entry.club.country !== country) continue;
        if ((close.get(entry.club.id)?.score ?? 0) < score) close.set(entry.club.id, { club: entry.club, score });
      }
    }
    return [...close.values()]
      .sort((a, b) => b.score - a.score || (a.club.name < b.club.name ? -1 : 1))
      .slice(0, 5)
      .map(({ club }) => ({ id: club.id, name: club.name }));
  }

  return {
    newClubs,
    matches,
    nearMisses,
    problems,
    idOf(mention) {
      const repaired = repairMojibake(mention.name);
      if (repaired !== null) {
        return problem(
          mention.at,
          `mojibake:${mention.name}`,
          `"${mention.name}" is damaged text (UTF-8 read as Latin-1/Windows-1252); it is likely "${repaired}". ` +
            `Re-save the file as UTF-8, or write "${repaired}".`,
        );
      }
      const country = mention.country ? countryCodeOf(mention.country) : null;
      if (mention.country && !country) return problem(mention.at, `country:${mention.country}`, `unknown country "${mention.country}"`);
      const cacheKey = `${mention.registerId ?? ""}\u0000${country ?? ""}\u0000${mention.name}`;
      const known = resolved.get(cacheKey);
      if (known) return known;
      const id = resolve(mention, country);
      if (id !== unresolvedClubId) resolved.set(cacheKey, id);
      return id;
    },
  };
}

/** True when two keys are a typo or two apart (one for short names), and long enough to say so. */
/**
 * The letters of a text as a 32-bit set (letters folded onto 32 bits). Each edit adds at most one
 * letter the other text lacks, so two texts two edits apart have at most two such bits each way:
 * a cheap test that skips the edit distance for almost every pair.
 */
function lettersOf(text: string): number {
  let set = 0;
  for (let index = 0; index < text.length; index++) set |= 1 << (text.charCodeAt(index) & 31);
  return set;
}

function bitCount(set: number): number {
  let count = 0;
  for (let rest = set; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** False when one text has more than two letters the other lacks: then no two edits join them. */
function fewLettersApart(a: number, b: number): boolean {
  return bitCount(a & ~b) <= 2 && bitCount(b & ~a) <= 2;
}

function withinTypos(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  const allowed = shorter >= 8 ? 2 : 1;
  if (Math.abs(a.length - b.length) > allowed) return false;
  return editDistance(a, b, allowed) <= allowed;
}
