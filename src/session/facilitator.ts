// The facilitator's window in a session: it opens the session from the workshop prepared in the
// console (level and plan), keeps its token on this device (a reload comes back to it), follows
// every table on the dashboard and sends the console's actions — deal, check, timer, phases,
// lock, hints, the correction — to every table or to the one chosen. Its own fresco is the
// session's (the batches dealt) or, read-only, the fresco of a table it opened.
import type { Room } from '@colyseus/sdk';
import { z } from 'zod';
import type { Level } from '../core/level';
import { startProgress, type Progress, type ProgressAction } from '../core/progress';
import { isPerTable, type SessionIncident, type TableSummary } from '../core/session';
import type { Target } from '../core/sessionProtocol';
import type { SessionSummary } from '../core/sessionSummary';
import type { Workshop, WorkshopAction } from '../core/workshop';
import { setSessionRelay } from '../state/sessionRelay';
import { keys, readItem, removeItem, writeItem } from '../state/storage';
import { getState, notify, store, type SessionView } from '../state/store';
import { createSession, joinSession, SessionRequestError } from './api';
import { loadSessionLevel, notifyError, onLocalClock, serverBase, type Master } from './common';
import { SessionLink } from './link';

const KEY = keys.sessionFacilitator;
const Kept = z.object({ code: z.string().max(20), token: z.string().max(200), levelId: z.string().max(200) });


export interface SessionReport {
  code: string;
  levelId: string;
  createdAt: number;
  workshop: Workshop;
  tables: (TableSummary & { board: Progress['history']['present'] })[];
  summary: SessionSummary;
}

type FacilitatorWelcome = Master & { levelId: string; tables: TableSummary[]; summary: SessionSummary; incidents: SessionIncident[]; storage: string | null };

let active: FacilitatorSession | null = null;

function masterProgress(dealt: number): Progress {
  const progress = startProgress();
  return { ...progress, history: { ...progress.history, present: { ...progress.history.present, dealt } } };
}

/**
 * Moves a table this window already showed has lost since (a server incident, while this
 * window was away too): said in words. The table's card keeps saying it on the dashboard.
 */
function noteLosses(before: TableSummary[], after: TableSummary[]): void {
  for (const table of after) {
    const known = before.find((other) => other.id === table.id);
    if (known && table.lostMoves > known.lostMoves) notify('error', 'session.gapFacilitator', { name: table.name, count: table.lostMoves - known.lostMoves });
  }
}

