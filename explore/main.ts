/**
 * The /explore page: search → an entity's neighbourhood as an interactive graph → details with
 * sources → the tie view. Every request goes through the typed SDK (sdk/PitchGraphClient.ts).
 */
import { isPitchGraphError, PitchGraphClient, type Connection, type GraphNode, type Neighbourhood, type SearchHit } from "../sdk/index.ts";
import { fill, formatDate, h } from "./dom.ts";
import { GraphView, kindStyles, legendEntries } from "./graphView.ts";
import { renderHeadToHead } from "./headToHeadView.ts";
import { renderTie } from "./tieView.ts";

const client = new PitchGraphClient({ endpoint: new URL("/graphql", location.href) });

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const searchForm = byId<HTMLFormElement>("search-form");
const searchInput = byId<HTMLInputElement>("search-input");
const searchResults = byId<HTMLUListElement>("search-results");
const details = byId<HTMLDivElement>("details");
const panel = byId<HTMLElement>("panel");
const status = byId<HTMLSpanElement>("graph-status");

const graph = new GraphView(byId("graph"), (id) => void selectAndExpand(id));
const expanded = new Set<string>();
let selected: string | null = null;
let connectFrom: string | null = null;
/** Operations under way: loading, laying out, drawing (tests wait until there are none). */
let busy = 0;

/** The function, counted in `busy` while it runs (calls may nest). */
function counted<A extends unknown[]>(work: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    busy += 1;
    try {
      await work(...args);
    } finally {
      busy -= 1;
    }
  };
}

function say(message: string): void {
  status.textContent = message;
}

function errorText(error: unknown): string {
  if (isPitchGraphError(error)) return error.status === null ? `The server cannot be reached (${error.message}).` : error.message;
  return error instanceof Error ? error.message : String(error);
}

function showError(where: HTMLElement, error: unknown): void {
  where.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(error)));
}

function drawnSummary(): string {
  const { nodes, edges } = graph.counts();
  return `${nodes} node${nodes === 1 ? "" : "s"}, ${edges} relationship${edges === 1 ? "" : "s"}`;
}

// --- Search -----------------------------------------------------------------------------------

let searchSerial = 0;
let hits: SearchHit[] = [];

function hitDetails(hit: SearchHit): string {
  switch (hit.__typename) {
    case "Player":
      return ["Player", hit.position, hit.nationality].filter(Boolean).join(" · ");
    case "Club":
      return ["Club", hit.country].filter(Boolean).join(" · ");
    case "Stadium":
      return ["Stadium", hit.city].filter(Boolean).join(" · ");
    default:
      return hit.__typename;
  }
}

function closeResults(): void {
  searchResults.hidden = true;
  searchInput.setAttribute("aria-expanded", "false");
}

function showResults(text: string): void {
  searchResults.replaceChildren(
    ...(hits.length
      ? hits.map((hit) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "hit", "data-id": hit.id, onclick: () => void openEntity(hit.id, { focusPanel: true }) },
              h("span", { class: "dot", style: `background: ${(kindStyles[hit.__typename] ?? { colour: "#737373" }).colour}`, "aria-hidden": "true" }),
              h("span", { class: "hit-name" }, hit.name),
              h("span", { class: "hit-kind" }, hitDetails(hit)),
              hit.aliases.length ? h("span", { class: "hit-aliases" }, `also ${hit.aliases.join(", ")}`) : null,
            ),
          ),
        )
      : [h("li", { class: "no-hits" }, `Nothing found for “${text}”.`)]),
  );
  searchResults.hidden = false;
  searchInput.setAttribute("aria-expanded", "true");
}

async function search(text: string): Promise<void> {
  const serial = ++searchSerial;
  if (!/[\p{L}\p{N}]/u.test(text)) {
    hits = [];
    closeResults();
    return;
  }
  try {
    const found = await client.searchEntities({ text, limit: 8 });
    if (serial !== searchSerial) return; // a later keystroke already asked again
    hits = found;
    showResults(text);
  } catch (error) {
    if (serial !== searchSerial) return;
    searchResults.replaceChildren(h("li", { class: "error", role: "alert" }, errorText(error)));
    searchResults.hidden = false;
  }
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
searchInput.addEventListener("input", () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => void search(searchInput.value.trim()), 200);
});
searchInput.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" && !searchResults.hidden) {
    event.preventDefault();
    searchResults.querySelector<HTMLButtonElement>("button")?.focus();
  } else if (event.key === "Escape") closeResults();
});
searchResults.addEventListener("keydown", (event) => {
  const buttons = [...searchResults.querySelectorAll<HTMLButtonElement>("button")];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (event.key === "ArrowDown") buttons[Math.min(buttons.length - 1, index + 1)]?.focus();
  else if (event.key === "ArrowUp") (index <= 0 ? searchInput : buttons[index - 1])?.focus();
  else if (event.key === "Escape") {
    closeResults();
    searchInput.focus();
  } else return;
  event.preventDefault();
});
searchForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  await search(searchInput.value.trim());
  if (hits[0]) await openEntity(hits[0].id);
});
document.addEventListener("click", (event) => {
  if (!searchForm.contains(event.target as Node)) closeResults();
});

