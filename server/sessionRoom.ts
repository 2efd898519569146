// One workshop session: a Colyseus room whose id is the join code. It holds the session's state
// (src/core/session.ts), admits the facilitator (by the token issued at creation), the tables
// (new ones while joining is open, returning ones by their secret) and projectors, checks every
// message against its schema and its sender's role, applies it with the game's own rules, keeps
// the state on disk and tells each client what it may see: a table its own fresco, the
// facilitator every table, a projector the phase, the timer and, after the reveal, the summary.
// Who gets a place and for how long a join request holds it is places.ts; how many messages
// each client may send, messageBudget.ts.
import { Room, ServerError, type Client } from '@colyseus/core';
import type { Level } from '../src/core/level';
import { levelHash } from '../src/core/save';
import { createSession, noteIncident, summarizeTable, tableOf, type MoveOutcome, type SessionState, type TableState } from '../src/core/session';
import { applySessionChange, type ChangeResult, type SessionChange } from '../src/core/sessionChange';
import { CLOSE_REMOVED, CLOSE_REPLACED, firstProblem, JoinOptionsSchema, MAX_TABLES, MESSAGES, type JoinOptions, type Message, type MessageType, type SessionError, type SessionRole } from '../src/core/sessionProtocol';
import { summarizeSession } from '../src/core/sessionSummary';
import { cleanTeamName, teamName } from '../src/core/teamName';
import { MAX_NOTES, type PhaseId } from '../src/core/workshop';
import { hashSecret, newSecret, newTableId, randomIndex, secretMatches } from './secrets';
import { MessageBudgets, type Sender } from './messageBudget';
import { MAX_FACILITATOR_CONNECTIONS, Places, SEAT_SECONDS, type Hold, type PlaceKind } from './places';
import type { ResumePoint, SessionJournal } from './sessionJournal';
import type { SessionStore } from './sessionStore';

export interface SessionDeps {
  store: SessionStore;
  levels: Map<string, Level>;
}

let deps: SessionDeps | null = null;

/** The process's store and levels, set once at start (room options may cross processes as JSON). */
export function configureSessions(value: SessionDeps): void {
  deps = value;
}

function need(): SessionDeps {
  if (!deps) throw new Error('sessions are not configured');
  return deps;
}

export interface CreateRoomOptions {
  code: string;
  create?: { levelId: string; plan: Record<PhaseId, number>; tokenHash: string };
}

interface ClientData {
  role: SessionRole;
  tableId?: string;
  /** The network address its join request came from (behind a proxy, the client's). */
  address: string;
  /** The place it took: the facilitator's own (its token) or the public ones. */
  place: PlaceKind;
  /** A new table's secret until its welcome says it: a table whose socket closes before that is no one's. */
  secret?: string;
}

/** The options a seat reservation carries to the socket: set by the join request, never by the client. */
export interface ReservedOptions {
  hold: string;
  lang: 'fr' | 'en';
}

export type Admission =
  | { ok: true; role: SessionRole; tableId: string | null; hold: string; lang: 'fr' | 'en'; proved: boolean }
  | { ok: false; error: SessionError; detail?: string };

/** Anything above what places.ts lets in: Colyseus's own count (which also counts reservations) must never be what refuses. */
const COLYSEUS_MAX_CLIENTS = 1000;

const SUMMARY_DELAY_MS = 300;
/** A table asked to send missing moves again that still sends later ones after this long cannot fill the gap (an older game): the server skips it. */
const GAP_WAIT_MS = 5000;
/** Refused moves answer with the table's whole fresco at most this often (a table sending refused moves in a loop). */
const FRESCO_EVERY_MS = 250;
/** A new or resumed session is on disk before anyone is let in; a failing disk is not waited for longer (the journal keeps trying). */
const FIRST_WRITE_WAIT_MS = 2000;

export class SessionRoom extends Room {
  override maxClients = COLYSEUS_MAX_CLIENTS;
  session!: SessionState;
  level!: Level;
  private hash = '';
  private watching = new Map<string, string>();
  private summaryTimer: NodeJS.Timeout | null = null;
  private budgets!: MessageBudgets;
  private places!: Places;
  private warned = new WeakSet<Client>();
  private resendAsked = new WeakMap<Client, { lastSeq: number; at: number }>();
  private journal!: SessionJournal;
  /** Each table's last move in the state on disk: what acknowledgements say. */
  private durableSeq = new Map<string, number>();
  private frescoThrottle = new Map<string, { timer: NodeJS.Timeout | null; refused: { seq: number; reason: string } | null }>();

