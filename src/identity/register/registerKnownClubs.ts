/**
 * The register's clubs as the resolver knows them, before they are in the graph (for checks
 * and reports that run without a database). In the graph, the same names are on Club nodes.
 */
import type { KnownClub } from "../createClubResolver.ts";
import type { RegisterClub } from "./parseClubRegister.ts";
import { registerSourceId } from "./readClubRegister.ts";

/** Node id of a register club that no seed club stands for: "ger/bayern-munchen" → "club:ger-bayern-munchen". */
export function registerClubNodeId(registerId: string): string {
  return `club:${registerId.replace(/\//g, "-")}`;
}

export function registerKnownClubs(clubs: readonly RegisterClub[]): KnownClub[] {
  return clubs.map((club) => ({
    id: registerClubNodeId(club.registerId),
    name: { name: club.name, source: registerSourceId, ref: club.ref },
    aliases: club.aliases.map((alias) => ({ ...alias, source: registerSourceId })),
    country: club.country,
    registerId: club.registerId,
  }));
}
