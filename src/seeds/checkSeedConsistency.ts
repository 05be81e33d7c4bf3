/**
 * Checks that need the whole data set, run once every record has the right shape (see
 * validateSeeds): a match is between its tie's clubs and its goals add up; an event concerns a
 * club of its match and its minute fits its period; a conflict's claims fit its kind. Pure.
 */
import type { EventPeriod, SeedConflict, SeedFile, SeedMatch, SeedStage, SeedSubstitution } from "./seedFormat.ts";
import type { SeedInput } from "./validateSeeds.ts";

type RecordOf<K extends keyof SeedFile> = NonNullable<SeedFile[K]>[number];

/** The record kinds that are match events: each names its match and the club(s) it concerns. */
const eventKinds = ["cards", "substitutions", "disallowedGoals", "penaltyAwards", "varReviews", "incidents"] as const;

/** Minutes each period can hold; stoppage time is the period's last minute plus `addedTime`. */
const minutesOf: Record<EventPeriod, [number, number] | null> = {
  BEFORE_MATCH: null,
  FIRST_HALF: [1, 45],
  SECOND_HALF: [46, 90],
  EXTRA_TIME: [91, 120],
};
/** Minutes stoppage time can follow: the end of each half and of each half of extra time. */
const periodEnds = new Set([45, 90, 105, 120]);

/** Flags that say a claim is wrong, so it cannot agree with the value the graph holds. */
const wrongFlags = new Set(["CONTRADICTS_RULES", "CONTRADICTS_ITSELF", "CONTRADICTED_BY_REFERENCE"]);

export function checkSeedConsistency(inputs: readonly SeedInput[], problems: string[]): void {
  const files = inputs.map(({ fileName, content }) => ({ fileName, facts: content as SeedFile }));
  const all = <K extends keyof SeedFile>(kind: K): RecordOf<K>[] => files.flatMap(({ facts }) => (facts[kind] ?? []) as RecordOf<K>[]);
  const ties = new Map(all("ties").map((tie) => [tie.id, tie]));
  const matches = new Map(all("matches").map((match) => [match.id, match]));
  const stages = new Map<string, SeedStage>(all("stages").map((stage) => [stage.id, stage]));
  const seasons = new Map(all("seasons").map((season) => [season.id, season]));
  const penaltyAwards = new Map(all("penaltyAwards").map((award) => [award.id, award]));

  for (const { fileName, facts } of files) {
    (facts.matches ?? []).forEach((match, index) => {
      const tieClubs = match.tie === undefined ? undefined : ties.get(match.tie)?.clubs;
      checkMatch(match, tieClubs, `${fileName}: matches[${index}] (id "${match.id}")`, problems);
    });

    for (const kind of eventKinds) {
      (facts[kind] ?? []).forEach((event, index) => {
        const where = `${fileName}: ${kind}[${index}] (id "${event.id}")`;
        const match = matches.get(event.match);
        if (!match) return; // an unknown match is already reported
        const clubs = "clubs" in event ? (event.clubs ?? []) : "club" in event ? [event.club] : [];
        for (const club of clubs) {
          if (club !== match.home && club !== match.away) problems.push(`${where}: club "${club}" did not play in match "${match.id}"`);
        }
        checkTime(event, where, problems, hasExtraTime(match));
        const goal = "goal" in event ? event.goal : undefined;
        if (goal && !goal.startsWith(`${match.id}/goal-`)) problems.push(`${where}.goal: "${goal}" is a goal of another match`);
        if (kind === "substitutions") {
          const { playerOn, playerOff } = event as SeedSubstitution;
          if (!playerOn && !playerOff) problems.push(`${where}: name the player coming on, going off, or both`);
          if (playerOn && playerOn === playerOff) problems.push(`${where}: a player cannot replace himself`);
        }
        if ("penaltyAward" in event && event.penaltyAward && penaltyAwards.get(event.penaltyAward)?.match !== event.match) {
          problems.push(`${where}.penaltyAward: "${event.penaltyAward}" is a penalty award of another match`);
        }
      });
    }

    const statisticsSeen = new Set<string>();
    (facts.matchStatistics ?? []).forEach((statistics, index) => {
      const where = `${fileName}: matchStatistics[${index}] (id "${statistics.id}")`;
      const match = matches.get(statistics.match);
      if (match && statistics.club !== match.home && statistics.club !== match.away) {
        problems.push(`${where}: club "${statistics.club}" did not play in match "${match.id}"`);
      }
      const key = `${statistics.match}|${statistics.club}`;
      if (statisticsSeen.has(key)) problems.push(`${where}: a second entry for the same club and match`);
      statisticsSeen.add(key);
      if (statistics.shots !== undefined && statistics.shotsOnTarget !== undefined && statistics.shotsOnTarget > statistics.shots) {
        problems.push(`${where}: ${statistics.shotsOnTarget} shots on target but only ${statistics.shots} shots`);
      }
      if (statistics.possessionPercent !== undefined && statistics.possessionPercent > 100) {
        problems.push(`${where}.possessionPercent: ${statistics.possessionPercent} is more than 100`);
      }
    });

    (facts.standings ?? []).forEach((standing, index) => {
      const where = `${fileName}: standings[${index}] (id "${standing.id}")`;
      if (standing.position !== undefined && standing.position < 1) problems.push(`${where}.position: must be 1 or more`);
      const stageSeason = standing.stage ? seasons.get(stages.get(standing.stage)?.season ?? "") : undefined;
      if (stageSeason && (stageSeason.competition !== standing.competition || stageSeason.label !== standing.season)) {
        problems.push(`${where}.stage: "${standing.stage}" is not a stage of ${standing.competition} ${standing.season}`);
      }
    });

    (facts.coaches ?? []).forEach((coach, index) => {
      const where = `${fileName}: coaches[${index}] (id "${coach.id}")`;
      (coach.clubs ?? []).forEach((spell, spellIndex) => {
        if (spell.from && spell.to && spell.to < spell.from) problems.push(`${where}.clubs[${spellIndex}]: ends (${spell.to}) before it starts (${spell.from})`);
      });
      (coach.succeeded ?? []).forEach((succession, successionIndex) => {
        if (succession.coach === coach.id) problems.push(`${where}.succeeded[${successionIndex}]: a coach cannot succeed himself`);
      });
    });

    (facts.conflicts ?? []).forEach((conflict, index) => checkConflict(conflict, `${fileName}: conflicts[${index}] (id "${conflict.id}")`, problems));
  }
}

