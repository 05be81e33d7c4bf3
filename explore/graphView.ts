/**
 * The interactive graph (cytoscape, MIT): nodes coloured by kind, captions that never overflow
 * (ellipsis), a dashed ring on nodes with more connections than drawn. Labels stay readable at
 * any zoom (their size follows the zoom) and are shown by importance where they fit without
 * overlapping or being cut (explore/chooseLabels.ts); kinds can be hidden.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import type { GraphEdge, GraphNode } from "../sdk/index.ts";
import { chooseLabels, type Box, type LabelCandidate } from "./chooseLabels.ts";

export const kindStyles: Record<string, { colour: string; shape: cytoscape.Css.NodeShape }> = {
  Player: { colour: "#2563eb", shape: "ellipse" },
  Club: { colour: "#dc2626", shape: "round-rectangle" },
  Match: { colour: "#059669", shape: "diamond" },
  Goal: { colour: "#d97706", shape: "ellipse" },
  Tie: { colour: "#7c3aed", shape: "hexagon" },
  Stadium: { colour: "#475569", shape: "rectangle" },
  Competition: { colour: "#0891b2", shape: "star" },
  Season: { colour: "#64748b", shape: "round-tag" },
  Stage: { colour: "#64748b", shape: "round-tag" },
  Coach: { colour: "#db2777", shape: "ellipse" },
  // What happened in matches besides goals (seed knowledge), one colour for all of it.
  Card: { colour: "#ca8a04", shape: "round-rectangle" },
  Substitution: { colour: "#a16207", shape: "vee" },
  DisallowedGoal: { colour: "#a16207", shape: "ellipse" },
  PenaltyAward: { colour: "#a16207", shape: "triangle" },
  VarReview: { colour: "#a16207", shape: "triangle" },
  Incident: { colour: "#a16207", shape: "tag" },
  // Where the reports disagree.
  Conflict: { colour: "#be123c", shape: "octagon" },
  Claim: { colour: "#fb7185", shape: "ellipse" },
};

/** The legend: one entry per colour people need to tell apart. */
const legendKinds: [label: string, kind: string][] = [
  ["Player", "Player"],
  ["Club", "Club"],
  ["Match", "Match"],
  ["Goal", "Goal"],
  ["Tie", "Tie"],
  ["Stadium", "Stadium"],
  ["Competition", "Competition"],
  ["Coach", "Coach"],
  ["Card", "Card"],
  ["Other event", "Incident"],
  ["Conflict", "Conflict"],
  ["Claim", "Claim"],
];
export const legendEntries: { label: string; kind: string; colour: string }[] = legendKinds.map(([label, kind]) => ({
  label,
  kind,
  colour: kindStyles[kind]!.colour,
}));
const otherKind = { colour: "#737373", shape: "ellipse" as const };

export interface Neighbour {
  node: GraphNode;
  edge: GraphEdge;
  /** "out" when the selected node is the edge's source. */
  direction: "out" | "in";
}

export class GraphView {
  readonly cy: Core;
  private readonly data = new Map<string, GraphNode>();

