/**
 * Files of the shared folder beside the project (`../shared`: the UEFA ties data and the
 * front-door contract), which some tests and the conformance check read. The app itself never
 * needs it. A missing file is an error that says what needs it and where it was looked for, so
 * a test that depends on it fails with that message instead of skipping or a bare ENOENT.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./config.ts";

/** `../shared`, relative to the project root. */
export const sharedDir = path.resolve(projectRoot, "..", "shared");

/** The absolute path of `relativePath` inside ../shared; throws, naming `neededBy`, when it is not there. */
export function sharedFile(relativePath: string, neededBy: string): string {
  const file = path.join(sharedDir, relativePath);
  if (!existsSync(file)) {
    throw new Error(
      `${neededBy} needs ../shared/${relativePath} (looked for ${file}). ` +
        "Put the PitchGraph shared folder (uefa-ties data, contract) beside the project as ../shared; the README says which tests need it (under `npm test`).",
    );
  }
  return file;
}
