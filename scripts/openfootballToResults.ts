/**
 * Converts openfootball's Football.TXT season files (github.com/openfootball/champions-league,
 * CC0) into a results file (docs/results-format.md), to check the tie engine on results from
 * outside the project:
 *
 *   npx tsx scripts/openfootballToResults.ts <git dir> <season/file.txt>... > out.json
 *   npx tsx src/ties/checkResultsFile.ts out.json
 *
 * e.g. `npx tsx scripts/openfootballToResults.ts ../champions-league/.git
 * 2019-20/cl.txt 2024-25/clq.txt`. Only knockout rounds are read. Two matches of the same round
 * between the same clubs are a two-legged tie; one match is a single-match tie. The recorded winner
 * is the club that plays in the next round of the same file (a source fact independent of the
 * engine); for a last round (the final) none is recorded and the engine decides.
 * A development tool: it reads files you point it at and writes to stdout, nothing else.
 */
import { execFileSync } from "node:child_process";

interface Match {
  date: string;
  home: string;
  away: string;
  h90: number | null;
  a90: number | null;
  hET?: number;
  aET?: number;
  pens?: [number, number];
}

const months: Record<string, string> = {
  Jan: "01", Feb: "02", Mar: "03", Apr: "04", May: "05", Jun: "06", Jul: "07", Aug: "08", Sep: "09", Oct: "10", Nov: "11", Dec: "12",
};

const competitions: Record<string, string> = {
  "cl.txt": "UEFA Champions League", "clq.txt": "UEFA Champions League",
  "el.txt": "UEFA Europa League", "elq.txt": "UEFA Europa League",
  "conf.txt": "UEFA Conference League", "confq.txt": "UEFA Conference League",
};

/** The round as our catalogue names it, or null for a group or league phase. */
function roundName(header: string, qualifying: boolean): string | null {
  const name = header.replace(/^Finals,\s*/, "").trim();
  if (/group|gruppe|league phase|league,|matchday/i.test(name) && !/^playoffs, matchday/i.test(name)) return null;
  if (qualifying) {
    const round = /^(?:Round (\d)|(\d)\. Round)$/.exec(name);
    if (round) return ["First", "Second", "Third"][Number(round[1] ?? round[2]) - 1] + " qualifying round";
    if (/^play-?offs?$/i.test(name)) return "Play-off round";
  }
  // In a main file the play-offs are the knockout round play-offs (after the group or league phase).
  if (/^play-?offs?(, matchday \d)?$/i.test(name)) return "Knockout round play-offs";
  if (/sechzehntelfinale/i.test(name)) return "Round of 32";
  return name.replace(/^Quarterfinals$/, "Quarter-finals").replace(/^Semifinals$/, "Semi-finals");
}

function parseFile(text: string, qualifying: boolean): Map<string, Match[]> {
  const rounds = new Map<string, Match[]>();
  let round: string | null = null;
  let year = "";
  let date = "";
  for (const line of text.split(/\r?\n/)) {
    const header = /^»\s*(.+)$/.exec(line);
    if (header) {
      round = roundName(header[1]!, qualifying);
      continue;
    }
    const day = /^\s+\w{3} (\w{3})\/(\d{1,2})(?: (\d{4}))?\s*$/.exec(line);
    if (day) {
      if (day[3]) year = day[3];
      date = `${year}-${months[day[1]!]}-${day[2]!.padStart(2, "0")}`;
      continue;
    }
    if (!round) continue;
    const game = /^\s+(?:\d{2}\.\d{2}\s+)?(.+?) \([A-Z]{3}\)\s+v (.+?) \([A-Z]{3}\)\s+(.+)$/.exec(line);
    if (!game) continue;
    const result = game[3]!.trim();
    const pens = /^(\d+)-(\d+) pen\.\s*/.exec(result);
    const rest = pens ? result.slice(pens[0].length) : result;
    const aet = /^(\d+)-(\d+) a\.e\.t\. \((\d+)-(\d+)/.exec(rest);
    const ft = /^(\d+)-(\d+)/.exec(rest);
    if (!ft) continue; // postponed or unplayed
    const match: Match = aet
      ? { date, home: game[1]!, away: game[2]!, h90: Number(aet[3]), a90: Number(aet[4]), hET: Number(aet[1]), aET: Number(aet[2]) }
      : { date, home: game[1]!, away: game[2]!, h90: Number(ft[1]), a90: Number(ft[2]) };
    if (pens) match.pens = [Number(pens[1]), Number(pens[2])];
    rounds.set(round, [...(rounds.get(round) ?? []), match]);
  }
  return rounds;
}

function main(argv: string[]): void {
  const [gitDir, ...files] = argv;
  if (!gitDir || files.length === 0) {
    console.error("usage: npx tsx scripts/openfootballToResults.ts <git dir> <season/file.txt>...");
    process.exitCode = 2;
    return;
  }
  const ties: unknown[] = [];
  for (const file of files) {
    const [season, base] = file.split("/") as [string, string];
    const commit = execFileSync("git", ["-C", gitDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const text = execFileSync("git", ["-C", gitDir, "show", `HEAD:${file}`], { encoding: "utf8" });
    const rounds = [...parseFile(text, base.includes("q.")).entries()];
    rounds.forEach(([round, matches], index) => {
      const next = new Set((rounds[index + 1]?.[1] ?? []).flatMap((m) => [m.home, m.away]));
      const byPair = new Map<string, Match[]>();
      for (const match of matches) {
        const key = [match.home, match.away].sort().join(" v ");
        byPair.set(key, [...(byPair.get(key) ?? []), match]);
      }
      for (const legs of byPair.values()) {
        const first = legs[0]!;
        const winners = [first.home, first.away].filter((club) => next.has(club));
        ties.push({
          id: `of-${base.replace(".txt", "")}-${season}-${round}-${first.home}-${first.away}`.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
          competition: competitions[base] ?? base,
          season,
          round,
          legs,
          ...(winners.length === 1 ? { winner: winners[0], winner_basis: "plays in the next round of the same file" } : {}),
          source: `openfootball/champions-league@${commit}:${file}`,
        });
      }
    });
  }
  console.log(JSON.stringify({ about: `Knockout ties converted from openfootball/champions-league (${files.join(", ")})`, sources: ["openfootball/champions-league (CC0)"], ties }, null, 1));
}

main(process.argv.slice(2));
