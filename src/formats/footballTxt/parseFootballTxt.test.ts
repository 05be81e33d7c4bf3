import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../config.ts";
import { FootballTxtError, parseFootballTxt, readGoals, readHeading } from "./parseFootballTxt.ts";

const file = (header: string, ...body: string[]) => [header, "", ...body].join("\n");

describe("match lines (real lines from openfootball/champions-league)", () => {
  test.each([
    ["a score with the half-time score", "    20.45  Manchester United (ENG) v FC Basel 1893 (SUI)      3-0 (1-0)",
      { kickOff: "20:45", home: { name: "Manchester United", country: "ENG" }, away: { name: "FC Basel 1893", country: "SUI" }, fullTime: [3, 0], halfTime: [1, 0] }],
    ["a goalless draw has no half-time score", "           AS Roma (ITA)           v Atlético Madrid (ESP)    0-0",
      { home: { name: "AS Roma" }, away: { name: "Atlético Madrid" }, fullTime: [0, 0] }],
    ["extra time: after extra time, then (full time, half time)", "           Liverpool FC (ENG)      v Atlético Madrid (ESP)    2-3 a.e.t. (1-0, 1-0)",
      { afterExtraTime: [2, 3], fullTime: [1, 0], halfTime: [1, 0] }],
    ["a shoot-out after extra time", "    18.00  Hamrun Spartans (MLT)   v FK Žalgiris (LTU)        11-10 pen. 2-0 a.e.t. (2-0, 2-0)",
      { penalties: [11, 10], afterExtraTime: [2, 0], fullTime: [2, 0], halfTime: [2, 0], home: { name: "Hamrun Spartans", country: "MLT" } }],
    ["an awarded score", "           Villarreal CF (ESP)     v Qarabağ FK (AZE)         3-0    [awarded]",
      { fullTime: [3, 0], awarded: true, cancelled: false }],
    ["a cancelled match has no score", "           RB Leipzig (GER)        v Spartak Moskva (RUS)     [cancelled]",
      { cancelled: true, fullTime: undefined }],
    ["a club name starting with a digit, no kick-off time", "           1. FC Heidenheim 1846 (GER) v FC København (DEN)       1-3 a.e.t. (1-2, 0-1)",
      { home: { name: "1. FC Heidenheim 1846", country: "GER" }, afterExtraTime: [1, 3], fullTime: [1, 2] }],
    ["a match not played yet", "    18.00  Paris Saint-Germain FC (FRA) v Arsenal FC (ENG)",
      { fullTime: undefined, cancelled: false, home: { name: "Paris Saint-Germain FC" } }],
    ["a venue after the score (the format's README)", "  20:45   FC Barcelona        v Atlético Madrid  1-1      @ Camp Nou, Barcelona",
      { home: { name: "FC Barcelona" }, fullTime: [1, 1], venue: { stadium: "Camp Nou", city: "Barcelona" } }],
    ["names without country codes", "          Manchester United    v Bayern München  1-1      @ Old Trafford, Manchester",
      { home: { name: "Manchester United" }, away: { name: "Bayern München" }, venue: { stadium: "Old Trafford", city: "Manchester" } }],
  ])("%s", (_, line, expected) => {
    const parsed = parseFootballTxt(file("= UEFA Champions League 2019/20", "» Round of 16", "  Tue Mar/10 2020", line), "t.txt");
    expect(parsed.matches).toHaveLength(1);
    const absent = Object.keys(expected).filter((key) => expected[key as keyof typeof expected] === undefined);
    expect(parsed.matches[0]).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== undefined)));
    for (const key of absent) expect(parsed.matches[0]).not.toHaveProperty(key);
  });
});

