/**
 * Loads the club register (data/openfootball/clubs) into the graph as Club and Stadium nodes,
 * every fact REPORTED_BY one Source (repository, commit) and carrying its line
 * (`registerRef`, "europe/germany/de.clubs.txt:7"; each alias its own, `registerAliasRefs`).
 *
 * One club, one node: a register club that a club already in the graph stands for (a seed club,
 * or one an earlier import created) is written onto that node, which keeps its id, name and
 * aliases; the register's facts go into `register*` properties beside them. Which node stands
 * for a register club is decided by the club resolver: the register club's names (canonical and
 * aliases), in its country, must resolve to exactly one existing club, by a rule no looser than
 * CLUB_FORM, and no other register club may claim the same node (docs/decisions/006-club-identity.md).
 * Other register clubs get their own node, `club:<register id>`.
 *
 * Like the seeds, loaded only when its content hash (register files, and the seeds' hash, whose
 * clubs it links to) changes; one transaction. Clubs imported later were resolved against the
 * register by their import, so they need no linking.
 */
import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import type { Database } from "../../database/Database.ts";
import { FactWriter, type FactCounts } from "../../importing/FactWriter.ts";
import { nameKeysOf } from "../../names/normalizeName.ts";
import { slugify } from "../../names/slugify.ts";
import { countries } from "../countries.ts";
import { createClubResolver, type KnownClub } from "../createClubResolver.ts";
import type { ExonymTable } from "../exonyms.ts";
import { nameRules, taggedMatchKeysOf } from "../matchKeys.ts";
import type { RegisterClub } from "./parseClubRegister.ts";
import { defaultClubRegister, registerCommit, registerRepository, registerSourceId, type ClubRegister } from "./readClubRegister.ts";
import { registerClubNodeId } from "./registerKnownClubs.ts";

export interface RegisterLoadResult {
  /** False when the graph already held exactly this register. */
  loaded: boolean;
  clubs: number;
  aliases: number;
  stadiums: number;
  /** Register clubs written onto a club already in the graph (seed or imported). */
  linked: { registerId: string; clubId: string }[];
  counts: FactCounts;
  seconds: number;
}

/** Rules strict enough to say a register club and an existing club are one. */
const linkingRules = new Set(nameRules.slice(0, nameRules.indexOf("CLUB_FORM") + 1));

const countryNameOf = new Map(countries.map((country) => [country.code, country.name]));

export async function loadClubRegister(
  database: Database,
  options: { force?: boolean; register?: { register: ClubRegister; exonyms: ExonymTable } } = {},
): Promise<RegisterLoadResult> {
  const started = performance.now();
  const { register, exonyms } = options.register ?? defaultClubRegister();
  const aliases = register.clubs.reduce((sum, club) => sum + club.aliases.length, 0);
  const result = (loaded: boolean, linked: RegisterLoadResult["linked"], counts: FactCounts): RegisterLoadResult => ({
    loaded, clubs: register.clubs.length, aliases, stadiums: register.stadiums.length, linked, counts,
    seconds: (performance.now() - started) / 1000,
  });

  return database.writeTransaction(async (tx) => {
    // The seeds' hash too: changed seeds may bring a club the register must become one with.
    const state = await tx.run(
      `OPTIONAL MATCH (register:PitchGraphMeta {id: "clubRegister"}) OPTIONAL MATCH (seeds:PitchGraphMeta {id: "seeds"})
       RETURN register.hash AS hash, seeds.hash AS seeds`,
    );
    const hash = createHash("sha256").update(register.hash).update(String(state.records[0]?.get("seeds"))).digest("hex");
    if (!options.force && state.records[0]?.get("hash") === hash) return result(false, [], { nodes: 0, relationships: 0 });
    const others = await clubsOutsideRegister(tx);
    const linked = linkToExistingClubs(register.clubs, others, exonyms);
    const writer = new FactWriter(tx, [registerSourceId]);
    await writeRegister(writer, register, linked, exonyms);
    await tx.run(`MERGE (meta:PitchGraphMeta {id: "clubRegister"}) SET meta.hash = $hash`, { hash });
    return result(true, [...linked].map(([registerId, clubId]) => ({ registerId, clubId })), writer.counts);
  });
}

