// The writer of one session's folder (the format is in sessionFiles.ts). Each change is appended
// to the journal as one line; the lines that arrive while a write is on its way are written
// together with one flush (group commit), so a busy session costs one small write per batch,
// whatever its size. From time to time (when the journal outgrows the snapshot), the state is
// written whole as the next generation's snapshot, and the generation before the previous one
// is removed: the folder stays within about three times the state's size.
//
// `durable(state)` is called with the state that is on disk once it is (flushed, renamed, folder
// flushed): the session acknowledges moves from that state, never from the one in memory.
// A failed write (a full disk, an I/O error) is tried again by itself, sooner or later, as a
// whole snapshot (the journal's last line may be half written): no new move is needed.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionState } from '../src/core/session';
import type { SessionChange } from '../src/core/sessionChange';
import { appendDurably, replaceDurably, syncFolder } from './durableFiles';
import { encodeChange, encodeJournalHeader, encodeSnapshot, generationOf, journalName, snapshotName } from './sessionFiles';

export interface JournalEvents {
  /** This state (and every one before it) is on disk. */
  durable(state: SessionState): void;
  /** Writes fail (the reason), or work again (null). */
  trouble(problem: string | null): void;
}

/** Where the writer starts: after a load, the generation read and how many changes of its journal were replayed. */
export interface ResumePoint {
  generation: number;
  replayed: number;
  /** Files to remove once the first snapshot is on disk (a session kept in the older format). */
  obsolete: string[];
}

export interface JournalOptions {
  /** The journal is folded into a snapshot once it is larger than this and than the last snapshot. */
  compactBytes?: number;
  /** Or once it has this many lines (the replay at the next start stays short). */
  compactLines?: number;
  /** First delay before a failed write is tried again; it doubles up to `retryMaxMs`. */
  retryMs?: number;
  retryMaxMs?: number;
}

interface Queued {
  change: SessionChange;
  state: SessionState;
  ticket: number;
}

export class SessionJournal {
  /** Generation of the last snapshot on disk (0: none yet). */
  private generation: number;
  /** Changes given to journal `generation` (written, or lost with a failed write). */
  private changesInJournal: number;
  private linesWritten = 0;
  /** How many changes of journal `generation - 1` snapshot `generation` holds: the header of journal `generation`. */
  private headerAfter = 0;
  private journalBytes = 0;
  private snapshotBytes = 0;
  /**
   * The next write is a snapshot: `whole` of the state as it is then (the first one, after a
   * change the journal has no line for, after a failed write), holding the changes still queued;
   * `compact` of the state after the last line written, the queued changes going to the next
   * journal (so that the previous generation stays exactly replayable).
   */
  private wanted: 'whole' | 'compact' | null = 'whole';
  /** The state after the last line or snapshot written. */
  private written: SessionState | null = null;
  private queue: Queued[] = [];
  private requested = 0;
  private durableTicket = 0;
  private waiters: { ticket: number; resolve: () => void }[] = [];
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private failing: string | null = null;
  private folderReady = false;
  private obsolete: string[];
  private closed = false;
  private readonly compactBytes: number;
  private readonly compactLines: number;
  private readonly retryMs: number;
  private readonly retryMaxMs: number;

  constructor(
    readonly folder: string,
    private readonly current: () => SessionState,
    private readonly events: JournalEvents,
    resume: ResumePoint | null,
    options: JournalOptions = {},
  ) {
    this.generation = resume?.generation ?? 0;
    this.changesInJournal = resume?.replayed ?? 0;
    this.obsolete = resume?.obsolete ?? [];
    this.compactBytes = options.compactBytes ?? 256 * 1024;
    this.compactLines = options.compactLines ?? 20_000;
    this.retryMs = options.retryMs ?? 250;
    this.retryMaxMs = options.retryMaxMs ?? 5000;
    this.retryDelay = this.retryMs;
    // The first write is always a snapshot: a new session's first state, or, after a load, a
    // clean start (the journal read may end with a line cut short by a crash).
    this.requested = 1;
    this.kick();
  }

  /** Journals a change just applied; `state` is the session right after it. */
  append(change: SessionChange, state: SessionState): void {
    if (this.closed) throw new Error('session journal closed');
    this.queue.push({ change, state, ticket: ++this.requested });
    this.kick();
  }

  /** The state changed in a way the journal has no line for: write it whole. */
  snapshot(): void {
    if (this.closed) throw new Error('session journal closed');
    this.requested += 1;
    this.wanted = 'whole';
    this.kick();
  }

