import { expect, test } from "vitest";
import type { EventPeriod } from "../seeds/seedFormat.ts";
import { eventTimeOrder } from "./eventTimeOrder.ts";

type Time = { minute?: number; addedTime?: number; period?: EventPeriod };

test.each<[string, Time, Time]>([
  ["the 11th minute comes before the 83rd", { minute: 11 }, { minute: 83 }],
  ["90+8 comes after 90+2", { minute: 90, addedTime: 2 }, { minute: 90, addedTime: 8 }],
  ["first-half stoppage time comes before the 46th minute", { minute: 45, addedTime: 3 }, { minute: 46 }],
  ["second-half stoppage time comes before extra time", { minute: 90, addedTime: 8 }, { minute: 91 }],
  ["an event known only as first half comes after the 45th minute's stoppage time", { minute: 45, addedTime: 4 }, { period: "FIRST_HALF" }],
  ["an event known only as first half comes before the second half", { period: "FIRST_HALF" }, { minute: 46 }],
  ["a pre-match incident comes before the first minute", { period: "BEFORE_MATCH" }, { minute: 1 }],
  ["an event known by nothing comes after extra time", { period: "EXTRA_TIME" }, {}],
])("%s", (_why, earlier, later) => {
  expect(eventTimeOrder(earlier)).toBeLessThan(eventTimeOrder(later));
});