/** Clubs in the graph that are not register nodes (seed clubs, imported clubs), as the resolver knows them. */
async function clubsOutsideRegister(tx: ManagedTransaction): Promise<KnownClub[]> {
  const rows = await tx.run(
    `MATCH (c:Club) WHERE c.registerOnly IS NULL OR c.registerOnly = false
     RETURN c.id AS id, c.name AS name, coalesce(c.aliases, []) AS aliases, c.country AS country ORDER BY id`,
  );
  return rows.records.map((record) => ({
    id: record.get("id") as string,
    name: record.get("name") as string,
    aliases: record.get("aliases") as string[],
    country: (record.get("country") as string | null) ?? null,
  }));
}

/**
 * Register id → id of the existing club that stands for it. A register club links when its names
 * resolve, in its country and by a strict rule, to one existing club, and only one register club
 * resolves to that club (a club and its reserve team both fitting "Bayern" links neither).
 */
function linkToExistingClubs(clubs: readonly RegisterClub[], existing: readonly KnownClub[], exonyms: ExonymTable): Map<string, string> {
  const claims = new Map<string, string[]>();
  const resolver = createClubResolver({ clubs: existing, exonyms, onlyKnown: true });
  for (const club of clubs) {
    const found = new Set<string>();
    const seen = resolver.matches.length;
    for (const name of [club.name, ...club.aliases.map((alias) => alias.name)]) {
      resolver.idOf({ name, country: club.country, at: { file: club.ref, record: club.registerId, field: "name" } });
    }
    for (const match of resolver.matches.slice(seen)) if (linkingRules.has(match.rule as never)) found.add(match.clubId);
    if (found.size === 1) {
      const [clubId] = found;
      claims.set(clubId!, [...(claims.get(clubId!) ?? []), club.registerId]);
    }
  }
  return new Map([...claims].filter(([, registerIds]) => registerIds.length === 1).map(([clubId, [registerId]]) => [registerId!, clubId]));
}

