/**
 * The embedded Neo4j launcher end to end: real JVMs on a temporary store. Each JVM start takes several
 * seconds on two cores, so the cases share one store and run in order (later ones build on earlier ones).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOLT_PASSWORD_FILE_NAME,
  ensureLauncherBuilt,
  findRunningEmbeddedNeo4j,
  INSTANCE_FILE_NAME,
  startEmbeddedNeo4j,
  type EmbeddedNeo4j,
} from '../src/database/embeddedNeo4j.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE_URL = pathToFileURL(path.join(PROJECT_ROOT, 'src', 'database', 'embeddedNeo4j.ts')).href;
// Small memory settings: the integration suite's own Neo4j may be running beside these.
const SMALL = { boltPort: 0, heap: '512m', pageCache: '64m' } as const;

let workDir: string;
let dataDir: string;
const started: EmbeddedNeo4j[] = [];
let orphanParent: ChildProcess | undefined;

async function start(folder = dataDir): Promise<EmbeddedNeo4j> {
  const instance = await startEmbeddedNeo4j({ dataDir: folder, ...SMALL });
  started.push(instance);
  return instance;
}

/** The password the launcher was given, from the store's bolt-password file. */
const boltPassword = (folder = dataDir) => readFileSync(path.join(folder, BOLT_PASSWORD_FILE_NAME), 'utf8').trim();

async function withSession<T>(uri: string, work: (session: Session) => Promise<T>, password = boltPassword()): Promise<T> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    const session = driver.session();
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

async function probeIds(uri: string): Promise<string[]> {
  return withSession(uri, async (session) => {
    const result = await session.run('MATCH (p:Probe) RETURN p.id AS id ORDER BY id');
    return result.records.map((record) => record.get('id') as string);
  });
}

async function probeIdsWith(uri: string, password: string): Promise<string[]> {
  return withSession(uri, async (session) => (await session.run('MATCH (p:Probe) RETURN p.id AS id')).records.map((r) => r.get('id') as string), password);
}

async function createProbe(uri: string, id: string): Promise<void> {
  await withSession(uri, (session) => session.run('CREATE (:Probe {id: $id})', { id }));
}

