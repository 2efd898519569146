// One workshop session: a Colyseus room whose id is the join code. It holds the session's state
// (src/core/session.ts), admits the facilitator (by the token issued at creation), the tables
// (new ones while joining is open, returning ones by their secret) and projectors, checks every
// message against its schema and its sender's role, applies it with the game's own rules, keeps
// the state on disk and tells each client what it may see: a table its own fresco, the
// facilitator every table, a projector the phase, the timer and, after the reveal, the summary.
import { Room, ServerError, type Client } from '@colyseus/core';
import type { Level } from '../src/core/level';
import { levelHash } from '../src/core/save';
import {
  addTable,
  applyFacilitatorAct,
  applyFacilitatorMove,
  applyTableMove,
  createSession,
  lockJoining,
  renameTable,
  summarizeTable,
  tableOf,
  type SessionState,
  type TableState,
} from '../src/core/session';
import { firstProblem, JoinOptionsSchema, MAX_OTHER_CLIENTS, MAX_TABLES, MESSAGES, type JoinOptions, type Message, type MessageType, type SessionError, type SessionRole } from '../src/core/sessionProtocol';
import { summarizeSession } from '../src/core/sessionSummary';
import { cleanTeamName, teamName } from '../src/core/teamName';
import type { PhaseId } from '../src/core/workshop';
import { hashSecret, newSecret, newTableId, randomIndex, secretMatches } from './secrets';
import { MessageBudget } from './messageBudget';
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
}

export type Admission = { ok: true; role: SessionRole; tableId: string | null } | { ok: false; error: SessionError; detail?: string };

const SUMMARY_DELAY_MS = 300;

export class SessionRoom extends Room {
  override maxClients = MAX_TABLES + MAX_OTHER_CLIENTS;
  session!: SessionState;
  level!: Level;
  private hash = '';
  private watching = new Map<string, string>();
  private summaryTimer: NodeJS.Timeout | null = null;
  private changed = false;
  private budgets = new WeakMap<Client, MessageBudget>();
  private warned = new WeakSet<Client>();
  private resendAsked = new WeakMap<Client, number>();

  override async onCreate(options: CreateRoomOptions): Promise<void> {
    const { store, levels } = need();
    this.roomId = options.code;
    this.setPrivate(true);
    if (options.create) {
      const level = levels.get(options.create.levelId);
      if (!level) throw new ServerError(404, 'unknown-level');
      this.level = level;
      this.session = createSession(level, options.code, options.create.tokenHash, options.create.plan, Date.now());
      void this.persist();
    } else {
      const loaded = await store.load(options.code);
      if (!loaded) throw new ServerError(404, 'wrong-code');
      if (!loaded.ok) throw new ServerError(500, `session ${options.code} cannot be read: ${loaded.problem}`);
      const level = levels.get(loaded.state.levelId);
      if (!level) throw new ServerError(404, 'unknown-level');
      this.level = level;
      this.session = loaded.state;
    }
    this.hash = levelHash(this.level);
    for (const [type, definition] of Object.entries(MESSAGES)) {
      this.onMessage(type, (client: Client, raw: unknown) => {
        const data = client.userData as ClientData | undefined;
        if (!data) return;
        if (!this.withinBudget(client)) return;
        if (definition.role !== 'any' && data.role !== definition.role) return this.refuse(client, 'not-allowed', type);
        const parsed = definition.schema.safeParse(raw);
        if (!parsed.success) return this.refuse(client, 'bad-message', `${type}: ${firstProblem(parsed.error)}`);
        this.handle(client, data, type as MessageType, parsed.data);
      });
    }
    this.onMessage('*', (client: Client, type: string | number) => {
      if (this.withinBudget(client)) this.refuse(client, 'bad-message', `unknown message "${String(type)}"`);
    });
  }

