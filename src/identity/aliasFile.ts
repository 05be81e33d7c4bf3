/**
 * The alias file: a user's way to say "this name is that club" where the name rules cannot
 * (docs/identity.md). JSON:
 *
 *     { "about": "why these aliases",
 *       "clubAliases": [ { "name": "SEC Bastia", "club": "fra/sc-bastia" },
 *                        { "name": "Sporting", "club": "club:sc-braga" } ] }
 *
 * `club` is a club id ("club:borussia-dortmund") or a register id ("ger/bayern-munchen").
 * Imported like any file (`npm run import -- aliases.json`): each name becomes an alias of its
 * club, REPORTED_BY the file, used from then on by every import, `tie` and `search`.
 */
export interface ClubAliasEntry {
  name: string;
  club: string;
}

export interface AliasFile {
  about: string | null;
  clubAliases: ClubAliasEntry[];
}

/** True when parsed JSON looks like an alias file (it has a `clubAliases` array). */
export function isAliasFile(content: unknown): boolean {
  return typeof content === "object" && content !== null && Array.isArray((content as { clubAliases?: unknown }).clubAliases);
}

/** The entries, or the problems of each bad one ("clubAliases[2], field name: ..."). */
export function parseAliasFile(content: unknown): { file: AliasFile; problems: string[] } {
  const problems: string[] = [];
  const raw = (content as { clubAliases: unknown[]; about?: unknown });
  const clubAliases: ClubAliasEntry[] = [];
  raw.clubAliases.forEach((entry, index) => {
    const at = `clubAliases[${index}]`;
    if (typeof entry !== "object" || entry === null) return void problems.push(`${at}: not an object with "name" and "club"`);
    const { name, club } = entry as { name?: unknown; club?: unknown };
    if (typeof name !== "string" || !name.trim()) problems.push(`${at}, field name: must be a non-empty string`);
    if (typeof club !== "string" || !club.trim()) problems.push(`${at}, field club: must be a club id or a register id`);
    if (typeof name === "string" && typeof club === "string" && name.trim() && club.trim()) clubAliases.push({ name: name.trim(), club: club.trim() });
  });
  return { file: { about: typeof raw.about === "string" ? raw.about : null, clubAliases }, problems };
}