// --- Graph --------------------------------------------------------------------------------------

/** What is known of the pages of a node's neighbourhood: where the next page starts, and the filters. */
interface Paging {
  nextOffset: number | null;
  total: number;
  seasons: string[];
  competitions: string[];
  filter: { kinds: string[] | null; season: string | null; competition: string | null };
}
const paging = new Map<string, Paging>();
/** Neighbours per page when a hub is paged through. */
const pageSize = 30;

function rememberPaging(id: string, page: Neighbourhood, filter: Paging["filter"]): void {
  paging.set(id, { nextOffset: page.nextOffset ?? null, total: page.total, seasons: page.seasons, competitions: page.competitions, filter });
}

/** Keyboard users land on the new details' title, not on <body> when the chosen button goes away. */
function focusDetails(): void {
  (document.getElementById("node-title") ?? panel).focus({ preventScroll: true });
}

/** Starts over from one entity: its neighbourhood two steps out, all of it in view. */
const openEntity = counted(async (id: string, options: { focusPanel?: boolean } = {}): Promise<void> => {
  // The search result that was chosen is about to go: keep focus in the panel meanwhile.
  if (options.focusPanel) panel.focus({ preventScroll: true });
  closeResults();
  say("Loading…");
  try {
    const neighbourhood = await client.neighbourhood({ id, depth: 2, limit: 30 });
    graph.clear();
    expanded.clear();
    paging.clear();
    connectFrom = null;
    graph.add(neighbourhood.nodes, neighbourhood.edges);
    graph.setCenter(id);
    expanded.add(id);
    await graph.layout(true); // a fresh layout ends with a fit
    say(`${drawnSummary()}${neighbourhood.truncated ? ` of ${neighbourhood.total + 1} around (select a node for more)` : ""}`);
    await select(id);
    if (options.focusPanel) focusDetails();
  } catch (error) {
    say("");
    showError(details, error);
  }
});

/** The next page of a node's direct neighbours (for hubs), with the node's filters. */
const showMore = counted(async (id: string, filter?: Paging["filter"]): Promise<void> => {
  const known = paging.get(id);
  const chosen = filter ?? known?.filter ?? { kinds: null, season: null, competition: null };
  // A new filter starts from its first page; otherwise carry on where the last page stopped. Not
  // paged yet (drawn from another node's neighbourhood): its first neighbours and a page more.
  // (`limit` counts the node itself too.)
  const [offset, limit] = filter ? [0, pageSize + 1] : known ? [known.nextOffset ?? 0, pageSize + 1] : [0, Math.min(200, graph.drawnDegree(id) + pageSize + 1)];
  say("Loading more…");
  try {
    const fetchPage = (from: number) => client.neighbourhood({ id, depth: 1, limit, offset: from, kinds: chosen.kinds, season: chosen.season, competition: chosen.competition });
    let page = await fetchPage(offset);
    let added = graph.add(page.nodes, page.edges, id);
    // A filter's first pages may hold only nodes drawn already (a hub's most relevant matches):
    // page on until one brings something new, so that pressing Filter visibly draws what it found.
    for (let pages = 1; filter && !added && page.nextOffset !== null && pages < 10; pages++) {
      page = await fetchPage(page.nextOffset);
      added = graph.add(page.nodes, page.edges, id);
    }
    rememberPaging(id, page, chosen);
    expanded.add(id);
    if (added) await graph.layout(false);
    graph.fit();
    const shown = (paging.get(id)!.nextOffset ?? page.total);
    say(`${drawnSummary()} · ${added} new around ${graph.node(id)?.caption ?? id} (${Math.min(shown, page.total)} of ${page.total}${chosen.season || chosen.competition || chosen.kinds ? " matching the filter" : ""})`);
    if (selected === id) renderDetails(id, { keepTie: true });
  } catch (error) {
    say(errorText(error));
  }
});

