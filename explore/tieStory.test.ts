import { expect, test } from "vitest";
import { dortmundAtalanta2018, dortmundAtalanta2026 } from "./tieFixtures.ts";
import { tieStory } from "./tieStory.ts";

test("2018: Dortmund through on aggregate, settled by Schmelzer's late goal after four changes of hands", () => {
  expect(tieStory(dortmundAtalanta2018)).toEqual({
    headline: "Borussia Dortmund go through",
    explanation: "Borussia Dortmund win 4-3 on aggregate.",
    rule: "Decided on aggregate: more goals over the two legs.",
    swings: "Marcel Schmelzer's goal (leg 2, 83') put Borussia Dortmund through for good. The lead changed hands 4 times.",
  });
});

test("2026: Atalanta through, the lead changing hands once with two level moments on the way", () => {
  expect(tieStory(dortmundAtalanta2026).swings).toBe(
    "Lazar Samardžić's goal (leg 2, 90') put Atalanta through for good. The lead changed hands once; the tie was level twice along the way.",
  );
});

test("an undecided tie says so and names no rule", () => {
  const open = { ...dortmundAtalanta2018, outcome: { ...dortmundAtalanta2018.outcome, status: "IN_PROGRESS" as const, winner: null, loser: null, decidedBy: null } };
  const story = tieStory(open);
  expect(story.headline).toBe("Not decided yet");
  expect(story.rule).toBeNull();
  expect(story.swings).toBe("The lead changed hands 4 times.");
});
