import { describe, expect, test } from "vitest";
import { dortmundAtalanta2018, dortmundAtalanta2026 } from "./tieFixtures.ts";
import { tickFor, timelineChart } from "./timelineChart.ts";

describe("the timeline chart of Dortmund v Atalanta 2018", () => {
  const chart = timelineChart(dortmundAtalanta2018)!;

  test("one point per timeline entry, with the aggregate lead of the first leg's home club", () => {
    expect(chart.clubs.first.name).toBe("Borussia Dortmund");
    expect(chart.points.map((point) => point.lead)).toEqual([1, 0, -1, 0, 1, 1, 0, 1, 1]);
    expect(chart.points.map((point) => point.tick)).toEqual(["1H", "2H", "2H", "2H", "2H", "FT", "11'", "83'", "FT"]);
  });

  test("who was going through after each entry, away goals included: Atalanta ahead at 1-1 and 2-2", () => {
    expect(chart.points.map((point) => point.goingThrough)).toEqual(["first", "second", "second", "second", "first", "first", "second", "first", "first"]);
    expect(chart.points.filter((point) => point.leaderFlipped).map((point) => point.sequence)).toEqual([2, 5, 7, 8]);
  });

  test("the lane of who was going through merges runs of the same state and covers the plot", () => {
    expect(chart.lane.map((stretch) => stretch.goingThrough)).toEqual([null, "first", "second", "first", "second", "first"]);
    expect(chart.lane[0]!.x1).toBe(chart.plot.left);
    expect(chart.lane.at(-1)!.x2).toBe(chart.plot.right);
    for (let index = 1; index < chart.lane.length; index++) expect(chart.lane[index]!.x1).toBe(chart.lane[index - 1]!.x2);
  });

  test("points go left to right, up when Dortmund lead, and the two legs are labelled", () => {
    const xs = chart.points.map((point) => point.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(chart.points[0]!.y).toBeLessThan(chart.plot.zeroY);
    expect(chart.points[2]!.y).toBeGreaterThan(chart.plot.zeroY);
    expect(chart.legs.map((leg) => leg.label)).toEqual(["Leg 1", "Leg 2"]);
    expect(chart.stepPath.startsWith(`M${chart.start.x}`)).toBe(true);
  });

  test("each point has a sentence for screen readers", () => {
    expect(chart.points[6]!.label).toBe("Leg 2, 11': Rafael Tolói (Atalanta). Atalanta ahead on away goals (2-0), level 3-3 on aggregate.");
    expect(chart.points[8]!.label).toMatch(/^Leg 2, full time: Full time\./);
  });
});

test("a first leg whose goals are unknown is one point, its final score", () => {
  const chart = timelineChart(dortmundAtalanta2026)!;
  expect(chart.points.map((point) => point.lead)).toEqual([2, 1, 0, -1, 0, -1, -1]);
  expect(chart.yTicks.map((tick) => tick.lead)).toEqual([-2, -1, 0, 1, 2]);
  expect(chart.points.map((point) => point.goingThrough)).toEqual(["first", "first", null, "second", null, "second", "second"]);
});

test("no chart without a timeline", () => {
  expect(timelineChart({ ...dortmundAtalanta2018, timeline: [] })).toBeNull();
});

test.each([
  [{ kind: "GOAL", minute: 90, addedTime: 3, minuteKnown: true, period: "SECOND_HALF" }, "90+3'"],
  [{ kind: "GOAL", minute: null, addedTime: null, minuteKnown: false, period: "EXTRA_TIME" }, "ET"],
  [{ kind: "GOAL", minute: null, addedTime: null, minuteKnown: false, period: null }, "?"],
  [{ kind: "SHOOT_OUT", minute: null, addedTime: null, minuteKnown: false, period: null }, "Pens"],
] as const)("tick %o reads %s", (entry, tick) => {
  expect(tickFor(entry as Parameters<typeof tickFor>[0])).toBe(tick);
});
