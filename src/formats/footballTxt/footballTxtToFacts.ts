/**
 * Turns a parsed Football.TXT file into one batch of facts in the seed format, so the one writer
 * (src/importing/writeFacts.ts) serves it as it serves seeds and results files.
 *
 * - Competition: the existing one whose name or alias matches the header, else a new one named as
 *   the header names it, with the tie-rule catalogue's other names as aliases.
 * - Clubs: every "Team (CTY)" goes to the one club resolver (src/identity) as a ClubMention.
 * - Season, stages ("Group stage", "League phase", "Round of 16"...), ties and matches get the
 *   same stable ids the seeds use ("tie:<stage>-<home>-<away>", "...-leg1"), so a match the seeds
 *   already hold is recognised by id as well as by competition, season, date and clubs.
 * - Group and league-phase matches belong to no tie: they sit in their stage (Match.stage).
 * - Scorers of goal lines become players: the existing player whose name matches, when exactly
 *   one does, else a new one.
 * Pure: the resolvers are passed in.
 */
import type { RecordingClubResolver } from "../../identity/createClubResolver.ts";
import { countries } from "../../identity/countries.ts";
import { normalizeName } from "../../names/normalizeName.ts";
import { slugify } from "../../names/slugify.ts";
import type { SeedCompetition, SeedFile, SeedGoal, SeedMatch, SeedPlayer, SeedSource, SeedStadium, SeedStage, SeedTie } from "../../seeds/seedFormat.ts";
import { COMPETITIONS } from "../../ties/index.ts";
import { STAGE_ORDER, type FootballTxtFile, type FootballTxtMatch } from "./parseFootballTxt.ts";

export interface NamedEntity {
  id: string;
  nameKeys: string[];
}

export interface FootballTxtContext {
  /** The Source node the batch speaks for. */
  source: SeedSource;
  /** The one club resolver; the clubs it creates for this file go into the batch. */
  clubs: RecordingClubResolver;
  existing: { competitions: NamedEntity[]; players: NamedEntity[]; stadiums: NamedEntity[] };
  /** Ids already in the graph, so new players and stadiums never take one. */
  takenIds: Iterable<string>;
}

