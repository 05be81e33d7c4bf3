/**
 * Parser of openfootball/clubs' text files (CC0; github.com/openfootball/clubs): one club per
 * paragraph, e.g.
 *
 *     Bayern München, 1900,    @ Allianz Arena,   München
 *       | Bayern | FC Bayern München
 *       | Bayern Munich [en] | FC Bayern Munich [en]
 *      Säbener Straße 51-57 // 81547 München
 *     ii) Bayern München II
 *       | Bayern II | FC Bayern München II
 *
 * A club line gives the canonical name (with "(1926-2018)" years of existence, when given), then
 * in any order the founding year, "@ home ground" and the city ("Wien (Hütteldorf)": city and
 * district). "|" lines are aliases, with a language tag when the name is another language's
 * ("[en]", "[de]"). A line with "//" is the address. "ii)" starts the club's reserve team, a
 * club of its own. "#" starts a comment; "=" lines are the country and region headings.
 * Stadium files (*.stadiums.txt) have the same shape: name, capacity ("74_176"), opening year,
 * city; "$...$" marks a sponsor's part of the name. Pure: text in, records out.
 */
import { slugify } from "../../names/slugify.ts";

export interface RegisterName {
  name: string;
  /** ISO 639-1 language of the name when the register tags it ("en", "de"). */
  language: string | null;
  /** "europe/germany/de.clubs.txt:8" */
  ref: string;
}

export interface RegisterClub {
  /** Stable id: country code and canonical name, "ger/bayern-munchen". */
  registerId: string;
  name: string;
  /** Three-letter code ("GER"). */
  country: string;
  city: string | null;
  district: string | null;
  foundedYear: number | null;
  /** "1926-2018", "-2023": the years the club existed, when it no longer does. */
  existed: string | null;
  /** The home ground's name as the club line gives it. */
  homeGround: string | null;
  aliases: RegisterName[];
  /** For a reserve team ("ii)"), the register id of its first team. */
  reserveOf: string | null;
  /** "europe/germany/de.clubs.txt:6" */
  ref: string;
}

export interface RegisterStadium {
  registerId: string;
  name: string;
  country: string;
  city: string | null;
  capacity: number | null;
  openedYear: number | null;
  aliases: RegisterName[];
  ref: string;
}

export class RegisterFormatError extends Error {
  constructor(readonly ref: string, message: string) {
    super(`${ref}: ${message}`);
    this.name = "RegisterFormatError";
  }
}

const yearPattern = /^\d{4}$/;
const existencePattern = /\s*\(((?:\d{4})?-(?:\d{4})?)\)\s*$/;
const languageTagPattern = /\s*\[([a-z]{2})\]\s*$/;

/** Drops "$" sponsor markers and surrounding space: "$UPC$-Arena" → "UPC-Arena". */
function cleanName(text: string): string {
  return text.replace(/\$/g, "").replace(/\s+/g, " ").trim();
}

function parseNames(text: string, ref: string): RegisterName[] {
  return text
    .split("|")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const tag = languageTagPattern.exec(part);
      return { name: cleanName(tag ? part.slice(0, tag.index) : part), language: tag ? tag[1]! : null, ref };
    });
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Clubs of one `*.clubs.txt` file. `file` is the path inside the repository (it goes into every
 * ref), `country` the three-letter code of the file's country. `takenIds` keeps register ids
 * unique across files (shared by the caller).
 */
export function parseClubsFile(file: string, text: string, country: string, takenIds = new Set<string>()): RegisterClub[] {
  const clubs: RegisterClub[] = [];
  let current: RegisterClub | null = null;
  let firstTeam: RegisterClub | null = null;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const ref = `${file}:${index + 1}`;
    const line = rawLine.replace(/#.*$/, "").trimEnd();
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("=")) return;
    if (trimmed.includes("//")) return; // the address
    if (trimmed.startsWith("|") || (/^\s/.test(line) && !trimmed.includes(",") && current)) {
      if (!current) throw new RegisterFormatError(ref, `aliases "${trimmed}" before any club`);
      current.aliases.push(...parseNames(trimmed, ref));
      return;
    }
    const reserve = /^ii\)\s*/.exec(trimmed);
    if (reserve && !firstTeam) throw new RegisterFormatError(ref, `reserve team "${trimmed}" before any club`);
    current = parseClubLine(trimmed.slice(reserve ? reserve[0].length : 0), ref, country, takenIds);
    if (reserve) {
      // A reserve team plays where its first team does unless its line says otherwise.
      current.reserveOf = firstTeam!.registerId;
      current.city ??= firstTeam!.city;
    } else firstTeam = current;
    clubs.push(current);
  });
  return clubs;
}

function parseClubLine(text: string, ref: string, country: string, takenIds: Set<string>): RegisterClub {
  const [rawName, ...fields] = text.split(",").map((field) => field.trim());
  const existence = existencePattern.exec(rawName!);
  const name = cleanName(existence ? rawName!.slice(0, existence.index) : rawName!);
  if (!name) throw new RegisterFormatError(ref, `a club line without a name: "${text}"`);
  const club: RegisterClub = {
    registerId: uniqueId(`${country.toLowerCase()}/${slugify(name)}`, takenIds),
    name,
    country,
    city: null,
    district: null,
    foundedYear: null,
    existed: existence ? existence[1]! : null,
    homeGround: null,
    aliases: [],
    reserveOf: null,
    ref,
  };
  for (const field of fields.filter((field) => field.length > 0)) {
    if (yearPattern.test(field)) club.foundedYear = Number(field);
    else if (field.startsWith("@")) club.homeGround = cleanName(field.slice(1));
    else {
      // "Bordeaux › Nouvelle-Aquitaine": the city, then the region it is in.
      const town = field.split("›")[0]!.trim();
      const place = /^(.*?)\s*\((.*)\)$/.exec(town);
      club.city = cleanName(place ? place[1]! : town);
      club.district = place ? cleanName(place[2]!) : null;
    }
  }
  return club;
}

/** Stadiums of one `*.stadiums.txt` file; see parseClubsFile for the arguments. */
export function parseStadiumsFile(file: string, text: string, country: string, takenIds = new Set<string>()): RegisterStadium[] {
  const stadiums: RegisterStadium[] = [];
  let current: RegisterStadium | null = null;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const ref = `${file}:${index + 1}`;
    const line = rawLine.replace(/#.*$/, "").trimEnd();
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("=") || trimmed.includes("//")) return;
    if (trimmed.startsWith("|")) {
      if (!current) throw new RegisterFormatError(ref, `aliases "${trimmed}" before any stadium`);
      current.aliases.push(...parseNames(trimmed, ref));
      return;
    }
    if (/^\s/.test(line) && !trimmed.includes(",")) return; // an unmarked address line
    const [rawName, ...fields] = trimmed.split(",").map((field) => field.trim());
    const name = cleanName(rawName!);
    current = {
      registerId: uniqueId(`${country.toLowerCase()}/${slugify(name)}`, takenIds),
      name,
      country,
      city: null,
      capacity: null,
      openedYear: null,
      aliases: [],
      ref,
    };
    for (const field of fields.filter((field) => field.length > 0)) {
      if (/^\d+(_\d{3})+$|^\d{5,}$/.test(field)) current.capacity = Number(field.replace(/_/g, ""));
      else if (yearPattern.test(field)) current.openedYear = Number(field);
      else if (/^\d+$/.test(field)) current.capacity = Number(field);
      else current.city = cleanName(field.replace(/\s*\(.*\)$/, ""));
    }
    stadiums.push(current);
  });
  return stadiums;
}
