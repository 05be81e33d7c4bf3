/**
 * Which node labels to show: as many as fit without overlapping each other, covering another
 * node (a label takes the clicks meant for what it covers) or being cut by the pane's edge, most
 * important first (the centre, the selected node, its neighbours, the centre's
 * neighbours, then the rest in the API's order of relevance). Pure: boxes are in screen pixels,
 * worked out by the caller (explore/graphView.ts) for the current zoom.
 */
export interface LabelCandidate {
  id: string;
  /** Lower is more important. */
  priority: number;
  /** The label under its node, where labels go. */
  box: Box;
  /** The label above its node: tried when the box under it overlaps a label already chosen. */
  above?: Box;
  /**
   * Shown even when it is cut or covers a node (the centre, the selected node). Two of them that
   * overlap are kept apart by `above`; when that overlaps too, the less important one is left out
   * (the panel names it).
   */
  always?: boolean;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type Placement = "below" | "above";

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (box: Box, pane: { width: number; height: number }) => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= pane.width && box.y2 <= pane.height;

/** `nodes`: the drawn nodes' own boxes, by id; a label may cover its own node only. Returns where each shown label goes. */
export function chooseLabels(candidates: readonly LabelCandidate[], pane: { width: number; height: number }, nodes: ReadonlyMap<string, Box> = new Map()): Map<string, Placement> {
  const ordered = [...candidates].sort((a, b) => Number(!!b.always) - Number(!!a.always) || a.priority - b.priority);
  const shown = new Map<string, Placement>();
  const taken: Box[] = [];
  const coversANode = (id: string, box: Box) => [...nodes].some(([nodeId, body]) => nodeId !== id && overlaps(body, box));
  for (const candidate of ordered) {
    const placements: [Placement, Box][] = [["below", candidate.box]];
    if (candidate.above) placements.push(["above", candidate.above]);
    const free = (box: Box) => !taken.some((other) => overlaps(other, box));
    const chosen = candidate.always
      ? (placements.find(([, box]) => free(box)) ?? (taken.length === 0 ? placements[0] : undefined))
      : placements.find(([, box]) => inside(box, pane) && free(box) && !coversANode(candidate.id, box));
    if (!chosen) continue;
    shown.set(candidate.id, chosen[0]);
    taken.push(chosen[1]);
  }
  return shown;
}
