/**
 * CORS in a real browser (Debian's Chromium via playwright-core): a page served from another
 * origin cannot read the API by default, and can once PITCHGRAPH_CORS_ORIGINS lists that origin
 * (and only that one).
 *
 * No Chromium is a failure, not a skip: .ci/run installs it (apt-get install chromium).
 */
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { projectRoot } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/server/startServer.ts";
import { openTestGraph, type TestGraph } from "../support/testGraph.ts";

const chromiumPath = "/usr/bin/chromium";

let graph: TestGraph;
let closedApi: RunningServer;
let openApi: RunningServer;
let browser: Browser;
const pageServers: http.Server[] = [];

/** The typed SDK as a browser app would ship it: bundled, exposing `PitchGraphSdk`. */
let sdkBundle: string;

/** A one-page site on its own port, i.e. its own origin; it also serves the SDK at /sdk.js. */
async function startPageServer(): Promise<string> {
  const server = http.createServer((request, response) => {
    if (request.url === "/sdk.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(sdkBundle);
      return;
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end('<!doctype html><title>another site</title><p>another site</p><script src="/sdk.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pageServers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let allowedOrigin: string;
let otherOrigin: string;

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: the browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it).`);
  }
  sdkBundle = (await build({ entryPoints: [path.join(projectRoot, "sdk", "index.ts")], bundle: true, format: "iife", globalName: "PitchGraphSdk", write: false, platform: "browser" })).outputFiles[0]!.text;
  graph = await openTestGraph();
  allowedOrigin = await startPageServer();
  otherOrigin = await startPageServer();
  closedApi = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1", settings: { logLevel: "silent" } });
  openApi = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1", settings: { logLevel: "silent", corsOrigins: [allowedOrigin] } });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await closedApi?.stop();
  await openApi?.stop();
  for (const server of pageServers) await new Promise((resolve) => server.close(resolve));
  await graph?.close();
});

/** What a script on `origin` gets when it asks `api` for the rule sets as a client would. */
async function readFrom(origin: string, api: string): Promise<{ read: boolean; text: string }> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(origin);
    return await page.evaluate(async (url) => {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ ruleSets { id } }" }),
        });
        return { read: true, text: await response.text() };
      } catch (error) {
        return { read: false, text: String(error) };
      }
    }, api);
  } finally {
    await page.close();
  }
}

/** A "simple" cross-site request (no preflight) gets an opaque answer the page cannot read. */
async function simpleRequestFrom(origin: string, api: string): Promise<{ type: string; text: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(origin);
    return await page.evaluate(async (url) => {
      const response = await fetch(`${url}?query=${encodeURIComponent("{ ruleSets { id } }")}`, { mode: "no-cors" });
      return { type: response.type, text: await response.text() };
    }, api);
  } finally {
    await page.close();
  }
}

test("by default a page from another origin cannot read the API", async () => {
  const result = await readFrom(allowedOrigin, closedApi.url);
  expect(result.read).toBe(false);
  expect(result.text).toMatch(/Failed to fetch/);
  expect(await simpleRequestFrom(allowedOrigin, closedApi.url)).toEqual({ type: "opaque", text: "" });
});

test("an allow-listed origin can read the API; any other origin still cannot", async () => {
  const allowed = await readFrom(allowedOrigin, openApi.url);
  expect(allowed.read).toBe(true);
  expect(JSON.parse(allowed.text).data.ruleSets.length).toBeGreaterThan(0);
  const other = await readFrom(otherOrigin, openApi.url);
  expect(other.read).toBe(false);
});

test("Apollo's CSRF prevention still refuses a simple cross-site request, even from an allowed origin", async () => {
  // Outside the browser, so the status can be read: a GET without a preflight-forcing header.
  const response = await fetch(`${openApi.url}?query=${encodeURIComponent("{ ruleSets { id } }")}`, { headers: { origin: allowedOrigin } });
  expect(response.status).toBe(400);
  expect((await response.json()).errors[0].message).toMatch(/CSRF/);
});

/** What the typed SDK, loaded by a page on `origin`, gets from `api`: a search's first hit, or the error. */
async function searchWithSdkFrom(origin: string, api: string): Promise<{ hit?: string; error?: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(origin);
    return await page.evaluate(async (url) => {
      const { PitchGraphClient } = (window as any).PitchGraphSdk;
      try {
        const [hit] = await new PitchGraphClient({ endpoint: url }).searchEntities({ text: "schurrle" });
        return { hit: hit?.name };
      } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
      }
    }, api);
  } finally {
    await page.close();
  }
}

test("the typed SDK in a page of another origin: refused by default, served when allow-listed", async () => {
  expect(await searchWithSdkFrom(allowedOrigin, openApi.url)).toEqual({ hit: "André Schürrle" });
  const refused = await searchWithSdkFrom(allowedOrigin, closedApi.url);
  expect(refused.error).toMatch(/^PitchGraphError: SearchEntities: could not reach .*Failed to fetch/);
  expect((await searchWithSdkFrom(otherOrigin, openApi.url)).error).toMatch(/could not reach/);
});