describe("round headings", () => {
  test.each([
    ["Group A", { qualifying: false, roundRobin: null }, { stage: "Group stage", group: "A" }],
    ["Gruppe G (German spelling in the same file)", { qualifying: false, roundRobin: null }, null],
    ["Group, Matchday 3", { qualifying: false, roundRobin: null }, { stage: "Group stage", matchday: 3 }],
    ["League, Matchday 8", { qualifying: false, roundRobin: null }, { stage: "League phase", matchday: 8 }],
    ["League phase", { qualifying: false, roundRobin: null }, { stage: "League phase" }],
    ["Playoffs, Matchday 1 after a league phase", { qualifying: false, roundRobin: "league" }, { stage: "Knockout phase play-offs" }],
    ["Playoffs after a group stage", { qualifying: false, roundRobin: "group" }, { stage: "Knockout round play-offs" }],
    ["Play-offs in a Quali file", { qualifying: true, roundRobin: null }, { stage: "Play-off round" }],
    ["1. Round in a Quali file", { qualifying: true, roundRobin: null }, { stage: "First qualifying round" }],
    ["Round 3 in a Quali file", { qualifying: true, roundRobin: null }, { stage: "Third qualifying round" }],
    ["Round 1 outside a Quali file is not understood", { qualifying: false, roundRobin: null }, null],
    ["Sechzehntelfinale", { qualifying: false, roundRobin: "group" }, { stage: "Round of 32" }],
    ["Finals, Quarterfinals", { qualifying: false, roundRobin: "league" }, { stage: "Quarter-finals" }],
    ["Semifinals", { qualifying: false, roundRobin: "group" }, { stage: "Semi-finals" }],
    ["Finals, Final", { qualifying: false, roundRobin: "league" }, { stage: "Final" }],
    ["Third place", { qualifying: false, roundRobin: "group" }, null],
  ] as const)("%s", (text, context, expected) => {
    const heading = text.replace(/ \(.*\)$| after a .*$| in a Quali file$| outside a Quali file is not understood$/, "");
    expect(readHeading(heading, context)).toEqual(expected ?? (heading === "Gruppe G" ? { stage: "Group stage", group: "G" } : null));
  });
});

describe("goal lines", () => {
  test.each([
    ["one goal each", "Neymar 71'; Diego 56'", [
      { side: "home", scorer: "Neymar", minute: 71, penalty: false, ownGoal: false },
      { side: "away", scorer: "Diego", minute: 56, penalty: false, ownGoal: false }]],
    ["stoppage time, an own goal and a penalty", "Lavezzi 4' Luiz 61' (o.g.) Pastore 90+3'; Hazard 27' (pen.)", [
      { side: "home", scorer: "Lavezzi", minute: 4 },
      { side: "home", scorer: "Luiz", minute: 61, ownGoal: true },
      { side: "home", scorer: "Pastore", minute: 90, addedTime: 3 },
      { side: "away", scorer: "Hazard", minute: 27, penalty: true }]],
    ["two goals by one scorer", "Ronaldo 12' 45+1'", [
      { side: "home", scorer: "Ronaldo", minute: 12 }, { side: "home", scorer: "Ronaldo", minute: 45, addedTime: 1 }]],
    ["away goals only", "; Morata 120+1'", [{ side: "away", scorer: "Morata", minute: 120, addedTime: 1 }]],
  ])("%s", (_, text, expected) => {
    const goals = readGoals(text)!;
    expect(goals).toHaveLength(expected.length);
    expected.forEach((goal, index) => expect(goals[index]).toMatchObject(goal));
  });

  test("goal lines attach to the match above and must add up to its score", () => {
    const text = file("= UEFA Champions League 2013/14", "» Quarterfinals", "  Wed Apr/2 2014",
      "  20:45   Paris Saint-Germain v Chelsea FC  3-1            @ Parc des Princes, Paris",
      "            (Lavezzi 4' Luiz 61' (o.g.) Pastore 90+3'; Hazard 27' (pen.))");
    expect(parseFootballTxt(text, "t.txt").matches[0]!.goals).toHaveLength(4);
    expect(() => parseFootballTxt(text.replace("3-1", "2-1"), "t.txt")).toThrow(/t\.txt, line 5: the goal line lists 3-1 but the score is 2-1/);
  });
});

