/**
 * Turns a parsed results file (../shared/data/uefa-ties format, parsed by src/ties/resultsFile.ts)
 * into a batch of facts in the seed format, so one writer (writeFacts) serves both.
 *
 * Names become graph entities like this:
 * - a competition is the existing one whose name or alias matches (case/accent-insensitively),
 *   else a new one;
 * - a club is whatever the one club resolver (src/identity/createClubResolver.ts) says: a club
 *   of the graph (seeded, from the register, imported) by the name rules, or a new club that
 *   later spellings in the file join. An ambiguous or damaged name is a problem the resolver
 *   records (file, record, field); the caller must refuse the file when there are any.
 * Pure: the existing entities are passed in.
 */
import type { ClubResolver } from "../identity/ClubMention.ts";
import { createClubResolver, type KnownClub } from "../identity/createClubResolver.ts";
import { normalizeName } from "../names/normalizeName.ts";
import { slugify } from "../names/slugify.ts";
import type { SeedClub, SeedCompetition, SeedFile, SeedMatch, SeedSeason, SeedStage, SeedTie } from "../seeds/seedFormat.ts";
import { COMPETITIONS, type RecordedTie, type ResultsFile } from "../ties/index.ts";

export interface ExistingEntity {
  id: string;
  nameKeys: string[];
}

export interface ExistingGraph {
  competitions: ExistingEntity[];
  clubs: KnownClub[];
}

/** Id of the Source node that stands for a results file. */
export function datasetSourceId(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return `dataset:${base.replace(/\.json$/i, "")}`;
}

/** The one existing entity answering to this key, or null when none or several do. */
function uniqueMatch(entities: ExistingEntity[], key: string): ExistingEntity | null {
  const matches = entities.filter((entity) => entity.nameKeys.includes(key));
  return matches.length === 1 ? matches[0]! : null;
}

/** Gives `base`, or `base-2`, `base-3`... whichever is not taken yet. */
function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Maps names to ids: the same key (name normalised) gives the same id within the file; the first
 * time, the one existing entity answering to it, or else a new one made by `create`.
 */
function entityResolver(
  existing: ExistingEntity[],
  kind: string,
  takenIds: Set<string>,
  create: (id: string, name: string) => void,
): (name: string) => string {
  const idByKey = new Map<string, string>();
  return (name) => {
    const key = normalizeName(name);
    const known = idByKey.get(key);
    if (known) return known;
    const match = uniqueMatch(existing, key);
    const id = match?.id ?? freeId(`${kind}:${slugify(name)}`, takenIds);
    if (!match) create(id, name);
    idByKey.set(key, id);
    return id;
  };
}

/**

 * The facts of a results file.
 * - `clubResolver` decides every club name; by default one over `existing.clubs` without exonyms
 *   (importFile passes the graph's, with the register's exonyms, and reads its report: new clubs,
 *   near-misses, problems).
 * - `ruleSetIds`: the rule set checked for each tie (by results-file tie id), where it may differ
 *   from what the catalogue gives for the stage (a tie the file states was a single match in a
 *   two-legged round).
 */
