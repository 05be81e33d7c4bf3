/**
 * `npm run sdk:build` (also run by `npm pack`): the typed SDK as JavaScript plus .d.ts, for
 * projects that install this package and `import ... from "pitchgraph/sdk"` (package.json
 * "exports"). ESM in sdk/dist/esm, CommonJS in sdk/dist/cjs; it needs no package at run time.
 * Our own code and tests import sdk/*.ts directly.
 */
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../src/config.ts";

const distDir = path.join(projectRoot, "sdk", "dist");
const tsc = path.join(projectRoot, "node_modules", "typescript", "bin", "tsc");
const project = path.join(projectRoot, "sdk", "tsconfig.build.json");

async function runTsc(args: string[]): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [tsc, "-p", project, ...args], { cwd: projectRoot });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  await rm(distDir, { recursive: true, force: true });
  await runTsc(["--outDir", path.join(distDir, "esm")]);
  // CommonJS: the same sources compiled to require(); the folder's package.json tells Node and
  // TypeScript that its .js and .d.ts files are CommonJS (the package itself is "type": "module").
  await runTsc(["--outDir", path.join(distDir, "cjs"), "--module", "commonjs", "--moduleResolution", "node10", "--verbatimModuleSyntax", "false"]);
  await mkdir(path.join(distDir, "cjs"), { recursive: true });
  await writeFile(path.join(distDir, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  console.log(`SDK built to sdk/dist/esm and sdk/dist/cjs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
