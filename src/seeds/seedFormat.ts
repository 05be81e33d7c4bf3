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
  /** Outlets the source itself names as its sources (not checked: see `note`). */
  citedOutlets?: string[];
  /** What to know when weighing this source, in our words. */
  note?: string;
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
  /** Nicknames ("La Dea"): searchable, but not names that identify the club in a tie lookup. */
  nicknames?: string[];
  /** Grounds it plays home matches at: (Club)-[:HOME_GROUND]->(Stadium). */
  grounds?: SeedGroundUse[];
  /** Competition seasons a source says it entered: (Club)-[:ENTERED]->(Season). */
  seasons?: SeedSeasonEntry[];
}

export interface SeedPlayer extends SeedNamedEntity {
  nationality?: string;
  position?: string;
  /** Clubs a source places the player at: (Player)-[:PLAYED_FOR]->(Club). */
  clubs?: SeedPlayedFor[];
}

export interface SeedStadium extends SeedNamedEntity {
  city?: string;
}

export interface SeedCoach extends SeedNamedEntity {
  /** Clubs coached: (Coach)-[:COACHED]->(Club). */
  clubs?: SeedCoaching[];
  /** Coaches this one took over from: (Coach)-[:SUCCEEDED]->(Coach). */
  succeeded?: SeedSuccession[];
}

/**
 * A date as precise as the source: "2017", "2017-12" or "2017-12-10". Used where reports give
 * a month ("dismissed in December") rather than a day.
 */
export type PartialDate = string;

export type GroundUsage = "ALL_HOME_MATCHES" | "EUROPEAN_HOME_MATCHES";

export interface SeedGroundUse extends Sourced {
  stadium: string;
  usage: GroundUsage;
  /** Season label when the use is tied to one ("2017-18"); none for a club's own ground. */
  season?: string;
  note?: string;
}

export interface SeedSeasonEntry extends Sourced {
  season: string;
  /** The club's first season in European competition. */
  debut?: boolean;
  /** When the place was secured. */
  qualifiedOn?: PartialDate;
  note?: string;
}

export interface SeedPlayedFor extends Sourced {
  club: string;
  /** Season label the source places him there; none for a former club without dates. */
  season?: string;
  /** The source calls it a former club. */
  former?: boolean;
  /** The source names him the club's captain that season. */
  captain?: boolean;
  note?: string;
}

export interface SeedCoaching extends Sourced {
  club: string;
  from?: PartialDate;
  to?: PartialDate;
  note?: string;
}

export interface SeedSuccession extends Sourced {
  /** The coach taken over from. */
  coach: string;
  /** The club where it happened. */
  club: string;
  on?: PartialDate;
  note?: string;
}

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
  /** The day of the draw for this stage. */
  drawDate?: string;
  drawDateDerived?: boolean;
  /** For a stage played as one match at a venue fixed in advance (a final): its day and city. */
  date?: string;
  city?: string;
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

export type SetPiece = "CORNER" | "FREE_KICK" | "THROW_IN";

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
  /** The set piece the goal came from, when a report names it. */
  setPiece?: SetPiece;
  /** When it fell, in our words, where the minute is missing or reports differ ("in stoppage time"). */
  timing?: string;
}

export interface SeedMatch extends Sourced {
  id: string;
  /** The tie the match is a leg of; none for a group-stage or league-phase match. */
  tie?: string;
  /** The stage of a match that belongs to no tie: (Match)-[:IN_STAGE]->(Stage). */
  stage?: string;
  /** Group letter ("A") of a group-stage match. */
  group?: string;
  /** Matchday of a group-stage or league-phase match. */
  matchday?: number;
  /** Local kick-off time as the source gives it, "20:45". */
  kickOffTime?: string;
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
  homeScoreAtHalfTime?: number;
  awayScoreAtHalfTime?: number;
  homeScoreAfterExtraTime?: number;
  awayScoreAfterExtraTime?: number;
  homePenalties?: number;
  awayPenalties?: number;
  stadium?: string;
  attendance?: number;
  /** The score stands by decision of the organiser (walkover, forfeit), not as played. */
  awarded?: boolean;
  awardedNote?: string;
  /** The match was called off and never played (the source says "cancelled"). */
  cancelled?: boolean;
  goals: SeedGoal[];
}

/** When in a match an event happened; BEFORE_MATCH for incidents before kick-off. */
export type EventPeriod = "BEFORE_MATCH" | "FIRST_HALF" | "SECOND_HALF" | "EXTRA_TIME";

/** What every match event has: its match, the club it concerns, and when it happened. */
export interface SeedMatchEvent extends Sourced {
  id: string;
  match: string;
  minute?: number;
  /** Stoppage time: 90+8 is minute 90, addedTime 8. */
  addedTime?: number;
  /** The minute is read from a rough phrase ("on the hour" → 60, "twenty minutes from time" → 70). */
  minuteApproximate?: boolean;
  period?: EventPeriod;
  /** When it happened, in our words, where the minute is missing or approximate. */
  timing?: string;
}

