// `npm run bench:sessions`: load benchmark of the session server, on loopback only. 50 sessions
// × 8 tables (BENCH_SESSIONS, BENCH_TABLES), each table moving a card every 2 s for
// BENCH_SECONDS (default 60) after a warm-up; reports the 50th/95th/99th percentile delay from a
// table's move to its facilitator's dashboard update and to its acknowledgement (the move on
// the server's disk), and the server's CPU and memory. Run with one process, then with two
// processes behind a redis-server it starts itself (skipped when redis-server is missing), then
// with one process while one more session is abused: its 4 tables, on the largest level with
// every batch dealt, draw every possible arrow as fast as a connection may send (40 a second);
// the figures are those of the other sessions. BENCH_ONLY=one,redis,abuse picks runs. Not a
// test: it prints figures and writes bench-results/sessions.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Room } from '@colyseus/sdk';
import WebSocket from 'ws';
import { createSession, joinSession } from '../src/session/api';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const ROOT = resolve(import.meta.dirname, '..');
const SESSIONS = Number(process.env.BENCH_SESSIONS) || 50;
const TABLES = Number(process.env.BENCH_TABLES) || 8;
const SECONDS = Number(process.env.BENCH_SECONDS) || 60;
const WARMUP_SECONDS = 10;
const MOVE_EVERY_MS = 2000;
const PLAN = { introduction: 2, reflection: 30, correction: 5, creative: 2, debrief: 5 };
const CLOCK_TICKS = 100; // USER_HZ on Linux
const ONLY = new Set((process.env.BENCH_ONLY || 'one,redis,abuse').split(','));
/** The abused session: its level, its tables, how often each sends (the per-connection budget, 40 a second). */
const ABUSED_LEVEL = 'grande-fresque';
const ABUSED_TABLES = 4;
const ABUSE_EVERY_MS = 25;