/** Alive and not a zombie (a dead child nobody reaped yet still answers kill 0). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const instanceFile = () => path.join(dataDir, INSTANCE_FILE_NAME);

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'pitchgraph-embedded-'));
  dataDir = path.join(workDir, 'store');
  await ensureLauncherBuilt(); // a cold Maven build downloads ~120 MB of jars
}, 600_000);

afterAll(async () => {
  orphanParent?.kill('SIGKILL');
  await Promise.all(started.map((instance) => instance.stop()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 120_000);

describe('embedded Neo4j', () => {
  let first: EmbeddedNeo4j;

  it('starts on an empty folder and serves Cypher, APOC and @neo4j/graphql', async () => {
    first = await start();
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(first.uri).toBe(`bolt://127.0.0.1:${first.boltPort}`);
    expect(first.dataDir).toBe(dataDir);

    const record = JSON.parse(await readFile(instanceFile(), 'utf8'));
    expect(record).toMatchObject({ pid: first.pid, boltUri: first.uri });
    expect(Date.parse(record.startedAt)).not.toBeNaN();
    expect(await findRunningEmbeddedNeo4j(dataDir)).toEqual({ uri: first.uri, pid: first.pid });

    await withSession(first.uri, async (session) => {
      const one = await session.run('RETURN 1 AS one');
      expect(one.records[0]?.get('one').toNumber()).toBe(1);
      const apoc = await session.run('RETURN apoc.version() AS version');
      expect(apoc.records[0]?.get('version')).toMatch(/^5\.26\./);
    });

    const driver = neo4j.driver(first.uri, neo4j.auth.basic('neo4j', first.password));
    try {
      const neoSchema = new Neo4jGraphQL({ typeDefs: 'type Probe @node { id: ID! }', driver });
      await expect(neoSchema.checkNeo4jCompat()).resolves.toBeUndefined();
    } finally {
      await driver.close();
    }

    await createProbe(first.uri, 'before-restart');
  }, 180_000);

  it('has auth on: the password is generated into the store folder (mode 0600), and no other login works', async () => {
    const file = path.join(dataDir, BOLT_PASSWORD_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.password).toBe(boltPassword());
    expect(first.password.length).toBeGreaterThanOrEqual(24);
    for (const auth of [undefined, neo4j.auth.basic('neo4j', 'neo4j'), neo4j.auth.basic('neo4j', `${first.password}x`)]) {
      const driver = neo4j.driver(first.uri, auth);
      try {
        await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({ code: expect.stringMatching(/Unauthorized|AuthenticationRateLimit/) });
      } finally {
        await driver.close();
      }
    }
  });

  it('refuses a second instance on the same folder, naming the running pid', async () => {
    const second = startEmbeddedNeo4j({ dataDir, ...SMALL });
    await expect(second).rejects.toMatchObject({ code: 'ALREADY_RUNNING' });
    await expect(second).rejects.toThrow(`pid ${first.pid}`);
  });

  it('refuses a Bolt port that is already taken', async () => {
    const attempt = startEmbeddedNeo4j({ ...SMALL, dataDir: path.join(workDir, 'other'), boltPort: first.boltPort });
    await expect(attempt).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    await expect(attempt).rejects.toThrow(`port ${first.boltPort}`);
    await expect(attempt).rejects.toThrow('PITCHGRAPH_BOLT_PORT');
  });

  it('stop() ends the JVM and removes embedded-neo4j.json, and can be called twice', async () => {
    await first.stop();
    await first.stop();
    expect(isAlive(first.pid)).toBe(false);
    expect(existsSync(instanceFile())).toBe(false);
    expect(await findRunningEmbeddedNeo4j(dataDir)).toBeNull();
  }, 60_000);

  it('keeps data across a restart, and recovers the store after the JVM is killed with -9', async () => {
    const second = await start();
    expect(await probeIds(second.uri)).toEqual(['before-restart']);
    await createProbe(second.uri, 'before-kill');

    process.kill(second.pid, 'SIGKILL');
    await waitUntil(() => !isAlive(second.pid), 10_000, `pid ${second.pid} is gone`);
    // The file the killed JVM could not remove must not be mistaken for a running instance.
    expect(existsSync(instanceFile())).toBe(true);
    expect(await findRunningEmbeddedNeo4j(dataDir)).toBeNull();
    await second.stop(); // already dead: resolves without error

    const third = await start();
    expect(await probeIds(third.uri)).toEqual(['before-kill', 'before-restart']);
    await third.stop();
    expect(isAlive(third.pid)).toBe(false);
  }, 240_000);

  it('applies a new password file to an existing store (with Bolt off meanwhile); the old password stops working', async () => {
    const oldPassword = boltPassword();
    await rm(path.join(dataDir, BOLT_PASSWORD_FILE_NAME));
    const fourth = await start();
    expect(fourth.password).not.toBe(oldPassword);
    expect(await probeIds(fourth.uri)).toEqual(['before-kill', 'before-restart']);
    await expect(probeIdsWith(fourth.uri, oldPassword)).rejects.toMatchObject({ code: expect.stringMatching(/Unauthorized|AuthenticationRateLimit/) });
    await fourth.stop();
  }, 240_000);

  it('shuts down by itself when the Node parent is killed with SIGKILL (no orphan JVM)', async () => {
    const script = path.join(workDir, 'parent.mjs');
    await writeFile(
      script,
      [
        `const { startEmbeddedNeo4j } = await import(${JSON.stringify(MODULE_URL)});`,
        `const db = await startEmbeddedNeo4j(${JSON.stringify({ dataDir, ...SMALL })});`,
        'console.log(JSON.stringify({ pid: db.pid, uri: db.uri }));',
        'setInterval(() => {}, 60_000); // stay alive until killed',
      ].join('\n'),
    );
    orphanParent = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: orphanParent!.stdout! }).once('line', resolve);
      orphanParent!.once('exit', (code) => reject(new Error(`parent script exited early with code ${code}`)));
    });
    const { pid: jvmPid } = JSON.parse(firstLine) as { pid: number };
    expect(isAlive(jvmPid)).toBe(true);

    orphanParent.kill('SIGKILL');
    await waitUntil(() => !isAlive(jvmPid), 20_000, `the orphaned JVM (pid ${jvmPid}) exits`);
    // It exited through its shutdown hook (a clean shutdown), which removes the instance file.
    expect(existsSync(instanceFile())).toBe(false);
  }, 120_000);
});
