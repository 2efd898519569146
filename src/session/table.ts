// A table's window in a session: it joins with the code (or comes back with its id and secret),
// plays on its own fresco through play() like any player — each move applied here at once, kept
// on the device, sent, and sent again until the server acknowledges it — and follows what the
// facilitator does (deal, lock, hint, reveal). The server is authoritative: when it changes or
// refuses a move, the table takes its fresco and replays the moves still on their way.
import type { Room } from '@colyseus/sdk';
import type { Level } from '../core/level';
import { applyProgressAction, type Progress, type ProgressAction } from '../core/progress';
import { levelHash } from '../core/saveFile';
import { SESSION_HISTORY } from '../core/session';
import { MAX_PENDING_MOVES } from '../core/sessionProtocol';
import type { Workshop } from '../core/workshop';
import { setSessionRelay } from '../state/sessionRelay';
import { getState, idleUi, notify, store, type SessionView } from '../state/store';
import { joinSession, type SessionRequestError } from './api';
import { loadSessionLevel, notifyError, onLocalClock, serverBase } from './common';
import { SessionLink } from './link';
import { readTableRecord, writeTableRecord, type PendingMove, type TableRecord } from './tableRecord';

interface TableWelcome {
  code: string;
  levelId: string;
  levelHash: string;
  now: number;
  table: { id: string; name: string; secret?: string };
  progress: Progress;
  workshop: Workshop;
  lastSeq: number;
}

let active: TableSession | null = null;

function trimmed(progress: Progress): Progress {
  const { past } = progress.history;
  return past.length > SESSION_HISTORY ? { ...progress, history: { ...progress.history, past: past.slice(-SESSION_HISTORY) } } : progress;
}

/** The server's fresco with the moves it has not seen yet played on top. */
function rebase(level: Level, progress: Progress, pending: PendingMove[]): Progress {
  let result = progress;
  for (const move of pending) {
    const next = applyProgressAction(level, result, move.action);
    if (!next.rejected) result = trimmed(next.progress);
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
    setSessionRelay({ moved: (action) => this.moved(action) });
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
      this.record = { ...this.record, id: null, secret: null, pending: [], seq: 0 };
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
    room.onMessage('resend', ({ from }: { from: number }) => {
      for (const move of this.record.pending) if (move.seq >= from) this.link.send('move', move);
    });
    room.onMessage('fresco', (message: { progress: Progress; lastSeq: number; refused: { seq: number; reason: string } | null }) => {
      this.acknowledged(message.lastSeq, false);
      this.adopt(message.progress);
      if (message.refused) notify('info', 'session.moveRefused', { reason: message.refused.reason });
    });
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
      id: message.table.id,
      secret: message.table.secret ?? this.record.secret,
      name: message.table.name,
      levelId: level.id,
      seq: Math.max(this.record.seq, message.lastSeq),
      pending: this.record.pending.filter((move) => move.seq > message.lastSeq),
    };
    const progress = rebase(level, message.progress, this.record.pending);
    const sameLevel = getState().game?.level === level;
    store.setState({
      game: { level, source: 'shipped', progress },
      workshop: onLocalClock(message.workshop, message.now),
      ...(sameLevel ? {} : { ui: idleUi }),
    });
    this.told = null;
    this.setView({ connected: true, table: { id: message.table.id, name: message.table.name } });
    this.save();
    // The moves made offline (or lost with the last connection) go now, in order.
    for (const move of this.record.pending) this.link.send('move', move);
  }

  private acknowledged(lastSeq: number, save = true): void {
    const before = this.record.pending.length;
    this.record.pending = this.record.pending.filter((move) => move.seq > lastSeq);
    if (this.record.pending.length !== before || save) {
      this.setView({ pending: this.record.pending.length });
      this.save();
    }
  }

  /** The server's fresco, with the moves still on their way replayed on it. */
  private adopt(progress: Progress): void {
    const { game } = getState();
    if (!game || !this.level) return;
    store.setState({ game: { ...game, progress: rebase(this.level, progress, this.record.pending) } });
    this.save();
  }

  private moved(action: ProgressAction): void {
    const { game } = getState();
    if (!game) return;
    // Same number of undo steps as the server keeps, so that both agree on every undo.
    const progress = trimmed(game.progress);
    if (progress !== game.progress) store.setState({ game: { ...game, progress } });
    const move: PendingMove = { seq: this.record.seq + 1, action };
    this.record.seq = move.seq;
    this.record.pending.push(move);
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