describe("dates, seasons and ties", () => {
  test("a date without a year takes the season year whose weekday fits (the 2020 final in August)", () => {
    const parsed = parseFootballTxt(
      file("= UEFA Champions League 2019/20", "» Group A", "  Tue Sep/17 2019", "    18.55  Club Brugge KV (BEL) v Galatasaray (TUR) 0-0",
        "» Final", "  Sun Aug/23", "    21.00  Paris Saint-Germain (FRA) v Bayern München (GER)  0-1 (0-0)"),
      "t.txt",
    );
    expect(parsed.matches.map((match) => match.date)).toEqual(["2019-09-17", "2020-08-23"]);
    expect(parsed).toMatchObject({ competition: "UEFA Champions League", season: "2019-20", qualifying: false });
  });

  test("legs pair into ties in order; group matches belong to none; a final is a one-match tie", () => {
    const parsed = parseFootballTxt(
      file("= UEFA Champions League 2017/18",
        "» Group A", "  Tue Sep/12 2017", "    20.45  Manchester United (ENG) v FC Basel 1893 (SUI)      3-0 (1-0)",
        "» Round of 16", "  Tue Feb/13 2018", "    20.45  Juventus (ITA) v Tottenham Hotspur (ENG) 2-2 (2-1)",
        "  Wed Mar/7", "    20.45  Tottenham Hotspur (ENG) v Juventus (ITA) 1-2 (1-0)",
        "» Final", "  Sat May/26", "    20.45  Real Madrid (ESP) v Liverpool FC (ENG) 3-1 (0-0)"),
      "t.txt",
    );
    expect(parsed.ties).toEqual([{ stage: "Round of 16", legs: [1, 2] }, { stage: "Final", legs: [3] }]);
    expect(parsed.matches[0]).toMatchObject({ stage: "Group stage", group: "A" });
  });

  test("a quali file's header", () => {
    const parsed = parseFootballTxt(file("= UEFA Europa League - Quali 2025/26", "» 1. Round", "  Thu Jul/10 2025", "    18.00  Zira FK (AZE) v FC Sheriff (MDA) 1-0"), "elq.txt");
    expect(parsed).toMatchObject({ competition: "UEFA Europa League", season: "2025-26", qualifying: true });
    expect(parsed.matches[0]!.stage).toBe("First qualifying round");
  });
});

describe("what it refuses, naming file and line", () => {
  test.each([
    ["no header", "» Group A\n", /t\.txt, line 1: expected the header/],
    ["a wrong season", "= UEFA Champions League 2017/19\n", /line 1: season 2017\/19/],
    ["an unknown heading", "= UEFA Champions League 2017/18\n» Third place\n", /line 2: round heading not understood: "Third place"/],
    ["a weekday that fits neither year", "= UEFA Champions League 2017/18\n» Group A\n  Mon Sep/12\n", /line 3: 2017-09-12 is a Tue, not a Mon/],
    ["a match before a date", "= UEFA Champions League 2017/18\n» Group A\n    A (ENG) v B (ENG) 1-0\n", /line 3: a match before any date line/],
    ["a score it cannot read", "= UEFA Champions League 2017/18\n» Group A\n  Tue Sep/12\n    A (ENG) v B (ENG) 1:0\n", /line 4: line not understood/],
    ["a line it cannot read", "= UEFA Champions League 2017/18\n» Group A\n  Tue Sep/12\n    A (ENG) - B (ENG) 1-0\n", /line 4: line not understood/],
    ["a shoot-out without extra time", "= UEFA Champions League 2017/18\n» Final\n  Tue Sep/12\n    A (ENG) v B (ENG) 4-3 pen. 1-1\n", /line 4: a shoot-out without extra time/],
  ])("%s", (_, text, message) => {
    expect(() => parseFootballTxt(text, "t.txt")).toThrow(FootballTxtError);
    expect(() => parseFootballTxt(text, "t.txt")).toThrow(message);
  });
});

describe("the vendored openfootball files", () => {
  const root = path.join(projectRoot, "data/openfootball/champions-league");
  const files = readdirSync(root).filter((name) => /^\d{4}-\d{2}$/.test(name)).flatMap((season) =>
    readdirSync(path.join(root, season)).filter((name) => name.endsWith(".txt")).map((name) => `${season}/${name}`));

  test.each(files)("%s parses; every knockout match is in exactly one tie; the # Matches count agrees", (name) => {
    const text = readFileSync(path.join(root, name), "utf8");
    const parsed = parseFootballTxt(text, name);
    const stated = Number(/# Matches\s+(\d+)/.exec(text)?.[1]);
    expect(parsed.matches.length).toBe(stated);
    const inTies = parsed.ties.flatMap((tie) => tie.legs);
    expect(new Set(inTies).size).toBe(inTies.length);
    const knockout = parsed.matches.filter((match) => match.stage !== "Group stage" && match.stage !== "League phase").length;
    expect(inTies.length).toBe(knockout);
    expect(parsed.ties.every((tie) => tie.legs.length <= 2)).toBe(true);
  });
});
