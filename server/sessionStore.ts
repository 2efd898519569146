// Sessions kept on disk, one folder each under DATA_DIR/sessions (the files are described in
// sessionFiles.ts, written by sessionJournal.ts), so that a restarted server resumes every
// session where it was. Loading takes the newest snapshot that reads well and replays its
// journal; a damaged file is set aside (renamed, kept) and the previous copy is used, and the
// session is told what happened so that its facilitator can be.
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Level } from '../src/core/level';
import { parseSession, type SessionState } from '../src/core/session';
import { applySessionChange, type SessionChange } from '../src/core/sessionChange';
import { isJoinCode } from '../src/core/joinCode';
import { syncFolder } from './durableFiles';
import { decodeJournal, decodeSnapshot, generationOf, journalName, snapshotName } from './sessionFiles';
import { SessionJournal, type JournalEvents, type JournalOptions, type ResumePoint } from './sessionJournal';

export interface Recovery {
  /** What was wrong, file by file. */
  problem: string;
  /** The files set aside (names in the session's folder). */
  setAside: string[];
}

export type LoadedSession =
  | { kind: 'missing' }
  /** Nothing usable is left: every copy is damaged (and set aside). */
  | { kind: 'damaged'; problem: string; setAside: string[] }
  | { kind: 'unknown-level'; levelId: string }
  | { kind: 'ok'; state: SessionState; resume: ResumePoint; recovery: Recovery | null };

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export class SessionStore {
  readonly dir: string;
  /** Sessions whose journal is still writing after its room closed: loading again waits for it. */
  private closing = new Map<string, Promise<unknown>>();
  /** Sessions open in this process: one writer per folder. */
  private writers = new Map<string, SessionJournal>();

  constructor(
    dataDir: string,
    private readonly options: JournalOptions = {},
  ) {
    this.dir = join(dataDir, 'sessions');
    mkdirSync(this.dir, { recursive: true });
  }

  folder(code: string): string {
    if (!isJoinCode(code)) throw new Error(`not a join code: ${code}`);
    return join(this.dir, code);
  }

  /** A session kept in the first format: one JSON file beside the folders. */
  private legacyFile(code: string): string {
    return join(this.dir, `${code}.json`);
  }

  async exists(code: string): Promise<boolean> {
    if (!isJoinCode(code)) return false;
    for (const path of [this.folder(code), this.legacyFile(code)]) {
      if (await stat(path).then(() => true, () => false)) return true;
    }
    return false;
  }

  /** The session's state as the disk has it, from the newest copy that reads well. */
  async load(code: string, levels: Map<string, Level>): Promise<LoadedSession> {
    await this.closing.get(code);
    if (this.writers.has(code)) throw new Error(`session ${code} is already open in this process`);
    const folder = this.folder(code);
    const names = await readdir(folder).catch(() => [] as string[]);
    const snapshots = names.map((name) => generationOf(name, 'snapshot')).filter((g): g is number => g !== null).sort((a, b) => b - a);
    const journals = names.map((name) => generationOf(name, 'journal')).filter((g): g is number => g !== null).sort((a, b) => a - b);
    const newest = Math.max(0, ...snapshots, ...journals);
    const problems: string[] = [];
    const setAside: string[] = [];
    const putAside = async (name: string, problem: string) => {
      problems.push(`${name}: ${problem}`);
      setAside.push(await this.setAside(folder, name));
    };

    for (const generation of snapshots) {
      const name = snapshotName(generation);
      const decoded = decodeSnapshot(await readFile(join(folder, name), 'utf8').catch(() => ''), generation);
      if (!decoded.ok) {
        await putAside(name, decoded.problem);
        continue;
      }
      const level = levels.get(decoded.state.levelId);
      if (!level) return { kind: 'unknown-level', levelId: decoded.state.levelId };
      let state = decoded.state;
      let replayed = 0;
      let problem: string | null = null;
      const later = journals.filter((g) => g >= generation);
      for (const [index, g] of later.entries()) {
        const journal = journalName(g);
        const text = await readFile(join(folder, journal), 'utf8').catch(() => '');
        const read = decodeJournal(text, g);
        const replay = replayChanges(level, state, read.changes);
        state = replay.state;
        if (g === newest) replayed = replay.count;
        problem = read.problem ?? replay.problem;
        // An older journal must hold every change the next generation's snapshot was made from.
        const next = later[index + 1];
        if (!problem && next !== undefined) {
          const expected = decodeJournal(await readFile(join(folder, journalName(next)), 'utf8').catch(() => ''), next).after;
          if (expected !== null && replay.count < expected) problem = `holds ${replay.count} of the ${expected} changes its generation had`;
        }
        if (problem) {
          // What follows the damage cannot be applied: set aside with it, for inspection.
          await putAside(journal, problem);
          for (const after of later.slice(index + 1)) await putAside(journalName(after), `follows a damaged journal`);
          break;
        }
      }
      const recovery = problems.length > 0 ? { problem: problems.join('; '), setAside } : null;
      return { kind: 'ok', state, resume: { generation: newest, replayed, obsolete: [] }, recovery };
    }

    // A session kept before journals existed.
    const legacy = this.legacyFile(code);
    const text = await readFile(legacy, 'utf8').catch(() => null);
    if (text !== null) {
      let checked: ReturnType<typeof parseSession>;
      try {
        checked = parseSession(JSON.parse(text));
      } catch {
        checked = { ok: false, problem: 'not JSON' };
      }
      if (checked.ok) {
        if (!levels.has(checked.state.levelId)) return { kind: 'unknown-level', levelId: checked.state.levelId };
        const recovery = problems.length > 0 ? { problem: problems.join('; '), setAside } : null;
        return { kind: 'ok', state: checked.state, resume: { generation: newest, replayed: 0, obsolete: [legacy] }, recovery };
      }
      problems.push(`${code}.json: ${checked.problem}`);
      const aside = `damaged-${stamp(new Date())}-${code}.json`;
      await this.moveAside(legacy, folder, aside);
      setAside.push(aside);
    }
    if (problems.length > 0) {
      // Journals without a snapshot to replay them on are of no use but for inspection: aside with the rest.
      for (const g of journals) setAside.push(await this.setAside(folder, journalName(g)));
      return { kind: 'damaged', problem: problems.join('; '), setAside };
    }
    // Set aside at an earlier start: still a damaged session, not an unknown code.
    const earlier = names.filter((name) => name.startsWith('damaged-'));
    if (earlier.length > 0) return { kind: 'damaged', problem: 'only damaged files, set aside earlier', setAside: earlier };
    return { kind: 'missing' };
  }

  /** The writer of a session's folder; `resume` is where a load left it (null for a new session). */
  open(code: string, current: () => SessionState, events: JournalEvents, resume: ResumePoint | null): SessionJournal {
    if (this.writers.has(code)) throw new Error(`session ${code} is already open in this process`);
    const journal = new SessionJournal(this.folder(code), current, events, resume, this.options);
    this.writers.set(code, journal);
    return journal;
  }

  /** Closes a session's writer (its room is gone), writing what waits; the session may be loaded again meanwhile. */
  async close(code: string, journal: SessionJournal): Promise<void> {
    const closing = journal.close().finally(() => {
      if (this.writers.get(code) === journal) this.writers.delete(code);
    });
    this.closing.set(code, closing);
    try {
      await closing;
    } finally {
      if (this.closing.get(code) === closing) this.closing.delete(code);
    }
  }

  private async setAside(folder: string, name: string): Promise<string> {
    const aside = `damaged-${stamp(new Date())}-${name}`;
    await this.moveAside(join(folder, name), folder, aside);
    return aside;
  }

  private async moveAside(path: string, folder: string, aside: string): Promise<void> {
    // The folder may not exist yet (a file of the first format).
    await mkdir(folder, { recursive: true });
    await rename(path, join(folder, aside));
    await syncFolder(folder).catch(() => undefined);
  }

  /** Forgets sessions untouched for longer than `maxAgeMs` (an event's data is not kept forever). Returns how many. */
  async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      const code = name.replace(/\.json$/, '');
      const legacy = name.endsWith('.json') && isJoinCode(code);
      const temporary = name.endsWith('.tmp');
      if (!legacy && !temporary && !isJoinCode(name)) continue;
      if (this.closing.has(code)) continue;
      if (now - (await newestChange(path, now)) <= maxAgeMs) continue;
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }

  async remove(code: string): Promise<void> {
    await this.closing.get(code);
    await rm(this.folder(code), { recursive: true, force: true });
    await unlink(this.legacyFile(code)).catch(() => undefined);
  }
}

/** When a file or folder (or anything in it) last changed. */
async function newestChange(path: string, now: number): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return now;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of await readdir(path).catch(() => [] as string[])) {
    const inner = await stat(join(path, name)).catch(() => null);
    if (inner) newest = Math.max(newest, inner.mtimeMs);
  }
  return newest;
}

/** Replays journal lines; a change that breaks the rules of order (a move after a missing one) stops it. */
function replayChanges(level: Level, start: SessionState, changes: SessionChange[]): { state: SessionState; count: number; problem: string | null } {
  let state = start;
  let count = 0;
  for (const change of changes) {
    if (change.type === 'move') {
      const table = state.tables.find((t) => t.id === change.table);
      if (table && change.seq > table.lastSeq + 1) return { state, count, problem: `change ${count + 1}: move ${change.seq} of table ${change.table} follows ${table.lastSeq}` };
    }
    try {
      state = applySessionChange(level, state, change).state;
    } catch (cause) {
      return { state, count, problem: `change ${count + 1}: ${cause instanceof Error ? cause.message : String(cause)}` };
    }
    count += 1;
  }
  return { state, count, problem: null };
}
