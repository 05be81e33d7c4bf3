/**
 * The heavy lane held for a whole request: how many heavy requests are served at once, and that a
 * slot is never leaked by a request that finishes, is cancelled, or gives up waiting.
 */
import type { Driver } from "neo4j-driver";
import { describe, expect, test } from "vitest";
import { RequestCancelledError, RequestScope } from "./RequestScope.ts";
import { Semaphore } from "./Semaphore.ts";

// holdHeavyLane never touches the driver: the lane is about this process's slots.
const noDriver = {} as Driver;
const scopeOn = (heavyLane: Semaphore, timeoutMs = 60_000) => new RequestScope(noDriver, { timeoutMs, sessionsPerRequest: 4, heavyLane });
const settledWithin = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true, () => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe("holdHeavyLane", () => {
  test("a second heavy request waits until the first is answered, then gets the slot", async () => {
    const lane = new Semaphore(1);
    const first = scopeOn(lane);
    const second = scopeOn(lane);
    first.markHeavy();
    second.markHeavy();
    await first.holdHeavyLane();
    const waiting = second.holdHeavyLane();
    expect(await settledWithin(waiting, 50)).toBe(false);
    first.finish();
    expect(await settledWithin(waiting, 1_000)).toBe(true);
    second.finish();
    // Both slots given back: a third takes it at once.
    const third = scopeOn(lane);
    third.markHeavy();
    expect(await settledWithin(third.holdHeavyLane(), 50)).toBe(true);
    third.finish();
  });

  test("a request that is not heavy never waits", async () => {
    const lane = new Semaphore(1);
    const heavy = scopeOn(lane);
    heavy.markHeavy();
    await heavy.holdHeavyLane();
    const cheap = scopeOn(lane);
    expect(await settledWithin(cheap.holdHeavyLane(), 50)).toBe(true);
    heavy.finish();
    cheap.finish();
  });

  test("waiting past the deadline fails with TIMEOUT and holds no slot; a cancelled holder frees its slot", async () => {
    const lane = new Semaphore(1);
    const holder = scopeOn(lane);
    holder.markHeavy();
    await holder.holdHeavyLane();
    const late = scopeOn(lane, 100);
    late.markHeavy();
    const failure = await late.holdHeavyLane().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestCancelledError);
    expect((failure as RequestCancelledError).reason).toBe("TIMEOUT");
    holder.cancel("CLIENT_CLOSED_REQUEST");
    const next = scopeOn(lane);
    next.markHeavy();
    expect(await settledWithin(next.holdHeavyLane(), 50)).toBe(true);
    holder.finish(); // finishing after a cancel gives nothing back twice: `next` still holds the one slot
    const after = scopeOn(lane);
    after.markHeavy();
    const afterWaits = after.holdHeavyLane();
    expect(await settledWithin(afterWaits, 50)).toBe(false);
    next.finish();
    expect(await settledWithin(afterWaits, 1_000)).toBe(true);
    after.finish();
  });
});
