// A table's window in a session: it joins with the code (or comes back with its id and secret),
// plays on its own fresco through play() like any player — each move applied here at once, kept
// on the device, sent, and sent again until the server acknowledges it (outbox.ts) — and follows
// what the facilitator does (deal, lock, hint, reveal). The server is authoritative: when it
// changes or refuses a move, the table takes its fresco and replays the moves still on their way.
import type { Room } from '@colyseus/sdk';
import type { Level } from '../core/level';
import { applyProgressAction, type Progress, type ProgressAction } from '../core/progress';
import { levelHash } from '../core/saveFile';
import { SESSION_LIMITS, sessionRefusal, trimSessionHistory } from '../core/session';
import { MAX_PENDING_MOVES } from '../core/sessionProtocol';
import type { Workshop } from '../core/workshop';
import { setSessionRelay } from '../state/sessionRelay';
import { getState, idleUi, notify, store, type SessionView } from '../state/store';
import { joinSession, type SessionRequestError } from './api';
import { loadSessionLevel, notifyError, onLocalClock, serverBase } from './common';
import { SessionLink } from './link';
import { acknowledge, queueMove, realign, unseen, type Outbox, type PendingMove } from './outbox';
import { readTableRecord, writeTableRecord, type TableRecord } from './tableRecord';

interface TableWelcome {
  code: string;
  levelId: string;
  levelHash: string;
  now: number;
  table: { id: string; name: string; secret?: string };
  progress: Progress;
  workshop: Workshop;
  /** The last move of this table the server applied (its fresco includes it). */
  lastSeq: number;
  /** The last one on the server's disk. */
  acked: number;
  /** When the server last resumed this session from an older copy (a damaged file), if ever. */
  incident: number | null;
}

/** Why the server refused a move, as the table says it (session.refusals.*). */
const REFUSALS = new Set(['not-allowed', 'too-many-links', 'not-dealt', 'not-on-board', 'same-card', 'duplicate-link', 'unknown-relation', 'unknown-link', 'nothing-to-undo', 'nothing-to-redo']);

let active: TableSession | null = null;

/** The server's fresco with the moves it has not seen yet played on top. */
function rebase(level: Level, progress: Progress, pending: PendingMove[]): Progress {
  let result = progress;
  for (const move of pending) {
    if (sessionRefusal(result, move.action)) continue;
    const next = applyProgressAction(level, result, move.action);
    if (!next.rejected) result = trimSessionHistory(next.progress);
  }
  return result;
}

class TableSession {
  private record: TableRecord;
  private level: Level | null = null;
  private link: SessionLink;
  private warnedFull = false;
  /** The last refusal said, so that a join tried again is not said again. */
  private told: string | null = null;

  constructor(readonly code: string) {
    this.record = readTableRecord(code);
    this.link = new SessionLink(() => this.open(), {
      opened: (room) => this.listen(room),
      lost: (reason, final) => {
        this.setView({ connected: false });
        // Being offline is said in the table's bar, which stays; only a replaced or removed table needs a message.
        if (reason === 'replaced' && final) notify('error', 'session.replaced');
        if (reason === 'removed' && final) {
          // For good: not even the browser's "online" brings it back.
          this.link.stop();
          this.setView({ removed: true });
          notify('error', 'session.removed');
        }
      },
      refused: (error) => this.refused(error),
    });
  }

  private open(): Promise<Room> {
    const { id, secret } = this.record;
    return joinSession(serverBase(), this.code, { role: 'table', lang: getState().lang, ...(id && secret ? { table: { id, secret } } : {}) });
  }

  start(): void {
    store.setState({
      role: 'player',
      screen: 'table',
      session: { code: this.code, role: 'table', connected: false, table: null, joiningLocked: false, tables: [], tableCount: 0, summary: null, target: 'all', watching: null, pending: this.record.pending.length },
    });
    setSessionRelay({ intercept: (action) => this.beyondLimits(action), moved: (action) => this.moved(action) });
    // Play on at once with what this device kept, even before (or without) the network.
    if (this.record.levelId && this.record.progress) void this.showKept(this.record.levelId, this.record.progress);
    this.link.start();
  }