  override async onCreate(options: CreateRoomOptions): Promise<void> {
    const { store, levels } = need();
    this.roomId = options.code;
    this.budgets = new MessageBudgets(options.code);
    this.places = new Places(options.code);
    this.setPrivate(true);
    // A reservation never followed by its socket holds a place only this long.
    this.seatReservationTimeout = SEAT_SECONDS;
    if (options.create) {
      const level = levels.get(options.create.levelId);
      if (!level) throw new ServerError(404, 'unknown-level');
      this.level = level;
      this.session = createSession(level, options.code, options.create.tokenHash, options.create.plan, Date.now());
      this.openJournal(null);
    } else {
      const loaded = await store.load(options.code, levels);
      if (loaded.kind === 'missing') throw new ServerError(404, 'wrong-code');
      if (loaded.kind === 'unknown-level') throw new ServerError(404, 'unknown-level');
      if (loaded.kind === 'damaged') {
        console.error(`session ${options.code}: no copy can be read (${loaded.problem}); set aside: ${loaded.setAside.join(', ')}`);
        throw new ServerError(500, 'session-damaged');
      }
      this.level = levels.get(loaded.state.levelId)!;
      this.session = loaded.state;
      for (const table of this.session.tables) this.durableSeq.set(table.id, table.lastSeq);
      if (loaded.recovery) {
        // Said to the facilitator (welcome) and to every table (its next welcome), and kept in the session.
        console.error(`session ${options.code}: resumed from an older copy (${loaded.recovery.problem}); set aside: ${loaded.recovery.setAside.join(', ')}`);
        this.session = noteIncident(this.session, { at: Date.now(), ...loaded.recovery });
      }
      this.openJournal(loaded.resume);
    }
    // Then a damaged file set aside is replaced at once, and the previous generation stays exactly replayable.
    await this.journal.whenDurable(FIRST_WRITE_WAIT_MS);
    this.hash = levelHash(this.level);
    for (const [type, definition] of Object.entries(MESSAGES)) {
      this.onMessage(type, (client: Client, raw: unknown) => {
        const data = dataOf(client);
        if (!data) return;
        if (!this.withinBudget(client, data)) return;
        if (definition.role !== 'any' && data.role !== definition.role) return this.refuse(client, 'not-allowed', type);
        const parsed = definition.schema.safeParse(raw);
        if (!parsed.success) return this.refuse(client, 'bad-message', `${type}: ${firstProblem(parsed.error)}`);
        this.handle(client, data, type as MessageType, parsed.data);
      });
    }
    this.onMessage('*', (client: Client, type: string | number) => {
      const data = dataOf(client);
      if (data && this.withinBudget(client, data)) this.refuse(client, 'bad-message', `unknown message "${String(type)}"`);
    });
  }

