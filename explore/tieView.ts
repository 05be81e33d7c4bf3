/**
 * The tie view: both legs with their goals, the aggregate, how the tie was decided in words,
 * and the timeline chart of who was going through after every goal.
 */
import type { Tie } from "../sdk/index.ts";
import { formatDate, h, s } from "./dom.ts";
import { tieStory } from "./tieStory.ts";
import { tickFor, timelineChart, type Side, type TimelineChartModel } from "./timelineChart.ts";

export const sideColours: Record<Side, string> = { first: "#2563eb", second: "#e11d48" };
const levelColour = "#cbd5e1";

/**
 * The tie view. With `heading: false` it leaves the title to its container (the details panel
 * already shows the tie's name) and is labelled by the element `labelledBy`.
 */
export function renderTie(tie: Tie, onOpenEntity: (id: string) => void, options: { heading: boolean; labelledBy?: string } = { heading: true }): HTMLElement {
  const chart = timelineChart(tie);
  const story = tieStory(tie);
  const first = chart?.clubs.first ?? tie.legs[0]?.homeClub ?? null;
  const second = chart?.clubs.second ?? tie.legs[0]?.awayClub ?? null;
  const title = first && second ? `${first.name} v ${second.name}` : "Tie";
  const aggregateOf = (clubId: string | undefined) => tie.outcome.aggregate.find((score) => score.club.id === clubId)?.goals;

  const entityButton = (entity: { id: string; name: string } | null | undefined) =>
    entity ? h("button", { type: "button", class: "link", onclick: () => onOpenEntity(entity.id) }, entity.name) : "?";

  return h(
    "section",
    { class: "tie", "aria-labelledby": options.heading ? "tie-title" : (options.labelledBy ?? null), "data-tie-id": tie.id },
    options.heading ? h("p", { class: "kind-badge", style: "--kind: #7c3aed" }, "Tie") : null,
    options.heading ? h("h2", { id: "tie-title", tabindex: -1 }, title) : null,
    options.heading ? h("p", { class: "meta" }, [tie.competition?.name, tie.season, tie.stage].filter(Boolean).join(" · ")) : null,

    h(
      "div",
      { class: `verdict ${tie.outcome.winner ? "decided" : "open"}`, id: "tie-verdict" },
      h("p", { class: "headline" }, story.headline),
      h("p", { class: "explanation", id: "tie-explanation" }, story.explanation),
      story.rule ? h("p", { class: "rule" }, story.rule) : null,
      story.swings ? h("p", { class: "swings" }, story.swings) : null,
      tie.outcome.missingFact ? h("p", { class: "missing" }, `Missing fact: ${tie.outcome.missingFact}`) : null,
      ...tie.outcome.notes.map((note) => h("p", { class: "note" }, note)),
    ),

    first && second
      ? h(
          "div",
          { class: "aggregate", "aria-label": "Aggregate score" },
          h("span", { class: "club first" }, first.name),
          h("span", { class: "score" }, `${aggregateOf(first.id) ?? "–"}–${aggregateOf(second.id) ?? "–"}`),
          h("span", { class: "club second" }, second.name),
          h("span", { class: "caption" }, "aggregate"),
        )
      : null,

    h("h3", {}, "The legs"),
    h(
      "ol",
      { class: "legs" },
      tie.legs.map((leg) =>
        h(
          "li",
          { class: "leg" },
          h(
            "p",
            { class: "leg-meta" },
            `${leg.isReplay ? "Replay" : `Leg ${leg.legNumber}`}${leg.date ? ` · ${formatDate(leg.date)}` : ""}`,
            leg.stadium ? [" · ", entityButton({ id: leg.stadium.id, name: `${leg.stadium.name}${leg.stadium.city ? `, ${leg.stadium.city}` : ""}` })] : null,
          ),
          h(
            "p",
            { class: "leg-score" },
            h("span", { class: "club" }, entityButton(leg.homeClub)),
            h("span", { class: "score" }, leg.played ? `${leg.homeScore ?? "?"}–${leg.awayScore ?? "?"}` : "v"),
            h("span", { class: "club" }, entityButton(leg.awayClub)),
          ),
          leg.homeScoreAfterExtraTime !== null
            ? h("p", { class: "leg-extra" }, `After extra time ${leg.homeScoreAfterExtraTime}–${leg.awayScoreAfterExtraTime}`)
            : null,
          leg.homePenalties !== null ? h("p", { class: "leg-extra" }, `Penalties ${leg.homePenalties}–${leg.awayPenalties}`) : null,
          leg.goals.length
            ? h(
                "ul",
                { class: "goals" },
                leg.goals.map((goal) =>
                  h(
                    "li",
                    {},
                    h("span", { class: "minute" }, tickFor({ kind: "GOAL", minute: goal.minute, addedTime: goal.addedTime, minuteKnown: goal.minute !== null, period: goal.period as never })),
                    " ",
                    entityButton(goal.scorer ? { id: goal.scorer.id, name: goal.scorer.name } : null),
                    goal.penalty ? " (pen.)" : "",
                    goal.ownGoal ? " (o.g.)" : "",
                    goal.club ? h("span", { class: "for" }, ` for ${goal.club.name}`) : null,
                    goal.sources.length ? h("span", { class: "sourced", title: goal.sources.map((source) => source.title ?? source.id).join("\n") }, ` · ${goal.sources.length} source${goal.sources.length > 1 ? "s" : ""}`) : null,
                  ),
                ),
              )
            : leg.played
              ? h("p", { class: "muted" }, "Goals not all known: only the final score.")
              : null,
        ),
      ),
    ),

    h("h3", {}, "How the tie stood, goal by goal"),
    chart ? renderTimelineChart(chart) : h("p", { class: "muted" }, "No timeline yet."),
    h(
      "ol",
      { class: "timeline-list", id: "timeline-list" },
      (chart?.points ?? []).map((point) =>
        h(
          "li",
          { class: `timeline-entry${point.leaderFlipped ? " flipped" : point.leaderChanged ? " changed" : ""}`, "data-sequence": point.sequence },
          h("span", { class: "swatch", style: `background: ${point.goingThrough ? sideColours[point.goingThrough] : levelColour}`, "aria-hidden": "true" }),
          h("span", { class: "tick" }, `L${point.leg} ${point.tick}`),
          h("span", { class: "text" }, point.label.replace(/^Leg \d+, [^:]+: /, "")),
          point.leaderFlipped ? h("span", { class: "flip-badge" }, "flip") : null,
        ),
      ),
    ),
  );
}

