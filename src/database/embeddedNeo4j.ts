/**
 * Runs Neo4j 5.26 + APOC in a child JVM when no NEO4J_URI is configured (no Docker on our machines).
 * The JVM side is neo4j/src/main/java/pitchgraph/EmbeddedNeo4j.java; see docs/decisions/001-embedded-neo4j.md.
 *
 * Protocol: the JVM prints `PITCHGRAPH_NEO4J_READY bolt://127.0.0.1:<port>` on stdout once Bolt serves the
 * default database, and writes `<dataDir>/embedded-neo4j.json` while it runs. It exits cleanly on SIGTERM and
 * when its stdin (a pipe we keep open) reaches EOF, i.e. when this process dies, even by SIGKILL.
 *
 * Auth is always on: user `neo4j`, with the password kept in `<dataDir>/bolt-password` (generated on first use,
 * mode 0600). Every client on this machine (the app, `npm run import`, Neo4j Browser, cypher-shell) reads it there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface EmbeddedNeo4j {
  uri: string;
  boltPort: number;
  dataDir: string;
  pid: number;
  /** Bolt credentials: user `neo4j`, password from `<dataDir>/bolt-password`. */
  user: string;
  password: string;
  /** Settles when the JVM has exited, for whatever reason; `expected` is true after stop(). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; expected: boolean }>;
  stop(): Promise<void>;
}

export interface EmbeddedNeo4jOptions {
  dataDir: string;
  /** Default 7687; 0 = let the OS pick a free port (the actual one is in `boltPort`/`uri`). */
  boltPort?: number;
  /** Max JVM heap, e.g. '1g' (default; env PITCHGRAPH_NEO4J_HEAP). */
  heap?: string;
  /** Neo4j page cache, e.g. '256m' (default; env PITCHGRAPH_NEO4J_PAGECACHE). */
  pageCache?: string;
  /** Receives the launcher's and the build's output, line by line. */
  onLog?: (line: string) => void;
  /** Default 120 000 ms. */
  startTimeoutMs?: number;
}

export type EmbeddedNeo4jErrorCode =
  | 'TOOL_MISSING'
  | 'BUILD_FAILED'
  | 'ALREADY_RUNNING'
  | 'PORT_IN_USE'
  | 'STORE_LOCKED'
  | 'START_TIMEOUT'
  | 'JVM_EXITED'
  | 'BAD_PASSWORD_FILE';