/** Adds a node's own neighbours to the drawing. */
const expand = counted(async (id: string): Promise<void> => {
  if (expanded.has(id)) return;
  expanded.add(id);
  say("Expanding…");
  try {
    const neighbourhood = await client.neighbourhood({ id, depth: 1, limit: 50 });
    rememberPaging(id, neighbourhood, { kinds: null, season: null, competition: null });
    const added = graph.add(neighbourhood.nodes, neighbourhood.edges, id);
    if (added) await graph.layout(false);
    graph.focusOn(id);
    say(`${drawnSummary()} · ${added ? `${added} new around ${graph.node(id)?.caption ?? id}` : "nothing new"}`);
  } catch (error) {
    expanded.delete(id);
    say(errorText(error));
  }
});

const selectAndExpand = counted(async (id: string): Promise<void> => {
  await select(id);
  await expand(id);
  if (selected === id) renderDetails(id, { keepTie: true });
});

// --- Details panel ----------------------------------------------------------------------------

const select = counted(async (id: string): Promise<void> => {
  selected = id;
  graph.select(id);
  if (location.hash.slice(1) !== encodeURIComponent(id)) history.replaceState(null, "", `#${encodeURIComponent(id)}`);
  renderDetails(id, { keepTie: false });
  const node = graph.node(id);
  if (node?.kind === "Tie") await showTie(id);
});

const showTie = counted(async (id: string): Promise<void> => {
  const slot = document.getElementById("tie-slot");
  if (!slot) return;
  slot.replaceChildren(h("p", { class: "muted" }, "Loading the tie…"));
  try {
    const tie = await client.tieById({ id });
    if (selected !== id) return;
    if (!tie) {
      slot.replaceChildren(h("p", { class: "error" }, "This tie is not in the graph any more."));
      return;
    }
    const firstLeg = tie.legs[0];
    fill(
      slot,
      renderTie(tie, (entityId) => void openOrSelect(entityId, { focusPanel: true }), { heading: false, labelledBy: "node-title" }),
      firstLeg
        ? h("p", {}, h("button", { type: "button", onclick: () => void showHeadToHead(firstLeg.homeClub.id, firstLeg.awayClub.id) }, `Head to head: ${firstLeg.homeClub.name} v ${firstLeg.awayClub.name}`))
        : null,
    );
  } catch (error) {
    showError(slot, error);
  }
});

/**
 * Selects a node when drawn; otherwise starts over from it. From a button in the panel (which
 * the new details replace), focus moves to the new details' title so keyboard users keep their place.
 */
const openOrSelect = counted(async (id: string, options: { focusPanel?: boolean } = {}): Promise<void> => {
  if (graph.has(id)) {
    const selecting = selectAndExpand(id);
    if (options.focusPanel) document.getElementById("node-title")?.focus({ preventScroll: true });
    await selecting;
    graph.focusOn(id);
  } else {
    await openEntity(id);
    if (options.focusPanel) document.getElementById("node-title")?.focus({ preventScroll: true });
  }
});

function sourceItem(source: GraphNode["sources"][number]): HTMLElement {
  const meta = [source.kind.charAt(0) + source.kind.slice(1).toLowerCase(), source.language, source.publishedOn ? formatDate(source.publishedOn) : null]
    .filter(Boolean)
    .join(" · ");
  return h("li", { class: "source" }, h("span", { class: "source-title" }, source.title ?? source.id), h("span", { class: "source-meta" }, `${meta} · ${source.id}`));
}

