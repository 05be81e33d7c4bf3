/**
 * The commands as a user meets them (issue 9): `--help` and `--version` answer without starting
 * a database or a server; a database that cannot be opened gives one line that says why, no
 * stack trace; a data folder held by a running server is refused, naming the setting to change.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "../src/config.ts";
import { acquireServerLock, DataDirInUseError, SERVER_LOCK_FILE_NAME } from "../src/database/serverLock.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const commands = [
  { script: "src/main.ts", usage: "npm start", env: ["NEO4J_URI", "PITCHGRAPH_DATA_DIR", "PITCHGRAPH_BOLT_PORT", "PORT"] },
  { script: "src/cli/import.ts", usage: "npm run import", env: ["NEO4J_URI", "NEO4J_PASSWORD", "PITCHGRAPH_DATA_DIR"] },
  { script: "src/cli/conformance.ts", usage: "npm run conformance", env: ["NEO4J_URI", "PITCHGRAPH_DATA_DIR"] },
  { script: "src/cli/neo4jServer.ts", usage: "npm run neo4j:server", env: ["PITCHGRAPH_DATA_DIR", "PITCHGRAPH_BOLT_PORT"] },
  { script: "src/database/buildLauncher.ts", usage: "npm run neo4j:build", env: [] },
];

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "pitchgraph-commands-"));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe.each(commands)("$usage", ({ script, usage, env }) => {
  test("--help prints usage and the environment variables, and starts nothing", async () => {
    const dataDir = path.join(workDir, `untouched-${path.basename(script)}`);
    const result = await run(script, ["--help"], { PITCHGRAPH_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`usage: ${usage}`);
    for (const name of env) expect(result.stdout).toContain(name);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  test("--version prints the package version", async () => {
    const result = await run(script, ["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("pitchgraph 0.1.0");
  }, 60_000);
});

describe.each([
  ["src/cli/import.ts", "import failed"],
  ["src/cli/conformance.ts", "conformance failed"],
])("%s: a file the user names", (script, failure) => {
  test("is read from the folder the command was typed in (npm's INIT_CWD), and a missing one is refused before Neo4j starts", async () => {
    const dataDir = path.join(workDir, `untouched-by-${path.basename(script)}`);
    const result = await run(script, ["no-such-results.json"], { INIT_CWD: workDir, PITCHGRAPH_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`${failure}: ${path.join(workDir, "no-such-results.json")}: no such file`);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  test("a folder is not a file", async () => {
    const result = await run(script, [workDir], { PITCHGRAPH_DATA_DIR: path.join(workDir, "never") });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`${failure}: ${workDir}: not a file`);
  }, 60_000);
});

test.each([
  ["an empty results file", "import", ["empty.json"], "import failed: WORK/empty.json: the file is empty"],
  ["an empty results file", "conformance", ["empty.json"], "conformance failed: WORK/empty.json: the file is empty"],
  ["a --known file that is not JSON", "conformance", ["results.json", "--known", "broken.json"], "conformance failed: WORK/broken.json: not valid JSON"],
  ["a --known file of another shape", "conformance", ["results.json", "--known", "shapeless.json"], 'conformance failed: WORK/shapeless.json: expected {"disagreements": ['],
])("%s (%s) is refused before the database opens, naming the file", async (_case, command, args, message) => {
  await writeFile(path.join(workDir, "empty.json"), "");
  await writeFile(path.join(workDir, "results.json"), "{}");
  await writeFile(path.join(workDir, "broken.json"), "{");
  await writeFile(path.join(workDir, "shapeless.json"), '[{"x": 1}]');
  const dataDir = path.join(workDir, `untouched-${command}-${args.at(-1)}`);
  const result = await run(`src/cli/${command}.ts`, args, { INIT_CWD: workDir, PITCHGRAPH_DATA_DIR: dataDir });
  expect(result.code).toBe(1);
  expect(result.stderr.trim()).toContain(message.replace("WORK", workDir));
  expect(existsSync(dataDir)).toBe(false);
}, 60_000);

test("npm run conformance takes one results file: a second is a usage error, not ignored", async () => {
  const result = await run("src/cli/conformance.ts", ["a.json", "b.json"], { INIT_CWD: workDir });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("usage: npm run conformance");
}, 60_000);

test("npm run import with a database that cannot be opened: one line naming the problem, no stack trace", async () => {
  const unreachable = await run("src/cli/import.ts", ["seeds/conflicts.json"], { NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "x" });
  const folderIsAFile = path.join(workDir, "a-file");
  await writeFile(folderIsAFile, "not a folder");
  const badFolder = await run("src/cli/import.ts", ["seeds/conflicts.json"], { PITCHGRAPH_DATA_DIR: folderIsAFile });
  const badPort = await run("src/cli/import.ts", ["seeds/conflicts.json"], { PITCHGRAPH_BOLT_PORT: "seventy" });
  for (const result of [unreachable, badFolder, badPort]) {
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^import: cannot open the database: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }
  expect(unreachable.stderr).toContain("bolt://127.0.0.1:1");
  expect(badFolder.stderr).toContain(folderIsAFile);
  expect(badPort.stderr).toContain("PITCHGRAPH_BOLT_PORT");
}, 120_000);

test("a data folder held by a live server is refused, naming its pid and PITCHGRAPH_DATA_DIR; a dead server's lock is taken over", async () => {
  const dataDir = path.join(workDir, "locked");
  const holder = spawn(process.execPath, ["-e", `require("fs").mkdirSync(${JSON.stringify(dataDir)}, {recursive: true}); require("fs").writeFileSync(${JSON.stringify(path.join(dataDir, SERVER_LOCK_FILE_NAME))}, String(process.pid)); setInterval(() => {}, 1000)`]);
  try {
    while (!existsSync(path.join(dataDir, SERVER_LOCK_FILE_NAME))) await new Promise((resolve) => setTimeout(resolve, 50));
    const attempt = acquireServerLock(dataDir);
    await expect(attempt).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(attempt).rejects.toThrow(`pid ${holder.pid}`);
    await expect(attempt).rejects.toThrow("PITCHGRAPH_DATA_DIR");

    const secondStart = await run("src/main.ts", [], { PITCHGRAPH_DATA_DIR: dataDir, PORT: "0", PITCHGRAPH_BOLT_PORT: "0" });
    expect(secondStart.code).toBe(1);
    expect(secondStart.stderr).toContain(`Another PitchGraph server (pid ${holder.pid})`);
    expect(secondStart.stderr).not.toMatch(/\n\s+at /);
  } finally {
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
  }
  const lock = await acquireServerLock(dataDir);
  await lock.release();
  expect(existsSync(path.join(dataDir, SERVER_LOCK_FILE_NAME))).toBe(false);
}, 120_000);