export function footballTxtToFacts(file: FootballTxtFile, context: FootballTxtContext): SeedFile {
  const sources = [context.source.id];
  const takenIds = new Set(context.takenIds);
  const freeId = (base: string): string => {
    let id = base;
    for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
    takenIds.add(id);
    return id;
  };
  // Ties and matches keep the id their stage and clubs give, even when the graph holds it already:
  // that is the same match, reconciled by the importer. Only repeats within the file are numbered.
  const batchIds = new Set<string>();
  const batchId = (base: string): string => {
    let id = base;
    for (let n = 2; batchIds.has(id); n++) id = `${base}-${n}`;
    batchIds.add(id);
    return id;
  };
  const slugOf = (id: string) => id.slice(id.indexOf(":") + 1);

  const competitions: SeedCompetition[] = [];
  const competitionKey = normalizeName(file.competition);
  const knownCompetition = uniqueByKey(context.existing.competitions, competitionKey);
  const competitionId = knownCompetition?.id ?? `competition:${slugify(file.competition)}`;
  if (!knownCompetition) {
    const catalogue = COMPETITIONS.find((competition) => competition.aliases.some((alias) => normalizeName(alias) === competitionKey));
    const aliases = (catalogue?.aliases ?? []).filter((alias) => normalizeName(alias) !== competitionKey);
    competitions.push({ id: competitionId, name: file.competition, aliases, organiser: "UEFA", sources });
  }

  const seasonId = `season:${slugOf(competitionId)}-${file.season}`;
  const stageIdOf = (stage: string) => `stage:${slugOf(seasonId)}-${slugify(stage)}`;
  const stages = new Map<string, SeedStage>();
  for (const match of file.matches) {
    const id = stageIdOf(match.stage);
    if (!stages.has(id)) {
      stages.set(id, { id, season: seasonId, name: match.stage, ordinal: STAGE_ORDER.indexOf(match.stage as never) + 1, sources });
    }
  }

  const players = new Map<string, SeedPlayer>();
  const playerIdOf = entityIdOf(context.existing.players, "player", freeId, (id, name) => players.set(id, { id, name, aliases: [], sources }));
  const stadiums = new Map<string, SeedStadium>();
  const stadiumIdOf = entityIdOf(context.existing.stadiums, "stadium", freeId, (id, name, city) =>
    stadiums.set(id, { id, name, aliases: [], ...(city ? { city } : {}), sources }),
  );

  const clubIds = file.matches.map((match) => ({ home: context.clubs.idOf(match.home), away: context.clubs.idOf(match.away) }));
  const ties: SeedTie[] = [];
  const matches: SeedMatch[] = [];
  const matchFacts = (index: number, ids: { id: string; tie?: string; legNumber: number }): SeedMatch => {
    const match = file.matches[index]!;
    const { home, away } = clubIds[index]!;
    return {
      ...ids,
      ...(ids.tie ? {} : { stage: stageIdOf(match.stage) }),
      ...(match.group ? { group: match.group } : {}),
      ...(match.matchday ? { matchday: match.matchday } : {}),
      ...(match.kickOff ? { kickOffTime: match.kickOff } : {}),
      date: match.date,
      home,
      away,
      played: match.fullTime !== undefined,
      ...(match.cancelled ? { cancelled: true } : {}),
      ...scoreFacts(match),
      ...(match.awarded ? { awarded: true, awardedNote: "awarded (the source marks the score [awarded])" } : {}),
      ...(match.venue ? { stadium: stadiumIdOf(match.venue.stadium, match.venue.city) } : {}),
      goals: match.goals.map(
        (goal, order): SeedGoal => ({
          order: order + 1,
          minute: goal.minute,
          ...(goal.addedTime !== undefined ? { addedTime: goal.addedTime } : {}),
          club: goal.side === "home" ? home : away,
          scorer: playerIdOf(goal.scorer),
          penalty: goal.penalty,
          ownGoal: goal.ownGoal,
          sources,
        }),
      ),
      sources,
    };
  };

  const inTie = new Set(file.ties.flatMap((tie) => tie.legs));
  for (const tie of file.ties) {
    const first = clubIds[tie.legs[0]!]!;
    const tieId = batchId(`tie:${slugOf(stageIdOf(tie.stage))}-${slugOf(first.home)}-${slugOf(first.away)}`);
    ties.push({ id: tieId, stage: stageIdOf(tie.stage), clubs: [first.home, first.away], sources });
    tie.legs.forEach((index, leg) => matches.push(matchFacts(index, { id: batchId(`match:${slugOf(tieId)}-leg${leg + 1}`), tie: tieId, legNumber: leg + 1 })));
  }
  file.matches.forEach((match, index) => {
    if (inTie.has(index)) return;
    const { home, away } = clubIds[index]!;
    matches.push(matchFacts(index, { id: batchId(`match:${slugOf(stageIdOf(match.stage))}-${slugOf(home)}-${slugOf(away)}`), legNumber: 1 }));
  });

  return {
    sources: [context.source],
    competitions,
    clubs: context.clubs.newClubs.map((club) => ({
      id: club.id,
      name: club.name,
      aliases: [],
      // The graph's Club.country is the English name, as in the seeds; the code is what the file wrote.
      ...(club.country ? { country: countries.find((country) => country.code === club.country)?.name ?? club.country } : {}),
      sources,
    })),
    players: [...players.values()],
    stadiums: [...stadiums.values()],
    seasons: [{ id: seasonId, competition: competitionId, label: file.season, sources }],
    stages: [...stages.values()],
    ties,
    matches,
  };
}

function scoreFacts(match: FootballTxtMatch): Partial<SeedMatch> {
  return {
    ...(match.fullTime ? { homeScore: match.fullTime[0], awayScore: match.fullTime[1] } : {}),
    ...(match.halfTime ? { homeScoreAtHalfTime: match.halfTime[0], awayScoreAtHalfTime: match.halfTime[1] } : {}),
    ...(match.afterExtraTime ? { homeScoreAfterExtraTime: match.afterExtraTime[0], awayScoreAfterExtraTime: match.afterExtraTime[1] } : {}),
    ...(match.penalties ? { homePenalties: match.penalties[0], awayPenalties: match.penalties[1] } : {}),
  };
}

function uniqueByKey(entities: readonly NamedEntity[], key: string): NamedEntity | null {
  const found = entities.filter((entity) => entity.nameKeys.includes(key));
  return found.length === 1 ? found[0]! : null;
}

/** Name to id within one batch: the one existing entity answering to the name, else a new one. */
function entityIdOf(
  existing: readonly NamedEntity[],
  kind: string,
  freeId: (base: string) => string,
  create: (id: string, name: string, detail?: string) => void,
): (name: string, detail?: string) => string {
  const byKey = new Map<string, string>();
  return (name, detail) => {
    const key = normalizeName(name);
    const known = byKey.get(key) ?? uniqueByKey(existing, key)?.id;
    if (known) return known;
    const id = freeId(`${kind}:${slugify(name)}`);
    create(id, name, detail);
    byKey.set(key, id);
    return id;
  };
}
