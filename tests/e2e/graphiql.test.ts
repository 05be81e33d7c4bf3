/**
 * The GraphiQL playground in a real browser (Debian's Chromium, headless): each example tab
 * switches on a mouse click, every tab has its own name, and "Reset examples" brings back the
 * shipped examples after the user closed or edited tabs (GraphiQL keeps them in localStorage).
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readExamples } from "../../src/server/exampleOperations.ts";
import { startServer, type RunningServer } from "../../src/server/startServer.ts";
import { warmUp } from "../../src/server/warmUp.ts";
import { artifacts, launchChromium } from "../support/browser.ts";
import { openTestGraph, type TestGraph } from "../support/testGraph.ts";


let graph: TestGraph;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  graph = await openTestGraph();
  server = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1" });
  // As `npm start` does before "Ready": the first example once, so the phone test's run of it
  // meets a server past its first-query costs.
  await warmUp(server.url, (index) => index === 0);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await graph?.close();
});

const tabs = (page: Page) => page.locator(".graphiql-tab");
const tabNames = (page: Page) => tabs(page).locator(".graphiql-tab-button").allTextContents();
const activeTab = (page: Page) => page.$$eval(".graphiql-tab", (all) => all.findIndex((tab) => tab.classList.contains("graphiql-tab-active")));

async function openPlayground(page: Page): Promise<void> {
  await page.goto(server.url, { waitUntil: "load" });
  await tabs(page).first().waitFor({ timeout: 30_000 });
}

test("every example tab switches on a mouse click, and every tab has its own name", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await openPlayground(page);
  const examples = await readExamples();
  const names = (await tabNames(page)).map((name) => name.trim());
  expect(names).toEqual(examples.map((example) => example.tab));
  expect(new Set(names).size).toBe(names.length);

  // Last to first, then first to last: each click makes that tab the active one.
  const order = [...names.keys()].reverse().concat([...names.keys()].slice(1));
  for (const index of order) {
    await tabs(page).nth(index).locator(".graphiql-tab-button").click();
    await expect.poll(() => activeTab(page), { timeout: 5_000 }).toBe(index);
    // The editor shows that example: its title is the first line.
    // (Monaco draws spaces as no-break spaces.)
    const editorText = async () => ((await page.locator(".graphiql-query-editor").textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
    await expect.poll(editorText, { timeout: 5_000 }).toContain(examples[index]!.title.slice(0, 40));
  }
  await tabs(page).nth(2).locator(".graphiql-tab-button").click();
  await expect.poll(() => activeTab(page)).toBe(2);
  await page.screenshot({ path: path.join(artifacts, "graphiql-1280-tab-clicked.png") });
  expect(problems).toEqual([]);
  await page.close();
});

test("an edited set of tabs survives a reload; Reset examples brings the shipped examples back", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openPlayground(page);
  const shipped = await tabNames(page);
  // Close the active (first) tab: GraphiQL stores the remaining tabs.
  await tabs(page).first().locator(".graphiql-tab-close").click();
  await expect.poll(() => tabNames(page).then((names) => names.length)).toBe(shipped.length - 1);
  await page.waitForTimeout(600); // GraphiQL writes its storage after a short debounce
  await page.reload({ waitUntil: "load" });
  await tabs(page).first().waitFor();
  expect(await tabNames(page)).not.toEqual(shipped); // GraphiQL restored the user's tabs, not the examples

  await page.getByRole("button", { name: "Reset examples" }).click();
  await page.waitForLoadState("load");
  await expect.poll(() => tabNames(page), { timeout: 30_000 }).toEqual(shipped);
  await page.close();
});

test("on a phone (390x844) each tab switches on a tap and the answer is readable under the editors", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await openPlayground(page);
  const count = await tabs(page).count();
  for (const index of [...Array(count).keys()].reverse()) {
    await tabs(page).nth(index).locator(".graphiql-tab-button").click(); // scrolled into view first, as a finger would
    await expect.poll(() => activeTab(page), { timeout: 5_000 }).toBe(index);
  }
  // GraphiQL works out the operation to run a moment after a tab's text is in the editor (run
  // sooner, it may still hold the previous tab's name: "Cannot infer operation").
  const editorText = async () => ((await page.locator(".graphiql-query-editor").textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
  await expect.poll(editorText, { timeout: 5_000 }).toContain("query GetTie2018");
  await page.waitForTimeout(1_000);
  await page.locator(".graphiql-execute-button").click();
  // The editor draws only the lines in view: the answer's first lines.
  const answer = async () => ((await page.locator(".graphiql-response").textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
  await expect.poll(answer, { timeout: 30_000 }).toContain('"season": "2017-18"');
  expect(await answer()).not.toContain('"errors"');
  // Stacked, not side by side: the answer has the screen's width, below the query.
  const response = (await page.locator(".graphiql-response").boundingBox())!;
  const editors = (await page.locator(".graphiql-editors").boundingBox())!;
  expect(response.width).toBeGreaterThanOrEqual(250);
  expect(response.height).toBeGreaterThanOrEqual(200);
  expect(response.y).toBeGreaterThanOrEqual(editors.y + editors.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(artifacts, "graphiql-phone-response.png") });
  expect(problems).toEqual([]);
  await page.close();
});