  /**
   * Whether these join options, from this address, let a client in; if they do, a place is held
   * for its socket (asked by the join request, before any socket; see places.ts). `proved`: the
   * options showed the facilitator's token or a table's secret.
   */
  admit(raw: unknown, address: string): Admission {
    const parsed = JoinOptionsSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'bad-message', detail: firstProblem(parsed.error) };
    const options: JoinOptions = parsed.data;
    const lang = options.role === 'table' && options.lang === 'en' ? 'en' : 'fr';
    let kind: PlaceKind;
    let tableId: string | null = null;
    switch (options.role) {
      case 'facilitator':
        if (!secretMatches(options.token, this.session.facilitatorTokenHash)) return { ok: false, error: 'bad-token' };
        kind = 'facilitator';
        break;
      case 'projector':
        if (options.token !== undefined && !secretMatches(options.token, this.session.facilitatorTokenHash)) return { ok: false, error: 'bad-token' };
        kind = options.token !== undefined ? 'own-projector' : 'projector';
        break;
      case 'table': {
        if (options.table) {
          const table = tableOf(this.session, options.table.id);
          // A table coming back is let in even when joining is locked: it is already part of the session.
          if (!table || !secretMatches(options.table.secret, table.secretHash)) return { ok: false, error: 'unknown-table' };
          kind = 'table';
          tableId = table.id;
          break;
        }
        if (this.session.joiningLocked) return { ok: false, error: 'joining-locked' };
        kind = 'new-table';
        break;
      }
    }
    const occupancy = { tables: this.session.tables.length, projectors: this.clients.flatMap((client) => (dataOf(client)?.place === 'projector' ? [dataOf(client)!.address] : [])) };
    const held = this.places.hold(kind, tableId, address, occupancy, Date.now());
    if (!held.ok) return { ok: false, error: held.error, ...(held.error === 'session-full' && kind === 'new-table' ? { detail: String(MAX_TABLES) } : {}) };
    return { ok: true, role: options.role, tableId, hold: held.hold.id, lang, proved: kind === 'facilitator' || kind === 'own-projector' || kind === 'table' };
  }

  /** The socket comes with the place its join request holds (a client cannot choose its options here). */
  override onAuth(_client: Client, options: Partial<ReservedOptions> | undefined): Hold {
    const hold = this.places.peek(options?.hold, Date.now());
    if (!hold) throw new ServerError(403, 'busy');
    if (hold.tableId !== null && !tableOf(this.session, hold.tableId)) throw new ServerError(403, 'unknown-table');
    return hold;
  }

  override onJoin(client: Client, options: Partial<ReservedOptions> | undefined, hold: Hold): void {
    this.places.release(hold.id);
    const role: SessionRole = hold.kind === 'facilitator' ? 'facilitator' : hold.kind === 'projector' || hold.kind === 'own-projector' ? 'projector' : 'table';
    if (role !== 'table') {
      client.userData = { role, address: hold.address, place: hold.kind } satisfies ClientData;
      if (hold.kind !== 'projector') {
        // The facilitator's places are its own, and few: the newest connection replaces the oldest.
        const own = this.clients.filter((other) => other !== client && dataOf(other)?.place === hold.kind);
        for (const other of own.slice(0, Math.max(0, own.length + 1 - MAX_FACILITATOR_CONNECTIONS))) other.leave(CLOSE_REPLACED, 'replaced');
      }
      return;
    }
    let tableId = hold.tableId;
    let secret: string | undefined;
    if (tableId) {
      // One connection per table: the newest (a reload, a tablet back online) replaces the old one.
      for (const other of this.tableClients(tableId)) other.leave(CLOSE_REPLACED, 'replaced');
    } else {
      tableId = newTableId();
      secret = newSecret();
      const lang = options?.lang === 'en' ? 'en' : 'fr';
      this.commit({ type: 'add-table', table: { id: tableId, name: teamName(lang, randomIndex), secretHash: hashSecret(secret) }, at: Date.now() });
    }
    // The secret is said once, to the table itself, in the answer to its hello.
    client.userData = { role: 'table', tableId, address: hold.address, place: hold.kind, ...(secret ? { secret } : {}) } satisfies ClientData;
    this.tableChanged(tableId);
  }

  override onLeave(client: Client): void {
    this.watching.delete(client.sessionId);
    const data = dataOf(client);
    if (data?.role !== 'table' || !data.tableId || !tableOf(this.session, data.tableId)) return;
    // A new table whose socket closed before its hello was answered never got its secret: no one
    // can ever come back as it, and its place would be taken for nothing.
    if (data.secret !== undefined) return this.dropTable(data.tableId, false);
    this.tableChanged(data.tableId);
  }

  /** Removes a table from the session and frees its place; its device, if connected, is told. */
  private dropTable(tableId: string, tell: boolean): void {
    this.commit({ type: 'remove-table', table: tableId });
    this.places.forgetTable(tableId);
    this.budgets.forgetTable(tableId);
    for (const [watcher, watched] of this.watching) if (watched === tableId) this.watching.delete(watcher);
    for (const client of this.tableClients(tableId)) {
      if (tell) safeSend(client, 'removed', {});
      client.leave(CLOSE_REMOVED, 'removed');
    }
    for (const client of this.clientsOf('facilitator')) safeSend(client, 'table-removed', { id: tableId });
    for (const client of this.clientsOf('projector')) safeSend(client, 'count', { tableCount: this.session.tables.length });
    this.scheduleSummary();
  }

  override async onDispose(): Promise<void> {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    for (const { timer } of this.frescoThrottle.values()) if (timer) clearTimeout(timer);
    if (this.journal) await need().store.close(this.session.code, this.journal);
  }

  // --- Messages --------------------------------------------------------------------------------

  private handle(client: Client, data: ClientData, type: MessageType, message: unknown): void {
    switch (type) {
      case 'hello':
        return this.welcome(client, data);
      case 'move':
        return this.move(client, data, message as Message<'move'>);
      case 'skip':
        return this.skip(data.tableId!, (message as Message<'skip'>).to);
      case 'rename': {
        const name = cleanTeamName((message as Message<'rename'>).name);
        if (!name || !data.tableId) return this.refuse(client, 'bad-message', 'rename: empty name');
        this.commit({ type: 'rename', table: data.tableId, name });
        for (const other of this.tableClients(data.tableId)) other.send('renamed', { name });
        return this.tableChanged(data.tableId);
      }
      case 'table-move': {
        const { target, action } = message as Message<'table-move'>;
        if (target !== 'all' && !tableOf(this.session, target.table)) return this.refuse(client, 'unknown-table', target.table);
        const before = this.session.dealt;
        const result = this.commit({ type: 'table-move', target, action });
        for (const id of result.changed) this.sendFresco(id, null);
        for (const id of result.changed) this.tableChanged(id);
        if (this.session.dealt !== before) this.broadcastMaster();
        return;
      }
      case 'act': {
        const { target, action } = message as Message<'act'>;
        if (target !== 'all' && !tableOf(this.session, target.table)) return this.refuse(client, 'unknown-table', target.table);
        if (action.type === 'add-note' && this.session.workshop.notes.length >= MAX_NOTES) return this.refuse(client, 'too-many-notes', String(MAX_NOTES));
        const result = this.commit({ type: 'act', target, action, at: Date.now() });
        for (const id of result.changed) {
          const table = tableOf(this.session, id)!;
          for (const other of this.tableClients(id)) other.send('workshop', { workshop: table.workshop, now: Date.now() });
          this.tableChanged(id);
        }
        this.broadcastMaster();
        return this.scheduleSummary();
      }
      case 'lock-joining':
        this.commit({ type: 'lock-joining', locked: (message as Message<'lock-joining'>).locked });
        return this.broadcastMaster();
      case 'watch': {
        const { table } = message as Message<'watch'>;
        if (table === null) {
          this.watching.delete(client.sessionId);
          return;
        }
        if (!tableOf(this.session, table)) return this.refuse(client, 'unknown-table', table);
        this.watching.set(client.sessionId, table);
        return this.sendWatched(client, table);
      }
      case 'remove-table': {
        const { table } = message as Message<'remove-table'>;
        if (!tableOf(this.session, table)) return this.refuse(client, 'unknown-table', table);
        return this.dropTable(table, true);
      }
      case 'report':
        client.send('report', {
          code: this.session.code,
          levelId: this.level.id,
          createdAt: this.session.createdAt,
          workshop: this.session.workshop,
          tables: this.session.tables.map((table) => ({ ...summarizeTable(this.level, table, this.isConnected(table.id)), board: table.progress.history.present })),
          summary: this.summary(),
        });
        return;
    }
  }

  private welcome(client: Client, data: ClientData): void {
    const now = Date.now();
    const common = { code: this.session.code, levelId: this.level.id, levelHash: this.hash, now, joiningLocked: this.session.joiningLocked };
    if (data.role === 'table' && data.tableId) {
      const table = tableOf(this.session, data.tableId)!;
      const secret = data.secret;
      delete data.secret;
      // `lastSeq`: the last move applied (the fresco sent includes it); `acked`: the last one on disk.
      const incident = this.session.incidents.at(-1)?.at ?? null;
      client.send('welcome', { ...common, role: 'table', table: { id: table.id, name: table.name, ...(secret ? { secret } : {}) }, progress: table.progress, workshop: table.workshop, lastSeq: table.lastSeq, acked: this.durableSeq.get(table.id) ?? 0, incident });
    } else if (data.role === 'facilitator') {
      client.send('welcome', { ...common, role: 'facilitator', workshop: this.session.workshop, dealt: this.session.dealt, tables: this.summaries(), summary: this.summary(), incidents: this.session.incidents, storage: this.journal.problem });
    } else {
      client.send('welcome', { ...common, role: 'projector', workshop: this.session.workshop, dealt: this.session.dealt, tableCount: this.session.tables.length, summary: this.revealed() ? this.summary() : null });
    }
  }

  private move(client: Client, data: ClientData, { seq, action }: Message<'move'>): void {
    const tableId = data.tableId!;
    const table = tableOf(this.session, tableId);
    if (!table) return;
    if (seq > table.lastSeq + 1) {
      // A move is missing before this one (dropped over budget, or lost by a server incident):
      // moves apply in order, so the table is asked to send again from the first missing one; it
      // sends them, or `skip` for those it no longer has. A table that cannot answer (an older
      // game) is not left frozen: once it was asked long enough ago, the server skips the gap.
      const asked = this.resendAsked.get(client);
      if (asked?.lastSeq !== table.lastSeq) {
        this.resendAsked.set(client, { lastSeq: table.lastSeq, at: Date.now() });
        safeSend(client, 'resend', { from: table.lastSeq + 1 });
        return;
      }
      if (Date.now() - asked.at < GAP_WAIT_MS) return;
      this.skip(tableId, seq - 1);
    } else if (seq <= table.lastSeq) {
      // Seen already (sent again after a reconnection): acknowledged once it is on disk.
      const durable = this.durableSeq.get(tableId) ?? 0;
      if (seq <= durable) safeSend(client, 'ack', { lastSeq: durable });
      return;
    }
    const { outcome } = this.commit({ type: 'move', table: tableId, seq, action, at: Date.now() });
    if (outcome?.kind === 'refused') return this.refused(tableId, seq, outcome);
    // The dashboard learns of the move at once; the table is acknowledged once it is on disk (durable()).
    this.tableChanged(tableId);
    this.scheduleSummary();
  }

  /**
   * The moves of a table up to `to` cannot be had (the server lost them, the table no longer has
   * them): its sequence goes on from there, and the table and the facilitator are told in words.
   */
  private skip(tableId: string, to: number): void {
    const before = tableOf(this.session, tableId)?.lastSeq ?? 0;
    const { lost } = this.commit({ type: 'skip', table: tableId, to });
    if (lost === 0) return;
    const table = tableOf(this.session, tableId)!;
    console.error(`session ${this.session.code}: table ${tableId} lost moves ${before + 1} to ${to}`);
    const gap = { table: tableId, name: table.name, from: before + 1, to, lost };
    for (const client of this.tableClients(tableId)) safeSend(client, 'gap', gap);
    // The table takes the server's fresco (it showed the lost moves) and replays what follows.
    this.sendFresco(tableId, null);
    for (const client of this.clientsOf('facilitator')) safeSend(client, 'gap', gap);
    this.tableChanged(tableId);
  }

  /** A refused move: the table takes the server's fresco, at most every FRESCO_EVERY_MS (a loop of refused moves costs one message). */
  private refused(tableId: string, seq: number, outcome: Extract<MoveOutcome, { kind: 'refused' }>): void {
    const refusal = { seq, reason: outcome.reason };
    const throttle = this.frescoThrottle.get(tableId);
    if (throttle?.timer) {
      throttle.refused = refusal;
      return;
    }
    this.sendFresco(tableId, refusal);
    const entry = { timer: null as NodeJS.Timeout | null, refused: null as typeof refusal | null };
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.refused) this.sendFresco(tableId, entry.refused);
      entry.refused = null;
    }, FRESCO_EVERY_MS);
    this.frescoThrottle.set(tableId, entry);
  }

  // --- What each client is told ----------------------------------------------------------------

  private clientsOf(role: SessionRole): Client[] {
    return this.clients.filter((client) => (client.userData as ClientData | undefined)?.role === role);
  }

  private tableClients(id: string): Client[] {
    return this.clients.filter((client) => (client.userData as ClientData | undefined)?.tableId === id);
  }

  private isConnected(id: string): boolean {
    return this.tableClients(id).length > 0;
  }

  private summaries() {
    return this.session.tables.map((table) => summarizeTable(this.level, table, this.isConnected(table.id)));
  }

  private revealed(): boolean {
    return this.session.workshop.revealed.length > 0 || this.session.workshop.misconceptionsShown;
  }

  private summary() {
    return summarizeSession(this.level, this.session.tables.map((table) => ({ id: table.id, name: table.name, board: table.progress.history.present })));
  }

  /** A state is on disk: each table whose last move in it is newer than what it was told is acknowledged up to that move. */
  private durable(state: SessionState): void {
    for (const table of state.tables) {
      if (table.lastSeq <= (this.durableSeq.get(table.id) ?? 0)) continue;
      this.durableSeq.set(table.id, table.lastSeq);
      for (const client of this.tableClients(table.id)) safeSend(client, 'ack', { lastSeq: table.lastSeq });
    }
  }

  /** Writes fail (a full disk…) or work again: the facilitator is told; moves wait on the tablets meanwhile. */
  private storageTrouble(problem: string | null): void {
    for (const client of this.clientsOf('facilitator')) safeSend(client, 'storage', { problem });
  }

  /** The table's fresco as the server has it, after a facilitator's move or a refused move. */
  private sendFresco(tableId: string, refused: { seq: number; reason: string } | null): void {
    const table = tableOf(this.session, tableId);
    if (!table) return;
    for (const client of this.tableClients(tableId)) safeSend(client, 'fresco', { progress: table.progress, lastSeq: table.lastSeq, refused });
  }

  private sendWatched(client: Client, tableId: string): void {
    const table = tableOf(this.session, tableId);
    if (table) safeSend(client, 'watched', { table: tableId, progress: table.progress, workshop: table.workshop, now: Date.now() });
  }

  private tableChanged(tableId: string): void {
    const table: TableState | undefined = tableOf(this.session, tableId);
    if (!table) return;
    const summary = summarizeTable(this.level, table, this.isConnected(tableId));
    for (const client of this.clientsOf('facilitator')) {
      safeSend(client, 'table', summary);
      if (this.watching.get(client.sessionId) === tableId) this.sendWatched(client, tableId);
    }
    for (const client of this.clientsOf('projector')) safeSend(client, 'count', { tableCount: this.session.tables.length });
  }

  private broadcastMaster(): void {
    const master = { workshop: this.session.workshop, dealt: this.session.dealt, joiningLocked: this.session.joiningLocked, tableCount: this.session.tables.length, now: Date.now() };
    for (const client of [...this.clientsOf('facilitator'), ...this.clientsOf('projector')]) safeSend(client, 'master', master);
  }

  /** After the reveal, the projector's summary follows the tables, at most a few times a second. */
  private scheduleSummary(): void {
    if (!this.revealed() || this.summaryTimer) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      const summary = this.summary();
      for (const client of [...this.clientsOf('facilitator'), ...this.clientsOf('projector')]) safeSend(client, 'summary', summary);
    }, SUMMARY_DELAY_MS);
  }

  /** A client flooding the room is told once, then ignored until its budget refills (messageBudget.ts). */
  private withinBudget(client: Client, data: ClientData): boolean {
    const sender: Sender =
      data.role === 'table' && data.tableId ? { kind: 'table', table: data.tableId, address: data.address } : data.place === 'projector' ? { kind: 'projector', address: data.address } : { kind: 'facilitator' };
    if (this.budgets.take(client, sender, Date.now())) return true;
    if (!this.warned.has(client)) {
      this.warned.add(client);
      this.refuse(client, 'too-many-messages', 'too many messages');
    }
    return false;
  }

  private refuse(client: Client, error: SessionError, detail: string): void {
    safeSend(client, 'error', { error, detail });
  }

  // --- Kept on disk (sessionJournal.ts) ----------------------------------------------------------

  private openJournal(resume: ResumePoint | null): void {
    this.journal = need().store.open(this.session.code, () => this.session, { durable: (state) => this.durable(state), trouble: (problem) => this.storageTrouble(problem) }, resume);
  }

  /** Applies a change with the session's rules and journals it (one line on disk, acknowledged once written). */
  private commit(change: SessionChange): ChangeResult {
    const result = applySessionChange(this.level, this.session, change);
    if (result.state !== this.session) {
      this.session = result.state;
      this.journal.append(change, this.session);
    }
    return result;
  }
}

function dataOf(client: Client): ClientData | undefined {
  return client.userData as ClientData | undefined;
}

function safeSend(client: Client, type: string, message: unknown): void {
  try {
    client.send(type, message);
  } catch {
    // The client is gone; it gets everything again when it comes back.
  }
}
