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
  box: Box;
  /** Shown even when it overlaps or is cut (the centre, the selected node). */
  always?: boolean;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (box: Box, pane: { width: number; height: number }) => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= pane.width && box.y2 <= pane.height;

/** `nodes`: the drawn nodes' own boxes, by id; a label may cover its own node only. */
export function chooseLabels(candidates: readonly LabelCandidate[], pane: { width: number; height: number }, nodes: ReadonlyMap<string, Box> = new Map()): Set<string> {
  const ordered = [...candidates].sort((a, b) => Number(!!b.always) - Number(!!a.always) || a.priority - b.priority);
  const shown: LabelCandidate[] = [];
  const coversANode = (candidate: LabelCandidate) => [...nodes].some(([id, box]) => id !== candidate.id && overlaps(box, candidate.box));
  for (const candidate of ordered) {
    if (!candidate.always && (!inside(candidate.box, pane) || shown.some((other) => overlaps(other.box, candidate.box)) || coversANode(candidate))) continue;
    shown.push(candidate);
  }
  return new Set(shown.map((candidate) => candidate.id));
}
