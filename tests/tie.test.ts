/**
 * The front door: Query.tie by names, as a user types them, answered from the real graph.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
beforeAll(async () => {
  graph = await openTestGraph();
});
afterAll(() => graph.close());

const readmeQuery = `{
  tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Atalanta") {
    season stage competition { name }
    legs {
      date homeClub { name } awayClub { name } homeScore awayScore stadium { name }
      goals { minute scorer { name } club { name } sources { id } }
    }
    outcome { status winner { name } decidedBy explanation aggregate { club { name } goals } }
  }
}`;

describe("the README's query: Borussia Dortmund v Atalanta, Europa League 2017-18", () => {
  test("returns both legs with their dates, scores and the second leg's stadium", async () => {
    const { tie } = await graph.query(readmeQuery);
    expect(tie.season).toBe("2017-18");
    expect(tie.competition.name).toBe("UEFA Europa League");
    expect(tie.legs.map((leg: any) => [leg.date, leg.homeClub.name, leg.homeScore, leg.awayScore, leg.awayClub.name])).toEqual([
      ["2018-02-15", "Borussia Dortmund", 3, 2, "Atalanta"],
      ["2018-02-22", "Atalanta", 1, 1, "Borussia Dortmund"],
    ]);
    expect(tie.legs[1].stadium.name).toBe("Mapei Stadium");
  });

  test("Dortmund go through 4-3 on aggregate", async () => {
    const { tie } = await graph.query(readmeQuery);
    expect(tie.outcome).toMatchObject({ status: "DECIDED", winner: { name: "Borussia Dortmund" }, decidedBy: "AGGREGATE" });
    expect(tie.outcome.explanation).toBe("Borussia Dortmund win 4-3 on aggregate.");
    expect(tie.outcome.aggregate).toEqual([
      { club: { name: "Borussia Dortmund" }, goals: 4 },
      { club: { name: "Atalanta" }, goals: 3 },
    ]);
  });

  test("every goal has its scorer and the report stating it, and the goals add up to the score", async () => {
    const { tie } = await graph.query(readmeQuery);
    for (const leg of tie.legs) {
      expect(leg.goals).toHaveLength(leg.homeScore + leg.awayScore);
      for (const goal of leg.goals) {
        expect(goal.scorer?.name).toBeTruthy();
        expect(goal.sources.length).toBeGreaterThan(0);
        for (const source of goal.sources) expect(source.id).toMatch(/^00[0-4]_[0-9a-f]{16}$/);
      }
    }
    expect(tie.legs[0].goals.map((goal: any) => goal.scorer.name)).toEqual([
      "André Schürrle",
      "Josip Iličić",
      "Josip Iličić",
      "Michy Batshuayi",
      "Michy Batshuayi",
    ]);
    expect(tie.legs[1].goals.map((goal: any) => [goal.scorer.name, goal.minute])).toEqual([
      ["Rafael Tolói", 11],
      ["Marcel Schmelzer", 83],
    ]);
  });
});

describe("names match case- and accent-insensitively, against names and aliases, in either order", () => {
  test.each([
    ["Europa League", "2017-18", "Dortmund", "Atalanta"],
    ["UEFA Europa League", "2017/18", "ATALANTA", "borussia dortmund"],
    ["europa league", "2017-2018", "BVB", "Atalanta BC"],
    ["UEFA Cup", "2017-18", "Atalanta", "BVB"],
  ])("%s %s: %s v %s finds the tie", async (competition, season, club, opponent) => {
    const { tie } = await graph.query(`query ($c: String!, $s: String!, $a: String!, $b: String!) {
      tie(competition: $c, season: $s, club: $a, opponent: $b) { id }
    }`, { c: competition, s: season, a: club, b: opponent });
    expect(tie?.id).toBe("tie:uefa-europa-league-2017-18-round-of-32-borussia-dortmund-atalanta");
  });

  test.each([
    ["Ostersund", "Arsenal"],
    ["Östersunds FK", "arsenal"],
    ["ÖSTERSUND", "Arsenal FC"],
  ])("%s v %s finds Arsenal v Östersunds FK", async (club, opponent) => {
    const { tie } = await graph.query(`query ($a: String!, $b: String!) {
      tie(competition: "Europa League", season: "2017-18", club: $a, opponent: $b) { legs { homeClub { name } } outcome { winner { name } } }
    }`, { a: club, b: opponent });
    expect(tie.legs[0].homeClub.name).toBe("Östersunds FK");
    expect(tie.outcome.winner.name).toBe("Arsenal");
  });

  test("a tie that does not exist is null, not an error", async () => {
    const result = await graph.execute(`{ tie(competition: "Europa League", season: "2017-18", club: "Dortmund", opponent: "Arsenal") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.tie).toBeNull();
  });

  test.each([
    ["a misspelt club", "Dortmnud", "Atalanta", 'unknown club "Dortmnud"; the closest known', "Borussia Dortmund"],
    ["a misspelt opponent", "Dortmund", "Atalantta", 'unknown club "Atalantta"; the closest known', "Atalanta"],
    ["a name no club comes near", "Xyzzq", "Atalanta", 'unknown club "Xyzzq"', undefined],
  ])("%s is an error naming it and the closest clubs, not a silent null", async (_case, club, opponent, message, closest) => {
    const result = await graph.execute(`query ($a: String!, $b: String!) { tie(competition: "Europa League", season: "2017-18", club: $a, opponent: $b) { id } }`, { a: club, b: opponent });
    expect(result.data?.tie).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain(message);
    if (closest) expect(result.errors?.[0]?.message).toContain(`"${closest}"`);
  });

  test("two known clubs that never met in that season: null, however they are typed", async () => {
    for (const [club, opponent] of [["BVB", "Bayern"], ["Atalanta", "Real Madrid"]]) {
      const result = await graph.execute(`query ($a: String!, $b: String!) { tie(competition: "Europa League", season: "2017-18", club: $a, opponent: $b) { id } }`, { a: club, b: opponent });
      expect(result.errors).toBeUndefined();
      expect(result.data?.tie).toBeNull();
    }
  });

  test.each([
    ["the same name twice", "Dortmund", "Dortmund", '"Borussia Dortmund"; a tie'],
    ["a name and a nickname of one club", "Dortmund", "BVB", '"Borussia Dortmund"; a tie'],
    ["two spellings of one club", "Bayern Munich", "FC Bayern München", '"Bayern München"; a tie'],
  ])("%s is an error saying both name one club, not a silent null", async (_case, club, opponent, named) => {
    const result = await graph.execute(`query ($a: String!, $b: String!) { tie(competition: "Europa League", season: "2017-18", club: $a, opponent: $b) { id } }`, { a: club, b: opponent });
    expect(result.data?.tie).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain(`club ${JSON.stringify(club)} and opponent ${JSON.stringify(opponent)} both name ${named}`);
  });

  test.each([
    ["a name of several clubs, twice", "Sporting", "Sporting"],
    ["a name of several clubs and one of them", "Paris", "Paris FC"],
    ["a name of several clubs and one of them, the other way round", "Milan", "AC Milan"],
  ])("%s is no tie (null), not a 'same club' error: the names are ambiguous, not one club", async (_case, club, opponent) => {
    const result = await graph.execute(`query ($a: String!, $b: String!) { tie(competition: "Champions League", season: "2017-18", club: $a, opponent: $b) { id } }`, { a: club, b: opponent });
    expect(result.errors).toBeUndefined();
    expect(result.data?.tie).toBeNull();
  });

  test.each([
    ["competition", { competition: "", club: "Dortmund", opponent: "Atalanta" }],
    ["competition", { competition: "  ", club: "Dortmund", opponent: "Atalanta" }],
    ["club", { competition: "Europa League", club: "", opponent: "Atalanta" }],
    ["opponent", { competition: "Europa League", club: "Dortmund", opponent: " " }],
  ])("an empty %s is an error saying it must name something", async (field, names) => {
    const result = await graph.execute(`query ($c: String!, $a: String!, $b: String!) { tie(competition: $c, season: "2017-18", club: $a, opponent: $b) { id } }`, {
      c: names.competition,
      a: names.club,
      b: names.opponent,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toBe(`${field} must name something, got ${JSON.stringify(names[field as keyof typeof names])}`);
  });

  test("a season that is not a season is a clear error", async () => {
    const result = await graph.execute(`{ tie(competition: "Europa League", season: "last year", club: "Dortmund", opponent: "Atalanta") { id } }`);
    expect(result.errors?.[0]?.message).toContain('season "last year": expected a season like "2017-18"');
  });
});

describe("all seven seed ties are decided as the rules say", () => {
  test.each([
    ["Europa League", "2017-18", "Dortmund", "Atalanta", "Borussia Dortmund", "AGGREGATE", "4-3"],
    ["Europa League", "2017-18", "Arsenal", "Östersund", "Arsenal", "AGGREGATE", "4-2"],
    ["Europa League", "2017-18", "AC Milan", "Ludogorets", "AC Milan", "AGGREGATE", "4-0"],
    ["Europa League", "2017-18", "Athletic Bilbao", "Spartak Moscow", "Athletic Bilbao", "AGGREGATE", "4-3"],
    ["Europa League", "2017-18", "Marseille", "Braga", "Olympique de Marseille", "AGGREGATE", "3-1"],
    ["Europa League", "2017-18", "Salzburg", "Real Sociedad", "Red Bull Salzburg", "AGGREGATE", "4-3"],
    ["Champions League", "2025-26", "Dortmund", "Atalanta", "Atalanta", "AGGREGATE", "4-3"],
  ])("%s %s %s v %s: %s on %s (%s)", async (competition, season, club, opponent, winner, decidedBy, aggregate) => {
    const { tie } = await graph.query(`query ($c: String!, $s: String!, $a: String!, $b: String!) {
      tie(competition: $c, season: $s, club: $a, opponent: $b) { outcome { winner { name } decidedBy aggregate { club { name } goals } } }
    }`, { c: competition, s: season, a: club, b: opponent });
    expect(tie.outcome.winner.name).toBe(winner);
    expect(tie.outcome.decidedBy).toBe(decidedBy);
    const goals = tie.outcome.aggregate.map((entry: any) => entry.goals).sort((a: number, b: number) => b - a);
    expect(goals.join("-")).toBe(aggregate);
  });
});