async function writeRegister(writer: FactWriter, register: ClubRegister, linked: Map<string, string>, exonyms: ExonymTable): Promise<void> {
  await writer.run(
    `MERGE (s:Source {id: $id})
     SET s.kind = "DATASET", s.title = $title, s.repository = $repository, s.commit = $commit, s.licence = "CC0-1.0"`,
    {
      id: registerSourceId,
      title: `Club register: openfootball/clubs at ${registerCommit.slice(0, 7)}`,
      repository: `https://github.com/${registerRepository}`,
      commit: registerCommit,
    },
  );

  const nodeIdOf = (registerId: string) => linked.get(registerId) ?? registerClubNodeId(registerId);
  // A register club that had a node of its own before a seed or import club came to stand for it
  // (an earlier load): the two become one node, the club's, with the relationships of both.
  await writer.run(
    `UNWIND $rows AS row
     MATCH (old:Club {id: row.registerNodeId}), (keep:Club {id: row.id})
     CALL apoc.refactor.mergeNodes([keep, old], {properties: "discard", mergeRels: true}) YIELD node
     RETURN count(node)`,
    { rows: [...linked].map(([registerId, id]) => ({ id, registerNodeId: registerClubNodeId(registerId) })) },
  );
  const clubRows = register.clubs.map((club) => {
    const names = club.aliases.map((alias) => alias.name);
    return {
      id: nodeIdOf(club.registerId),
      registerOnly: !linked.has(club.registerId),
      name: club.name,
      aliases: names,
      aliasText: names.join(" | "),
      nameKeys: nameKeysOf(club.name, names),
      country: countryNameOf.get(club.country) ?? club.country,
      register: {
        registerId: club.registerId,
        registerRef: club.ref,
        registerName: club.name,
        registerAliases: names,
        registerAliasLanguages: club.aliases.map((alias) => alias.language ?? ""),
        registerAliasRefs: club.aliases.map((alias) => alias.ref),
        registerAliasText: [club.name, ...names].join(" | "),
        registerKeys: taggedMatchKeysOf([club.name, ...names], club.city, exonyms),
        countryCode: club.country,
        city: club.city,
        district: club.district,
        foundedYear: club.foundedYear,
        existed: club.existed,
      },
      reserveOf: club.reserveOf ? nodeIdOf(club.reserveOf) : null,
      homeGround: club.homeGround,
    };
  });
  // A club the seeds or an import made keeps its own name and aliases; a register-only one takes the register's.
  await writer.run(
    `UNWIND $rows AS row
     MERGE (c:Club {id: row.id})
     SET c += row.register, c.registerOnly = row.registerOnly
     WITH c, row WHERE row.registerOnly
     SET c.name = row.name, c.aliases = row.aliases, c.aliasText = row.aliasText, c.nameKeys = row.nameKeys,
         c.country = row.country, c.nicknames = coalesce(c.nicknames, []), c.matchKeys = coalesce(c.matchKeys, [])`,
    { rows: clubRows },
  );
  await writer.linkSources("Club", clubRows.map((row) => ({ id: row.id, sources: [registerSourceId] })));
  await writer.run(
    `UNWIND $rows AS row
     MATCH (reserve:Club {id: row.id}), (first:Club {id: row.reserveOf})
     MERGE (reserve)-[:RESERVE_TEAM_OF]->(first)`,
    { rows: clubRows.filter((row) => row.reserveOf) },
  );

  const stadiumRows: { id: string; properties: Record<string, unknown> }[] = register.stadiums.map((stadium) => ({
    id: `stadium:${stadium.registerId.replace(/\//g, "-")}`,
    properties: {
      name: stadium.name,
      aliases: stadium.aliases.map((alias) => alias.name),
      aliasText: stadium.aliases.map((alias) => alias.name).join(" | "),
      nameKeys: nameKeysOf(stadium.name, stadium.aliases.map((alias) => alias.name)),
      city: stadium.city,
      capacity: stadium.capacity,
      openedYear: stadium.openedYear,
      countryCode: stadium.country,
      registerId: stadium.registerId,
      registerRef: stadium.ref,
    },
  }));
  // A home ground the stadium files do not list is a Stadium of its own, named by the club line.
  const listed = new Map(register.stadiums.flatMap((stadium) =>
    nameKeysOf(stadium.name, stadium.aliases.map((alias) => alias.name)).map((key) => [`${stadium.country}:${key}`, `stadium:${stadium.registerId.replace(/\//g, "-")}`]),
  ));
  const grounds: { club: string; stadium: string }[] = [];
  for (const club of register.clubs) {
    if (!club.homeGround) continue;
    const key = `${club.country}:${nameKeysOf(club.homeGround, [])[0]}`;
    let stadiumId = listed.get(key);
    if (!stadiumId) {
      stadiumId = `stadium:${club.country.toLowerCase()}-${slugify(club.homeGround)}`;
      listed.set(key, stadiumId);
      stadiumRows.push({
        id: stadiumId,
        properties: {
          name: club.homeGround, aliases: [], aliasText: "", nameKeys: nameKeysOf(club.homeGround, []), city: club.city,
          capacity: null, openedYear: null, countryCode: club.country, registerId: null, registerRef: club.ref,
        },
      });
    }
    grounds.push({ club: nodeIdOf(club.registerId), stadium: stadiumId });
  }
  await writer.mergeNodes("Stadium", stadiumRows);
  await writer.linkSources("Stadium", stadiumRows.map((row) => ({ id: row.id, sources: [registerSourceId] })));
  // The register's home ground, unless a seed already says where the club plays.
  await writer.run(
    `UNWIND $rows AS row
     MATCH (c:Club {id: row.club}), (s:Stadium {id: row.stadium})
     WHERE NOT (c)-[:HOME_GROUND]->()
     MERGE (c)-[ground:HOME_GROUND {usage: "ALL_HOME_MATCHES"}]->(s)
     SET ground.sourceIds = [$source]`,
    { rows: grounds, source: registerSourceId },
  );
}
