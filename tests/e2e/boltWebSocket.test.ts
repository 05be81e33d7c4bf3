/**
 * Issue 9: a web page from another origin must not read or write the graph through Bolt. Bolt
 * also speaks WebSocket on its port, and a browser lets any page open a WebSocket to 127.0.0.1,
 * so auth is the barrier (docs/decisions/010-database-outage-and-bolt-auth.md). Here a page on
 * another localhost port loads the neo4j-driver browser bundle and tries the Bolt handshake and
 * HELLO against the test Neo4j, in Debian's Chromium.
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { projectRoot } from "../../src/config.ts";
import { openTestDatabase } from "../support/testDatabase.ts";

const chromiumPath = "/usr/bin/chromium";
let browser: Browser;
let site: http.Server;
let page: Page;

interface Attempt {
  ok: boolean;
  result?: unknown;
  code?: string;
}

beforeAll(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: the browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it).`);
  }
  const bundle = readFileSync(path.join(projectRoot, "node_modules", "neo4j-driver", "lib", "browser", "neo4j-web.min.js"));
  site = http.createServer((request, response) => {
    if (request.url === "/neo4j-web.min.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(bundle);
      return;
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end(`<!doctype html><title>some other site</title><script src="/neo4j-web.min.js"></script>
<script>
  // Runs one statement over Bolt's WebSocket with the given credentials (none if user is null).
  window.tryBolt = async (boltUrl, user, password, cypher) => {
    const auth = user === null ? undefined : neo4j.auth.basic(user, password);
    const driver = neo4j.driver(boltUrl, auth, { encrypted: "ENCRYPTION_OFF", connectionTimeout: 5000, maxTransactionRetryTime: 0 });
    try {
      const result = await driver.executeQuery(cypher);
      return { ok: true, result: result.records.map((record) => record.toObject()) };
    } catch (error) {
      return { ok: false, code: String(error.code || error.message) };
    } finally {
      await driver.close().catch(() => {});
    }
  };
</script>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  await page.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => typeof (window as any).tryBolt === "function");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
});

const tryBolt = (user: string | null, password: string, cypher: string) =>
  page.evaluate(([url, u, p, c]) => (window as any).tryBolt(url, u, p, c) as Promise<Attempt>, [inject("neo4j").uri, user, password, cypher] as const);

test("the WebSocket path works from another origin with the password (so the refusals below are auth, not a broken setup)", async () => {
  const { user, password } = inject("neo4j");
  const attempt = await tryBolt(user, password, "RETURN 1 AS one");
  expect(attempt).toEqual({ ok: true, result: [{ one: { low: 1, high: 0 } }] });
});

test("without the password a foreign page can neither read nor write", async () => {
  const refused = [
    await tryBolt(null, "", "MATCH (n) RETURN count(n) AS nodes"),
    await tryBolt(null, "", "CREATE (:Intruder {from: 'a web page'})"),
    // One wrong guess only: three in a row would lock the user for 5 s (Neo4j's login rate limit) and fail later tests.
    await tryBolt("neo4j", "neo4j", "CREATE (:Intruder {from: 'a web page'})"),
  ];
  for (const attempt of refused) {
    expect(attempt.ok).toBe(false);
    expect(attempt.code).toMatch(/Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit)/);
  }
  const database = openTestDatabase();
  try {
    expect(await database.read("MATCH (n:Intruder) RETURN count(n) AS intruders")).toEqual([{ intruders: 0 }]);
  } finally {
    await database.close();
  }
}, 60_000);
