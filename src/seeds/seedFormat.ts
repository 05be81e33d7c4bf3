/**
 * The seed format: facts taken from the match reports, as data (never the reports' sentences).
 *
 * Every file in seeds/ is a JSON object holding any of the arrays below; the loader merges
 * all files, validates every record and every reference across files, then writes the graph
 * in one transaction with MERGE on stable ids, so loading twice changes nothing.
 *
 * Ids are stable slugs with a kind prefix: "club:borussia-dortmund", "player:andre-schurrle",
 * "match:2017-18-uel-r32-dortmund-atalanta-leg1". Every fact carries `sources`: ids of Source
 * records ("000_f5e06081ba05248a" for a seed report, "reference:general-knowledge" for facts we
 * add from general knowledge), so the graph can always answer "who says so?".
 * See docs/seed-format.md for the full description.
 */

export type SourceKind = "REPORT" | "REFERENCE" | "DATASET";

export interface SeedSource {
  id: string;
  kind: SourceKind;
  /** ISO 639-1 language of the text, e.g. "en", "nl". */
  language?: string;
  /** ISO date (YYYY-MM-DD) the source was published, when it gives one. */
  publishedOn?: string;
  /** True when publishedOn is worked out rather than printed. */
  publishedOnDerived?: boolean;
  /** A short title of our own; never the report's headline copied. */
  title: string;
}

/** Anything a report states: it names the sources that state it. */
export interface Sourced {
  sources: string[];
}

export interface SeedNamedEntity extends Sourced {
  id: string;
  name: string;
  /** Other names and spellings found in the sources or in common use. */
  aliases: string[];
}

export interface SeedCompetition extends SeedNamedEntity {
  organiser?: string;
}

export interface SeedClub extends SeedNamedEntity {
  country?: string;
}

export interface SeedPlayer extends SeedNamedEntity {
  nationality?: string;
  position?: string;
}

export interface SeedStadium extends SeedNamedEntity {
  city?: string;
}

export type SeedCoach = SeedNamedEntity;

export interface SeedSeason extends Sourced {
  id: string;
  competition: string;
  /** "2017-18" */
  label: string;
  /** Optional override; by default the catalogue in src/ties picks it by competition and season. */
  ruleSetId?: string;
}

export interface SeedStage extends Sourced {
  id: string;
  season: string;
  name: string;
  ordinal?: number;
}

export interface SeedTie extends Sourced {
  id: string;
  stage: string;
  /** The two clubs, the club at home in the first match first. */
  clubs: [string, string];
  /** Optional override of the rule set the catalogue would pick. */
  ruleSetId?: string;
  /** A decision scores cannot give, recorded as a fact (coin toss, tie awarded). */
  recordedDecision?: "COIN_TOSS" | "AWARDED" | "REPLAY_ORDERED";
  recordedWinner?: string;
  recordedDecisionNote?: string;
  /** The winner's name as an imported results file records it (to compare with the computed outcome). */
  sourceWinnerName?: string;
}

export type GoalPeriod = "FIRST_HALF" | "SECOND_HALF" | "EXTRA_TIME";

export interface SeedGoal extends Sourced {
  /** 1 for the match's first goal: the order is known even when minutes are not. */
  order: number;
  minute?: number;
  /** Stoppage time: 90+3 is minute 90, addedTime 3. */
  addedTime?: number;
  /** When no minute is stated: the period the report places the goal in. */
  period?: GoalPeriod;
  scorer?: string;
  assist?: string;
  /** The club credited with the goal (for an own goal, the club that benefits). */
  club: string;
  penalty?: boolean;
  ownGoal?: boolean;
}

export interface SeedMatch extends Sourced {
  id: string;
  tie: string;
  legNumber: number;
  isReplay?: boolean;
  /** False for a scheduled match not yet played; default true. */
  played?: boolean;
  date?: string;
  dateDerived?: boolean;
  home: string;
  away: string;
  homeScore?: number;
  awayScore?: number;
  homeScoreAfterExtraTime?: number;
  awayScoreAfterExtraTime?: number;
  homePenalties?: number;
  awayPenalties?: number;
  stadium?: string;
  attendance?: number;
  /** The score stands by decision of the organiser (walkover, forfeit), not as played. */
  awarded?: boolean;
  awardedNote?: string;
  goals: SeedGoal[];
}

/** The arrays a seed file may hold. */
export interface SeedFile {
  sources?: SeedSource[];
  competitions?: SeedCompetition[];
  clubs?: SeedClub[];
  players?: SeedPlayer[];
  stadiums?: SeedStadium[];
  coaches?: SeedCoach[];
  seasons?: SeedSeason[];
  stages?: SeedStage[];
  ties?: SeedTie[];
  matches?: SeedMatch[];
}
