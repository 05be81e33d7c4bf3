import type { Database } from "../database/Database.ts";
import { mentionKeysOf, nameRules, type NameRule } from "../identity/matchKeys.ts";
import { defaultClubRegister } from "../identity/register/readClubRegister.ts";

export interface ClubCandidate {
  id: string;
  name: string;
  /** The strictest name rule under which the club answers to the name (index into nameRules). */
  rank: number;
  rule: NameRule;
}

/**
 * Clubs a typed name may mean, by the club resolver's name rules (src/identity/matchKeys.ts)
 * against the keys stored on every Club (`matchKeys` from seeds and imports, `registerKeys` from
 * the register, `userAliasKeys` from alias files), strictest rule first. Unlike an import, which
 * must refuse an ambiguous name, a lookup may keep several candidates: the tie narrows them.
 */
export async function findClubCandidates(database: Database, name: string): Promise<ClubCandidate[]> {
  const keys = mentionKeysOf(name, defaultClubRegister().exonyms);
  const tagged = nameRules.filter((rule) => keys[rule]).map((rule) => `${rule}:${keys[rule]}`);
  const rows = await database.read<{ id: string; name: string; hits: string[] }>(
    `MATCH (c:Club)
     WITH c, coalesce(c.matchKeys, []) + coalesce(c.registerKeys, []) + coalesce(c.userAliasKeys, []) AS keys
     WHERE any(key IN keys WHERE key IN $tagged)
     RETURN c.id AS id, c.name AS name, [key IN keys WHERE key IN $tagged] AS hits`,
    { tagged },
  );
  return rows
    .map((row) => {
      const rank = Math.min(...row.hits.map((hit) => nameRules.indexOf(hit.slice(0, hit.indexOf(":")) as NameRule)));
      return { id: row.id, name: row.name, rank, rule: nameRules[rank]! };
    })
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
}
