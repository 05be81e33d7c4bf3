import { describe, expect, test } from "vitest";
import { parseClubsFile, parseStadiumsFile, RegisterFormatError } from "./parseClubRegister.ts";
import { readClubRegister } from "./readClubRegister.ts";

// Rows copied from data/openfootball/clubs (CC0), with their line numbers.
const germanRows = [
  "= Germany • Deutschland",
  "",
  "Bayern München, 1900,    @ Allianz Arena,   München",
  "  | Bayern | Bayern Mün.",
  "  | Bayern Munich [en] | FC Bayern Munich [en]",
  " Säbener Straße 51-57 // 81547 München",
  "ii) Bayern München II",
  "  | Bayern II |  Bayern München Am.",
  "SK Rapid Wien, 1899,  @ Allianz Stadion,   Wien (Hütteldorf)",
  "FC Stal Kamianske (1926-2018),    Kamianske   # renamed",
].join("\n");

describe("parseClubsFile", () => {
  const [bayern, reserves, rapid, stal] = parseClubsFile("europe/germany/de.clubs.txt", germanRows, "GER");

  test.each([
    ["the canonical name is the line's first field", bayern!.name, "Bayern München"],
    ["the register id is country and name", bayern!.registerId, "ger/bayern-munchen"],
    ["the founding year is a four-digit field", bayern!.foundedYear, 1900],
    ["the home ground follows @", bayern!.homeGround, "Allianz Arena"],
    ["the city is the remaining field", bayern!.city, "München"],
    ["the line is the club's ref", bayern!.ref, "europe/germany/de.clubs.txt:3"],
    ["aliases keep their language tag", bayern!.aliases.find((alias) => alias.name === "Bayern Munich")?.language, "en"],
    ["an untagged alias has no language", bayern!.aliases[0]?.language, null],
    ["each alias has its own line", bayern!.aliases.find((alias) => alias.name === "FC Bayern Munich")?.ref, "europe/germany/de.clubs.txt:5"],
    ["the address is not an alias", bayern!.aliases.length, 4],
    ["a reserve team is its own club", reserves!.name, "Bayern München II"],
    ["a reserve team knows its first team", reserves!.reserveOf, "ger/bayern-munchen"],
    ["a reserve team's aliases are its own", reserves!.aliases.map((alias) => alias.name), ["Bayern II", "Bayern München Am."]],
    ["a reserve team plays in its first team's city", reserves!.city, "München"],
    ["a district in brackets is not the city", rapid!.city, "Wien"],
    ["the district is kept", rapid!.district, "Hütteldorf"],
    ["years of existence leave the name", stal!.name, "FC Stal Kamianske"],
    ["years of existence are kept", stal!.existed, "1926-2018"],
    ["a comment is dropped", stal!.city, "Kamianske"],
  ])("%s", (_why, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test("an alias line before any club names the file and line", () => {
    expect(() => parseClubsFile("x.clubs.txt", "= X\n  | Orphan", "GER")).toThrow(new RegisterFormatError("x.clubs.txt:2", 'aliases "| Orphan" before any club'));
  });
});

describe("parseStadiumsFile", () => {
  const [happel, upc] = parseStadiumsFile(
    "europe/austria/at.stadiums.txt",
    "Happel-Stadion,    53_295, 1931, Wien\n  | Ernst-Happel-Stadion\n  Meiereistraße 7 // 1020 Wien\n$UPC$-Arena, 15_323, 1997, Graz",
    "AUT",
  );
  test.each([
    ["capacity with a digit separator", happel!.capacity, 53295],
    ["opening year", happel!.openedYear, 1931],
    ["city", happel!.city, "Wien"],
    ["aliases", happel!.aliases.map((alias) => alias.name), ["Ernst-Happel-Stadion"]],
    ["sponsor markers leave the name", upc!.name, "UPC-Arena"],
  ])("%s", (_why, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe("the vendored register", () => {
  const register = readClubRegister();
  const byId = new Map(register.clubs.map((club) => [club.registerId, club]));

  test.each([
    ["ukr/fc-dynamo-kyiv", "FC Dynamo Kyiv", "UKR", ["Dynamo Kiev", "Dynamo Kiew"]],
    ["ita/fc-internazionale-milano", "FC Internazionale Milano", "ITA", ["Inter Milan", "Inter Mailand"]],
    ["por/sporting-cp", "Sporting CP", "POR", ["Sporting Lissabon"]],
    ["swe/malmo-ff", "Malmö FF", "SWE", []],
  ])("%s is %s in %s, also called %j", (registerId, name, country, aliases) => {
    const club = byId.get(registerId);
    expect(club?.name).toBe(name);
    expect(club?.country).toBe(country);
    for (const alias of aliases) expect(club?.aliases.map((entry) => entry.name)).toContain(alias);
  });

  test("register ids are unique", () => {
    expect(byId.size).toBe(register.clubs.length);
  });
});
