/**
 * Writes a results file (docs/results-format.md) of a given number of knockout ties, for
 * measuring PitchGraph at scale: every competition and season the tie-rule catalogue covers
 * (src/ties/ruleSets.ts) to 2025-26, each a bracket of two-legged rounds (or single matches where
 * the catalogue's rule set says so) ending in a final, between clubs named after European towns.
 * Deterministic: the same arguments write the same file.
 *
 *   npm run bench:generate -- --ties 50000 --out /tmp/ties-50k.json [--chunk 5000]
 *
 * --chunk N also writes the ties in files of N (ties-50k.part-01.json, ...) beside --out: the
 * import takes one transaction per file, so chunks reach a large graph with default settings.
 * Importing into a store: see bench/importIntoStore.ts (npm run bench:import).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { COMPETITIONS, decideTie, findRuleSet, parseResultsFile, tieFactsFromRecord } from "../src/ties/index.ts";

const towns = [
  "Aarhus", "Aberdeen", "Alkmaar", "Antwerp", "Aveiro", "Bacau", "Banja Luka", "Bastia", "Bergen", "Bilbao", "Bochum", "Bologna",
  "Braga", "Brno", "Bruges", "Bursa", "Cagliari", "Celje", "Charleroi", "Cluj", "Constanta", "Cork", "Craiova", "Debrecen",
  "Dnipro", "Drogheda", "Dundee", "Eindhoven", "Elche", "Esbjerg", "Faro", "Ferrol", "Gdansk", "Genk", "Ghent", "Gijon",
  "Gothenburg", "Graz", "Groningen", "Gyor", "Haifa", "Halmstad", "Heerenveen", "Helsinki", "Innsbruck", "Izmir", "Kaunas", "Kosice",
  "Krakow", "Larissa", "Lausanne", "Lens", "Leuven", "Liberec", "Limassol", "Linz", "Lodz", "Lucerne", "Lugano", "Malmo",
  "Maribor", "Metz", "Minsk", "Molde", "Mostar", "Nantes", "Nicosia", "Odense", "Olomouc", "Osijek", "Ostrava", "Patras",
  "Pecs", "Perugia", "Plovdiv", "Poznan", "Rijeka", "Rostov", "Salzburg", "Samsun", "Sevilla", "Skopje", "Sochaux", "Split",
  "Stavanger", "Sion", "Szeged", "Tampere", "Tartu", "Thessaloniki", "Tirana", "Trabzon", "Trondheim", "Turku", "Udine", "Varna",
  "Vigo", "Vilnius", "Wroclaw", "Zilina",
];
const clubKinds = ["FC", "Sporting", "Dynamo", "Racing", "Athletic", "Union", "Olympic", "Spartak", "Rapid", "Vitoria"];
/**
 * Clubs named "<kind> <town>ia" ("FC Bastiaia"): 1,000 distinct names, none of them a club of the
 * seed graph or the club register (whose "SC Bastia" and "CA Bastia" would make "FC Bastia" ambiguous).
 */
const clubNames = clubKinds.flatMap((kind) => towns.map((town) => `${kind} ${town}ia`));

/** Round names as UEFA's records spell them, earliest first (normalizeRound knows them all). */
const roundNames = [
  "Preliminary round", "First qualifying round", "Second qualifying round", "Third qualifying round",
  "Qualifying play-off round", "First round", "Second round", "Round of 32", "R16", "Quarter-finals", "Semi-finals", "Final",
];
const lastSeason = 2025;

/** A small deterministic generator (mulberry32), so a size always gives the same graph. */
function randomNumbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Leg {
  date: string;
  home: string;
  away: string;
  h90: number;
  a90: number;
  hET?: number;
  aET?: number;
  pens?: [number, number];
}

interface GeneratedTie {
  id: string;
  competition: string;
  season: string;
  round: string;
  phase: string;
  legs: Leg[];
  winner: string;
  winner_basis: string;
  source: string;
}

