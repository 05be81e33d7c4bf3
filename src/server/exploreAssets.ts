/**
 * The /explore page's files. Its script (explore/main.ts, with the SDK and cytoscape from
 * node_modules) is bundled with esbuild, nothing loaded from a CDN and nothing to build
 * beforehand: `npm start` on a fresh clone bundles it on the first start. The bundle is then kept
 * in node_modules/.cache/pitchgraph/ with the hash of every file that went into it, and later
 * starts serve it as long as those files are unchanged (a start then neither bundles nor keeps
 * an esbuild process alive beside the server).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readBuildCache, sha256, writeBuildCache } from "../buildCache.ts";
import { projectRoot } from "../config.ts";

export const exploreDir = path.join(projectRoot, "explore");
/** The build cache entry (src/buildCache.ts) that keeps the last bundle. */
export const exploreBundleCacheEntry = "explore-bundle.json";

export interface ExploreAsset {
  contentType: string;
  body: string;
}

/** esbuild's options: part of the cache key, so changing them rebuilds. */
const bundleOptions = {
  entryPoints: [path.join(exploreDir, "main.ts")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  minify: true,
  // Keeps cytoscape's MIT licence notice in the bundle.
  legalComments: "eof",
} as const;

interface CachedBundle {
  /** Hash of bundleOptions and esbuild's version. */
  key: string;
  /** Every input file (relative to the project) with the sha256 of its content when bundled. */
  inputs: [file: string, sha256: string][];
  js: string;
}

async function bundleKey(): Promise<string> {
  const esbuildPackage = await readFile(path.join(projectRoot, "node_modules", "esbuild", "package.json"), "utf8").catch(() => "");
  const esbuildVersion = (JSON.parse(esbuildPackage || "{}") as { version?: string }).version ?? "unknown";
  return sha256(JSON.stringify({ bundleOptions, esbuildVersion }));
}

/** The cached bundle when its key and every input's hash still match, else null. */
async function readCachedBundle(key: string): Promise<string | null> {
  const cached = await readBuildCache<CachedBundle>(exploreBundleCacheEntry);
  if (cached?.key !== key || !cached.inputs?.length || typeof cached.js !== "string") return null;
  const hashes = await Promise.all(cached.inputs.map(([file]) => readFile(path.join(projectRoot, file)).then(sha256, () => null)));
  return hashes.every((hash, index) => hash === cached.inputs[index]![1]) ? cached.js : null;
}

/** Bundles explore/main.ts and keeps the result in the build cache. */
async function bundle(key: string): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({ ...bundleOptions, entryPoints: [...bundleOptions.entryPoints], target: [...bundleOptions.target], absWorkingDir: projectRoot, metafile: true, write: false, logLevel: "silent" });
  const js = result.outputFiles[0]?.text;
  if (!js) throw new Error("bundling explore/main.ts produced no output");
  const files = Object.keys(result.metafile.inputs);
  const inputs = await Promise.all(files.map(async (file): Promise<[string, string]> => [file, sha256(await readFile(path.join(projectRoot, file)))]));
  await writeBuildCache(exploreBundleCacheEntry, { key, inputs, js } satisfies CachedBundle);
  return js;
}

/** The page's files by URL path: /explore, /explore/explore.js, /explore/explore.css. */
export async function buildExploreAssets(): Promise<Map<string, ExploreAsset>> {
  const key = await bundleKey();
  const [html, css, js] = await Promise.all([
    readFile(path.join(exploreDir, "index.html"), "utf8"),
    readFile(path.join(exploreDir, "explore.css"), "utf8"),
    readCachedBundle(key).then((cached) => cached ?? bundle(key)),
  ]);
  return new Map([
    ["/explore", { contentType: "text/html; charset=utf-8", body: html }],
    ["/explore/explore.js", { contentType: "text/javascript; charset=utf-8", body: js }],
    ["/explore/explore.css", { contentType: "text/css; charset=utf-8", body: css }],
  ]);
}
