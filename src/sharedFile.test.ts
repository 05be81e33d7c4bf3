/**
 * The project finds its own files relative to itself, and ../shared only through sharedFile
 * (which fails with a message when it is missing): no source, test, script or doc carries this
 * machine's absolute paths, and nothing joins a path to "shared" by hand.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { projectRoot } from "./config.ts";
import { sharedDir, sharedFile } from "./sharedFile.ts";

const scanned = ["src", "tests", "scripts", "bench", "sdk", "explore", "operations", "docs", "seeds", "README.md", ".ci"];
const skipped = new Set(["node_modules", "dist", "artifacts", "__snapshots__"]);

function textFiles(entry: string): string[] {
  const full = path.join(projectRoot, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return /\.(ts|md|json|graphql|sh|cypher|txt)$|^run$/.test(path.basename(full)) ? [entry] : [];
  return readdirSync(full).filter((name) => !skipped.has(name)).flatMap((name) => textFiles(path.join(entry, name)));
}

test("no file of the project names this machine's absolute paths or reaches ../shared by hand", () => {
  // The project's own folder, the folder it sits in (where ../shared lives) and ../shared itself.
  // The parent is left out when it is a system folder every machine has (a clone in /tmp), where
  // a path like /tmp/pg-bench-store in a usage example is not this machine's.
  const parent = path.dirname(projectRoot);
  const systemFolders = new Set([path.sep, os.tmpdir(), os.homedir()].map((folder) => path.resolve(folder)));
  const machinePaths = [
    projectRoot + path.sep,
    ...(systemFolders.has(path.resolve(parent)) ? [] : [parent + path.sep]),
    ...(existsSync(sharedDir) ? [realpathSync(sharedDir)] : []),
  ];
  const found: string[] = [];
  for (const file of scanned.flatMap(textFiles)) {
    if (file === path.join("src", "sharedFile.test.ts")) continue;
    const text = readFileSync(path.join(projectRoot, file), "utf8");
    for (const machinePath of machinePaths) if (text.includes(machinePath)) found.push(`${file}: ${machinePath}`);
    if (file.endsWith(".ts") && /path\.(join|resolve)\([^)]*["']shared["']/.test(text) && file !== path.join("src", "sharedFile.ts")) found.push(`${file}: joins "shared" by hand (use sharedFile)`);
  }
  expect(found).toEqual([]);
});

test("a missing file of ../shared is an error naming who needs it and where it was looked for", () => {
  expect(() => sharedFile("no/such/file.json", "the example test")).toThrow(
    `the example test needs ../shared/no/such/file.json (looked for ${path.join(sharedDir, "no/such/file.json")})`,
  );
});
