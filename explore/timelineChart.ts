/**
 * The geometry of the tie timeline chart: how the tie stood after every goal, as a step line of
 * the aggregate lead and a lane coloured by who was going through. Pure (no DOM), so it is
 * unit-tested; explore/tieView.ts draws it as SVG.
 */
import type { Tie } from "../sdk/index.ts";

type Entry = NonNullable<Tie["timeline"]>[number];

/** Which of the tie's two clubs: the first leg's home club is "first". */
export type Side = "first" | "second";

export interface ChartPoint {
  sequence: number;
  leg: number;
  kind: Entry["kind"];
  x: number;
  y: number;
  /** Goals of the first club minus the second's over the tie so far. */
  lead: number;
  goingThrough: Side | null;
  /** The club the goal counts for, when the entry is a goal. */
  scoredBy: Side | null;
  /** Under the axis: "30'", "90+2'", "1H" when only the half is known, "FT" at the end of a match. */
  tick: string;
  leaderChanged: boolean;
  leaderFlipped: boolean;
  /** One sentence for screen readers and tooltips. */
  label: string;
}

export interface TimelineChartModel {
  width: number;
  height: number;
  clubs: { first: { id: string; name: string }; second: { id: string; name: string } };
  plot: { left: number; right: number; top: number; bottom: number; zeroY: number };
  /** Where the tie started: 0-0, nobody through. */
  start: { x: number; y: number };
  points: ChartPoint[];
  /** SVG path of the lead as steps: flat until a goal, then up or down. */
  stepPath: string;
  /** The "going through" lane: one stretch per state, from one entry to the next. */
  lane: { x1: number; x2: number; goingThrough: Side | null }[];
  legs: { leg: number; x1: number; x2: number; label: string }[];
  yTicks: { y: number; lead: number }[];
}

const periodTicks: Record<string, string> = { FIRST_HALF: "1H", SECOND_HALF: "2H", NORMAL_TIME: "90", EXTRA_TIME: "ET" };

export function tickFor(entry: Pick<Entry, "kind" | "minute" | "addedTime" | "minuteKnown" | "period">): string {
  switch (entry.kind) {
    case "GOAL":
      if (entry.minuteKnown && entry.minute !== null) return entry.addedTime ? `${entry.minute}+${entry.addedTime}'` : `${entry.minute}'`;
      return entry.period ? (periodTicks[entry.period] ?? "?") : "?";
    case "MATCH_END":
      return "FT";
    case "SHOOT_OUT":
      return "Pens";
    case "RECORDED_DECISION":
      return "Dec.";
  }
}

/** The two clubs: the first leg's home and away clubs, else the aggregate's. */
export function clubsOf(tie: Pick<Tie, "legs" | "outcome">): TimelineChartModel["clubs"] | null {
  const firstLeg = tie.legs[0];
  if (firstLeg?.homeClub && firstLeg.awayClub) return { first: firstLeg.homeClub, second: firstLeg.awayClub };
  const [a, b] = tie.outcome.aggregate;
  return a && b ? { first: a.club, second: b.club } : null;
}

export function timelineChart(tie: Pick<Tie, "legs" | "outcome" | "timeline">): TimelineChartModel | null {
  const clubs = clubsOf(tie);
  if (!clubs || !tie.timeline || tie.timeline.length === 0) return null;
  const sideOf = (clubId: string | undefined | null): Side | null =>
    clubId === clubs.first.id ? "first" : clubId === clubs.second.id ? "second" : null;
  const leadOf = (entry: Entry) => {
    const goals = (clubId: string) => entry.aggregate.find((score) => score.club.id === clubId)?.goals ?? 0;
    return goals(clubs.first.id) - goals(clubs.second.id);
  };

  const n = tie.timeline.length;
  const step = 46;
  const width = Math.max(420, 40 + step * (n + 1));
  // Rows, top to bottom: "first club ahead" label, leg names, the plot, the lane, minute ticks,
  // "second club ahead" label.
  const height = 268;
  const plot = { left: 32, right: width - 10, top: 48, bottom: 186, zeroY: 0 };
  plot.zeroY = (plot.top + plot.bottom) / 2;
  const maxLead = Math.max(1, ...tie.timeline.map((entry) => Math.abs(leadOf(entry))));
  const yOf = (lead: number) => plot.zeroY - (lead * (plot.bottom - plot.top - 16)) / 2 / maxLead;
  const xStep = (plot.right - plot.left) / (n + 1);
  const xOf = (index: number) => plot.left + xStep * (index + 0.5);

  const start = { x: xOf(0), y: yOf(0) };
  const points: ChartPoint[] = tie.timeline.map((entry, index) => {
    const lead = leadOf(entry);
    const tick = tickFor(entry);
    const who = entry.scorer ? `${entry.scorer.name}${entry.club ? ` (${entry.club.name})` : ""}` : entry.kind === "MATCH_END" ? "Full time" : entry.kind.toLowerCase();
    return {
      sequence: entry.sequence,
      leg: entry.leg,
      kind: entry.kind,
      x: xOf(index + 1),
      y: yOf(lead),
      lead,
      goingThrough: sideOf(entry.goingThrough?.id),
      scoredBy: entry.kind === "GOAL" ? sideOf(entry.club?.id) : null,
      tick,
      leaderChanged: entry.leaderChanged,
      leaderFlipped: entry.leaderFlipped,
      label: `Leg ${entry.leg}, ${tick === "FT" ? "full time" : tick}: ${who}. ${entry.description}.`,
    };
  });

  let stepPath = `M${round(start.x)},${round(start.y)}`;
  for (const point of points) stepPath += ` H${round(point.x)} V${round(point.y)}`;
  stepPath += ` H${round(plot.right)}`;

  const lane: TimelineChartModel["lane"] = [];
  const stops = [start.x, ...points.map((point) => point.x), plot.right];
  const states: (Side | null)[] = [null, ...points.map((point) => point.goingThrough)];
  states.forEach((goingThrough, index) => {
    const x1 = index === 0 ? plot.left : stops[index]!;
    const x2 = stops[index + 1]!;
    const last = lane[lane.length - 1];
    if (last && last.goingThrough === goingThrough && last.x2 === x1) last.x2 = x2;
    else lane.push({ x1, x2, goingThrough });
  });

  const legs: TimelineChartModel["legs"] = [];
  for (const point of points) {
    const current = legs[legs.length - 1];
    if (current?.leg === point.leg) current.x2 = point.x + xStep / 2;
    else legs.push({ leg: point.leg, x1: legs.length ? point.x - xStep / 2 : plot.left, x2: point.x + xStep / 2, label: point.leg === 3 ? "Replay" : `Leg ${point.leg}` });
  }
  const lastLeg = legs[legs.length - 1];
  if (lastLeg) lastLeg.x2 = plot.right;

  const yTicks = maxLead <= 4
    ? Array.from({ length: 2 * maxLead + 1 }, (_, index) => index - maxLead).map((lead) => ({ lead, y: yOf(lead) }))
    : [-maxLead, 0, maxLead].map((lead) => ({ lead, y: yOf(lead) }));

  return { width, height, clubs, plot, start, points, stepPath, lane, legs, yTicks };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
