/**
 * After an outage the database counts as available only once its warm-up has run
 * (Database.setWarmUpAfterOutage): meanwhile every other caller gets DatabaseUnavailableError at
 * once, and only the warm-up's own view (forWarmUp) reaches Neo4j. The fault drill
 * (tests/fault.test.ts) shows why: a restarted Neo4j answered its first queries 8-10 s late, and
 * requests sent then waited out their deadline.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Database } from "../src/database/Database.ts";
import { DatabaseUnavailableError } from "../src/database/DatabaseUnavailableError.ts";
import { openTestDatabase } from "./support/testDatabase.ts";

let database: Database;
beforeAll(() => {
  database = openTestDatabase();
});
afterAll(async () => database.close());

test("requests are refused at once while the warm-up runs; the warm-up's own view reads; then the database is available", async () => {
  let finishWarmUp!: () => void;
  const warmUpMayFinish = new Promise<void>((resolve) => (finishWarmUp = resolve));
  const warmUpReads: number[] = [];
  database.setWarmUpAfterOutage(async () => {
    const [row] = await database.forWarmUp().read<{ one: number }>("RETURN 1 AS one");
    warmUpReads.push(row!.one);
    await warmUpMayFinish;
  });

  database.markUnavailable("test: an outage");
  await database.ping(5_000); // Neo4j answers: the warm-up starts, the database is not available yet
  expect(database.isAvailable()).toBe(false);

  const started = performance.now();
  const refused = await database.read("RETURN 1 AS one").catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(DatabaseUnavailableError);
  expect(performance.now() - started).toBeLessThan(1_000);

  await expect.poll(() => warmUpReads).toEqual([1]);
  expect(database.isAvailable()).toBe(false);
  finishWarmUp();
  await expect.poll(() => database.isAvailable()).toBe(true);
  expect(await database.read<{ one: number }>("RETURN 1 AS one")).toEqual([{ one: 1 }]);
});

test("a warm-up that fails still ends the outage: warming is an optimisation, not a condition", async () => {
  database.setWarmUpAfterOutage(async () => {
    throw new Error("the example's data is missing");
  });
  database.markUnavailable("test: another outage");
  await database.ping(5_000);
  await expect.poll(() => database.isAvailable()).toBe(true);
});
