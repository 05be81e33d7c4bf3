/**
 * The typed SDK as a user meets it: a fresh project of their own (ESM, and CommonJS as `npm init
 * -y` makes it) installs this package by path, type-checks the README's example with the config
 * `tsc --init` writes, and runs it against a live server. No registry is needed: the SDK has no
 * dependencies, and the package is linked, not downloaded.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../src/config.ts";
import { startServer, type RunningServer } from "../src/server/startServer.ts";
import { openTestGraph, type TestGraph } from "./support/testGraph.ts";

const run = promisify(execFile);
const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const exampleImport = 'import { PitchGraphClient, PitchGraphError } from "pitchgraph/sdk";';
/** The CommonJS form of that line: `tsc --init` sets verbatimModuleSyntax, which refuses `import ... from` in a CommonJS file. */
const commonJsImport = 'import sdk = require("pitchgraph/sdk");\nconst { PitchGraphClient, PitchGraphError } = sdk;';

let graph: TestGraph;
let server: RunningServer;
let example: string;
const folders: string[] = [];

beforeAll(async () => {
  graph = await openTestGraph();
  server = await startServer({ schema: graph.schema, database: graph.database, port: 0, host: "127.0.0.1" });
  // What `npm pack` would ship: sdk/dist (git-ignored, so built here).
  await run(npm, ["run", "sdk:build"], { cwd: projectRoot });
  example = await readFile(path.join(projectRoot, "sdk", "example.ts"), "utf8");
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await graph?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

test("the README shows sdk/example.ts as it is, and the CommonJS import line", async () => {
  const readme = await readFile(path.join(projectRoot, "README.md"), "utf8");
  const code = example.split("\n").filter((line) => !line.startsWith("// The README")).join("\n").trim();
  expect(readme).toContain(code);
  expect(readme).toContain(commonJsImport);
  expect(example).toContain(exampleImport);
  expect(example).not.toMatch(/^await /m); // no top-level await: CommonJS has none
});

/** A new project in a temp folder: package.json, this package installed by path, `tsc --init`. */
async function consumerProject(kind: "esm" | "commonjs"): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), `pitchgraph-consumer-${kind}-`));
  folders.push(folder);
  const packageJson = { name: `consumer-${kind}`, version: "1.0.0", private: true, ...(kind === "esm" ? { type: "module" } : {}) };
  await writeFile(path.join(folder, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
  await run(npm, ["install", "--offline", "--no-audit", "--no-fund", projectRoot], { cwd: folder });
  await run(process.execPath, [tsc, "--init"], { cwd: folder });
  return folder;
}

describe.each(["esm", "commonjs"] as const)("a %s project", (kind) => {
  test("type-checks the README example with the default tsc --init config and runs it against the server", async () => {
    const folder = await consumerProject(kind);
    const source = (kind === "esm" ? example : example.replace(exampleImport, commonJsImport)).replace("http://localhost:4000/graphql", server.url);
    expect(source).toContain(server.url);
    await writeFile(path.join(folder, "index.ts"), source);

    const compiled = await run(process.execPath, [tsc, "-p", "."], { cwd: folder }).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => `tsc failed:\n${error.stdout ?? ""}`,
    );
    expect(compiled).toBe(""); // no TS5097 (.ts import paths), no null checks needed for guaranteed relationships

    const { stdout } = await run(process.execPath, ["index.js"], { cwd: folder });
    expect(stdout).toContain("Borussia Dortmund win 4-3 on aggregate.");
    expect(stdout).toContain("2018-02-15: Borussia Dortmund 3-2 Atalanta");
    expect(stdout).toMatch(/^ {2}1H André Schürrle \(Borussia Dortmund\), reported by .+ \(\d{4}-\d{2}-\d{2}\)/m);
    expect(stdout).not.toContain("(null)"); // an undated report says so
    expect(stdout).toMatch(/Flemish round-up\) \(undated\)/);
    expect(stdout).toContain("  83' Marcel Schmelzer (Borussia Dortmund)");
    expect(stdout).toContain('NOT_FOUND Neighbourhood: No entity has the id "player:nobody"');
  }, 120_000);
});

test("the package ships the built SDK and the types point at it", async () => {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8"));
  const entry = manifest.exports["./sdk"];
  for (const file of [entry.import.types, entry.import.default, entry.require.types, entry.require.default]) {
    expect(await readFile(path.join(projectRoot, file), "utf8"), file).not.toMatch(/from ["'][^"']+\.ts["']/);
  }
  // Nothing the SDK's JavaScript or types import is outside sdk/dist: it needs no package.
  const { stdout } = await run("find", [path.join(projectRoot, "sdk", "dist"), "-name", "*.*s", "-type", "f"]);
  for (const file of stdout.trim().split("\n")) {
    const code = (await readFile(file, "utf8")).split("\n").filter((line) => !/^\s*(\/\/|\/?\*)/.test(line));
    const packages = code.filter((line) => /^\s*(import|export)\b.*\bfrom\s*["'][^".]|require\(["'][^".]/.test(line));
    expect(packages, file).toEqual([]);
  }
});