/** A match is between its tie's clubs, goal order runs 1..n, and no club has more goals listed than it scored. */
function checkMatch(match: SeedMatch, tieClubs: unknown, where: string, problems: string[]): void {
  if (Array.isArray(tieClubs) && tieClubs.length !== 2) problems.push(`${where}: its tie must name exactly two clubs`);
  if (Array.isArray(tieClubs) && (!tieClubs.includes(match.home) || !tieClubs.includes(match.away) || match.home === match.away)) {
    problems.push(`${where}: home and away must be the two clubs of tie "${match.tie}"`);
  }
  const finalScore = (club: string) =>
    club === match.home ? (match.homeScoreAfterExtraTime ?? match.homeScore) : (match.awayScoreAfterExtraTime ?? match.awayScore);
  const orders = match.goals.map((goal) => goal.order).sort((a, b) => a - b);
  if (orders.some((order, position) => order !== position + 1)) {
    problems.push(`${where}.goals: order must run 1..${orders.length} without gaps, got ${orders.join(", ")}`);
  }
  for (const club of [match.home, match.away]) {
    const listed = match.goals.filter((goal) => goal.club === club).length;
    const scored = finalScore(club);
    if (typeof scored === "number" && listed > scored) {
      problems.push(`${where}.goals: ${listed} goals listed for "${club}" but it scored ${scored}`);
    }
  }
  match.goals.forEach((goal, goalIndex) => {
    if (goal.club !== match.home && goal.club !== match.away) {
      problems.push(`${where}.goals[${goalIndex}].club: "${goal.club}" did not play in this match`);
    }
    checkTime(goal, `${where}.goals[${goalIndex}]`, problems, hasExtraTime(match));
  });
  for (const side of ["home", "away"] as const) {
    const afterNinety = match[`${side}Score`];
    const afterExtraTime = match[`${side}ScoreAfterExtraTime`];
    if (typeof afterNinety === "number" && typeof afterExtraTime === "number" && afterExtraTime < afterNinety) {
      problems.push(`${where}.${side}ScoreAfterExtraTime: ${afterExtraTime} is less than the score after 90 minutes (${afterNinety})`);
    }
  }
}