  private async showKept(levelId: string, progress: Progress): Promise<void> {
    const level = await loadSessionLevel(levelId);
    if (!level || getState().game) return;
    this.level = level;
    // The workshop comes with the server; until then the fresco is open (the moves wait in the queue).
    store.setState({ game: { level, source: 'shipped', progress }, ui: idleUi, session: { ...getState().session!, table: this.record.id ? { id: this.record.id, name: this.record.name } : null } });
  }

  private refused(error: SessionRequestError): boolean {
    if (error.error === 'unknown-table' && this.record.id) {
      // The session no longer knows this identity (its data was reset): join as a new table.
      notify('error', 'session.identityLost');
      this.record = { ...this.record, id: null, secret: null, pending: [], kept: [], seq: 0, acked: 0 };
      this.save();
      return true;
    }
    if (error.error === 'offline' || error.error === 'server' || error.error === 'busy') {
      this.setView({ connected: false });
      return true;
    }
    if (error.error === 'too-many-tables' || error.error === 'too-many-attempts') {
      // Many tables joined from this network in a moment, or many wrong codes were typed on it:
      // this table's turn comes by itself (said once, not at every try).
      if (this.told !== error.error) notifyError(error);
      this.told = error.error;
      this.setView({ connected: false });
      return true;
    }
    notifyError(error);
    store.setState({ session: { ...getState().session!, connected: false } });
    return false;
  }

  private listen(room: Room): void {
    room.onMessage('welcome', (message: TableWelcome) => void this.welcome(message));
    room.onMessage('ack', ({ lastSeq }: { lastSeq: number }) => this.acknowledged(lastSeq));
    // A move is missing on the server before one it received: send again from there.
    room.onMessage('resend', ({ from }: { from: number }) => {
      this.sendFrom(from - 1);
      this.save();
    });
    room.onMessage('fresco', (message: { progress: Progress; lastSeq: number; refused: { seq: number; reason: string } | null }) => {
      // Not an acknowledgement: the fresco includes moves up to lastSeq, which may not be on the server's disk yet.
      this.adopt(message.progress, message.lastSeq);
      if (message.refused) notify('info', `session.refusals.${REFUSALS.has(message.refused.reason) ? message.refused.reason : 'other'}`, { max: SESSION_LIMITS.links });
    });
    // Moves the server lost (an incident) and this device no longer has: said in words, never a silent freeze.
    room.onMessage('gap', ({ lost }: { lost: number }) => notify('error', 'session.gap', { count: lost }));
    room.onMessage('workshop', ({ workshop, now }: { workshop: Workshop; now: number }) => store.setState({ workshop: onLocalClock(workshop, now) }));
    room.onMessage('renamed', ({ name }: { name: string }) => {
      this.record.name = name;
      this.save();
      const view = getState().session!;
      this.setView({ table: view.table ? { ...view.table, name } : null });
    });
    room.onMessage('error', (error: { error: string; detail?: string }) => notifyError(error));
    room.send('hello', {});
  }

  private async welcome(message: TableWelcome): Promise<void> {
    const level = this.level?.id === message.levelId ? this.level : await loadSessionLevel(message.levelId);
    if (!level) return;
    if (levelHash(level) !== message.levelHash) notify('error', 'session.levelDiffers');
    this.level = level;
    this.record = {
      ...this.record,
      ...acknowledge(this.record, message.acked),
      id: message.table.id,
      secret: message.table.secret ?? this.record.secret,
      name: message.table.name,
      levelId: level.id,
    };
    if (message.incident !== null && message.incident !== this.record.incidentSeen) {
      this.record.incidentSeen = message.incident;
      notify('error', 'session.recoveredTable');
    }
    // The moves made offline, lost with the last connection, or lost by a server that came back
    // from an older copy go now, in order (after a `skip` for those this device no longer has).
    const plan = realign(this.record, message.lastSeq);
    this.setOutbox(plan.outbox);
    const progress = rebase(level, message.progress, unseen(this.record, message.lastSeq));
    const sameLevel = getState().game?.level === level;
    store.setState({
      game: { level, source: 'shipped', progress },
      workshop: onLocalClock(message.workshop, message.now),
      ...(sameLevel ? {} : { ui: idleUi }),
    });
    this.told = null;
    this.setView({ connected: true, table: { id: message.table.id, name: message.table.name } });
    this.save();
    this.send(plan.skipTo, plan.send);
  }

