/**
 * `npx tsx scripts/reportClubNames.ts FILE.json`: how the club resolver reads the club names of a
 * results file against the club register and the seed clubs, without a database: the names that
 * resolve to the same club (one group per club, with the rule), the names that resolve to no
 * club (new clubs, with near-misses), and the names it refuses (ambiguous, damaged).
 */
import { readFileSync } from "node:fs";
import { createClubResolver } from "../src/identity/createClubResolver.ts";
import { defaultClubRegister } from "../src/identity/register/readClubRegister.ts";
import { registerKnownClubs } from "../src/identity/register/registerKnownClubs.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: npx tsx scripts/reportClubNames.ts FILE.json");
  process.exit(2);
}
const { register, exonyms } = defaultClubRegister();
const resolver = createClubResolver({ clubs: registerKnownClubs(register.clubs), exonyms });
const content = JSON.parse(readFileSync(file, "utf8")) as { ties: { id: string; legs: { home: string; away: string }[] }[] };
const names = new Map<string, string>();
for (const tie of content.ties) {
  tie.legs.forEach((leg, index) => {
    for (const field of ["home", "away"] as const) {
      if (names.has(leg[field])) continue;
      names.set(leg[field], resolver.idOf({ name: leg[field], at: { file, record: `tie ${tie.id}`, field: `legs[${index}].${field}` } }));
    }
  });
}
const byClub = new Map<string, string[]>();
for (const [name, id] of names) (byClub.get(id) ?? byClub.set(id, []).get(id)!).push(name);
const ruleOf = new Map(resolver.matches.map((match) => [match.name, `${match.rule} "${match.matchedName}"`]));
const shared = [...byClub].filter(([, spellings]) => spellings.length > 1);
console.log(`${names.size} names; ${byClub.size} clubs; ${resolver.newClubs.length} new; ${resolver.problems.length} problems`);
console.log(`\n== ${shared.length} clubs with several spellings`);
for (const [id, spellings] of shared) console.log(`${id}: ${spellings.map((name) => `${name} [${ruleOf.get(name) ?? "new"}]`).join(" | ")}`);
console.log(`\n== ${resolver.newClubs.length} names no register club answers to`);
for (const club of resolver.newClubs) console.log(`${club.name}`);
console.log(`\n== ${resolver.nearMisses.length} near-misses`);
for (const miss of resolver.nearMisses) console.log(`${miss.name} ~ ${miss.closeTo.map((club) => club.name).join(", ")}`);
console.log(`\n== problems`);
for (const problem of resolver.problems) console.log(problem);