function hasExtraTime(match: SeedMatch): boolean {
  return match.homeScoreAfterExtraTime !== undefined || match.awayScoreAfterExtraTime !== undefined;
}

/**
 * A minute fits its period (if both are given), and stoppage time follows the end of a period.
 * In a match without extra time nothing happens after minute 90: a goal in the third minute of
 * stoppage time is minute 90, addedTime 3, never minute 93 (which the timeline would place in an
 * extra time that was not played).
 */
function checkTime(
  time: { minute?: number; addedTime?: number; period?: EventPeriod },
  where: string,
  problems: string[],
  extraTime: boolean,
): void {
  if (time.minute !== undefined && time.minute > 120) problems.push(`${where}.minute: ${time.minute} is past the 120th minute`);
  else if (!extraTime && time.minute !== undefined && time.minute > 90) {
    problems.push(`${where}.minute: ${time.minute} in a match without extra time; stoppage time is written minute 90, addedTime ${time.minute - 90}`);
  }
  if (!extraTime && time.period === "EXTRA_TIME") problems.push(`${where}.period: EXTRA_TIME in a match without extra time`);
  if (time.addedTime !== undefined && (time.minute === undefined || !periodEnds.has(time.minute))) {
    problems.push(`${where}.addedTime: stoppage time follows minute 45, 90, 105 or 120, got minute ${time.minute ?? "none"}`);
  }
  if (time.minute === undefined || time.period === undefined) return;
  const range = minutesOf[time.period];
  if (!range || time.minute < range[0] || time.minute > range[1]) {
    problems.push(`${where}: minute ${time.minute} is not in period ${time.period}`);
  }
}

/**
 * Each claim names exactly one source; the claims fit the conflict's kind: a disagreement has
 * claims on both sides, a flagged kind has a claim with that flag, an apparent conflict only
 * claims that stand; a claim flagged as wrong cannot be accepted.
 */
function checkConflict(conflict: SeedConflict, where: string, problems: string[]): void {
  if (conflict.claims.length === 0) problems.push(`${where}.claims: a conflict needs at least one claim`);
  conflict.claims.forEach((claim, index) => {
    if (claim.sources.length !== 1) problems.push(`${where}.claims[${index}].sources: a claim is one source's, got ${claim.sources.length}`);
    if (claim.flag && wrongFlags.has(claim.flag) && claim.accepted) {
      problems.push(`${where}.claims[${index}]: flagged ${claim.flag}, so it cannot be accepted`);
    }
  });
  const accepted = conflict.claims.filter((claim) => claim.accepted).length;
  switch (conflict.kind) {
    case "DISAGREEMENT":
      if (accepted === 0 || accepted === conflict.claims.length) {
        problems.push(`${where}.claims: a disagreement needs claims both accepted and not accepted`);
      }
      break;
    case "APPARENT":
      if (accepted !== conflict.claims.length || conflict.claims.some((claim) => claim.flag)) {
        problems.push(`${where}.claims: in an apparent conflict every claim stands (accepted, no flag)`);
      }
      break;
    case "CONTRADICTS_RULES":
    case "CONTRADICTS_ITSELF":
    case "CONTRADICTED_BY_REFERENCE":
    case "UNVERIFIED":
      if (!conflict.claims.some((claim) => claim.flag === conflict.kind)) {
        problems.push(`${where}.claims: a ${conflict.kind} conflict needs a claim flagged ${conflict.kind}`);
      }
      break;
    default: {
      const unknown: never = conflict.kind;
      problems.push(`${where}.kind: unknown kind ${String(unknown)}`);
    }
  }
}
