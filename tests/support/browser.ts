/**
 * Debian's Chromium, headless, for the browser tests (playwright-core drives it; no browser is
 * downloaded), and the folder their screenshots go to. No Chromium is a failure, not a skip.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { projectRoot } from "../../src/config.ts";

const chromiumPath = "/usr/bin/chromium";

/** Screenshots for a person to look at (committed, small PNGs). */
export const artifacts = path.join(projectRoot, "tests", "artifacts");

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: the browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it).`);
  }
  await mkdir(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
}
