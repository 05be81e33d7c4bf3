/**
 * The seed format's ties decided at load time, as a query would decide them: whatever the tie
 * engine would refuse (tieFactsProblems, goalProblems, a goal at minute 93 of a match without extra
 * time ...) or pass over (extra time after a decided 90 minutes, a shoot-out after a decided extra
 * time, a shoot-out without the extra time before it) is a problem naming the file and record. Seeds are curated: a contradiction there is fixed
 * in the file, or written as a conflict of its own. Pure.
 */
import { awardedMatch, decideTie, findRuleSet, RuleSetError, ruleSetById, shootOutWithoutExtraTime, TieFactsError, tieTimeline, type GoalFact, type MatchFacts, type TieFacts } from "../ties/index.ts";
import type { SeedFile, SeedMatch, SeedTie } from "./seedFormat.ts";
import type { SeedInput } from "./validateSeeds.ts";

type RecordOf<K extends keyof SeedFile> = NonNullable<SeedFile[K]>[number];

const periods = { FIRST_HALF: "firstHalf", SECOND_HALF: "secondHalf", EXTRA_TIME: "extraTime" } as const;

/**
 * `unreachedFacts`: "refuse" (seed files: curated, so a contradiction is fixed or written as a
 * conflict) or "keep" (a Football.TXT file: the source's record stands, and the outcome's notes say
 * what the rules did not count); what the engine would refuse is a problem either way.
 */
export function checkSeedTies(inputs: readonly SeedInput[], problems: string[], options: { unreachedFacts?: "refuse" | "keep" } = {}): void {
  const files = inputs.map(({ fileName, content }) => ({ fileName, facts: content as SeedFile }));
  const all = <K extends keyof SeedFile>(kind: K): RecordOf<K>[] => files.flatMap(({ facts }) => (facts[kind] ?? []) as RecordOf<K>[]);
  const stages = new Map(all("stages").map((stage) => [stage.id, stage]));
  const seasons = new Map(all("seasons").map((season) => [season.id, season]));
  const competitions = new Map(all("competitions").map((competition) => [competition.id, competition]));
  const clubs = new Map(all("clubs").map((club) => [club.id, club]));
  const matchesOf = new Map<string, SeedMatch[]>();
  for (const match of all("matches")) {
    if (match.tie !== undefined) matchesOf.set(match.tie, [...(matchesOf.get(match.tie) ?? []), match]);
  }

  for (const { fileName, facts } of files) {
    (facts.ties ?? []).forEach((tie, index) => {
      const where = `${fileName}: ties[${index}] (id "${tie.id}")`;
      const matches = [...(matchesOf.get(tie.id) ?? [])].sort((a, b) => a.legNumber - b.legNumber);
      if (matches.length === 0 || tie.clubs?.length !== 2) return; // nothing to decide; shapes are reported elsewhere
      const stage = stages.get(tie.stage);
      const season = stage ? seasons.get(stage.season) : undefined;
      const competition = season ? competitions.get(season.competition) : undefined;
      try {
        const rules = tie.ruleSetId
          ? ruleSetById(tie.ruleSetId)
          : competition && season && stage
            ? findRuleSet(competition.name, season.label, stage.name)
            : null;
        if (!rules) return; // an unknown stage, season or competition is reported as a reference
        const tieFacts = seedTieFacts(tie, matches, (id) => clubs.get(id)?.name ?? id);
        const outcome = decideTie(tieFacts, rules);
        for (const unused of options.unreachedFacts === "keep" ? [] : outcome.unusedFacts) {
          const match = unused.legIndex === null ? null : matches[unused.legIndex];
          problems.push(`${where}${match ? ` match "${match.id}"` : ""}: ${unused.note}; fix the score or record the contradiction as a conflict`);
        }
        const shootOut = shootOutWithoutExtraTime(tieFacts, outcome);
        if (shootOut) problems.push(`${where} match "${matches[shootOut.legIndex]!.id}": ${shootOut.message.replace("give it", "give homeScoreAfterExtraTime/awayScoreAfterExtraTime")}`);
        tieTimeline(tieFacts, rules);
      } catch (error) {
        if (!(error instanceof TieFactsError || error instanceof RuleSetError)) throw error;
        problems.push(`${where}: ${error.message}`);
      }
    });
  }
}

/** A seed tie and its matches as the engine's TieFacts (as tieFactsFromGraph does for the graph). */
function seedTieFacts(tie: SeedTie, matches: readonly SeedMatch[], nameOf: (id: string) => string): TieFacts {
  const score = (home?: number, away?: number) => (home === undefined || away === undefined ? null : { home, away });
  const legs: MatchFacts[] = matches.map((match) => {
    const afterNormalTime = score(match.homeScore, match.awayScore);
    const afterExtraTime = score(match.homeScoreAfterExtraTime, match.awayScoreAfterExtraTime);
    const final = afterExtraTime ?? afterNormalTime;
    const goals: GoalFact[] = match.goals.map((goal) => ({
      order: goal.order,
      club: goal.club,
      minute: goal.minute ?? null,
      addedTime: goal.addedTime ?? null,
      period: goal.period ? periods[goal.period] : null,
      ownGoal: goal.ownGoal ?? false,
      penalty: goal.penalty ?? false,
    }));
    return {
      home: match.home,
      away: match.away,
      date: match.date ?? null,
      played: match.played ?? true,
      afterNormalTime,
      afterExtraTime,
      shootOut: score(match.homePenalties, match.awayPenalties),
      replay: match.isReplay ?? false,
      awarded: awardedMatch(match.awarded ?? false, match, final, match.awardedNote ?? null),
      goals,
    };
  });
  const [first] = matches;
  const recorded =
    tie.recordedDecision === "COIN_TOSS" && tie.recordedWinner
      ? [{ kind: "coinToss" as const, winner: tie.recordedWinner }]
      : tie.recordedDecision === "AWARDED" && tie.recordedWinner
        ? [{ kind: "awarded" as const, winner: tie.recordedWinner, reason: tie.recordedDecisionNote ?? "awarded" }]
        : tie.recordedDecision === "REPLAY_ORDERED"
          ? [{ kind: "replayOrdered" as const, reason: tie.recordedDecisionNote ?? "ordered" }]
          : [];
  return {
    id: tie.id,
    clubs: [
      { id: first!.home, name: nameOf(first!.home) },
      { id: first!.away, name: nameOf(first!.away) },
    ],
    legs,
    recorded,
  };
}
