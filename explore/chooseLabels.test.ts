import { describe, expect, test } from "vitest";
import { chooseLabels, type LabelCandidate } from "./chooseLabels.ts";

const pane = { width: 390, height: 400 };
/** A label 100 x 20 whose top-left corner is at (x, y). */
const label = (id: string, priority: number, x: number, y: number, always = false): LabelCandidate => ({ id, priority, box: { x1: x, y1: y, x2: x + 100, y2: y + 20 }, always });

describe("chooseLabels", () => {
  test.each<[string, LabelCandidate[], string[]]>([
    ["labels apart from each other are all shown", [label("a", 0, 10, 10), label("b", 1, 200, 10), label("c", 2, 10, 100)], ["a", "b", "c"]],
    ["of two overlapping labels, the more important one is shown", [label("low", 5, 50, 15), label("high", 1, 10, 10)], ["high"]],
    ["a label the pane's edge would cut is left out", [label("cut", 0, 330, 10), label("fits", 1, 10, 10)], ["fits"]],
    ["the centre's label is shown even where it is cut or overlaps", [label("other", 0, 10, 10), label("centre", 9, 20, 15, true), label("edge", 1, 300, 390, true)], ["centre", "edge"]],
    ["after a forced label, others still avoid it", [label("centre", 0, 10, 10, true), label("near", 1, 60, 20), label("far", 2, 200, 200)], ["centre", "far"]],
    ["forty nodes in a crowd: never none, never overlapping", Array.from({ length: 40 }, (_, index) => label(`n${index}`, index, (index % 5) * 60, Math.floor(index / 5) * 12)), ["n0", "n2", "n4", "n10", "n12", "n14", "n20", "n22", "n24", "n30", "n32", "n34"]],
  ])("%s", (_name, candidates, expected) => {
    const shown = chooseLabels(candidates, pane);
    expect([...shown.keys()].sort()).toEqual([...expected].sort());
  });

  test.each<[string, LabelCandidate[], Record<string, string>]>([
    [
      "the selected node's label goes above its node when under it would overlap the centre's",
      [label("centre", 0, 10, 100, true), { ...label("selected", 1, 40, 110, true), above: { x1: 40, y1: 60, x2: 140, y2: 80 } }],
      { centre: "below", selected: "above" },
    ],
    [
      "and is left out when above would overlap too (the panel names it)",
      [label("centre", 0, 10, 100, true), { ...label("selected", 1, 40, 110, true), above: { x1: 40, y1: 95, x2: 140, y2: 115 } }],
      { centre: "below" },
    ],
    [
      "a label goes above only when under its node it cannot go",
      [{ ...label("a", 0, 10, 10), above: { x1: 10, y1: 200, x2: 110, y2: 220 } }, { ...label("b", 1, 20, 15), above: { x1: 20, y1: 300, x2: 120, y2: 320 } }],
      { a: "below", b: "above" },
    ],
  ])("%s", (_name, candidates, expected) => {
    expect(Object.fromEntries(chooseLabels(candidates, pane))).toEqual(expected);
  });

  test("a label that would cover another node (and take its clicks) is left out", () => {
    const nodes = new Map([
      ["a", { x1: 40, y1: 0, x2: 60, y2: 10 }],
      ["goal", { x1: 50, y1: 12, x2: 60, y2: 22 }],
      ["b", { x1: 240, y1: 0, x2: 260, y2: 10 }],
    ]);
    const shown = chooseLabels([label("a", 0, 10, 10), label("b", 1, 200, 10)], pane, nodes);
    expect([...shown.keys()]).toEqual(["b"]);
  });
});
