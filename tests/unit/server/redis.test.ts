// Scale-out: two session-server processes share a real redis-server (Debian's), started here on
// loopback. A session created on one is joined through the other, the moves cross over, and when
// the process holding the session crashes, the other resumes it from the shared data folder.
// Without a redis-server (REDIS_SERVER names one off the PATH), the test is counted as skipped and
// the run says so in one line with how to install it; under CI, where .ci/run installs it, it fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join as joinPath, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession } from '../../../src/session/api';
import { freePort, join, PLAN, tempDataDir } from './harness';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const ROOT = resolve(import.meta.dirname, '../../..');
const REDIS_SERVER = process.env.REDIS_SERVER || 'redis-server';
const INSTALL = 'sudo apt-get install redis-server (Debian/Ubuntu), brew install redis (macOS)';
const hasRedis = spawnSync(REDIS_SERVER, ['--version']).status === 0;
const missing = `no ${REDIS_SERVER} found, so the scale-out test (two processes behind Redis) is skipped; install it: ${INSTALL}`;
if (!hasRedis && process.env.CI) throw new Error(`no ${REDIS_SERVER} found: under CI the scale-out test must run (.ci/run installs redis-server)`);
if (!hasRedis) console.warn(`Skipped: ${missing}`);
// redis-cli comes with redis-server (Debian's redis-tools); beside the one named, else on the PATH.
const REDIS_CLI = REDIS_SERVER.includes('/') ? joinPath(dirname(REDIS_SERVER), 'redis-cli') : 'redis-cli';

let redisPort = 0;
let ports: number[] = [];
const children: ChildProcess[] = [];
const dataDir = tempDataDir();

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not come up`);
}

function startProcess(port: number): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${redisPort}`, PUBLIC_ADDRESS: `127.0.0.1:${port}`, DIST_DIR: resolve(dataDir, 'no-game') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const url = (port: number) => `http://127.0.0.1:${port}`;

describe('two processes behind Redis', () => {
  let first: ChildProcess;

  beforeAll(async () => {
    if (!hasRedis) return;
    [redisPort, ...ports] = [await freePort(), await freePort(), await freePort()];
    const redis = spawn(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    children.push(redis);
    await waitFor(async () => spawnSync(REDIS_CLI, ['-p', String(redisPort), 'ping']).stdout?.toString().trim() === 'PONG', 'redis-server');
    first = startProcess(ports[0]!);
    startProcess(ports[1]!);
    for (const port of ports) await waitFor(async () => (await fetch(`${url(port)}/__healthcheck`)).ok, `session server on ${port}`);
  }, 120_000);

  afterAll(async () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves one event from two processes, and survives the crash of the one holding a session', async (context) => {
    // Counted as skipped, with the reason (vitest's verbose reporter prints it beside the test).
    context.skip(!hasRedis, missing);
    // Created through the first process; everyone joins through the second.
    const { code, token } = await createSession(url(ports[0]!), { levelId: 'qui-elit-qui', plan: PLAN });
    const facilitator = await join(url(ports[1]!), code, { role: 'facilitator', token });
    const table = await join(url(ports[1]!), code, { role: 'table', lang: 'fr' });
    const { id, secret } = table.welcome.table;
    const seen = facilitator.probe.next('table', (t) => t.id === id && t.placed === 1);
    const acked = table.probe.next('ack', (m) => m.lastSeq === 1);
    table.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 5, y: 6 } });
    await Promise.all([seen, acked]);

    // More sessions spread over both processes.
    const others = await Promise.all(Array.from({ length: 6 }, (_, i) => createSession(url(ports[i % 2]!), { levelId: 'trois-pouvoirs', plan: PLAN })));
    expect(new Set(others.map((s) => s.code)).size).toBe(6);

    // The process holding the session dies; the other one takes it over from disk.
    const holder = spawnSync(REDIS_CLI, ['-p', String(redisPort), '--scan', '--pattern', '*']).stdout.toString();
    expect(holder.length).toBeGreaterThan(0);
    first.kill('SIGKILL');
    await new Promise((done) => first.once('exit', done));
    const back = await join(url(ports[1]!), code, { role: 'table', lang: 'fr', table: { id, secret } });
    expect(back.welcome.progress.history.present.placed).toEqual({ citoyens: { x: 5, y: 6 } });
    const again = await join(url(ports[1]!), code, { role: 'facilitator', token });
    expect(again.welcome.tables).toMatchObject([{ id, placed: 1 }]);
    await Promise.all([back.probe.leave(), again.probe.leave()]);
  }, 60_000);
});