/** Every failure of this module, with a `code` callers can branch on (e.g. ALREADY_RUNNING: connect instead). */
export class EmbeddedNeo4jError extends Error {
  constructor(
    readonly code: EmbeddedNeo4jErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

export const INSTANCE_FILE_NAME = 'embedded-neo4j.json';
/** The Bolt password of the embedded Neo4j, in its data folder (mode 0600). */
export const BOLT_PASSWORD_FILE_NAME = 'bolt-password';
export const BOLT_USER = 'neo4j';
const READY_PREFIX = 'PITCHGRAPH_NEO4J_READY ';
const FAILED_PREFIX = 'PITCHGRAPH_NEO4J_FAILED ';
const LAUNCHER_CLASS = 'pitchgraph.EmbeddedNeo4j';

// This file lives at src/database/, so the project root is two levels up.
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j');
const POM_FILE = path.join(LAUNCHER_DIR, 'pom.xml');
const JAVA_SOURCES_DIR = path.join(LAUNCHER_DIR, 'src');
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
const LAUNCHER_CLASS_FILE = path.join(CLASSES_DIR, 'pitchgraph', 'EmbeddedNeo4j.class');
const LIB_DIR = path.join(TARGET_DIR, 'lib');
const PLUGINS_DIR = path.join(TARGET_DIR, 'plugins');
// Touched after a successful build; compared with the pom and sources (Maven leaves unchanged outputs' mtimes alone).
const BUILD_STAMP_FILE = path.join(TARGET_DIR, '.pitchgraph-launcher-built');
const BUILD_LOCK_DIR = path.join(TARGET_DIR, '.pitchgraph-build-lock');

const DEFAULT_BOLT_PORT = 7687;
const DEFAULT_HEAP = '1g';
const MIN_INITIAL_HEAP = '256m';
const DEFAULT_PAGE_CACHE = '256m';
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const BUILD_LOCK_STALE_MS = 15 * 60_000;
const LOG_LINES_KEPT = 60;

/**
 * JVM flags. The module opens and netty/JDK properties are those Neo4j 5.26 ships in its default neo4j.conf
 * (`server.jvm.additional`): Neo4j's page cache and Netty reach into java.nio / sun.nio.ch / java.io internals.
 */
const NEO4J_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  // A child that runs out of memory should die (and be reported) rather than limp on holding the store lock.
  '-XX:+ExitOnOutOfMemoryError',
];

// ---------------------------------------------------------------------------------------------------------------
// Building the launcher
// ---------------------------------------------------------------------------------------------------------------

/**
 * Builds the launcher with Maven if its classpath is missing or older than neo4j/pom.xml or the Java sources.
 * Safe to call from several processes at once (a lock directory serialises the builds).
 */
export async function ensureLauncherBuilt(onLog: (line: string) => void = () => {}): Promise<void> {
  const reason = await launcherStaleReason();
  if (reason === null) {
    onLog('embedded Neo4j launcher is up to date (neo4j/target)');
    return;
  }
  await resolveJava();
  const mvn = await resolveMaven();
  const releaseLock = await acquireBuildLock(onLog);
  try {
    // Another process may have built it while we waited for the lock.
    const reasonNow = await launcherStaleReason();
    if (reasonNow === null) {
      onLog('embedded Neo4j launcher was built by another process');
      return;
    }
    onLog(`building the embedded Neo4j launcher (${reasonNow}): mvn -B -q -f neo4j/pom.xml package`);
    const startedAt = Date.now();
    const mavenArgs = ['-B', '-q', '-Dstyle.color=never', '-f', POM_FILE, 'package'];
    const { code, output } = await runCapturing(mvn, mavenArgs, PROJECT_ROOT, onLog);
    if (code !== 0) {
      throw new EmbeddedNeo4jError(
        'BUILD_FAILED',
        `building the embedded Neo4j launcher failed (mvn exit code ${code}). Last output:\n${lastLines(output, 40)}`,
      );
    }
    const missing = await missingBuildOutput();
    if (missing !== null) {
      throw new EmbeddedNeo4jError('BUILD_FAILED', `mvn package succeeded but ${missing}; check neo4j/pom.xml`);
    }
    await fs.writeFile(BUILD_STAMP_FILE, `${new Date().toISOString()}\n`);
    onLog(`built the embedded Neo4j launcher in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  } finally {
    await releaseLock();
  }
}

/** Why the launcher needs a (re)build, or null if it is up to date. */
async function launcherStaleReason(): Promise<string | null> {
  const missing = await missingBuildOutput();
  if (missing !== null) return missing;
  const stamp = await mtimeMs(BUILD_STAMP_FILE);
  if (stamp === null) return 'no record of a completed build';
  const inputs = [POM_FILE, ...(await listFiles(JAVA_SOURCES_DIR))];
  for (const input of inputs) {
    const modified = await mtimeMs(input);
    if (modified !== null && modified > stamp) return `${path.relative(PROJECT_ROOT, input)} changed`;
  }
  return null;
}

async function missingBuildOutput(): Promise<string | null> {
  if ((await mtimeMs(LAUNCHER_CLASS_FILE)) === null) return 'neo4j/target/classes has no launcher class';
  const libJars = (await readdirOrEmpty(LIB_DIR)).filter((name) => name.endsWith('.jar'));
  if (!libJars.some((name) => name.startsWith('neo4j-kernel-'))) return 'neo4j/target/lib has no Neo4j jars';
  const plugins = await readdirOrEmpty(PLUGINS_DIR);
  if (!plugins.some((name) => name.startsWith('apoc-core-') && name.endsWith('.jar'))) {
    return 'neo4j/target/plugins has no APOC jar';
  }
  return null;
}

/** mkdir is atomic, so the directory is the lock; a lock whose owner died (or that is very old) is taken over. */
async function acquireBuildLock(onLog: (line: string) => void): Promise<() => Promise<void>> {
  await fs.mkdir(TARGET_DIR, { recursive: true });
  const ownerFile = path.join(BUILD_LOCK_DIR, 'owner-pid');
  let announced = false;
  for (;;) {
    try {
      await fs.mkdir(BUILD_LOCK_DIR);
      await fs.writeFile(ownerFile, String(process.pid));
      return async () => {
        await fs.rm(BUILD_LOCK_DIR, { recursive: true, force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await fs.readFile(ownerFile, 'utf8').catch(() => ''));
    const lockAge = Date.now() - ((await mtimeMs(BUILD_LOCK_DIR)) ?? Date.now());
    const ownerGone = Number.isInteger(owner) && owner > 0 && !isProcessAlive(owner);
    if (ownerGone || lockAge > BUILD_LOCK_STALE_MS) {
      await fs.rm(BUILD_LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      onLog(`waiting for another process (pid ${owner || '?'}) that is building the launcher`);
      announced = true;
    }
    await delay(500);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Starting, finding and stopping instances
// ---------------------------------------------------------------------------------------------------------------

/**
 * Starts Neo4j on `options.dataDir` (created if needed) and resolves once Bolt serves the default database.
 * Builds the launcher first if needed.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const onLog = options.onLog ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const requestedPort = options.boltPort ?? DEFAULT_BOLT_PORT;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new RangeError(`boltPort must be an integer in 0..65535, got ${requestedPort}`);
  }
  const heap = checkSize('heap', options.heap ?? process.env.PITCHGRAPH_NEO4J_HEAP ?? DEFAULT_HEAP);
  const pageCache = checkSize('pageCache', options.pageCache ?? process.env.PITCHGRAPH_NEO4J_PAGECACHE ?? DEFAULT_PAGE_CACHE);
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  await fs.mkdir(dataDir, { recursive: true });
  const running = await findRunningEmbeddedNeo4j(dataDir);
  if (running) {
    throw new EmbeddedNeo4jError(
      'ALREADY_RUNNING',
      `Neo4j is already running on ${dataDir} (pid ${running.pid}, ${running.uri}). ` +
        `Connect to it (NEO4J_URI=${running.uri}, NEO4J_USER=${BOLT_USER}, NEO4J_PASSWORD from ` +
        `${path.join(dataDir, BOLT_PASSWORD_FILE_NAME)}) or stop that process first.`,
    );
  }
  if (requestedPort !== 0 && !(await isPortFree(requestedPort))) {
    throw portInUseError(requestedPort);
  }
  await ensureLauncherBuilt(onLog);
  const java = await resolveJava();
  const password = await ensureBoltPassword(dataDir);

  const jvmArgs = [
    `-Xms${smallerSize(MIN_INITIAL_HEAP, heap)}`,
    `-Xmx${heap}`,
    ...NEO4J_JVM_FLAGS,
    ...splitJavaOpts(process.env.PITCHGRAPH_NEO4J_JAVA_OPTS),
    '-cp',
    // The JVM expands `lib/*` itself (no shell involved).
    [CLASSES_DIR, path.join(LIB_DIR, '*')].join(path.delimiter),
    LAUNCHER_CLASS,
    '--data-dir',
    dataDir,
    '--plugins-dir',
    PLUGINS_DIR,
    '--password-file',
    path.join(dataDir, BOLT_PASSWORD_FILE_NAME),
    '--bolt-port',
    String(requestedPort),
    '--page-cache',
    pageCache,
  ];
  onLog(`starting embedded Neo4j on ${dataDir} (heap ${heap}, page cache ${pageCache})`);
  const startedAt = Date.now();
  // stdin stays an open pipe for the JVM's whole life: its EOF is how the JVM learns that we are gone.
  const child = spawn(java, jvmArgs, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // EPIPE if the JVM dies first; its exit is reported below.

  const recentLines: string[] = [];
  const remember = (line: string) => {
    recentLines.push(line);
    if (recentLines.length > LOG_LINES_KEPT) recentLines.shift();
    onLog(line);
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const uri = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      settle(() => {
        const error = new EmbeddedNeo4jError(
          'START_TIMEOUT',
          `embedded Neo4j did not become ready within ${startTimeoutMs} ms (see ${path.join(dataDir, 'logs', 'debug.log')}). ` +
            `Last JVM output:\n${recentLines.slice(-30).join('\n') || '(none yet)'}`,
        );
        // Reject only once the JVM is gone, so a retry does not find the store still locked.
        void killAndWait(child, exited).then(() => reject(error));
      });
    }, startTimeoutMs);

    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) {
        settle(() => resolve(line.slice(READY_PREFIX.length).trim()));
      }
      remember(line);
    });
    createInterface({ input: child.stderr }).on('line', remember);

    child.once('error', (error) => {
      settle(() =>
        reject(new EmbeddedNeo4jError('TOOL_MISSING', `could not run ${java}: ${error.message}. ${JAVA_INSTALL_HINT}`)),
      );
    });
    void exited.then(({ code, signal }) => {
      // Let the last stderr lines arrive before explaining the failure.
      setTimeout(() => {
        settle(() => {
          void explainEarlyExit(dataDir, requestedPort, code, signal, recentLines).then(reject);
        });
      }, 100);
    });
  });

  const boltPort = Number(new URL(uri.replace(/^bolt:/, 'http:')).port);
  const pid = child.pid!;
  onLog(`embedded Neo4j ready at ${uri} (pid ${pid}) after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  let stopping: Promise<void> | null = null;
  const exitedForGood = exited.then(({ code, signal }) => {
    if (!stopping) onLog(`embedded Neo4j (pid ${pid}) exited unexpectedly (code ${code}, signal ${signal})`);
    return { code, signal, expected: stopping !== null };
  });

  return {
    uri,
    boltPort,
    dataDir,
    pid,
    user: BOLT_USER,
    password,
    exited: exitedForGood,
    stop() {
      stopping ??= killAndWait(child, exited).then(() => onLog(`embedded Neo4j (pid ${pid}) stopped`));
      return stopping;
    },
  };
}

/**
 * The Bolt password of the store in `dataDir`, generated (24 random bytes, base64url) and written with mode 0600
 * on first use. A file readable by others is tightened to 0600.
 */
export async function ensureBoltPassword(dataDir: string): Promise<string> {
  const file = path.join(path.resolve(dataDir), BOLT_PASSWORD_FILE_NAME);
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.writeFile(file, `${randomBytes(24).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (((await fs.stat(file)).mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  }
  const password = (await fs.readFile(file, 'utf8')).trim();
  if (password.length < 8) {
    throw new EmbeddedNeo4jError('BAD_PASSWORD_FILE', `${file} holds a password shorter than 8 characters; delete the file to get a new one`);
  }
  return password;
}

/** The Bolt password kept in `dataDir`, or null if there is none yet. */
export async function readBoltPassword(dataDir: string): Promise<string | null> {
  const text = await fs.readFile(path.join(path.resolve(dataDir), BOLT_PASSWORD_FILE_NAME), 'utf8').catch(() => null);
  return text === null ? null : text.trim();
}

/**
 * The instance recorded in `<dataDir>/embedded-neo4j.json` if it is really running (process alive and its Bolt
 * port accepting connections), else null: a file left by a killed JVM is ignored.
 */
export async function findRunningEmbeddedNeo4j(dataDir: string): Promise<{ uri: string; pid: number } | null> {
  const record = await readInstanceFile(path.resolve(dataDir));
  if (!record) return null;
  if (!isProcessAlive(record.pid) || !(await isLauncherProcess(record.pid))) return null;
  const { hostname, port } = new URL(record.boltUri.replace(/^bolt:/, 'http:'));
  if (!(await canConnect(hostname, Number(port)))) return null;
  return { uri: record.boltUri, pid: record.pid };
}

async function readInstanceFile(dataDir: string): Promise<{ pid: number; boltUri: string } | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(path.join(dataDir, INSTANCE_FILE_NAME), 'utf8'));
  } catch {
    return null; // absent, or unreadable: either way nothing we can connect to
  }
  const { pid, boltUri } = (parsed ?? {}) as { pid?: unknown; boltUri?: unknown };
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
  if (typeof boltUri !== 'string' || !/^bolt:\/\/[^/]+:\d+$/.test(boltUri)) return null;
  return { pid, boltUri };
}

/** SIGTERM (clean shutdown via the JVM's hook), then SIGKILL if it has not exited in time. */
async function killAndWait(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  // Signal through the ChildProcess, never a bare pid: once the JVM has exited (and been reaped) Node sends
  // nothing, so a recycled pid can never be hit.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const gone = exited.then(() => true);
  if (!child.kill('SIGTERM')) {
    await Promise.race([gone, delay(1_000)]);
    return;
  }
  const stoppedInTime = await Promise.race([gone, delay(STOP_TIMEOUT_MS).then(() => false)]);
  if (!stoppedInTime) {
    child.kill('SIGKILL');
    await Promise.race([gone, delay(5_000)]);
  }
}

async function explainEarlyExit(
  dataDir: string,
  boltPort: number,
  code: number | null,
  signal: NodeJS.Signals | null,
  recentLines: string[],
): Promise<EmbeddedNeo4jError> {
  const output = recentLines.join('\n');
  const failure = recentLines.find((line) => line.startsWith(FAILED_PREFIX))?.slice(FAILED_PREFIX.length);
  const tail = `Last JVM output:\n${recentLines.slice(-30).join('\n')}`;
  if (/store_lock|FileLockException|locked by another process/i.test(output)) {
    const holder = await findRunningEmbeddedNeo4j(dataDir);
    const who = holder
      ? `by the embedded Neo4j with pid ${holder.pid} (${holder.uri}); connect to it instead`
      : `by another process (embedded-neo4j.json names no running instance: it may still be starting, or be a Neo4j not started by PitchGraph)`;
    return new EmbeddedNeo4jError('STORE_LOCKED', `the Neo4j store in ${dataDir} is locked ${who}.`);
  }
  if (/BindException|Address already in use|PortBindException/i.test(output)) {
    return portInUseError(boltPort);
  }
  if (/UnsupportedClassVersionError/.test(output)) {
    return new EmbeddedNeo4jError('TOOL_MISSING', `the java found is older than Java 17. ${JAVA_INSTALL_HINT}`);
  }
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  return new EmbeddedNeo4jError(
    'JVM_EXITED',
    `embedded Neo4j ${how} before it was ready${failure ? `: ${failure}` : ''} ` +
      `(logs: ${path.join(dataDir, 'logs', 'debug.log')}). ${tail}`,
  );
}

function portInUseError(port: number): EmbeddedNeo4jError {
  return new EmbeddedNeo4jError(
    'PORT_IN_USE',
    `Bolt port ${port} on 127.0.0.1 is already in use (another Neo4j?). Set PITCHGRAPH_BOLT_PORT to a free port ` +
      `(0 picks one), or set NEO4J_URI to use the server that is listening there.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tools: java and mvn
// ---------------------------------------------------------------------------------------------------------------

const JAVA_INSTALL_HINT =
  'The embedded Neo4j needs a Java 17+ JDK: install one (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) ' +
  'and put it on PATH or set JAVA_HOME, or set NEO4J_URI to use an existing Neo4j server.';
const MAVEN_INSTALL_HINT =
  'Building the embedded Neo4j launcher needs Maven 3.8+: install it (Debian/Ubuntu: apt-get install maven) ' +
  'and put `mvn` on PATH, or set NEO4J_URI to use an existing Neo4j server.';

let javaCheck: Promise<string> | null = null;

/** JAVA_HOME/bin/java if JAVA_HOME is set, else `java` on PATH; checked once to be Java 17 or newer. */
function resolveJava(): Promise<string> {
  javaCheck ??= (async () => {
    const javaHome = process.env.JAVA_HOME?.trim();
    let java: string | null;
    if (javaHome) {
      java = path.join(javaHome, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
      if (!(await isExecutable(java))) {
        throw new EmbeddedNeo4jError('TOOL_MISSING', `JAVA_HOME is ${javaHome} but ${java} is not an executable. ${JAVA_INSTALL_HINT}`);
      }
    } else {
      java = await findOnPath('java');
      if (!java) throw new EmbeddedNeo4jError('TOOL_MISSING', `java was not found on PATH and JAVA_HOME is not set. ${JAVA_INSTALL_HINT}`);
    }
    const { code, output } = await runCapturing(java, ['-version'], PROJECT_ROOT);
    const major = /version "(\d+)(?:\.(\d+))?/.exec(output);
    const version = major ? (major[1] === '1' ? Number(major[2]) : Number(major[1])) : NaN;
    if (code !== 0 || !(version >= 17)) {
      throw new EmbeddedNeo4jError(
        'TOOL_MISSING',
        `${java} is not a usable Java 17+ (java -version said: ${output.trim().split('\n')[0] ?? '(nothing)'}). ${JAVA_INSTALL_HINT}`,
      );
    }
    return java;
  })();
  javaCheck.catch(() => {
    javaCheck = null; // let a later call retry after the user fixed their setup
  });
  return javaCheck;
}

async function resolveMaven(): Promise<string> {
  const mavenHome = process.env.MAVEN_HOME?.trim();
  const fromHome = mavenHome ? path.join(mavenHome, 'bin', 'mvn') : null;
  const mvn = fromHome && (await isExecutable(fromHome)) ? fromHome : await findOnPath('mvn');
  if (!mvn) throw new EmbeddedNeo4jError('TOOL_MISSING', `mvn was not found on PATH. ${MAVEN_INSTALL_HINT}`);
  return mvn;
}

async function findOnPath(command: string): Promise<string | null> {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = path.join(dir, command + extension);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------------

/** True if the process exists and is not a zombie (an exited child nobody has reaped yet still answers kill 0). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  // /proc/<pid>/stat is "pid (comm) STATE ..."; comm may contain spaces, so read the state after the last ')'.
  const stat = readFileSyncOrNull(`/proc/${pid}/stat`);
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

/** Guards against pid reuse after a reboot or kill -9: on Linux, check the command line is our launcher. */
async function isLauncherProcess(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return cmdline === null || cmdline.includes(LAUNCHER_CLASS);
}

function canConnect(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const SIZE_PATTERN = /^(\d+)([kmg])?$/i;
const SIZE_FACTORS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

function checkSize(name: string, value: string): string {
  const trimmed = value.trim();
  if (!SIZE_PATTERN.test(trimmed)) throw new RangeError(`${name} must be a size like 512m or 2g, got '${value}'`);
  return trimmed.toLowerCase();
}

function sizeInBytes(size: string): number {
  const [, digits = '0', unit = ''] = SIZE_PATTERN.exec(size) ?? [];
  return Number(digits) * SIZE_FACTORS[unit.toLowerCase()]!;
}

/** -Xms must not exceed -Xmx, so a small heap gets an equally small initial heap. */
function smallerSize(a: string, b: string): string {
  return sizeInBytes(a) <= sizeInBytes(b) ? a : b;
}

function splitJavaOpts(value: string | undefined): string[] {
  return value?.trim() ? value.trim().split(/\s+/) : [];
}

function runCapturing(
  command: string,
  args: string[],
  cwd: string,
  onLine?: (line: string) => void,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (rawLine) => {
        // Maven 3.8 prints ANSI resets even with -q and style.color=never; keep logs plain.
        const line = rawLine.replace(ANSI_ESCAPE, '');
        if (!line.trim()) return;
        output += `${line}\n`;
        onLine?.(line);
      });
    }
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

const ANSI_ESCAPE = /\x1b\[[0-9;]*[A-Za-z]/g;

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

async function mtimeMs(file: string): Promise<number | null> {
  return fs.stat(file).then((stat) => stat.mtimeMs, () => null);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await fs.access(file, fsConstants.X_OK);
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

function readFileSyncOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** A timer that does not keep the process alive: races against it must not delay exit. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