  constructor(container: HTMLElement, onTap: (id: string) => void) {
    this.cy = cytoscape({
      container,
      // "Show all" must fit a paged hub (two hundred nodes and more, with the layout's outliers)
      // into a phone's pane: at 0.15 the zoom stopped short and left nodes off it.
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "background-color": "data(colour)",
            shape: "data(shape)" as never,
            width: 26,
            height: 26,
            "font-size": 12,
            "font-family": "system-ui, sans-serif",
            color: "#0f172a",
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-wrap": "ellipsis",
            "text-max-width": "150px",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-background-padding": "2px",
            "text-background-shape": "roundrectangle",
            "border-width": 2,
            "border-color": "#ffffff",
          },
        },
        { selector: "node[kind = 'Goal']", style: { width: 16, height: 16 } },
        { selector: "node[kind = 'Club'], node[kind = 'Tie']", style: { width: 32, height: 32, "font-weight": "bold" } },
        { selector: "node.more", style: { "border-style": "dashed", "border-color": "#0f172a", "border-width": 2 } },
        { selector: "node.center", style: { width: 38, height: 38, "font-size": 15, "font-weight": "bold" } },
        { selector: "node:selected", style: { "border-width": 5, "border-color": "#f59e0b", "border-style": "solid", "z-index": 10, "font-size": 15, "font-weight": "bold" } },
        {
          selector: "edge",
          style: {
            width: 1.5,
            "curve-style": "bezier",
            "line-color": "#94a3b8",
            "target-arrow-shape": "triangle",
            "target-arrow-color": "#94a3b8",
            "arrow-scale": 0.8,
          },
        },
        {
          selector: "edge.near",
          style: {
            label: "data(type)",
            "font-size": 8,
            color: "#334155",
            "text-rotation": "autorotate",
            "text-background-color": "#f8fafc",
            "text-background-opacity": 0.9,
            "line-color": "#475569",
            "target-arrow-color": "#475569",
          },
        },
        { selector: "edge.path", style: { width: 4, "line-color": "#f59e0b", "target-arrow-color": "#f59e0b", "z-index": 9 } },
        { selector: "node.path", style: { "border-width": 4, "border-color": "#f59e0b", "border-style": "solid" } },
        { selector: ".filtered", style: { display: "none" } },
      ],
    });
    this.cy.on("tap", "node", (event) => onTap((event.target as NodeSingular).id()));
    // Labels follow the view: chosen again once a zoom or pan has settled.
    this.cy.on("viewport", () => this.scheduleLabels());
    // The pane can change size after a fit (the status line above it wraps onto a second line,
    // a phone turns): a view left as fitted is fitted again, or labels near the edge are cut.
    new ResizeObserver(() => this.scheduleLabels()).observe(container);
  }

  /** Chooses the labels again (and fits again, when the view is as fit() left it) in the next frame. */
  private scheduleLabels(): void {
    cancelAnimationFrame(this.labelFrame);
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      if (this.refitDue()) this.fit();
      else this.updateLabels();
    });
  }

  /** True when the pane has changed size since fit() and the view is still as fit() left it. */
  private refitDue(): boolean {
    const fitted = this.fittedView;
    if (fitted === null) return false;
    const container = this.cy.container() as HTMLElement;
    const sizeChanged = fitted.width !== container.clientWidth || fitted.height !== container.clientHeight;
    return sizeChanged && fitted.zoom === this.cy.zoom() && fitted.panX === this.cy.pan().x && fitted.panY === this.cy.pan().y;
  }

  /** The view and pane size fit() left; a resize while the view is unchanged fits again. */
  private fittedView: { zoom: number; panX: number; panY: number; width: number; height: number } | null = null;

  /** The frame that will choose the labels again after a zoom or pan; 0 when none is due. */
  private labelFrame = 0;

  /** True when the labels drawn are the ones chosen for the current view (none is due). */
  get labelsSettled(): boolean {
    const container = this.cy.container() as HTMLElement;
    const resized = this.labelledPane.width !== container.clientWidth || this.labelledPane.height !== container.clientHeight;
    return this.labelFrame === 0 && !(resized && this.cy.nodes().nonempty()) && !this.refitDue();
  }

  /** The pane's size when the labels were last chosen: a resize not yet handled means they are due again. */
  private labelledPane = { width: 0, height: 0 };

  private centerId: string | null = null;
  private order = 0;
  private readonly hiddenKinds = new Set<string>();

  /** Rendered size of label text in pixels, whatever the zoom. */
  private static readonly labelFontPx = 12;
  private static readonly importantFontPx = 14;
  private static readonly labelMaxWidthPx = 150;
  /** The closest a fit or a focus zooms in: nodes and their neighbours at a size that reads. */
  private static readonly readableZoom = 1.3;
  /** Space kept free around a fitted graph, in screen pixels. */
  private static readonly fitPaddingPx = 30;

  /**
   * Chooses the labels to show for the current view (see chooseLabels) and sizes them so that
   * they read at the same size at any zoom. Each candidate's box is the one Cytoscape itself
   * draws (every caption is set for a moment, measured, then the losers are blanked, all before
   * the next frame is painted): an estimate from the text alone missed bold club names, the
   * ellipsis and the padding, and let drawn labels overlap.
   */
  updateLabels(): void {
    const zoom = this.cy.zoom();
    const container = this.cy.container() as HTMLElement;
    const pane = { width: container.clientWidth, height: container.clientHeight };
    this.labelledPane = pane;
    const selectedNode = this.cy.nodes(":selected").first();
    const nearSelected = new Set(selectedNode.nonempty() ? selectedNode.neighborhood("node").map((node) => node.id()) : []);
    const nearCenter = new Set(this.centerId ? this.cy.getElementById(this.centerId).neighborhood("node").map((node) => node.id()) : []);
    const visible = this.cy.nodes().filter((node) => !node.hasClass("filtered"));
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const important = node.hasClass("center") || node.selected();
        node.style({
          "font-size": (important ? GraphView.importantFontPx : GraphView.labelFontPx) / zoom,
          "text-max-width": `${GraphView.labelMaxWidthPx / zoom}px`,
          "text-valign": "bottom",
          "text-margin-y": 4 / zoom,
          "text-background-padding": `${2 / zoom}px`,
        });
      });
      visible.forEach((node) => {
        if (node.data("label") !== node.data("caption")) node.data("label", node.data("caption"));
      });
    });
    // Outside the batch, so that the styles and captions above are applied before measuring.
    const candidates: LabelCandidate[] = [];
    const bodies = new Map<string, Box>();
    const labelBox = (node: NodeSingular): Box => {
      const box = node.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeEdges: false, includeOverlays: false });
      return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    };
    visible.forEach((node) => {
      const body = node.renderedBoundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false });
      bodies.set(node.id(), { x1: body.x1, y1: body.y1, x2: body.x2, y2: body.y2 });
      const id = node.id();
      const tier = id === this.centerId ? 0 : node.selected() ? 1 : nearSelected.has(id) ? 2 : nearCenter.has(id) ? 3 : 4;
      const candidate: LabelCandidate = { id, priority: tier * 100_000 + (node.data("order") as number), box: labelBox(node), always: tier <= 1 };
      if (candidate.always) {
        // The centre's and the selected node's labels may go above their nodes to keep apart: measured there too.
        node.style({ "text-valign": "top", "text-margin-y": -4 / zoom });
        candidate.above = labelBox(node);
        node.style({ "text-valign": "bottom", "text-margin-y": 4 / zoom });
      }
      candidates.push(candidate);
    });
    const shown = chooseLabels(candidates, pane, bodies);
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const placement = shown.get(node.id());
        const label = placement ? (node.data("caption") as string) : "";
        if (node.data("label") !== label) node.data("label", label);
        if (placement === "above") node.style({ "text-valign": "top", "text-margin-y": -4 / zoom });
      });
    });
  }

  /** Hides (or shows again) every node of a kind, with its edges. */
  setKindHidden(kind: string, hidden: boolean): void {
    if (hidden) this.hiddenKinds.add(kind);
    else this.hiddenKinds.delete(kind);
    this.applyKindFilter();
  }

  isKindHidden(kind: string): boolean {
    return this.hiddenKinds.has(kind);
  }

  private applyKindFilter(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        // The centre and the selected node stay, whatever their kind.
        node.toggleClass("filtered", this.hiddenKinds.has(node.data("kind") as string) && node.id() !== this.centerId && !node.selected());
      });
    });
    this.updateLabels();
  }

  clear(): void {
    this.cy.elements().remove();
    this.data.clear();
    this.order = 0;
  }

  has(id: string): boolean {
    return this.data.has(id);
  }

  node(id: string): GraphNode | undefined {
    return this.data.get(id);
  }

  /** Adds what is not drawn yet; new nodes start around `around` so the layout grows from there. Returns how many nodes were new. */
  add(nodes: readonly GraphNode[], edges: readonly GraphEdge[], around?: string): number {
    const origin = around && this.cy.getElementById(around).nonempty() ? this.cy.getElementById(around).position() : { x: 0, y: 0 };
    const fresh = nodes.filter((node) => !this.data.has(node.id));
    const elements: ElementDefinition[] = fresh.map((node, index) => {
      const angle = (2 * Math.PI * index) / Math.max(1, fresh.length);
      const style = kindStyles[node.kind] ?? otherKind;
      return {
        group: "nodes",
        // `order`: the API's order of relevance, which decides whose label wins a tie for space.
        data: { id: node.id, kind: node.kind, caption: node.caption, label: "", order: this.order++, colour: style.colour, shape: style.shape },
        position: { x: origin.x + 60 * Math.cos(angle), y: origin.y + 60 * Math.sin(angle) },
      };
    });
    for (const node of nodes) this.data.set(node.id, node);
    for (const edge of edges) {
      if (this.cy.getElementById(edge.id).nonempty()) continue;
      elements.push({ group: "edges", data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type } });
    }
    this.cy.add(elements.filter((element) => element.group === "nodes" || (this.data.has(element.data.source) && this.data.has(element.data.target))));
    this.markNodesWithMore();
    this.applyKindFilter();
    return fresh.length;
  }

  /** Lays the graph out again (cose, force-directed); `fresh` scatters instead of starting from current positions. */
  async layout(fresh: boolean): Promise<void> {
    const container = this.cy.container() as HTMLElement;
    const layout = this.cy.layout({
      name: "cose",
      animate: false,
      randomize: fresh,
      // Scatter over the pane's own shape, so a wide pane gets a wide graph; a small graph over
      // no more than its edges need (two nodes scattered over a whole pane ended up at its corners).
      boundingBox: fresh ? scatterBox(this.cy.nodes().length, container) : undefined,
      // Framed by fit() below: cose's own fit counts labels, which at a small zoom are huge in
      // the graph's units (a crowded graph on a phone collapsed to a dot).
      fit: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 40000,
      nodeOverlap: 20,
      gravity: 0.4,
      componentSpacing: 60,
      numIter: 2500,
    } as cytoscape.LayoutOptions);
    // Laid out by the nodes' bodies alone: labels chosen for an earlier zoom would otherwise
    // space the nodes, and the same graph would be drawn differently after a zoom.
    this.cy.batch(() => this.cy.nodes().forEach((node) => void node.data("label", "")));
    const done = layout.promiseOn("layoutstop");
    // cose scatters and nudges with Math.random; seeded from what is drawn, the same graph gets
    // the same picture on every visit (and in every test run). The run is synchronous
    // (animate: false), so nothing else sees the stand-in.
    const random = Math.random;
    Math.random = seededRandom(this.cy.nodes().map((node) => node.id()).join("|"));
    try {
      layout.run();
    } finally {
      Math.random = random;
    }
    await done;
    if (fresh) this.fit();
    else this.updateLabels();
  }

  /**
   * Every shown node in the pane, with the labels that are always shown (the centre's, the
   * selected node's); other labels show where they then fit. Worked out rather than left to
   * cy.fit: labels keep their size on screen, so in the graph's own units they grow as the view
   * zooms out, and fitting boxes that include them shrank a crowded graph on a small pane to a dot.
   * The zoom is the largest at which the nodes' bodies (which scale) and those labels (which do
   * not) fit inside the padding; it depends only on the positions and the pane, so the same graph
   * in the same pane is always framed the same way.
   */
  fit(): void {
    this.cy.resize();
    const shown = this.cy.nodes(":visible");
    const container = this.cy.container() as HTMLElement;
    const room = { width: container.clientWidth - 2 * GraphView.fitPaddingPx, height: container.clientHeight - 2 * GraphView.fitPaddingPx };
    if (shown.nonempty() && room.width > 0 && room.height > 0) {
      this.updateLabels(); // label styles for the current zoom
      // The always-shown labels measured under their nodes, whatever updateLabels chose for them
      // at this zoom (above the node, or left out), so that the frame depends on the positions alone.
      const zoomNow = this.cy.zoom();
      const always = shown.filter((node) => node.hasClass("center") || node.selected());
      this.cy.batch(() =>
        always.forEach((node) => {
          node.data("label", node.data("caption"));
          node.style({ "text-valign": "bottom", "text-margin-y": 4 / zoomNow });
        }),
      );
      const parts = shown.map((node) => {
        const body = node.boundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false });
        if (!always.contains(node)) return { body, label: null };
        const drawnBody = node.renderedBoundingBox({ includeNodes: true, includeLabels: false, includeEdges: false, includeOverlays: false });
        const drawnLabel = node.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeEdges: false, includeOverlays: false });
        const centreX = (drawnBody.x1 + drawnBody.x2) / 2;
        // In screen pixels, whatever the zoom: how far the label reaches left and right of the
        // node's centre, and below its body; the same room is kept above it, where it goes to keep
        // clear of the other always-shown label.
        const reach = Math.max(drawnLabel.y2 - drawnBody.y2, 0);
        return { body, label: { left: centreX - drawnLabel.x1, right: drawnLabel.x2 - centreX, reach } };
      });
      /** What is drawn at `zoom`, in screen pixels before panning. */
      const extentAt = (zoom: number) => {
        const extent = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
        for (const { body, label } of parts) {
          const centreX = (zoom * (body.x1 + body.x2)) / 2;
          extent.x1 = Math.min(extent.x1, zoom * body.x1, label ? centreX - label.left : Infinity);
          extent.x2 = Math.max(extent.x2, zoom * body.x2, label ? centreX + label.right : -Infinity);
          extent.y1 = Math.min(extent.y1, zoom * body.y1 - (label ? label.reach : 0));
          extent.y2 = Math.max(extent.y2, zoom * body.y2 + (label ? label.reach : 0));
        }
        return extent;
      };
      const fits = (zoom: number) => {
        const extent = extentAt(zoom);
        return extent.x2 - extent.x1 <= room.width && extent.y2 - extent.y1 <= room.height;
      };
      // No closer than focusOn goes: a graph of one or two nodes is not blown up to the corners.
      let zoom = GraphView.readableZoom;
      if (!fits(zoom)) {
        let low = this.cy.minZoom();
        let high = zoom;
        for (let step = 0; step < 40; step++) {
          const middle = (low + high) / 2;
          if (fits(middle)) low = middle;
          else high = middle;
        }
        zoom = low;
      }
      const extent = extentAt(zoom);
      this.cy.viewport({ zoom, pan: { x: container.clientWidth / 2 - (extent.x1 + extent.x2) / 2, y: container.clientHeight / 2 - (extent.y1 + extent.y2) / 2 } });
    }
    this.updateLabels();
    this.fittedView = { zoom: this.cy.zoom(), panX: this.cy.pan().x, panY: this.cy.pan().y, width: container.clientWidth, height: container.clientHeight };
  }

  /** Shows a node and its neighbours, close enough to read their labels. */
  focusOn(id: string): void {
    const around = this.cy.getElementById(id).closedNeighborhood();
    if (around.empty()) return;
    this.cy.fit(around, 50);
    if (this.cy.zoom() > GraphView.readableZoom) {
      this.cy.zoom(GraphView.readableZoom);
      this.cy.center(around);
    }
  }

  select(id: string | null): void {
    this.cy.nodes().unselect();
    this.cy.edges().removeClass("near");
    if (id) {
      const node = this.cy.getElementById(id);
      node.select();
      node.connectedEdges().addClass("near");
    }
    this.applyKindFilter();
  }

  setCenter(id: string): void {
    this.centerId = id;
    this.cy.nodes().removeClass("center");
    this.cy.getElementById(id).addClass("center");
    this.applyKindFilter();
  }

  /** The drawn neighbours of a node, each with the edge that links them. */
  neighbours(id: string): Neighbour[] {
    return this.cy
      .getElementById(id)
      .connectedEdges()
      .map((edge) => {
        const out = edge.source().id() === id;
        const other = this.data.get(out ? edge.target().id() : edge.source().id());
        const data = edge.data() as GraphEdge;
        return other ? { node: other, edge: { id: data.id, source: data.source, target: data.target, type: data.type }, direction: out ? "out" : "in" } : null;
      })
      .filter((neighbour): neighbour is Neighbour => neighbour !== null);
  }

  drawnDegree(id: string): number {
    return this.cy.getElementById(id).connectedEdges().length;
  }

  highlightPath(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    this.cy.elements().removeClass("path");
    for (const id of [...nodeIds, ...edgeIds]) this.cy.getElementById(id).addClass("path");
  }

  counts(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  /**
   * Every drawn node with its caption, where it is on screen and, when its label is shown, the
   * label's box on screen (for tests and tooling). `hidden` for a kind filtered out.
   */
  drawnNodes(): { id: string; kind: string; caption: string; x: number; y: number; selected: boolean; more: boolean; hidden: boolean; label: Box | null }[] {
    const box = (this.cy.container() as HTMLElement).getBoundingClientRect();
    return this.cy.nodes().map((node) => {
      const labelled = (node.data("label") as string) !== "" && !node.hasClass("filtered");
      const labelBox = labelled ? node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) : null;
      const toScreen = (x: number, y: number) => ({ x: box.left + x * this.cy.zoom() + this.cy.pan().x, y: box.top + y * this.cy.zoom() + this.cy.pan().y });
      const corner1 = labelBox ? toScreen(labelBox.x1, labelBox.y1) : null;
      const corner2 = labelBox ? toScreen(labelBox.x2, labelBox.y2) : null;
      return {
        id: node.id(),
        kind: node.data("kind") as string,
        caption: node.data("caption") as string,
        x: box.left + node.renderedPosition().x,
        y: box.top + node.renderedPosition().y,
        selected: node.selected(),
        more: node.hasClass("more"),
        hidden: node.hasClass("filtered"),
        label: corner1 && corner2 ? { x1: corner1.x, y1: corner1.y, x2: corner2.x, y2: corner2.y } : null,
      };
    });
  }

  drawnEdges(): GraphEdge[] {
    return this.cy.edges().map((edge) => {
      const data = edge.data() as GraphEdge;
      return { id: data.id, source: data.source, target: data.target, type: data.type };
    });
  }

  private markNodesWithMore(): void {
    this.cy.nodes().forEach((node) => {
      const degree = this.data.get(node.id())?.degree ?? 0;
      node.toggleClass("more", degree > node.connectedEdges().length);
    });
  }
}

/** A repeatable stand-in for Math.random (mulberry32), seeded by a string's FNV-1a hash. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let index = 0; index < seed.length; index++) state = Math.imul(state ^ seed.charCodeAt(index), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where cose scatters `count` nodes: the pane's shape, shrunk for a small graph to about 1.5 ideal edge lengths per node on a side. */
function scatterBox(count: number, container: HTMLElement): { x1: number; y1: number; w: number; h: number } {
  const side = 90 * 1.5 * Math.sqrt(count);
  const width = Math.max(300, container.clientWidth);
  const height = Math.max(300, container.clientHeight);
  const scale = Math.min(1, side / Math.max(width, height));
  return { x1: 0, y1: 0, w: width * scale, h: height * scale };
}
