/**
 * The /explore page's files. Its script (explore/main.ts, with the SDK and cytoscape from
 * node_modules) is bundled with esbuild when the server starts, in memory: nothing to build
 * beforehand, nothing loaded from a CDN, and `npm start` or a fresh clone always serve the
 * current code. Bundling takes well under a second.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../config.ts";

export const exploreDir = path.join(projectRoot, "explore");

export interface ExploreAsset {
  contentType: string;
  body: string;
}

/** The page's files by URL path: /explore, /explore/explore.js, /explore/explore.css. */
export async function buildExploreAssets(): Promise<Map<string, ExploreAsset>> {
  const [html, css, bundle] = await Promise.all([
    readFile(path.join(exploreDir, "index.html"), "utf8"),
    readFile(path.join(exploreDir, "explore.css"), "utf8"),
    build({
      entryPoints: [path.join(exploreDir, "main.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      minify: true,
      write: false,
      logLevel: "silent",
      // Keeps cytoscape's MIT licence notice in the bundle.
      legalComments: "eof",
    }),
  ]);
  const js = bundle.outputFiles[0]?.text;
  if (!js) throw new Error("bundling explore/main.ts produced no output");
  return new Map([
    ["/explore", { contentType: "text/html; charset=utf-8", body: html }],
    ["/explore/explore.js", { contentType: "text/javascript; charset=utf-8", body: js }],
    ["/explore/explore.css", { contentType: "text/css; charset=utf-8", body: css }],
  ]);
}