export function resultsToFacts(
  file: ResultsFile,
  existing: ExistingGraph,
  options: {
    clubResolver?: ClubResolver & { newClubs: readonly { id: string; name: string }[] };
    ruleSetIds?: ReadonlyMap<string, string>;
  } = {},
): SeedFile {
  const clubResolver =
    options.clubResolver ??
    createClubResolver({ clubs: existing.clubs, takenIds: existing.competitions.map((competition) => competition.id) });
  const ruleSetIds = options.ruleSetIds ?? new Map<string, string>();
  const sourceId = datasetSourceId(file.fileName);
  const sources = [sourceId];
  const takenIds = new Set([...existing.competitions, ...existing.clubs].map((entity) => entity.id));

  const competitions = new Map<string, SeedCompetition>();
  // A new competition the tie-rule catalogue knows takes the catalogue's other names as aliases.
  const competitionIdOf = entityResolver(existing.competitions, "competition", takenIds, (id, name) =>
    competitions.set(id, { id, name, aliases: catalogueAliasesOf(name), sources }),
  );
  const clubAt = (tie: RecordedTie, field: string) => (name: string) =>
    clubResolver.idOf({ name, at: { file: file.fileName, record: `tie "${tie.id}"`, field } });

  const seasons = new Map<string, SeedSeason>();
  const stages = new Map<string, SeedStage>();
  const ties: SeedTie[] = [];
  const matches: SeedMatch[] = [];

  for (const tie of file.ties) {
    const clubIdOf = (field: string, name: string) => clubAt(tie, field)(name);
    const competitionId = competitionIdOf(tie.competition);
    const seasonId = `season:${competitionId.replace(/^competition:/, "")}-${tie.season}`;
    if (!seasons.has(seasonId)) seasons.set(seasonId, { id: seasonId, competition: competitionId, label: tie.season, sources });
    const stageId = `stage:${seasonId.replace(/^season:/, "")}-${slugify(tie.round)}`;
    if (!stages.has(stageId)) stages.set(stageId, { id: stageId, season: seasonId, name: tie.round, sources });

    const first = tie.legs[0]!;
    const tieId = `tie:${tie.id}`;
    ties.push({
      id: tieId,
      stage: stageId,
      clubs: [clubIdOf("legs[0].home", first.home), clubIdOf("legs[0].away", first.away)],
      ...(tie.winner !== null ? { sourceWinnerName: tie.winner } : {}),
      ...(ruleSetIds.has(tie.id) ? { ruleSetId: ruleSetIds.get(tie.id)! } : {}),
      ...recordedDecisionOf(tie, clubIdOf),
      sources,
    });
    tie.legs.forEach((leg, index) => {
      matches.push({
        id: `match:${tie.id}-leg${index + 1}`,
        tie: tieId,
        legNumber: index + 1,
        isReplay: leg.replay,
        played: leg.played,
        ...(leg.date ? { date: leg.date } : {}),
        home: clubIdOf(`legs[${index}].home`, leg.home),
        away: clubIdOf(`legs[${index}].away`, leg.away),
        ...(leg.h90 !== null && leg.a90 !== null ? { homeScore: leg.h90, awayScore: leg.a90 } : {}),
        ...(leg.hET !== null && leg.aET !== null ? { homeScoreAfterExtraTime: leg.hET, awayScoreAfterExtraTime: leg.aET } : {}),
        ...(leg.pens ? { homePenalties: leg.pens[0], awayPenalties: leg.pens[1] } : {}),
        ...(leg.awarded ? { awarded: true, awardedNote: leg.methodNote ?? "awarded" } : {}),
        goals: [],
        sources,
      });
    });
  }

  return {
    sources: [{ id: sourceId, kind: "DATASET", title: `Results file ${file.fileName.split(/[\\/]/).pop()}` }],
    competitions: [...competitions.values()],
    clubs: clubResolver.newClubs.map((club): SeedClub => ({ id: club.id, name: club.name, aliases: [], sources })),
    seasons: [...seasons.values()],
    stages: [...stages.values()],
    ties,
    matches,
  };
}

function catalogueAliasesOf(name: string): string[] {
  const known = COMPETITIONS.find((competition) => competition.aliases.some((alias) => normalizeName(alias) === normalizeName(name)));
  return known ? known.aliases.filter((alias) => normalizeName(alias) !== normalizeName(name)) : [];
}

const decisionKinds = { coin_toss: "COIN_TOSS", awarded: "AWARDED", replay_ordered: "REPLAY_ORDERED" } as const;

/**
 * The tie's recorded decision: the file's `decision` field, or else (the older way) a coin toss in a
 * leg's method note, which goes to the recorded winner.
 */
function recordedDecisionOf(tie: RecordedTie, clubIdOf: (field: string, name: string) => string): Partial<SeedTie> {
  if (tie.decision) {
    return {
      recordedDecision: decisionKinds[tie.decision.kind],
      ...(tie.decision.winner !== null ? { recordedWinner: clubIdOf("decision.winner", tie.decision.winner) } : {}),
      recordedDecisionNote: tie.decision.reason,
    };
  }
  const note = tie.legs.map((leg) => leg.methodNote).find((text) => text !== null && /coin toss|drawing of lots/i.test(text));
  if (!note || tie.winner === null) return {};
  return { recordedDecision: "COIN_TOSS", recordedWinner: clubIdOf("winner", tie.winner), recordedDecisionNote: note };
}