export function keptSession(): z.infer<typeof Kept> | null {
  const text = readItem(KEY);
  if (!text) return null;
  try {
    const parsed = Kept.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

class FacilitatorSession {
  private level: Level | null = null;
  private dealt = 1;
  private link: SessionLink;
  private reportWaiters: ((report: SessionReport) => void)[] = [];
  /** The last server incident said to this window (by its time). */
  private incidentShown: number | null = null;
  private storageFailing = false;

  constructor(
    readonly code: string,
    private readonly token: string,
  ) {
    this.link = new SessionLink(() => joinSession(serverBase(), code, { role: 'facilitator', token }), {
      opened: (room) => this.listen(room),
      lost: (_reason, final) => {
        this.setView({ connected: false });
        if (!final) notify('info', 'session.errors.offline');
      },
      refused: (error) => {
        if (error.error === 'offline' || error.error === 'server') {
          this.setView({ connected: false });
          return true;
        }
        notifyError(error);
        if (error.error === 'wrong-code' || error.error === 'bad-token') forgetSession();
        return false;
      },
    });
  }

  start(): void {
    store.setState({
      session: { code: this.code, role: 'facilitator', connected: false, table: null, joiningLocked: false, tables: [], tableCount: 0, summary: null, target: 'all', watching: null, pending: 0 },
    });
    setSessionRelay({ intercept: (action) => this.intercept(action), act: (action) => this.act(action) });
    this.link.start();
  }

  private listen(room: Room): void {
    room.onMessage('welcome', (message: FacilitatorWelcome) => void this.welcome(message));
    // A table's moves the server lost in an incident, that the table could not send again.
    room.onMessage('gap', ({ name, lost }: { name: string; lost: number }) => notify('error', 'session.gapFacilitator', { name, count: lost }));
    // The server cannot write to its disk (or can again): the moves wait on the tablets meanwhile.
    room.onMessage('storage', ({ problem }: { problem: string | null }) => this.storage(problem));
    room.onMessage('table', (summary: TableSummary) => {
      const view = getState().session!;
      noteLosses(view.tables, [summary]);
      const known = view.tables.some((table) => table.id === summary.id);
      const tables = known ? view.tables.map((table) => (table.id === summary.id ? summary : table)) : [...view.tables, summary];
      this.setView({ tables, tableCount: tables.length });
    });
    room.onMessage('table-removed', ({ id }: { id: string }) => this.tableRemoved(id));
    room.onMessage('master', (master: Master) => this.master(master));
    room.onMessage('summary', (summary: SessionSummary) => this.setView({ summary }));
    room.onMessage('watched', ({ table, progress }: { table: string; progress: Progress }) => {
      const { game, session } = getState();
      if (game && session?.watching === table) store.setState({ game: { ...game, progress } });
    });
    room.onMessage('report', (report: SessionReport) => {
      for (const resolve of this.reportWaiters.splice(0)) resolve(report);
    });
    room.onMessage('error', (error: { error: string; detail?: string }) => notifyError(error));
    room.send('hello', {});
  }

  private async welcome(message: FacilitatorWelcome): Promise<void> {
    const current = getState().game?.level;
    const level = current?.id === message.levelId ? current : await loadSessionLevel(message.levelId);
    if (!level) return;
    this.level = level;
    const incident = message.incidents.at(-1);
    if (incident && incident.at !== this.incidentShown) {
      this.incidentShown = incident.at;
      notify('error', 'session.recovered', { problem: incident.problem, files: incident.setAside.join(', ') });
    }
    if (message.storage !== null) this.storage(message.storage);
    this.master(message);
    noteLosses(getState().session?.tables ?? [], message.tables);
    this.setView({ connected: true, tables: message.tables, tableCount: message.tables.length, summary: message.summary });
    const watching = getState().session?.watching;
    if (watching) this.link.send('watch', { table: watching });
  }

  /** A table left the session (removed here or elsewhere): off the dashboard, the list of targets and the console. */
  private tableRemoved(id: string): void {
    const view = getState().session;
    if (!view) return;
    const removed = view.tables.find((table) => table.id === id);
    const tables = view.tables.filter((table) => table.id !== id);
    this.setView({ tables, tableCount: tables.length, ...(view.target === id ? { target: 'all' } : {}) });
    if (view.watching === id) this.watch(null);
    if (removed) notify('info', 'session.tableRemoved', { name: removed.name });
  }

  private storage(problem: string | null): void {
    if (problem !== null) {
      this.storageFailing = true;
      notify('error', 'session.storageFailing', { problem });
    } else if (this.storageFailing) {
      this.storageFailing = false;
      store.setState((state) => ({ notices: state.notices.filter((notice) => notice.key !== 'session.storageFailing') }));
      notify('info', 'session.storageBack');
    }
  }

  private master(master: Master): void {
    this.dealt = master.dealt;
    const { game, session } = getState();
    const level = this.level ?? game?.level;
    if (!level) return;
    const progress = session?.watching && game ? game.progress : masterProgress(master.dealt);
    store.setState({ workshop: onLocalClock(master.workshop, master.now), game: { level, source: 'shipped', progress } });
    this.setView({ joiningLocked: master.joiningLocked, ...(master.tableCount !== undefined ? { tableCount: master.tableCount } : {}) });
  }

  private target(): Target {
    const target = getState().session?.target ?? 'all';
    return target === 'all' ? 'all' : { table: target };
  }

  private intercept(action: ProgressAction): boolean {
    if (action.type === 'deal' || action.type === 'check') {
      this.link.send('table-move', { target: this.target(), action: { type: action.type } });
      return true;
    }
    // Flipping a card to read it is this window's own business; the rest belongs to the tables.
    if (action.type === 'flip') return false;
    notify('info', 'session.readOnly');
    return true;
  }

  private act(action: WorkshopAction): boolean {
    this.link.send('act', { target: isPerTable(action) ? this.target() : 'all', action });
    return true;
  }

  aim(target: 'all' | string): void {
    this.setView({ target });
  }

  lockJoining(locked: boolean): void {
    this.link.send('lock-joining', { locked });
  }

  /** Removes a table from the session: its device is told, its place is free for another. */
  removeTable(table: string): void {
    this.link.send('remove-table', { table });
  }

  /** Opens a table's fresco (read-only) in the console, or goes back to the session's own. */
  watch(table: string | null): void {
    this.setView({ watching: table });
    this.link.send('watch', { table });
    const { game } = getState();
    if (!table && game) store.setState({ game: { ...game, progress: masterProgress(this.dealt) } });
  }

  report(): Promise<SessionReport> {
    return new Promise((resolve, reject) => {
      if (!this.link.send('report', {})) return reject(new SessionRequestError('offline', null));
      this.reportWaiters.push(resolve);
      setTimeout(() => reject(new SessionRequestError('offline', 'no answer')), 15_000);
    });
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

/** Opens a session for the workshop prepared in the console (its level and plan). */
export async function openSession(): Promise<boolean> {
  const { game, workshop } = getState();
  if (!game || !workshop) return false;
  if (game.source !== 'shipped') {
    notify('error', 'session.errors.unknown-level');
    return false;
  }
  try {
    const { code, token } = await createSession(serverBase(), { levelId: game.level.id, plan: workshop.plan });
    writeItem(KEY, JSON.stringify({ code, token, levelId: game.level.id }));
    startFacilitator(code, token);
    return true;
  } catch (cause) {
    notifyError(cause instanceof SessionRequestError ? cause : new SessionRequestError('offline', String(cause)));
    return false;
  }
}

export function startFacilitator(code: string, token: string): FacilitatorSession {
  active?.stop();
  active = new FacilitatorSession(code, token);
  active.start();
  return active;
}

/** Comes back to the session this device opened, if any (after a reload). */
export function resumeFacilitator(): boolean {
  const kept = keptSession();
  if (!kept) return false;
  if (active?.code !== kept.code) startFacilitator(kept.code, kept.token);
  return true;
}

export function currentFacilitator(): FacilitatorSession | null {
  return active;
}

/** Leaves the session on this device (the session stays on the server, its tables with it). */
export function forgetSession(): void {
  active?.stop();
  active = null;
  removeItem(KEY);
  store.setState({ session: null });
}