interface ServerProcess {
  child: ChildProcess;
  port: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A port free on loopback right now (other work on the machine may hold any fixed one). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUp(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__healthcheck`)).ok) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  throw new Error(`server on ${port} did not start`);
}

function startServer(port: number, dataDir: string, redisUrl: string | null): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SESSIONS_PER_MINUTE: '100000', DIST_DIR: join(dataDir, 'none'), ...(redisUrl ? { REDIS_URL: redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, port };
}

/** CPU seconds used so far and resident memory (MB) of a process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpu, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Result extends Percentiles {
  setup: string;
  sessions: number;
  tables: number;
  moves: number;
  movesPerSecond: number;
  /** Move → acknowledgement (on the server's disk). */
  ack: Percentiles;
  lost: number;
  /** Moves never acknowledged. */
  unacknowledged: number;
  /** With one session abused: what its tables sent, and what every session's files weigh at the end. */
  abused: { tables: number; messages: number; dataMb: number } | null;
  /** The machine's load average during the measure: other work on it shows in the tail. */
  load: number;
  servers: { cpuPercent: number; rssMb: number; peakMb: number }[];
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

function folderBytes(path: string): number {
  let total = 0;
  for (const name of readdirSync(path)) {
    const inner = join(path, name);
    const info = statSync(inner);
    total += info.isDirectory() ? folderBytes(inner) : info.size;
  }
  return total;
}

/**
 * One more session whose tables draw every possible arrow of the largest level, each as fast as
 * a connection may send. Returns how to stop it and how many messages it sent.
 */
async function abuse(url: string, rooms: Room[]): Promise<{ stop: () => void; messages: () => number }> {
  const level = JSON.parse(readFileSync(join(ROOT, 'levels', `${ABUSED_LEVEL}.json`), 'utf8')) as { cards: string[]; relations: string[]; batches: unknown[] };
  const { code, token } = await createSession(url, { levelId: ABUSED_LEVEL, plan: PLAN });
  const facilitator = await joinSession(url, code, { role: 'facilitator', token });
  rooms.push(facilitator);
  const dealt = new Promise<void>((done) => facilitator.onMessage('master', (master: { dealt: number }) => master.dealt >= level.batches.length && done()));
  for (const type of ['welcome', 'table', 'summary', 'watched', 'error', 'gap', 'storage']) facilitator.onMessage(type, () => undefined);
  facilitator.send('hello', {});
  for (let i = 1; i < level.batches.length; i++) facilitator.send('table-move', { target: 'all', action: { type: 'deal' } });
  await dealt;
  const actions: unknown[] = level.cards.map((card, i) => ({ type: 'place', card, x: (i % 10) * 220, y: Math.floor(i / 10) * 160 }));
  for (const from of level.cards) for (const to of level.cards) if (from !== to) for (const relation of level.relations) actions.push({ type: 'link', from, to, relation });
  const timers: ReturnType<typeof setInterval>[] = [];
  let messages = 0;
  for (let t = 0; t < ABUSED_TABLES; t++) {
    const room = await joinSession(url, code, { role: 'table', lang: 'fr' });
    rooms.push(room);
    for (const type of ['welcome', 'ack', 'fresco', 'workshop', 'renamed', 'error', 'resend', 'gap']) room.onMessage(type, () => undefined);
    room.send('hello', {});
    let seq = 0;
    timers.push(
      setInterval(() => {
        const action = actions[seq % actions.length];
        seq += 1;
        messages += 1;
        room.send('move', { seq, action });
      }, ABUSE_EVERY_MS),
    );
  }
  return { stop: () => timers.forEach((timer) => clearInterval(timer)), messages: () => messages };
}

async function run(setup: string, servers: ServerProcess[], abused: { dataDir: string } | null = null): Promise<Result> {
  const port = (i: number) => servers[i % servers.length]!.port;
  const url = (i: number) => `http://127.0.0.1:${port(i)}`;
  const rooms: Room[] = [];
  const pending = new Map<string, number[]>();
  const lastMoveAt = new Map<string, number | null>();
  const delays: number[] = [];
  const ackDelays: number[] = [];
  /** Per table, when each move still waiting for its acknowledgement was sent. */
  const unacked = new Map<string, Map<number, number>>();
  let measuring = false;
  let moves = 0;
  let lost = 0;

  console.log(`[${setup}] opening ${SESSIONS} sessions of ${TABLES} tables…`);
  const tables: { room: Room; id: string; seq: number; card: string }[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    // Sessions are opened on each process in turn; everyone joins through the other one when there are two.
    const { code, token } = await createSession(url(s), { levelId: 'qui-elit-qui', plan: PLAN });
    const facilitator = await joinSession(url(s + 1), code, { role: 'facilitator', token });
    rooms.push(facilitator);
    facilitator.onMessage('table', (summary: { id: string; lastMoveAt: number | null }) => {
      const known = lastMoveAt.get(summary.id);
      if (summary.lastMoveAt === null || summary.lastMoveAt === known) return;
      lastMoveAt.set(summary.id, summary.lastMoveAt);
      const sent = pending.get(summary.id)?.shift();
      if (sent !== undefined && measuring) delays.push(performance.now() - sent);
    });
    for (const type of ['welcome', 'master', 'summary', 'watched', 'error']) facilitator.onMessage(type, () => undefined);
    facilitator.send('hello', {});
    for (let t = 0; t < TABLES; t++) {
      const room = await joinSession(url(s + t), code, { role: 'table', lang: 'fr' });
      rooms.push(room);
      const welcome = await new Promise<{ table: { id: string } }>((done) => {
        room.onMessage('welcome', done);
        room.send('hello', {});
      });
      const id = welcome.table.id;
      const waiting = new Map<number, number>();
      unacked.set(id, waiting);
      room.onMessage('ack', ({ lastSeq }: { lastSeq: number }) => {
        for (const [seq, sent] of waiting) {
          if (seq > lastSeq) continue;
          if (measuring) ackDelays.push(performance.now() - sent);
          waiting.delete(seq);
        }
      });
      for (const type of ['fresco', 'workshop', 'renamed', 'error', 'resend', 'gap']) room.onMessage(type, () => undefined);
      pending.set(id, []);
      lastMoveAt.set(id, null);
      tables.push({ room, id, seq: 0, card: 'citoyens' });
    }
  }

  const abuser = abused ? await abuse(url(0), rooms) : null;
  if (abuser) console.log(`[${setup}] one more session: ${ABUSED_TABLES} tables drawing every arrow of ${ABUSED_LEVEL}, each every ${ABUSE_EVERY_MS} ms`);
  const before = servers.map((server) => usage(server.child.pid!));
  const timers: ReturnType<typeof setInterval>[] = [];
  const move = (table: (typeof tables)[number]) => {
    table.seq += 1;
    pending.get(table.id)!.push(performance.now());
    unacked.get(table.id)!.set(table.seq, performance.now());
    if (measuring) moves += 1;
    table.room.send('move', { seq: table.seq, action: { type: 'place', card: table.card, x: 100 + Math.round(Math.random() * 800), y: 100 + Math.round(Math.random() * 500) } });
  };
  // Every table moves every 2 s, the tables spread evenly over those 2 s.
  tables.forEach((table, index) => {
    setTimeout(() => {
      move(table);
      timers.push(setInterval(() => move(table), MOVE_EVERY_MS));
    }, (index / tables.length) * MOVE_EVERY_MS);
  });
  console.log(`[${setup}] ${tables.length} tables moving; warming up ${WARMUP_SECONDS} s, then measuring ${SECONDS} s…`);
  await sleep(WARMUP_SECONDS * 1000);
  const startUsage = servers.map((server) => usage(server.child.pid!));
  const started = performance.now();
  for (const queue of pending.values()) queue.length = 0;
  for (const waiting of unacked.values()) waiting.clear();
  measuring = true;
  await sleep(SECONDS * 1000);
  measuring = false;
  const wall = (performance.now() - started) / 1000;
  const endUsage = servers.map((server) => usage(server.child.pid!));
  for (const timer of timers) clearInterval(timer);
  abuser?.stop();
  await sleep(1000);
  for (const queue of pending.values()) lost += queue.length;
  let unacknowledged = 0;
  for (const waiting of unacked.values()) unacknowledged += waiting.size;
  const dataMb = abused ? Math.round(folderBytes(join(abused.dataDir, 'sessions')) / 1e5) / 10 : 0;
  await Promise.all(rooms.map((room) => Promise.race([room.leave(true).catch(() => undefined), sleep(2000)])));
  void before;

  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    setup,
    sessions: SESSIONS,
    tables: tables.length,
    moves,
    movesPerSecond: round(moves / wall),
    ...percentiles(delays),
    ack: percentiles(ackDelays),
    lost,
    unacknowledged,
    abused: abuser ? { tables: ABUSED_TABLES, messages: abuser.messages(), dataMb } : null,
    load: round(loadavg()[0]!),
    servers: servers.map((_, i) => ({ cpuPercent: round((100 * (endUsage[i]!.cpu - startUsage[i]!.cpu)) / wall), rssMb: round(endUsage[i]!.rssMb), peakMb: round(endUsage[i]!.peakMb) })),
  };
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000);
        }),
    ),
  );
}

