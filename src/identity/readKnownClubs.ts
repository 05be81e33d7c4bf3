/**
 * The clubs of the graph as the club resolver knows them: every Club node with its names and
 * where each comes from (the seeds' or an import's own names, the register's names with their
 * lines, alias-file names with their entries). Through the caller's transaction, so an import
 * resolves against exactly the graph it writes to.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { KnownClub, KnownName, UserAlias } from "./createClubResolver.ts";
import { registerSourceId } from "./register/readClubRegister.ts";

/**
 * The clubs, and the names alias files gave them: those go to the resolver as its `aliases`, so
 * that they settle names the rules find ambiguous (rule ALIAS_FILE).
 */
export async function readKnownClubs(tx: ManagedTransaction): Promise<{ clubs: KnownClub[]; aliases: UserAlias[] }> {
  const result = await tx.run(
    `MATCH (c:Club)
     OPTIONAL MATCH (c)-[:REPORTED_BY]->(s:Source) WHERE s.id <> $register
     WITH c, min(s.id) AS ownSource
     RETURN c.id AS id, c.name AS name, coalesce(c.aliases, []) AS aliases, ownSource,
            coalesce(c.countryCode, c.country) AS country, c.registerId AS registerId, c.city AS city,
            c.registerOnly AS registerOnly, c.registerName AS registerName, c.registerRef AS registerRef,
            coalesce(c.registerAliases, []) AS registerAliases, coalesce(c.registerAliasLanguages, []) AS registerAliasLanguages,
            coalesce(c.registerAliasRefs, []) AS registerAliasRefs,
            coalesce(c.userAliases, []) AS userAliases, coalesce(c.userAliasSources, []) AS userAliasSources,
            coalesce(c.userAliasRefs, []) AS userAliasRefs
     ORDER BY id`,
    { register: registerSourceId },
  );
  const aliases: UserAlias[] = [];
  const clubs = result.records.map((record): KnownClub => {
    const get = <T>(key: string) => record.get(key) as T;
    const registerOnly = get<boolean | null>("registerOnly") === true;
    const ownSource = registerOnly ? registerSourceId : get<string | null>("ownSource");
    const own = (name: string): KnownName => ({ name, source: ownSource, ref: registerOnly ? get<string>("registerRef") : null });
    const names: KnownName[] = registerOnly ? [] : get<string[]>("aliases").map(own);
    const registerName = get<string | null>("registerName");
    if (registerName) {
      names.push({ name: registerName, source: registerSourceId, ref: get<string>("registerRef") });
      get<string[]>("registerAliases").forEach((name, index) =>
        names.push({
          name,
          language: get<string[]>("registerAliasLanguages")[index] || null,
          source: registerSourceId,
          ref: get<string[]>("registerAliasRefs")[index] ?? null,
        }),
      );
    }
    get<string[]>("userAliases").forEach((name, index) =>
      aliases.push({ name, club: get<string>("id"), source: get<string[]>("userAliasSources")[index] ?? null, ref: get<string[]>("userAliasRefs")[index] ?? null }),
    );
    return {
      id: get<string>("id"),
      name: registerOnly && registerName ? { name: registerName, source: registerSourceId, ref: get<string>("registerRef") } : own(get<string>("name")),
      aliases: names,
      country: get<string | null>("country"),
      registerId: get<string | null>("registerId"),
      city: get<string | null>("city"),
    };
  });
  return { clubs, aliases };
}