function renderDetails(id: string, options: { keepTie: boolean }): void {
  const node = graph.node(id);
  if (!node) return;
  const keptTie = options.keepTie ? document.getElementById("tie-slot") : null;
  const neighbours = graph.neighbours(id).sort((a, b) => a.node.kind.localeCompare(b.node.kind) || a.node.caption.localeCompare(b.node.caption));
  const drawn = graph.drawnDegree(id);
  const colour = (kindStyles[node.kind] ?? { colour: "#737373" }).colour;

  const actions = h(
    "div",
    { class: "actions" },
    drawn < node.degree && !expanded.has(id) ? h("button", { type: "button", id: "expand-button", onclick: () => void selectAndExpand(id) }, `Expand (${node.degree - drawn} more)`) : null,
    connectFrom && connectFrom !== id
      ? h("button", { type: "button", id: "connect-button", onclick: () => void showConnection(connectFrom!, id) }, `Connect from ${graph.node(connectFrom)?.caption ?? connectFrom}`)
      : h("button", { type: "button", id: "connect-button", onclick: () => { connectFrom = id; renderDetails(id, { keepTie: true }); say(`Now select another node and press “Connect from ${node.caption}”.`); } }, "Connect from here…"),
  );

  const tieSlot = keptTie ?? h("div", { id: "tie-slot" });
  const matchTie = node.kind === "Match" ? neighbours.find((neighbour) => neighbour.node.kind === "Tie") : undefined;
  // A match's two clubs, when drawn: the head-to-head of the two.
  const homeClub = node.kind === "Match" ? neighbours.find((neighbour) => neighbour.edge.type === "HOME_CLUB")?.node : undefined;
  const awayClub = node.kind === "Match" ? neighbours.find((neighbour) => neighbour.edge.type === "AWAY_CLUB")?.node : undefined;
  const pages = paging.get(id);
  const more = pages && pages.nextOffset !== null ? pages.total - pages.nextOffset : 0;

  // Re-rendering replaces the panel's elements: keep keyboard focus where it was.
  const focused = details.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = focused?.id ? `#${focused.id}` : focused?.getAttribute("data-id") ? `[data-id="${CSS.escape(focused.getAttribute("data-id")!)}"]` : null;
  fill(
    details,
    h("p", { class: "kind-badge", style: `--kind: ${colour}` }, node.kind),
    h("h2", { class: "node-title", id: "node-title", tabindex: -1 }, node.caption),
    node.details ? h("p", { class: "meta" }, node.details) : null,
    actions,
    matchTie
      ? h("p", {}, h("button", { type: "button", class: "primary", onclick: () => void openOrSelect(matchTie.node.id, { focusPanel: true }) }, `Open the tie: ${matchTie.node.caption}`))
      : null,
    homeClub && awayClub
      ? h("p", {}, h("button", { type: "button", onclick: () => void showHeadToHead(homeClub.id, awayClub.id) }, `Head to head: ${homeClub.caption} v ${awayClub.caption}`))
      : null,
    node.kind === "Tie" ? tieSlot : null,
    h("div", { id: "head-to-head-slot" }),
    h("h3", {}, drawn < node.degree ? `Connected to (${drawn} drawn of ${node.degree})` : `Connected to (${drawn})`),
    drawn < node.degree || pages ? pagingControls(id, pages, more) : null,
    neighbours.length
      ? h(
          "ul",
          { class: "neighbours" },
          neighbours.map((neighbour) =>
            h(
              "li",
              {},
              h(
                "button",
                { type: "button", class: "neighbour", "data-id": neighbour.node.id, onclick: () => void openOrSelect(neighbour.node.id, { focusPanel: true }) },
                h("span", { class: "dot", style: `background: ${(kindStyles[neighbour.node.kind] ?? { colour: "#737373" }).colour}`, "aria-hidden": "true" }),
                h("span", { class: "rel" }, neighbour.direction === "out" ? `${neighbour.edge.type} →` : `← ${neighbour.edge.type}`),
                h("span", { class: "neighbour-caption" }, neighbour.node.caption),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "Nothing drawn around it yet."),
    h("h3", {}, `Sources (${node.sources.length})`),
    node.sources.length ? h("ul", { class: "sources" }, node.sources.map(sourceItem)) : h("p", { class: "muted" }, "No source recorded."),
  );
  // The same control again, or the title when it is gone (Expand after expanding, Show more on
  // the last page): never <body>.
  if (focused) ((focusKey ? details.querySelector<HTMLElement>(focusKey) : null) ?? document.getElementById("node-title"))?.focus({ preventScroll: true });
  if (!options.keepTie) panel.scrollTop = 0;
}

/** "Show more" for a hub, and its filters (kind, season, competition) from what the last page offered. */
function pagingControls(id: string, pages: Paging | undefined, more: number): HTMLElement {
  const filter = pages?.filter ?? { kinds: null, season: null, competition: null };
  const select = (name: string, label: string, values: string[], chosen: string | null) =>
    h(
      "label",
      { class: "filter" },
      label,
      h("select", { name }, h("option", { value: "" }, "all"), values.map((value) => h("option", { value, ...(value === chosen ? { selected: true } : {}) }, value))),
    );
  const kinds = ["Match", "Tie", "Goal", "Player", "Club", "Stadium", "Coach", "Card"];
  const form = h(
    "form",
    {
      class: "paging",
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        const value = (name: string) => (data.get(name) as string | null) || null;
        const kind = value("kind");
        void showMore(id, { kinds: kind ? [kind] : null, season: value("season"), competition: value("competition") });
      },
    },
    select("kind", "Kind", kinds, filter.kinds?.[0] ?? null),
    pages?.seasons.length ? select("season", "Season", pages.seasons, filter.season) : null,
    pages?.competitions.length ? select("competition", "Competition", pages.competitions, filter.competition) : null,
    h("button", { type: "submit", id: "filter-button" }, "Filter"),
  );
  return h(
    "div",
    { class: "more" },
    // Pages count what lies around the node: its neighbours and the matches and ties they belong
    // to (so a club's pages hold more than its relationships in "Connected to").
    !pages || more > 0
      ? h("button", { type: "button", class: "primary", id: "show-more", onclick: () => void showMore(id) }, pages ? `Show ${Math.min(pageSize, more)} more (${pages.total - more} of ${pages.total} around it shown)` : `Show more`)
      : null,
    form,
  );
}

const showHeadToHead = counted(async (club: string, opponent: string): Promise<void> => {
  const slot = document.getElementById("head-to-head-slot");
  if (!slot) return;
  slot.replaceChildren(h("p", { class: "muted" }, "Loading the head to head…"));
  try {
    const found = await client.headToHead({ club, opponent });
    slot.replaceChildren(renderHeadToHead(found, (entityId) => void openOrSelect(entityId, { focusPanel: true })));
    slot.querySelector<HTMLElement>("h3")?.focus({ preventScroll: true });
  } catch (error) {
    showError(slot, error);
  }
});

const showConnection = counted(async (from: string, to: string): Promise<void> => {
  say("Looking for a connection…");
  try {
    const found: Connection | null = await client.connection({ from, to, maxHops: 8 });
    connectFrom = null;
    if (!found) {
      say(`No connection within 8 steps between ${graph.node(from)?.caption} and ${graph.node(to)?.caption}.`);
      renderDetails(to, { keepTie: true });
      return;
    }
    const added = graph.add(found.nodes, found.edges, from);
    if (added) await graph.layout(false);
    graph.highlightPath(found.nodes.map((node) => node.id), found.edges.map((edge) => edge.id));
    say(`Connected in ${found.hops} step${found.hops === 1 ? "" : "s"}: ${found.nodes.map((node) => node.caption).join(" → ")}`);
    renderDetails(to, { keepTie: true });
  } catch (error) {
    say(errorText(error));
  }
});

// --- Start --------------------------------------------------------------------------------------

byId("fit-button").addEventListener("click", () => graph.fit());
byId("relayout-button").addEventListener("click", () => void graph.layout(true));
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-open]")) {
  button.addEventListener("click", () => void openEntity(button.dataset.open!));
}
// The legend doubles as a filter: press a kind to hide it (press again to show it).
byId("legend").replaceChildren(
  ...legendEntries.map((entry) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "kind-toggle",
          "data-kind": entry.kind,
          "aria-pressed": "true",
          title: `Show or hide ${entry.label.toLowerCase()} nodes`,
          onclick: (event: Event) => {
            const button = event.currentTarget as HTMLButtonElement;
            const hide = !graph.isKindHidden(entry.kind);
            graph.setKindHidden(entry.kind, hide);
            button.setAttribute("aria-pressed", String(!hide));
          },
        },
        h("span", { class: "dot", style: `background: ${entry.colour}`, "aria-hidden": "true" }),
        entry.label,
      ),
    ),
  ),
  h("li", {}, h("span", { class: "dot ring-dashed", "aria-hidden": "true" }), "more to expand"),
);

// For tests and tooling: what is drawn, read from the graph itself.
(window as unknown as { pitchgraphExplorer: unknown }).pitchgraphExplorer = {
  drawnNodes: () => graph.drawnNodes(),
  drawnEdges: () => graph.drawnEdges(),
  selected: () => selected,
  /** True while nothing is loading, the last selection has been drawn and its labels chosen for the view. */
  idle: () => busy === 0 && graph.labelsSettled,
};

const initial = decodeURIComponent(location.hash.slice(1));
if (initial) void openEntity(initial);
window.addEventListener("hashchange", () => {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id && id !== selected) void openOrSelect(id);
});
