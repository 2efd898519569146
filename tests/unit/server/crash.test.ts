// Crash test: a real session server process, several sessions of several tables moving in
// bursts, killed with SIGKILL mid-burst, restarted, several rounds. Every move a table was told
// was acknowledged must be in the restarted server's fresco, and every table must sync again
// afterwards (its queued moves and its new ones applied and acknowledged).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession } from '../../../src/session/api';
import { freePort, PLAN, tempDataDir } from './harness';
import { TestTable } from './tableClient';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const ROOT = resolve(import.meta.dirname, '../../..');
const SESSIONS = 3;
const TABLES = 4;
const ROUNDS = 4;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

class ServerProcess {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, DIST_DIR: resolve(this.dataDir, 'no-game') },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the session server exited (${child.exitCode})`);
      try {
        if ((await fetch(`${this.base}/__healthcheck`, { signal: AbortSignal.timeout(1000) })).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error('the session server did not start');
  }

  /** A crash: nothing flushed but what was already on disk, no goodbye to anyone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(25);
  }
  return check();
}

const tables: TestTable[] = [];
let server: ServerProcess | null = null;

afterAll(async () => {
  await Promise.all(tables.map((table) => table.stop()));
  await server?.kill();
});

describe('a session server killed with SIGKILL mid-burst', () => {
  it(`loses no acknowledged move, and every table syncs again (${SESSIONS} sessions × ${TABLES} tables, ${ROUNDS} rounds)`, async () => {
    server = new ServerProcess(await freePort(), tempDataDir());
    await server.start();
    const base = () => server!.base;
    for (let s = 0; s < SESSIONS; s++) {
      const { code } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
      for (let t = 0; t < TABLES; t++) {
        const table = new TestTable(`session ${s + 1} table ${t + 1}`, s * TABLES + t);
        tables.push(table);
        await table.connect(base, code);
      }
    }
    expect(await until(() => tables.every((table) => table.id !== null), 10_000)).toBe(true);

    const lost: string[] = [];
    const unsynced: string[] = [];
    let acknowledgedBeforeKills = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // Bursts: every table moves every 8-20 ms; the server dies in the middle of them.
      const timers = tables.map((table) => setInterval(() => table.move(), 8 + ((table.index * 5) % 13)));
      await sleep(300 + ((round * 211) % 500));
      await server.kill();
      const acked = tables.map((table) => table.acked);
      acknowledgedBeforeKills += acked.reduce((sum, n) => sum + n, 0);
      // The tablets play on while the server is down (offline moves, queued).
      await sleep(150);
      for (const timer of timers) clearInterval(timer);
      const welcomesBefore = tables.map((table) => table.welcomes.length);
      await server.start();

      // Every table comes back; its first welcome says what the restarted server has.
      const back = await until(() => tables.every((table, i) => table.welcomes.length > welcomesBefore[i]!), 15_000);
      expect(back, `round ${round}: every table joins the restarted server`).toBe(true);
      tables.forEach((table, i) => {
        const welcome = table.welcomes[welcomesBefore[i]!]!;
        if (welcome.lastSeq < acked[i]!) lost.push(`round ${round}, ${table.label}: ${acked[i]! - welcome.lastSeq} acknowledged move(s) missing (acknowledged up to ${acked[i]}, the restarted server has ${welcome.lastSeq})`);
        else expect(welcome.placed, `round ${round}, ${table.label}: the server's fresco is what its moves made`).toEqual(table.expected(welcome.lastSeq));
      });

      // Moves after the restart are applied and acknowledged, with everything queued before them.
      for (const table of tables) for (let i = 0; i < 3; i++) table.move();
      await until(() => tables.every((table) => table.synced()), 10_000);
      for (const table of tables) if (!table.synced()) unsynced.push(`round ${round}, ${table.label}: ${table.outbox.pending.length} move(s) never acknowledged (last sent ${table.seq}, acknowledged ${table.acked})`);
    }

    expect(acknowledgedBeforeKills, 'moves were acknowledged before each kill').toBeGreaterThan(ROUNDS * tables.length);
    expect({ lost, unsynced }).toEqual({ lost: [], unsynced: [] });
    // Nothing was lost, so no table was ever told of a gap.
    expect(tables.flatMap((table) => table.gaps)).toEqual([]);

    // At the end, each table's fresco on the server is exactly what all its moves made.
    const finals = tables.map((table) => table.welcomes.length);
    await server.kill();
    await server.start();
    expect(await until(() => tables.every((table, i) => table.welcomes.length > finals[i]!), 15_000)).toBe(true);
    tables.forEach((table, i) => {
      const welcome = table.welcomes[finals[i]!]!;
      expect(welcome.lastSeq, table.label).toBe(table.seq);
      expect(welcome.placed, table.label).toEqual(table.expected(table.seq));
    });
  }, 120_000);
});
