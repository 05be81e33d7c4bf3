/**
 * The head-to-head view: the record of one club against another, every tie between them with how
 * it was decided, and every match, each a button that opens it in the graph.
 */
import type { HeadToHead } from "../sdk/index.ts";
import { formatDate, h } from "./dom.ts";

/** "won 1, drawn 2, lost 1; goals 6-6", from the first club's side. */
export function recordLine(record: HeadToHead["record"]): string {
  const shootOuts = record.shootOuts ? ` (${record.shootOuts} after a shoot-out)` : "";
  return `Played ${record.played}: won ${record.won}, drawn ${record.drawn}${shootOuts}, lost ${record.lost}; goals ${record.goalsFor}-${record.goalsAgainst}`;
}

function score(match: HeadToHead["matches"][number]): string {
  if (match.homeScore === null || match.awayScore === null) return "v";
  const extraTime = match.homeScoreAfterExtraTime !== null && match.awayScoreAfterExtraTime !== null ? ` (aet ${match.homeScoreAfterExtraTime}-${match.awayScoreAfterExtraTime})` : "";
  const shootOut = match.homePenalties !== null && match.awayPenalties !== null ? ` (pens ${match.homePenalties}-${match.awayPenalties})` : "";
  return `${match.homeScore}-${match.awayScore}${extraTime}${shootOut}`;
}

export function renderHeadToHead(found: HeadToHead, onOpenEntity: (id: string) => void): HTMLElement {
  const open = (id: string, text: string) => h("button", { type: "button", class: "link", "data-id": id, onclick: () => onOpenEntity(id) }, text);
  return h(
    "section",
    { class: "head-to-head", "aria-labelledby": "head-to-head-title" },
    h("h3", { id: "head-to-head-title", tabindex: -1 }, `Head to head: ${found.club.name} v ${found.opponent.name}`),
    h("p", { class: "record", id: "head-to-head-record" }, `${found.club.name}: ${recordLine(found.record)}`),
    found.ties.length ? h("h4", {}, `Ties (${found.ties.length})`) : null,
    found.ties.length
      ? h(
          "ul",
          { class: "h2h-ties" },
          found.ties.map((tie) =>
            h("li", {}, open(tie.id, [tie.competition.name, tie.season, tie.stage].filter(Boolean).join(" · ")), h("span", { class: "muted" }, ` ${tie.outcome.explanation}`)),
          ),
        )
      : null,
    h("h4", {}, `Matches (${found.matches.length})`),
    found.matches.length
      ? h(
          "ul",
          { class: "h2h-matches" },
          found.matches.map((match) =>
            h("li", {}, open(match.id, `${match.homeClub.name} ${score(match)} ${match.awayClub.name}`), h("span", { class: "muted" }, ` ${formatDate(match.date)}${match.tie ? ` · ${match.tie.competition.name} ${match.tie.season}` : ""}`)),
          ),
        )
      : h("p", { class: "muted" }, "They have not met in the graph."),
  );
}
