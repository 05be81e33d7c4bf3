/**
 * One PitchGraph server per data folder. The server writes its pid to `<dataDir>/pitchgraph-server.pid`
 * (created exclusively) and removes it when it stops; a second server finds a live pid there and
 * refuses. A file left by a killed server names a dead pid and is taken over.
 *
 * Neo4j's own store lock already stops two JVMs from opening one store, but not two apps from
 * sharing one JVM, nor a second app from starting its own JVM while the first one's is being
 * restarted after a crash; this lock covers the whole time the server runs.
 */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";

export const SERVER_LOCK_FILE_NAME = "pitchgraph-server.pid";

export class DataDirInUseError extends Error {
  constructor(
    message: string,
    readonly holderPid: number,
  ) {
    super(message);
    this.name = "DataDirInUseError";
  }
}

/** Takes the data folder for this process; throws DataDirInUseError if a live server holds it. */
export async function acquireServerLock(dataDir: string): Promise<{ release(): Promise<void> }> {
  const file = path.join(dataDir, SERVER_LOCK_FILE_NAME);
  await fs.mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: "wx" });
      return {
        async release() {
          if ((await readHolder(file)) === process.pid) await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await findServerLockHolder(dataDir);
    if (holder !== null) {
      throw new DataDirInUseError(
        `Another PitchGraph server (pid ${holder}) is already using the data folder ${dataDir}. ` +
          `Stop it first, or give this one its own folder with PITCHGRAPH_DATA_DIR (and its own PORT and PITCHGRAPH_BOLT_PORT). ` +
          `npm run import works while it runs.`,
        holder,
      );
    }
    await fs.rm(file, { force: true }); // left by a server that died: take it over
  }
  throw new Error(`could not create ${file}: it keeps reappearing (another server starting at the same time?)`);
}

/** The pid of the live server holding `dataDir`, or null. */
export async function findServerLockHolder(dataDir: string): Promise<number | null> {
  const pid = await readHolder(path.join(dataDir, SERVER_LOCK_FILE_NAME));
  if (pid === null || pid === process.pid || !isLiveNodeProcess(pid)) return null;
  return pid;
}

async function readHolder(file: string): Promise<number | null> {
  const text = await fs.readFile(file, "utf8").catch(() => null);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Alive, not a zombie, and (on Linux) a Node process: a pid reused by another program does not count. */
function isLiveNodeProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat !== null && stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return false;
  const cmdline = readOrNull(`/proc/${pid}/cmdline`);
  return cmdline === null || /node|tsx/.test(cmdline);
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