  private setOutbox(outbox: Outbox): void {
    this.record = { ...this.record, seq: outbox.seq, acked: outbox.acked, pending: outbox.pending, kept: outbox.kept };
  }

  private send(skipTo: number | null, moves: PendingMove[]): void {
    if (skipTo !== null) this.link.send('skip', { to: skipTo });
    for (const move of moves) this.link.send('move', move);
  }

  /** Sends again what a server whose last move is `serverSeq` is missing. */
  private sendFrom(serverSeq: number): void {
    const plan = realign(this.record, serverSeq);
    this.setOutbox(plan.outbox);
    this.setView({ pending: this.record.pending.length });
    this.send(plan.skipTo, plan.send);
  }

  private acknowledged(lastSeq: number): void {
    const outbox = acknowledge(this.record, lastSeq);
    if (outbox === this.record) return;
    this.setOutbox(outbox);
    this.setView({ pending: this.record.pending.length });
    this.save();
  }

  /** The server's fresco (with its moves up to `serverSeq`), with the moves still on their way replayed on it. */
  private adopt(progress: Progress, serverSeq: number): void {
    const { game } = getState();
    if (!game || !this.level) return;
    store.setState({ game: { ...game, progress: rebase(this.level, progress, unseen(this.record, serverSeq)) } });
    this.save();
  }

  /** A move the session would refuse (its fresco is full) is refused here at once, in words. */
  private beyondLimits(action: ProgressAction): boolean {
    const { game } = getState();
    if (!game || !sessionRefusal(game.progress, action)) return false;
    notify('info', 'session.refusals.too-many-links', { max: SESSION_LIMITS.links });
    return true;
  }

  private moved(action: ProgressAction): void {
    const { game } = getState();
    if (!game) return;
    // The same undo history as the server keeps, so that both agree on every undo.
    const progress = trimSessionHistory(game.progress);
    if (progress !== game.progress) store.setState({ game: { ...game, progress } });
    const { outbox, move } = queueMove(this.record, action);
    this.setOutbox(outbox);
    if (this.record.pending.length > MAX_PENDING_MOVES && !this.warnedFull) {
      this.warnedFull = true;
      notify('error', 'session.errors.too-many-pending');
    }
    this.save();
    this.setView({ pending: this.record.pending.length });
    this.link.send('move', move);
  }

  rename(name: string): void {
    this.link.send('rename', { name });
  }

  retry(): void {
    this.link.retryNow();
  }

  private save(): void {
    const { game } = getState();
    if (game && this.level && game.level === this.level) this.record.progress = game.progress;
    if (!writeTableRecord(this.record)) notify('error', 'errors.saveFailed');
  }

  private setView(patch: Partial<SessionView>): void {
    const view = getState().session;
    if (view) store.setState({ session: { ...view, ...patch } });
  }

  stop(): void {
    this.link.stop();
    setSessionRelay(null);
  }
}

/** Joins (or comes back to) the session of this code as a table. */
export function startTable(code: string): TableSession {
  active?.stop();
  active = new TableSession(code);
  active.start();
  return active;
}

export function currentTable(): TableSession | null {
  return active;
}

export function stopTable(): void {
  active?.stop();
  active = null;
  store.setState({ session: null, game: null, workshop: null });
}
