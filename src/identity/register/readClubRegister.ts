/**
 * Reads the vendored club register (data/openfootball/clubs/, openfootball/clubs, CC0): every
 * `<continent>/<country>/*.clubs.txt` and `*.stadiums.txt` of UEFA's countries, with a content hash so a start can skip
 * an unchanged register. The country of a file is its folder's (src/identity/countries.ts).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countries } from "../countries.ts";
import { buildExonymTable, type ExonymTable } from "../exonyms.ts";
import { parseClubsFile, parseStadiumsFile, type RegisterClub, type RegisterStadium } from "./parseClubRegister.ts";

export const registerRepository = "openfootball/clubs";
export const registerCommit = "ae3800227c449447b3a337fc0aac79a8f02f4c8b";
/** Id of the Source node every register fact is REPORTED_BY. */
export const registerSourceId = "register:openfootball-clubs";

export const defaultRegisterDir = fileURLToPath(new URL("../../../data/openfootball/clubs/", import.meta.url));

export interface ClubRegister {
  clubs: RegisterClub[];
  stadiums: RegisterStadium[];
  /** sha256 of the files read, names and contents. */
  hash: string;
  files: string[];
}

/** Reads and parses the register; a file it cannot parse throws RegisterFormatError (file:line). */
export function readClubRegister(registerDir: string = defaultRegisterDir): ClubRegister {
  const hash = createHash("sha256");
  const clubs: RegisterClub[] = [];
  const stadiums: RegisterStadium[] = [];
  const files: string[] = [];
  const clubIds = new Set<string>();
  const stadiumIds = new Set<string>();
  for (const country of countries) {
    const folder = path.join(registerDir, country.registerFolder);
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      continue; // a country without clubs in the register (none today; tolerated for trimmed copies)
    }
    for (const name of names) {
      const kind = name.endsWith(".clubs.txt") ? "clubs" : name.endsWith(".stadiums.txt") ? "stadiums" : null;
      if (!kind) continue;
      const file = `${country.registerFolder}/${name}`;
      const text = readFileSync(path.join(folder, name), "utf8");
      hash.update(file).update("\0").update(text).update("\0");
      files.push(file);
      if (kind === "clubs") clubs.push(...parseClubsFile(file, text, country.code, clubIds));
      else stadiums.push(...parseStadiumsFile(file, text, country.code, stadiumIds));
    }
  }
  return { clubs, stadiums, hash: hash.digest("hex"), files };
}

/** The exonym table derived from the register's clubs (see exonyms.ts). */
export function exonymsOfRegister(register: Pick<ClubRegister, "clubs">): ExonymTable {
  return buildExonymTable(
    register.clubs.map((club) => ({
      city: club.city ?? undefined,
      names: [{ name: club.name }, ...club.aliases.map((alias) => ({ name: alias.name, language: alias.language ?? undefined }))],
    })),
  );
}

let cached: { register: ClubRegister; exonyms: ExonymTable } | null = null;

/**
 * The vendored register and its exonym table, read once per process: the name rules need the
 * exonyms wherever a name is matched (import, `tie`, `search`, the writer's stored keys).
 */
export function defaultClubRegister(): { register: ClubRegister; exonyms: ExonymTable } {
  if (!cached) {
    const register = readClubRegister();
    cached = { register, exonyms: exonymsOfRegister(register) };
  }
  return cached;
}
