/** The HTTP server as a browser and a client meet it. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, type RunningServer } from "../src/server/startServer.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

let graph: TestGraph;
let server: RunningServer;
beforeAll(async () => {
  graph = await openTestGraph();
  server = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await server.stop();
  await graph.close();
});

const post = (body: unknown) =>
  fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("a browser opening /graphql gets GraphiQL, with nothing loaded from another host", async () => {
  const response = await fetch(server.url, { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain("PitchGraph GraphiQL");
  // It opens with the examples of operations/examples.json, one tab each.
  expect(html).toContain("query GetTie2018("); // each tab named apart: GraphiQL names tabs after their operation
  expect(html).toContain("query GetTie2026(");
  expect(html).toContain("2025-26");
  expect(html).toContain("query Conflicts");
  const externalLoads = [...html.matchAll(/<(?:script|link|img)[^>]+(?:src|href)=["'](https?:)?\/\/[^"']+/gi)];
  expect(externalLoads).toEqual([]);
});

test("/explore serves the dashboard: its page, script and styles, all from this server", async () => {
  const base = server.url.replace(/\/graphql$/, "");
  const page = await fetch(`${base}/explore`);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toContain("text/html");
  const html = await page.text();
  const loads = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/gi)].map((match) => match[1]!);
  expect(loads).toEqual(expect.arrayContaining(["/explore/explore.css", "/explore/explore.js"]));
  expect(loads.filter((load) => /^(https?:)?\/\//.test(load))).toEqual([]);
  const script = await fetch(`${base}/explore/explore.js`);
  expect(script.headers.get("content-type")).toContain("text/javascript");
  const code = await script.text();
  expect(code).toContain("cytoscape"); // bundled from node_modules, licence notice kept
  expect(code).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
  expect((await fetch(`${base}/explore/explore.css`)).status).toBe(200);
});

test("a client POSTing a query gets data", async () => {
  const response = await post({ query: `{ tie(competition: "Europa League", season: "2017-18", club: "BVB", opponent: "Atalanta") { outcome { explanation } } }` });
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.data.tie.outcome.explanation).toBe("Borussia Dortmund win 4-3 on aggregate.");
});

test("the API is read-only: there are no mutations to call", async () => {
  const response = await post({ query: `mutation { createClubs(input: [{ id: "x", name: "x", aliases: [] }]) { clubs { id } } }` });
  const body = await response.json();
  expect(body.errors?.[0]?.message).toMatch(/not configured to execute mutation/);
});

test("every list is bounded: asking for more than 100 ties is refused", async () => {
  const response = await post({ query: `{ ties(limit: 1000) { id } }` });
  const body = await response.json();
  const refusedOrCapped = body.errors !== undefined || body.data.ties.length <= 100;
  expect(refusedOrCapped).toBe(true);
});

test("/healthz answers ok; unknown paths are 404 with a pointer to /graphql", async () => {
  const base = server.url.replace(/\/graphql$/, "");
  expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
  const missing = await fetch(`${base}/nope`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain("/graphql");
});