  /** Resolves true once everything appended or asked so far is on disk (false if `timeoutMs` passes first). */
  whenDurable(timeoutMs?: number): Promise<boolean> {
    const ticket = this.requested;
    if (this.durableTicket >= ticket) return Promise.resolve(true);
    const written = new Promise<boolean>((resolve) => this.waiters.push({ ticket, resolve: () => resolve(true) }));
    if (timeoutMs === undefined) return written;
    return Promise.race([written, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())]);
  }

  /** Why writes fail right now, or null. */
  get problem(): string | null {
    return this.failing;
  }

  /** Writes what waits (trying again for up to `patienceMs` if the disk fails), then takes nothing more. */
  async close(patienceMs = 10_000): Promise<boolean> {
    this.closed = true;
    const written = await this.whenDurable(patienceMs);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    return written;
  }

  private kick(): void {
    if (this.running || this.retryTimer) return;
    this.running = true;
    // Changes made in the same turn of the event loop go in the same write.
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.wanted === 'whole') await this.writeWhole();
        else if (this.wanted === 'compact') await this.writeCompact();
        else if (this.queue.length > 0) await this.writeLines();
        else break;
      }
      if (this.failing !== null) {
        this.failing = null;
        this.retryDelay = this.retryMs;
        try {
          this.events.trouble(null);
        } catch {
          // told as well as could be
        }
      }
    } catch (cause) {
      const problem = describe(cause);
      // Whatever this write left behind, the journal is not appended to any more: the next try is
      // a snapshot of the state as it is then, which holds the changes of the write that failed.
      this.wanted = 'whole';
      if (this.failing !== problem) {
        this.failing = problem;
        console.error(`session folder ${this.folder}: could not write (${problem}); trying again by itself`);
        try {
          this.events.trouble(problem);
        } catch {
          // told as well as could be
        }
      }
      const delay = this.retryDelay;
      this.retryDelay = Math.min(this.retryMaxMs, this.retryDelay * 2);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.kick();
      }, delay);
    } finally {
      this.running = false;
    }
  }

  private async ensureFolder(): Promise<void> {
    if (this.folderReady) return;
    await mkdir(this.folder, { recursive: true });
    await syncFolder(join(this.folder, '..'));
    this.folderReady = true;
  }

  private async writeLines(): Promise<void> {
    const batch = this.queue.splice(0);
    const first = this.linesWritten === 0;
    let text = first ? encodeJournalHeader(this.generation, this.headerAfter) : '';
    // Numbered from the header's count: the lines of a journal follow the changes of its snapshot's generation.
    const base = this.linesWritten;
    batch.forEach((item, index) => (text += encodeChange(base + index + 1, item.change)));
    // Counted before the write: if it fails midway, the next snapshot's count says how many this journal should have had.
    this.changesInJournal = base + batch.length;
    await appendDurably(join(this.folder, journalName(this.generation)), text, first);
    this.linesWritten += batch.length;
    this.journalBytes += text.length;
    this.written = batch.at(-1)!.state;
    this.done(batch.at(-1)!.ticket, batch.at(-1)!.state);
    if (this.wanted === null && (this.journalBytes > Math.max(this.compactBytes, this.snapshotBytes) || this.linesWritten >= this.compactLines)) this.wanted = 'compact';
  }

  /** The state as it is now, with the changes still queued in it. */
  private async writeWhole(): Promise<void> {
    await this.ensureFolder();
    const state = this.current();
    const ticket = this.requested;
    // The queued changes are in this state: the snapshot holds them (the next journal's header
    // counts them, so that the journal they never reached is known to be short of them).
    const covered = this.queue.splice(0);
    this.wanted = null;
    const after = this.changesInJournal + covered.length;
    this.changesInJournal = after;
    await this.writeSnapshot(state, after);
    this.done(ticket, state);
  }

  /** The state after the last line written; the queued changes go to the next journal. */
  private async writeCompact(): Promise<void> {
    this.wanted = null;
    await this.writeSnapshot(this.written ?? this.current(), this.linesWritten);
  }

  private async writeSnapshot(state: SessionState, after: number): Promise<void> {
    const generation = this.generation + 1;
    const text = encodeSnapshot(generation, after, state, Date.now());
    await replaceDurably(join(this.folder, snapshotName(generation)), text);
    this.generation = generation;
    this.headerAfter = after;
    this.changesInJournal = 0;
    this.linesWritten = 0;
    this.journalBytes = 0;
    this.snapshotBytes = text.length;
    this.written = state;
    await this.removeOld();
  }

  private done(ticket: number, state: SessionState): void {
    this.durableTicket = Math.max(this.durableTicket, ticket);
    try {
      this.events.durable(state);
    } catch (cause) {
      // The room's trouble, not the disk's: what is written stays written.
      console.error(`session folder ${this.folder}: ${describe(cause)}`);
    }
    const ready = this.waiters.filter((waiter) => waiter.ticket <= this.durableTicket);
    this.waiters = this.waiters.filter((waiter) => waiter.ticket > this.durableTicket);
    for (const waiter of ready) waiter.resolve();
  }

  /** Keeps the last two generations (the previous one is the copy used if the newest is damaged). */
  private async removeOld(): Promise<void> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const old = names.filter((name) => {
      const generation = generationOf(name, 'snapshot') ?? generationOf(name, 'journal');
      return (generation !== null && generation < this.generation - 1) || name.endsWith('.tmp');
    });
    for (const name of old) await unlink(join(this.folder, name)).catch(() => undefined);
    for (const path of this.obsolete.splice(0)) await unlink(path).catch(() => undefined);
  }
}

function describe(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