/** "2017-18", or "2017" for a competition that counts calendar years (the Copa Libertadores). */
function seasonLabel(year: number, style: "splitYear" | "calendarYear" | undefined): string {
  return style === "calendarYear" ? String(year) : `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** The competition-seasons the catalogue covers for every round name used, with each round's number of legs. */
function buckets(): { competition: string; season: string; year: number; legsOf: Map<string, 1 | 2> }[] {
  const found = [];
  for (const competition of COMPETITIONS) {
    for (let year = 1955; year <= lastSeason; year += 1) {
      const season = seasonLabel(year, competition.seasons);
      const legsOf = new Map<string, 1 | 2>();
      try {
        for (const round of roundNames) legsOf.set(round, findRuleSet(competition.name, season, round).format.kind === "twoLegs" ? 2 : 1);
      } catch {
        continue; // the catalogue does not cover this competition in this season
      }
      found.push({ competition: competition.name, season, year, legsOf });
    }
  }
  return found;
}

function playedLegs(random: () => number, home: string, away: string, legs: 1 | 2, firstDate: Date): Leg[] {
  const goals = () => Math.floor(random() * random() * 5);
  const dated = (days: number) => new Date(firstDate.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const played: Leg[] = [{ date: dated(0), home, away, h90: goals(), a90: goals() }];
  if (legs === 2) played.push({ date: dated(7), home: away, away: home, h90: goals(), a90: goals() });
  return played;
}

/** The winner under the tie's own rules (src/ties), or null when they need more (a replay, a coin toss). */
function winnerUnderRules(competition: string, season: string, round: string, legs: Leg[]): string | null {
  const recorded = {
    index: 0, id: "generated", competition, season, round, phase: "main", winner: "", winnerBasis: "", source: "", notes: [],
    format: null, decision: null,
    legs: legs.map((leg) => ({
      ...leg, played: true, hET: leg.hET ?? null, aET: leg.aET ?? null, pens: leg.pens ?? null, replay: false, awarded: false, methodNote: null,
    })),
  };
  const outcome = decideTie(tieFactsFromRecord(recorded), findRuleSet(competition, season, round));
  return outcome.status === "DECIDED" && outcome.winner ? outcome.winner.id : null;
}

/**
 * Scores the rules decide: a level tie goes to a goalless extra time and a shoot-out in its last
 * match; where the rules of the day want a replay or a coin toss instead, the scores are drawn again.
 */
function decidedLegs(random: () => number, tie: { competition: string; season: string; round: string; home: string; away: string; legs: 1 | 2; date: Date }) {
  for (;;) {
    const legs = playedLegs(random, tie.home, tie.away, tie.legs, tie.date);
    let winner = winnerUnderRules(tie.competition, tie.season, tie.round, legs);
    if (winner === null) {
      const last = legs[legs.length - 1]!;
      Object.assign(last, { hET: last.h90, aET: last.a90, pens: random() < 0.5 ? [5, 4] : [3, 4] });
      winner = winnerUnderRules(tie.competition, tie.season, tie.round, legs);
    }
    if (winner !== null) return { legs, winner };
  }
}

/** A results file of `tieCount` ties spread evenly over the catalogue's competition-seasons. */
export function generateResultsFile(tieCount: number, seed = 2026) {
  const random = randomNumbers(seed);
  const all = buckets();
  const perBucket = Math.ceil(tieCount / all.length);
  if (perBucket >= clubNames.length) throw new Error(`--ties ${tieCount}: at most ${(clubNames.length - 1) * all.length} ties (${clubNames.length} club names per season)`);
  const ties: GeneratedTie[] = [];
  for (const bucket of all) {
    if (ties.length >= tieCount) break;
    const wanted = Math.min(perBucket, tieCount - ties.length);
    // Rounds from the final backwards: 1, 2, 4, ... ties; the earliest round may be partial
    // (the other entrants have a bye), as in the real qualifying rounds.
    const sizes: number[] = [];
    for (let size = 1, left = wanted; left > 0; size *= 2) {
      sizes.unshift(Math.min(size, left));
      left -= sizes[0]!;
    }
    if (sizes.length > roundNames.length) throw new Error(`--ties ${tieCount}: more than ${roundNames.length} rounds per season`);
    const rounds = roundNames.slice(roundNames.length - sizes.length);
    const pool = [...clubNames].sort(() => random() - 0.5);
    let fresh = 0;
    let advancing: string[] = [];
    sizes.forEach((size, roundIndex) => {
      const round = rounds[roundIndex]!;
      const entrants = [...advancing];
      while (entrants.length < size * 2) entrants.push(pool[fresh++]!);
      advancing = [];
      const roundDate = new Date(Date.UTC(bucket.year, 8, 1) + roundIndex * 21 * 86_400_000);
      for (let index = 0; index < size; index += 1) {
        const [home, away] = [entrants[index * 2]!, entrants[index * 2 + 1]!];
        const { legs, winner } = decidedLegs(random, { ...bucket, round, home, away, legs: bucket.legsOf.get(round)!, date: roundDate });
        advancing.push(winner);
        ties.push({
          id: `gen-${slug(bucket.competition)}-${bucket.season}-${slug(round)}-${index + 1}`,
          competition: bucket.competition,
          season: bucket.season,
          round,
          phase: "main",
          legs,
          winner,
          winner_basis: "generated: the winner under the catalogue's rules",
          source: "bench/generateResultsFile.ts",
        });
      }
    });
  }
  return {
    about: `Synthetic knockout ties for benchmarks (${ties.length} ties), generated by bench/generateResultsFile.ts; not real results.`,
    sources: ["bench/generateResultsFile.ts (synthetic)"],
    ties,
  };
}

/** Writes the file (and its chunks); returns the paths written, whole file first. */
export function writeResultsFile(tieCount: number, out: string, chunk?: number): string[] {
  const file = generateResultsFile(tieCount);
  parseResultsFile(file, path.basename(out)); // the importer's own check: fail here, not at import
  writeFileSync(out, JSON.stringify(file));
  const written = [out];
  if (chunk) {
    for (let start = 0, part = 1; start < file.ties.length; start += chunk, part += 1) {
      const partPath = out.replace(/\.json$/, "") + `.part-${String(part).padStart(2, "0")}.json`;
      writeFileSync(partPath, JSON.stringify({ ...file, ties: file.ties.slice(start, start + chunk) }));
      written.push(partPath);
    }
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { ties: { type: "string" }, out: { type: "string" }, chunk: { type: "string" } } });
  const tieCount = Number(values.ties);
  if (!Number.isInteger(tieCount) || tieCount < 1 || !values.out) {
    console.error("usage: npm run bench:generate -- --ties 50000 --out /tmp/ties-50k.json [--chunk 5000]");
    process.exit(2);
  }
  const written = writeResultsFile(tieCount, path.resolve(values.out), values.chunk ? Number(values.chunk) : undefined);
  console.log(`wrote ${tieCount} ties to ${written[0]}${written.length > 1 ? ` and ${written.length - 1} chunk files` : ""}`);
}
