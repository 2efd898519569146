// Sessions kept on disk, one JSON file each under DATA_DIR/sessions, so that a restarted server
// resumes every session where it was. Writes are atomic (a temporary file renamed over the old
// one) and grouped: a burst of moves is one write, and `save` resolves once it is on disk, so
// that a move is acknowledged to its table only when it would survive a crash.
import { mkdirSync } from 'node:fs';
import { access, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSession, type SessionCheck, type SessionState } from '../src/core/session';
import { isJoinCode } from '../src/core/joinCode';

interface PendingWrite {
  state: SessionState;
  done: Promise<void>;
  resolve: () => void;
  reject: (cause: unknown) => void;
}

export class SessionStore {
  readonly dir: string;
  private pending = new Map<string, PendingWrite>();
  private writing = new Map<string, Promise<void>>();

  constructor(dataDir: string, private readonly delayMs = 40) {
    this.dir = join(dataDir, 'sessions');
    mkdirSync(this.dir, { recursive: true });
  }

  private file(code: string): string {
    if (!isJoinCode(code)) throw new Error(`not a join code: ${code}`);
    return join(this.dir, `${code}.json`);
  }

  async exists(code: string): Promise<boolean> {
    if (!isJoinCode(code)) return false;
    try {
      await access(this.file(code));
      return true;
    } catch {
      return false;
    }
  }

  async load(code: string): Promise<SessionCheck | null> {
    let text: string;
    try {
      text = await readFile(this.file(code), 'utf8');
    } catch {
      return null;
    }
    try {
      return parseSession(JSON.parse(text));
    } catch (cause) {
      return { ok: false, problem: cause instanceof Error ? cause.message : 'not JSON' };
    }
  }

  /** Keeps the newest state of a session; resolves when it (or a newer one) is on disk. */
  save(state: SessionState): Promise<void> {
    const waiting = this.pending.get(state.code);
    if (waiting) {
      waiting.state = state;
      return waiting.done;
    }
    let resolve!: () => void;
    let reject!: (cause: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.pending.set(state.code, { state, done, resolve, reject });
    setTimeout(() => void this.write(state.code), this.delayMs);
    return done;
  }

  private async write(code: string): Promise<void> {
    // One write at a time per session, the newest state last.
    await this.writing.get(code);
    const entry = this.pending.get(code);
    if (!entry) return;
    this.pending.delete(code);
    const target = this.file(code);
    const temporary = `${target}.${process.pid}.tmp`;
    const run = (async () => {
      await writeFile(temporary, JSON.stringify(entry.state));
      await rename(temporary, target);
    })();
    this.writing.set(code, run.catch(() => undefined));
    try {
      await run;
      entry.resolve();
    } catch (cause) {
      entry.reject(cause);
    }
  }

  /** Writes now whatever is waiting for this session. */
  async flush(code: string): Promise<void> {
    const entry = this.pending.get(code);
    if (entry) await this.write(code);
    await this.writing.get(code);
  }

  /** Forgets sessions untouched for longer than `maxAgeMs` (an event's data is not kept forever). Returns how many. */
  async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      const code = name.replace(/\.json$/, '');
      const stale = name.endsWith('.tmp') || (name.endsWith('.json') && isJoinCode(code));
      if (!stale) continue;
      const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: now }));
      if (now - mtimeMs <= maxAgeMs || this.pending.has(code)) continue;
      await unlink(path).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }

  async remove(code: string): Promise<void> {
    await this.flush(code);
    await unlink(this.file(code)).catch(() => undefined);
  }
}