export type CardKind = "YELLOW" | "SECOND_YELLOW" | "RED";

export interface SeedCard extends SeedMatchEvent {
  kind: CardKind;
  player: string;
  /** The player's club. */
  club: string;
  /** Why, in our words, when a source says. */
  reason?: string;
}

export interface SeedSubstitution extends SeedMatchEvent {
  club: string;
  playerOn?: string;
  playerOff?: string;
}

export type DisallowedGoalReason = "OFFSIDE" | "FOUL" | "HANDBALL" | "OTHER";

export interface SeedDisallowedGoal extends SeedMatchEvent {
  /** The club that would have scored. */
  club: string;
  scorer?: string;
  assist?: string;
  reason?: DisallowedGoalReason;
}

export interface SeedPenaltyAward extends SeedMatchEvent {
  /** The club awarded the penalty. */
  club: string;
  fouledPlayer?: string;
  offender?: string;
  /** Id of the goal scored from it: "<match id>/goal-<order>". */
  goal?: string;
}

export interface SeedVarReview extends SeedMatchEvent {
  /** What the review decided, in our words. */
  decision: string;
  penaltyAward?: string;
}

export type IncidentKind = "GOALKEEPER_ERROR" | "PROTEST" | "WOODWORK" | "FAN_VIOLENCE" | "FATALITY";

export interface SeedIncident extends SeedMatchEvent {
  kind: IncidentKind;
  /** What happened, in our words. */
  description: string;
  players?: string[];
  clubs?: string[];
  /** Id of the goal it led to or was about. */
  goal?: string;
}

/** One club's statistics in one match. */
export interface SeedMatchStatistics extends Sourced {
  id: string;
  match: string;
  club: string;
  shots?: number;
  shotsOnTarget?: number;
  possessionPercent?: number;
  /** How a figure was obtained when not stated as such. */
  note?: string;
}

/** A club's place in a league table or a cup group. */
export interface SeedStanding extends Sourced {
  id: string;
  club: string;
  competition: string;
  /** Season label: "2017-18", or "2018" for a calendar-year league. */
  season: string;
  stage?: string;
  group?: string;
  /** Null when a source says only that the club plays in that league. */
  position?: number;
  asOf?: string;
  asOfDerived?: boolean;
  /** A final table (champions, group placings at the end of the stage). */
  final?: boolean;
  note?: string;
}

export type ConflictKind =
  | "DISAGREEMENT"
  | "CONTRADICTS_RULES"
  | "CONTRADICTS_ITSELF"
  | "CONTRADICTED_BY_REFERENCE"
  | "UNVERIFIED"
  | "APPARENT";

export type ClaimFlag = "CONTRADICTS_RULES" | "CONTRADICTS_ITSELF" | "CONTRADICTED_BY_REFERENCE" | "UNVERIFIED";

/**
 * One source's claim about one field of a fact. `sources` names exactly that one source; the
 * loader derives the id "<conflict id>/claim-<position>".
 */
export interface SeedClaim extends Sourced {
  value: string;
  /** How the source puts it, in a few words of our own. */
  wording?: string;
  /** The claim agrees with the value the graph holds. */
  accepted: boolean;
  flag?: ClaimFlag;
  /** Why it is flagged or not accepted. */
  note?: string;
}

/**
 * Where sources disagree, or a claim cannot be taken at its word. `sources` are what the
 * resolution rests on; each claim names its own source.
 */
export interface SeedConflict extends Sourced {
  id: string;
  kind: ConflictKind;
  /** A few words of our own on what it is about. */
  topic: string;
  /** Id of the fact in question: a match, goal ("<match id>/goal-<order>"), tie, club, card... */
  subject: string;
  field: string;
  /** The value the graph holds, as text; absent when it records nothing. */
  resolvedValue?: string;
  resolution: string;
  claims: SeedClaim[];
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
  cards?: SeedCard[];
  substitutions?: SeedSubstitution[];
  disallowedGoals?: SeedDisallowedGoal[];
  penaltyAwards?: SeedPenaltyAward[];
  varReviews?: SeedVarReview[];
  incidents?: SeedIncident[];
  matchStatistics?: SeedMatchStatistics[];
  standings?: SeedStanding[];
  conflicts?: SeedConflict[];
}

/** Id of a goal, which has none in the seed files: its match's id and its order. */
export function goalIdOf(matchId: string, order: number): string {
  return `${matchId}/goal-${order}`;
}

/** Id of a claim: its conflict's id and its 1-based position among the conflict's claims. */
export function claimIdOf(conflictId: string, position: number): string {
  return `${conflictId}/claim-${position}`;
}