function print(result: Result): void {
  const cpu = result.servers.map((s) => `${s.cpuPercent} %`).join(' + ');
  const memory = result.servers.map((s) => `${s.rssMb} MB (peak ${s.peakMb})`).join(' + ');
  const { ack } = result;
  console.log(
    `[${result.setup}] ${result.tables} tables, ${result.movesPerSecond} moves/s: move → dashboard p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms (max ${result.max}); move → acknowledged p50 ${ack.p50} ms, p95 ${ack.p95} ms, p99 ${ack.p99} ms (max ${ack.max}); server CPU ${cpu}, memory ${memory}; unanswered moves ${result.lost}, unacknowledged ${result.unacknowledged}; load average ${result.load}`,
  );
  if (result.abused) console.log(`[${result.setup}] the abused session's ${result.abused.tables} tables sent ${result.abused.messages} moves; every session's files: ${result.abused.dataMb} MB`);
}

async function main(): Promise<void> {
  const results: Result[] = [];
  if (ONLY.has('one')) {
    const port = await freePort();
    const server = startServer(port, mkdtempSync(join(tmpdir(), 'fresque-bench-')), null);
    try {
      await waitUp(port);
      results.push(await run('one process', [server]));
      print(results.at(-1)!);
    } finally {
      await stopAll([server.child]);
    }
  }
  if (!ONLY.has('redis')) {
    // not asked for
  } else if (spawnSync('redis-server', ['--version']).status === 0) {
    const [redisPort, first, second] = [await freePort(), await freePort(), await freePort()];
    const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const dataDir = mkdtempSync(join(tmpdir(), 'fresque-bench-'));
    const servers = [startServer(first, dataDir, `redis://127.0.0.1:${redisPort}`), startServer(second, dataDir, `redis://127.0.0.1:${redisPort}`)];
    try {
      await sleep(500);
      for (const server of servers) await waitUp(server.port);
      results.push(await run('two processes + Redis', servers));
      print(results.at(-1)!);
    } finally {
      // The servers first: a server whose Redis is gone first fills the output with connection errors.
      await stopAll(servers.map((s) => s.child));
      await stopAll([redis]);
    }
  } else console.log('redis-server not found (Debian: apt-get install redis-server): the two-process run is skipped.');
  if (ONLY.has('abuse')) {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'fresque-bench-'));
    const server = startServer(port, dataDir, null);
    try {
      await waitUp(port);
      results.push(await run('one process, one session abused', [server], { dataDir }));
      print(results.at(-1)!);
    } finally {
      await stopAll([server.child]);
    }
  }
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'sessions.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  process.exit(0);
}

void main().catch((cause: unknown) => {
  console.error(cause);
  process.exit(1);
});
