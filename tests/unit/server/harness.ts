// An in-process session server for the tests, and clients that record what they are told.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import type { Room } from '@colyseus/sdk';
import { startSessionServer, type RunningServer } from '../../../server/app';
import { joinSession } from '../../../src/session/api';
import type { JoinOptions } from '../../../src/core/sessionProtocol';

export const LEVELS = resolve(import.meta.dirname, '../../../levels');
export const PLAN = { introduction: 2, reflection: 10, correction: 3, creative: 2, debrief: 3 };

export function tempDataDir(): string {
  return mkdtempSync(joinPath(tmpdir(), 'fresque-sessions-'));
}

/** A port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export async function startServer(dataDir: string): Promise<RunningServer & { base: string }> {
  const running = await startSessionServer({ port: 0, host: '127.0.0.1', dataDir, levelsDir: LEVELS, embedded: true });
  return { ...running, base: `http://127.0.0.1:${running.port}` };
}

export interface Received {
  type: string;
  message: any;
}

/** A connected client that keeps every message it receives, and waits for the next of a kind. */
export class Probe {
  readonly received: Received[] = [];
  private consumed = new Set<Received>();
  private waiters: { type: string; test: (message: any) => boolean; resolve: (message: any) => void }[] = [];
  closed: number | null = null;

  constructor(readonly room: Room) {
    room.onMessage('*', (type: string | number, message: unknown) => {
      const entry = { type: String(type), message };
      this.received.push(entry);
      for (const waiter of [...this.waiters]) {
        if (waiter.type === entry.type && waiter.test(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          this.consumed.add(entry);
          waiter.resolve(message);
          return;
        }
      }
    });
    room.onLeave((code: number) => {
      this.closed = code;
    });
  }

  /** The first message of this type not waited for yet that passes the test, received or to come. */
  next(type: string, test: (message: any) => boolean = () => true, timeoutMs = 4000): Promise<any> {
    const already = this.received.find((entry) => entry.type === type && !this.consumed.has(entry) && test(entry.message));
    if (already) {
      this.consumed.add(already);
      return Promise.resolve(already.message);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms (got ${this.received.map((r) => r.type).join(', ')})`)), timeoutMs);
      this.waiters.push({ type, test, resolve: (message) => (clearTimeout(timer), resolve(message)) });
    });
  }

  send(type: string, message: unknown = {}): void {
    this.room.send(type, message);
  }

  async hello(): Promise<any> {
    const welcome = this.next('welcome');
    this.send('hello');
    return welcome;
  }

  leave(): Promise<unknown> {
    return this.room.leave(true);
  }
}

export async function join(base: string, code: string, options: JoinOptions): Promise<{ probe: Probe; welcome: any }> {
  const probe = new Probe(await joinSession(base, code, options));
  return { probe, welcome: await probe.hello() };
}

/** Waits until `check` holds (true) or the time is up (false). */
export async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((done) => setTimeout(done, 20));
  }
  return check();
}
