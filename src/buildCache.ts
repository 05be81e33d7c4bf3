/**
 * A small on-disk cache for work a start would otherwise redo every time (the /explore bundle,
 * the schema validation), in node_modules/.cache/pitchgraph/ as tools do. Every entry is keyed
 * by the hash of what it was made from, so a stale entry is never used; deleting the folder only
 * costs the work once. Best effort: a read-only checkout works, it just redoes the work.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./config.ts";

export const buildCacheDir = path.join(projectRoot, "node_modules", ".cache", "pitchgraph");

export const sha256 = (content: string | Buffer): string => createHash("sha256").update(content).digest("hex");

/** The entry `name` (a file name), parsed, or null when there is none or it cannot be read. */
export async function readBuildCache<T>(name: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path.join(buildCacheDir, name), "utf8")) as T;
  } catch {
    return null;
  }
}

/** Stores the entry `name`: written aside, then renamed, so a reader sees the old or the new entry, whole. */
export async function writeBuildCache(name: string, value: unknown): Promise<void> {
  const file = path.join(buildCacheDir, name);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(buildCacheDir, { recursive: true });
    await writeFile(temporary, JSON.stringify(value));
    await rename(temporary, file);
  } catch {
    // Read-only node_modules: no cache; the next start redoes the work.
  }
}
