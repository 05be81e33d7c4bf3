/**
 * Word-level exonyms and endonyms: "München", "Munich" and "Monaco di Baviera" are one word
 * for matching. Derived from the club register: two names of the same club that differ in
 * exactly one word, where one of them is tagged with a language ("Bayern Munich [en]" beside
 * "Bayern München") or the word is the club's city ("Dynamo Kiev" beside "Dynamo Kyiv", city
 * Kyiv), give a pair of words for the same place. A few well-known pairs the register does not
 * spell out are added by hand (`curatedExonyms`). Pure.
 */
import { editDistance } from "../names/editDistance.ts";
import { normalizeName } from "../names/normalizeName.ts";

export interface ExonymTable {
  /** The word every spelling of the same place reads as ("munich" → "munchen"); other words unchanged. */
  canonicalWord(word: string): string;
  /** The groups of words read as one, for docs and tests. */
  groups(): string[][];
}

/** One name of a club as the register gives it. */
export interface ExonymSourceName {
  name: string;
  /** Language tag of the alias ("en", "de"), when the register gives one. */
  language?: string;
}

export interface ExonymSourceClub {
  names: readonly ExonymSourceName[];
  city?: string;
}

/**
 * Place names in their English, German and local spellings that the register's club aliases do
 * not pair up by themselves (checked against the register's clubs and the 1955-2016 results file).
 */
export const curatedExonyms: readonly (readonly string[])[] = [
  ["Lisboa", "Lisbon", "Lissabon"],
  ["Kyiv", "Kiev", "Kiew"],
  ["München", "Munich"],
  ["Milano", "Milan", "Mailand"],
  ["Roma", "Rome", "Rom"],
  ["Praha", "Prague", "Prag"],
  ["Beograd", "Belgrade", "Belgrad"],
  ["Bucureşti", "Bucharest", "Bukarest"],
  ["Moskva", "Moscow", "Moskau"],
  ["Warszawa", "Warsaw", "Warschau"],
  ["København", "Copenhagen", "Kopenhagen"],
  ["Göteborg", "Gothenburg"],
  ["Sankt Peterburg", "St Petersburg", "St Petersburg"],
  ["Wien", "Vienna"],
  ["Bruxelles", "Brussels", "Brüssel"],
  ["Brugge", "Bruges", "Brügge"],
  ["Napoli", "Naples", "Neapel"],
  ["Torino", "Turin"],
  ["Firenze", "Florence", "Florenz"],
  ["Genova", "Genoa", "Genua"],
  ["Sevilla", "Seville"],
  ["Athína", "Athens", "Athen"],
  ["Thessaloniki", "Saloniki"],
  ["Tbilisi", "Tiflis"],
  ["Sofia", "Sofija"],
  ["Zagreb", "Agram"],
  ["Plzeň", "Pilsen"],
  ["Köln", "Cologne"],
  ["Nürnberg", "Nuremberg"],
  ["Den Haag", "The Hague"],
  ["Dnipropetrovsk", "Dnipropetrowsk", "Dnepropetrovsk"],
  ["Székesfehérvár", "Fehérvár"],
  ["Donetsk", "Donezk"],
];

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(word: string): string {
    let root = word;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }
  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    // The alphabetically first word stands for the group, so the table does not depend on order.
    const [keep, join] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(keep, keep);
    this.parent.set(join, keep);
  }
  words(): string[] {
    return [...this.parent.keys()];
  }
}

/**
 * Two spellings of one place name start alike and are not an abbreviation of each other
 * ("Mün." for "München" is not an exonym); an untagged pair must also be spelt alike (within half
 * its letters), so that a club's other name ("Athletic Club" / "Athletic Bilbao", "Sheriff" /
 * "Tiraspol") is not read as a place. Numbers are never places ("II" vs "2").
 */
function looksLikeOnePlace([a, b]: [string, string], mustBeSpeltAlike: boolean): boolean {
  if (a.length < 4 || b.length < 4 || /\p{N}/u.test(a + b)) return false;
  if (a[0] !== b[0] || a.startsWith(b) || b.startsWith(a)) return false;
  return !mustBeSpeltAlike || editDistance(a, b) <= Math.max(a.length, b.length) / 2;
}


/** The pair of words in which two names differ, when they are the same length and differ in one word only. */
function singleWordDifference(a: readonly string[], b: readonly string[]): [string, string] | null {
  if (a.length !== b.length || a.length < 2) return null;
  const differing = a.flatMap((word, index) => (word === b[index] ? [] : [index]));
  if (differing.length !== 1) return null;
  return [a[differing[0]!]!, b[differing[0]!]!];
}

export function buildExonymTable(clubs: readonly ExonymSourceClub[], curated: readonly (readonly string[])[] = curatedExonyms): ExonymTable {
  const groups = new UnionFind();
  for (const spellings of curated) {
    const [first, ...rest] = spellings.map(normalizeName);
    // Multi-word place names ("Den Haag") cannot be read word by word; only one-word ones join.
    for (const other of rest) if (!first!.includes(" ") && !other.includes(" ")) groups.union(first!, other);
  }
  for (const club of clubs) {
    const city = club.city ? normalizeName(club.city) : undefined;
    const names = club.names.map((name) => ({ words: normalizeName(name.name).split(" "), tagged: Boolean(name.language) }));
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const pair = singleWordDifference(names[i]!.words, names[j]!.words);
        if (!pair) continue;
        const tagged = names[i]!.tagged !== names[j]!.tagged; // one spelling in another language
        const isCity = city !== undefined && (pair[0] === city || pair[1] === city);
        if ((tagged && looksLikeOnePlace(pair, false)) || (isCity && looksLikeOnePlace(pair, true))) groups.union(pair[0], pair[1]);
      }
    }
  }
  const canonical = new Map(groups.words().map((word) => [word, groups.find(word)]));
  return {
    canonicalWord: (word) => canonical.get(word) ?? word,
    groups: () => {
      const byRoot = new Map<string, string[]>();
      for (const [word, root] of canonical) (byRoot.get(root) ?? byRoot.set(root, []).get(root)!).push(word);
      return [...byRoot.values()].map((words) => words.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    },
  };
}

/** No exonyms: names are read word by word as they are. */
export const noExonyms: ExonymTable = { canonicalWord: (word) => word, groups: () => [] };