function shortName(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

export function renderTimelineChart(model: TimelineChartModel): HTMLElement {
  const { plot } = model;
  const laneY = plot.bottom + 10;
  const svg = s(
    "svg",
    {
      class: "timeline-chart",
      id: "timeline-chart",
      viewBox: `0 0 ${model.width} ${model.height}`,
      // Scales to the panel's width (CSS); wide timelines scroll instead of shrinking past reading.
      style: `min-width: ${Math.min(model.width, Math.max(320, model.width * 0.6))}px`,
      role: "img",
      "aria-labelledby": "timeline-chart-title",
    },
    s("title", { id: "timeline-chart-title" }, `Aggregate lead after every goal: up is ${model.clubs.first.name}, down is ${model.clubs.second.name}; the lane below shows who was going through.`),
    // Legs, as shaded columns with their names on top.
    model.legs.map((leg, index) =>
      s(
        "g",
        { class: "leg-band" },
        s("rect", { x: leg.x1, y: plot.top - 22, width: leg.x2 - leg.x1, height: laneY + 12 - (plot.top - 22), fill: index % 2 ? "#f1f5f9" : "#f8fafc" }),
        s("text", { x: leg.x1 + 6, y: plot.top - 8, class: "leg-label" }, leg.label),
      ),
    ),
    // What up and down mean, above and below the plot.
    s("text", { x: plot.left - 26, y: 13, class: "side-label", fill: sideColours.first }, `↑ ${shortName(model.clubs.first.name)} ahead on aggregate`),
    s("text", { x: plot.left - 26, y: model.height - 4, class: "side-label", fill: sideColours.second }, `↓ ${shortName(model.clubs.second.name)} ahead on aggregate`),
    model.yTicks.map((tick) =>
      s(
        "g",
        { class: "y-tick" },
        s("line", { x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y, stroke: tick.lead === 0 ? "#64748b" : "#e2e8f0", "stroke-dasharray": tick.lead === 0 ? "" : "3 3" }),
        s("text", { x: plot.left - 6, y: tick.y + 3, "text-anchor": "end", class: "axis-label" }, tick.lead === 0 ? "0" : `${tick.lead > 0 ? "+" : "−"}${Math.abs(tick.lead)}`),
      ),
    ),
    s("path", { d: model.stepPath, class: "lead-line", fill: "none", stroke: "#0f172a", "stroke-width": 2.5, "stroke-linejoin": "round" }),
    // The lane: who would go through if the tie ended there.
    model.lane.map((stretch) =>
      s("rect", {
        class: `lane lane-${stretch.goingThrough ?? "level"}`,
        x: stretch.x1,
        y: laneY,
        width: Math.max(0, stretch.x2 - stretch.x1),
        height: 10,
        fill: stretch.goingThrough ? sideColours[stretch.goingThrough] : levelColour,
      }),
    ),
    model.points.map((point) =>
      s(
        "g",
        { class: `timeline-point kind-${point.kind.toLowerCase()}${point.leaderFlipped ? " flipped" : ""}`, "data-sequence": point.sequence, tabindex: 0, role: "img", "aria-label": point.label },
        s("title", {}, point.label),
        point.leaderFlipped ? s("circle", { cx: point.x, cy: point.y, r: 10, fill: "none", stroke: "#f59e0b", "stroke-width": 3 }) : null,
        point.kind === "GOAL"
          ? s("circle", { cx: point.x, cy: point.y, r: 6, fill: point.scoredBy ? sideColours[point.scoredBy] : "#0f172a", stroke: "#fff", "stroke-width": 2 })
          : s("rect", { x: point.x - 5, y: point.y - 5, width: 10, height: 10, fill: "#0f172a", stroke: "#fff", "stroke-width": 2 }),
        s("text", { x: point.x, y: laneY + 26, "text-anchor": "middle", class: "tick-label" }, point.tick),
      ),
    ),
  );
  const item = (marker: HTMLElement, text: string) => h("span", { class: "legend-item" }, marker, text);
  const legend = h(
    "p",
    { class: "chart-legend" },
    "Lane: who would go through. ",
    item(h("span", { class: "swatch", style: `background: ${sideColours.first}` }), model.clubs.first.name),
    item(h("span", { class: "swatch", style: `background: ${sideColours.second}` }), model.clubs.second.name),
    item(h("span", { class: "swatch", style: `background: ${levelColour}` }), "level"),
    item(h("span", { class: "ring" }), "lead flipped"),
  );
  return h("figure", { class: "chart" }, h("div", { class: "chart-scroll" }, svg), legend);
}