  /** Whether these join options let a client in (also asked by the join request, before any socket). */
  admit(raw: unknown): Admission {
    const parsed = JoinOptionsSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'bad-message', detail: firstProblem(parsed.error) };
    const options: JoinOptions = parsed.data;
    const others = this.clients.filter((client) => (client.userData as ClientData | undefined)?.role !== 'table').length;
    switch (options.role) {
      case 'facilitator':
        if (!secretMatches(options.token, this.session.facilitatorTokenHash)) return { ok: false, error: 'bad-token' };
        if (others >= MAX_OTHER_CLIENTS) return { ok: false, error: 'session-full' };
        return { ok: true, role: 'facilitator', tableId: null };
      case 'projector':
        if (others >= MAX_OTHER_CLIENTS) return { ok: false, error: 'session-full' };
        return { ok: true, role: 'projector', tableId: null };
      case 'table': {
        if (options.table) {
          const table = tableOf(this.session, options.table.id);
          // A table coming back is let in even when joining is locked: it is already part of the session.
          if (table && secretMatches(options.table.secret, table.secretHash)) return { ok: true, role: 'table', tableId: table.id };
          return { ok: false, error: 'unknown-table' };
        }
        if (this.session.joiningLocked) return { ok: false, error: 'joining-locked' };
        if (this.session.tables.length >= MAX_TABLES) return { ok: false, error: 'session-full', detail: String(MAX_TABLES) };
        return { ok: true, role: 'table', tableId: null };
      }
    }
  }

  override onAuth(_client: Client, options: unknown): Admission {
    const admission = this.admit(options);
    if (!admission.ok) throw new ServerError(403, admission.error);
    return admission;
  }

  override onJoin(client: Client, options: JoinOptions & { lang?: 'fr' | 'en' }, auth: Admission): void {
    if (!auth.ok) return;
    if (auth.role !== 'table') {
      client.userData = { role: auth.role } satisfies ClientData;
      return;
    }
    let tableId = auth.tableId;
    let secret: string | null = null;
    if (tableId) {
      // One connection per table: the newest (a reload, a tablet back online) replaces the old one.
      for (const other of this.tableClients(tableId)) other.leave(4001, 'replaced');
    } else {
      tableId = newTableId();
      secret = newSecret();
      const lang = options.role === 'table' && options.lang === 'en' ? 'en' : 'fr';
      this.session = addTable(this.session, { id: tableId, name: teamName(lang, randomIndex), secretHash: hashSecret(secret) }, Date.now());
      void this.persist();
    }
    client.userData = { role: 'table', tableId } satisfies ClientData;
    // The secret is said once, to the table itself, in the answer to its hello.
    (client.userData as ClientData & { secret?: string }).secret = secret ?? undefined;
    this.tableChanged(tableId);
  }

  override onLeave(client: Client): void {
    this.watching.delete(client.sessionId);
    const data = client.userData as ClientData | undefined;
    if (data?.role === 'table' && data.tableId) this.tableChanged(data.tableId);
  }

  override async onDispose(): Promise<void> {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    if (this.changed) await need().store.flush(this.session.code);
  }

  // --- Messages --------------------------------------------------------------------------------

  private handle(client: Client, data: ClientData, type: MessageType, message: unknown): void {
    switch (type) {
      case 'hello':
        return this.welcome(client, data);
      case 'move':
        return this.move(client, data, message as Message<'move'>);
      case 'rename': {
        const name = cleanTeamName((message as Message<'rename'>).name);
        if (!name || !data.tableId) return this.refuse(client, 'bad-message', 'rename: empty name');
        this.session = renameTable(this.session, data.tableId, name);
        void this.persist();
        for (const other of this.tableClients(data.tableId)) other.send('renamed', { name });
        return this.tableChanged(data.tableId);
      }
      case 'table-move': {
        const { target, action } = message as Message<'table-move'>;
        if (target !== 'all' && !tableOf(this.session, target.table)) return this.refuse(client, 'unknown-table', target.table);
        const before = this.session.dealt;
        const result = applyFacilitatorMove(this.level, this.session, target, action);
        this.session = result.state;
        void this.persist();
        for (const id of result.changed) this.sendFresco(id, null);
        for (const id of result.changed) this.tableChanged(id);
        if (this.session.dealt !== before) this.broadcastMaster();
        return;
      }
      case 'act': {
        const { target, action } = message as Message<'act'>;
        if (target !== 'all' && !tableOf(this.session, target.table)) return this.refuse(client, 'unknown-table', target.table);
        const result = applyFacilitatorAct(this.level, this.session, target, action, Date.now());
        this.session = result.state;
        void this.persist();
        for (const id of result.changed) {
          const table = tableOf(this.session, id)!;
          for (const other of this.tableClients(id)) other.send('workshop', { workshop: table.workshop, now: Date.now() });
          this.tableChanged(id);
        }
        this.broadcastMaster();
        return this.scheduleSummary();
      }
      case 'lock-joining':
        this.session = lockJoining(this.session, (message as Message<'lock-joining'>).locked);
        void this.persist();
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
      const secret = (client.userData as { secret?: string }).secret;
      delete (client.userData as { secret?: string }).secret;
      client.send('welcome', { ...common, role: 'table', table: { id: table.id, name: table.name, ...(secret ? { secret } : {}) }, progress: table.progress, workshop: table.workshop, lastSeq: table.lastSeq });
    } else if (data.role === 'facilitator') {
      client.send('welcome', { ...common, role: 'facilitator', workshop: this.session.workshop, dealt: this.session.dealt, tables: this.summaries(), summary: this.summary() });
    } else {
      client.send('welcome', { ...common, role: 'projector', workshop: this.session.workshop, dealt: this.session.dealt, tableCount: this.session.tables.length, summary: this.revealed() ? this.summary() : null });
    }
  }

  private move(client: Client, data: ClientData, { seq, action }: Message<'move'>): void {
    const tableId = data.tableId!;
    const lastSeq = tableOf(this.session, tableId)?.lastSeq ?? 0;
    if (seq > lastSeq + 1) {
      // A move is missing before this one (dropped over budget): moves apply in order, so the
      // table is asked once to send again from the first missing one.
      if (this.resendAsked.get(client) !== lastSeq) {
        this.resendAsked.set(client, lastSeq);
        safeSend(client, 'resend', { from: lastSeq + 1 });
      }
      return;
    }
    const { state, outcome } = applyTableMove(this.level, this.session, tableId, seq, action, Date.now());
    this.session = state;
    if (outcome.kind === 'duplicate') {
      void this.persist().then((written) => written && this.ack(client, tableId));
      return;
    }
    if (outcome.kind === 'refused') {
      void this.persist();
      this.sendFresco(tableId, { seq, reason: outcome.reason ?? 'not-allowed' });
      return;
    }
    // The dashboard learns of the move at once; the table is told once the move is on disk.
    this.tableChanged(tableId);
    this.scheduleSummary();
    void this.persist().then((written) => written && this.ack(client, tableId));
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

  private ack(client: Client, tableId: string): void {
    const table = tableOf(this.session, tableId);
    if (table) safeSend(client, 'ack', { lastSeq: table.lastSeq });
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

  /** A connection flooding the room is told once, then ignored until its budget refills. */
  private withinBudget(client: Client): boolean {
    let budget = this.budgets.get(client);
    if (!budget) this.budgets.set(client, (budget = new MessageBudget(Date.now())));
    if (budget.take(Date.now())) return true;
    if (!this.warned.has(client)) {
      this.warned.add(client);
      this.refuse(client, 'too-many-attempts', 'too many messages');
    }
    return false;
  }

  private refuse(client: Client, error: SessionError, detail: string): void {
    safeSend(client, 'error', { error, detail });
  }

  /** Resolves true once the state is on disk; a failed write is logged and resolves false (no ack: the table keeps the move and sends it again). */
  private persist(): Promise<boolean> {
    this.changed = true;
    return need()
      .store.save(this.session)
      .then(() => true)
      .catch((cause: unknown) => {
        console.error(`session ${this.session.code}: could not be written: ${cause instanceof Error ? cause.message : String(cause)}`);
        return false;
      });
  }
}

function safeSend(client: Client, type: string, message: unknown): void {
  try {
    client.send(type, message);
  } catch {
    // The client is gone; it gets everything again when it comes back.
  }
}
