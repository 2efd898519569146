// A workshop session across tables (design/workshop.md): one facilitator, many tables, each with
// its own fresco. The server keeps this state and changes it only through these pure functions,
// which apply the same rules as a single device (progress.ts, workshop.ts). Time, ids and hashes
// are passed in.
import { z } from 'zod';
import { checkFresco, type Score } from './check';
import type { Board } from './fresco';
import type { Level } from './level';
import { applyProgressAction, layoutOf, startProgress, type Progress, type ProgressAction, type ProgressResult } from './progress';
import { ProgressSchema } from './save';
import type { Target } from './sessionProtocol';
import { allows, applyWorkshopAction, startWorkshop, type PhaseId, type Workshop, type WorkshopAction } from './workshop';
import { WorkshopSchema } from './workshopRecord';

export const SESSION_VERSION = 1;

/**
 * What one session may hold, so that its size (in memory, on disk, in every message) stays
 * bounded whatever its tables do: the server holds every table's fresco with its undo history.
 */
export const SESSION_LIMITS = {
  /** Arrows on one table's fresco (the largest level's solution has 80). */
  links: 200,
  /** Undo steps a table keeps. */
  historySteps: 30,
  /** Arrows over every fresco a table's undo history keeps (present, past and undone ones): a large fresco keeps fewer steps. */
  historyLinks: 1200,
  /** Moves lost by a server incident, kept per table for the dashboard. */
  incidents: 20,
} as const;
/** Undo steps a table keeps in a session (see SESSION_LIMITS). */
export const SESSION_HISTORY = SESSION_LIMITS.historySteps;

export interface TableState {
  id: string;
  name: string;
  /** SHA-256 of the secret the table was given when it first joined (it proves a table coming back). */
  secretHash: string;
  progress: Progress;
  /** The workshop as this table sees it: the session's phase and timer, its own lock, hint and reveal. */
  workshop: Workshop;
  /** The last move of this table applied (or refused), by its sequence number. */
  lastSeq: number;
  /** Moves of this table the server lost (an incident) and that the table could not send again. */
  lostMoves: number;
  joinedAt: number;
  lastMoveAt: number | null;
}

/** A damaged file the server set aside when it resumed the session from an older copy. */
export interface SessionIncident {
  at: number;
  /** What was wrong, for the facilitator (a file name and a reason, no content). */
  problem: string;
  /** The files set aside, kept for inspection, relative to the session's folder. */
  setAside: string[];
}

export interface SessionState {
  version: typeof SESSION_VERSION;
  code: string;
  levelId: string;
  createdAt: number;
  facilitatorTokenHash: string;
  joiningLocked: boolean;
  /** The workshop as the facilitator and the projector see it. */
  workshop: Workshop;
  /** Batches dealt to every table; a table joining late starts with them. */
  dealt: number;
  /** In the order they joined. */
  tables: TableState[];
  /** Damaged files the session was recovered from, the newest last. */
  incidents: SessionIncident[];
}

export function createSession(level: Level, code: string, facilitatorTokenHash: string, plan: Record<PhaseId, number>, now: number): SessionState {
  return { version: SESSION_VERSION, code, levelId: level.id, createdAt: now, facilitatorTokenHash, joiningLocked: false, workshop: startWorkshop(level, plan, now), dealt: 1, tables: [], incidents: [] };
}

/** A table's copy of the session's workshop: what every table shares, nothing pointed at yet. */
function tableWorkshop(workshop: Workshop): Workshop {
  return { ...workshop, hint: null, highlight: null, notes: [], debriefAnswers: [], commitments: '', frescoName: '' };
}

/**
 * A table's progress with its undo history within the session's limits: at most
 * `historySteps` steps back, and the oldest dropped while the frescos kept hold more than
 * `historyLinks` arrows. The table and the server both trim after every move with this one
 * function, so that they agree on every undo. Undo and redo move frescos between past and
 * future without changing the total, so only a new move can need trimming.
 */
export function trimSessionHistory(progress: Progress): Progress {
  const { past, present, future } = progress.history;
  let start = Math.max(0, past.length - SESSION_LIMITS.historySteps);
  let links = present.links.length;
  for (const board of future) links += board.links.length;
  for (let i = start; i < past.length; i++) links += past[i]!.links.length;
  while (start < past.length && links > SESSION_LIMITS.historyLinks) links -= past[start++]!.links.length;
  return start === 0 ? progress : { ...progress, history: { ...progress.history, past: past.slice(start) } };
}

/** Why a session refuses a move its rules would allow: the fresco is full. Null when it is not. */
export function sessionRefusal(progress: Progress, action: ProgressAction): 'too-many-links' | null {
  if (action.type === 'link' && progress.history.present.links.length >= SESSION_LIMITS.links) return 'too-many-links';
  return null;
}

export function addTable(state: SessionState, table: { id: string; name: string; secretHash: string }, now: number): SessionState {
  const progress = startProgress();
  const present: Board = { ...progress.history.present, dealt: state.dealt };
  const added: TableState = {
    ...table,
    progress: { ...progress, history: { ...progress.history, present } },
    workshop: tableWorkshop(state.workshop),
    lastSeq: 0,
    lostMoves: 0,
    joinedAt: now,
    lastMoveAt: null,
  };
  return { ...state, tables: [...state.tables, added] };
}

export function tableOf(state: SessionState, id: string): TableState | undefined {
  return state.tables.find((table) => table.id === id);
}

function withTable(state: SessionState, id: string, change: (table: TableState) => TableState): SessionState {
  return { ...state, tables: state.tables.map((table) => (table.id === id ? change(table) : table)) };
}

export function renameTable(state: SessionState, id: string, name: string): SessionState {
  return withTable(state, id, (table) => ({ ...table, name }));
}

export type MoveOutcome =
  | { kind: 'applied' }
  /** Already applied: a move sent again after a reconnection. */
  | { kind: 'duplicate' }
  | { kind: 'refused'; reason: NonNullable<ProgressResult['rejected']> | 'not-allowed' | 'too-many-links' };

/**
 * A table's own move, as `play()` applies it on the table: the workshop's rules (`allows`, as
 * the group), then the fresco's. Refused moves still count as seen, so that a move sent again
 * is never applied twice.
 */
export function applyTableMove(level: Level, state: SessionState, id: string, seq: number, action: ProgressAction, now: number): { state: SessionState; outcome: MoveOutcome } {
  const table = tableOf(state, id);
  if (!table) return { state, outcome: { kind: 'refused', reason: 'not-allowed' } };
  if (seq <= table.lastSeq) return { state, outcome: { kind: 'duplicate' } };
  if (!allows(table.workshop, 'group', action)) {
    return { state: withTable(state, id, (t) => ({ ...t, lastSeq: seq })), outcome: { kind: 'refused', reason: 'not-allowed' } };
  }
  const limit = sessionRefusal(table.progress, action);
  if (limit) return { state: withTable(state, id, (t) => ({ ...t, lastSeq: seq })), outcome: { kind: 'refused', reason: limit } };
  const result = applyProgressAction(level, table.progress, action);
  if (result.rejected) return { state: withTable(state, id, (t) => ({ ...t, lastSeq: seq })), outcome: { kind: 'refused', reason: result.rejected } };
  return { state: withTable(state, id, (t) => ({ ...t, progress: trimSessionHistory(result.progress), lastSeq: seq, lastMoveAt: now })), outcome: { kind: 'applied' } };
}

/**
 * The moves before `to` that a table cannot send again (the server lost them in an incident and
 * the table no longer has them): the table's sequence goes on from `to`, and the loss is counted
 * for the dashboard. Returns how many moves were lost.
 */
export function skipMoves(state: SessionState, id: string, to: number): { state: SessionState; lost: number } {
  const table = tableOf(state, id);
  if (!table || to <= table.lastSeq) return { state, lost: 0 };
  const lost = to - table.lastSeq;
  return { state: withTable(state, id, (t) => ({ ...t, lastSeq: to, lostMoves: t.lostMoves + lost })), lost };
}

/** Notes the session's incident (a damaged file set aside), keeping the last few. */
export function noteIncident(state: SessionState, incident: SessionIncident): SessionState {
  return { ...state, incidents: [...state.incidents, incident].slice(-SESSION_LIMITS.incidents) };
}

function targets(state: SessionState, target: Target): TableState[] {
  return target === 'all' ? state.tables : state.tables.filter((table) => table.id === target.table);
}

/** The facilitator deals or checks: every table (dealing the session's next batch) or one. Returns the tables changed. */
export function applyFacilitatorMove(level: Level, state: SessionState, target: Target, action: { type: 'deal' } | { type: 'check' }): { state: SessionState; changed: string[] } {
  const changed: string[] = [];
  let next = state;
  if (action.type === 'deal' && target === 'all') next = { ...next, dealt: Math.min(level.batches.length, state.dealt + 1) };
  for (const table of targets(state, target)) {
    let progress = table.progress;
    if (action.type === 'deal') {
      // Dealing to every table brings each up to the session's batch; dealing to one gives it its next batch.
      const wanted = target === 'all' ? next.dealt : Math.min(level.batches.length, progress.history.present.dealt + 1);
      while (progress.history.present.dealt < wanted) {
        const result = applyProgressAction(level, progress, { type: 'deal' });
        if (result.rejected) break;
        progress = result.progress;
      }
    } else progress = applyProgressAction(level, progress, { type: 'check' }).progress;
    if (progress !== table.progress) {
      changed.push(table.id);
      next = withTable(next, table.id, (t) => ({ ...t, progress: trimSessionHistory(progress) }));
    }
  }
  return { state: next, changed };
}

/** Actions a facilitator may aim at one table; the others are the session's (phases, timer) or the facilitator's own notes. */
const PER_TABLE: ReadonlySet<WorkshopAction['type']> = new Set(['lock', 'hint', 'clear-hint', 'highlight', 'reveal-next', 'reveal-batch', 'reveal-all', 'show-misconceptions']);
const FACILITATOR_ONLY: ReadonlySet<WorkshopAction['type']> = new Set(['name-fresco', 'add-note', 'move-note', 'remove-note', 'debrief-go', 'debrief-answer', 'commitments']);

export function isPerTable(action: WorkshopAction): boolean {
  return PER_TABLE.has(action.type);
}

/** The board the session's own workshop reasons on: the batches dealt to all, nothing placed. */
export function sessionBoard(state: SessionState): Board {
  return { dealt: state.dealt, placed: {}, links: [], nextLinkId: 1 };
}

/**
 * A facilitator's workshop action. Phases and the timer go to the session and every table;
 * lock, hints and the correction to every table or the one aimed at; notes and the debrief stay
 * in the session's own workshop. Returns the tables changed.
 */
export function applyFacilitatorAct(level: Level, state: SessionState, target: Target, action: WorkshopAction, now: number): { state: SessionState; changed: string[] } {
  const perTable = PER_TABLE.has(action.type);
  const toAll = target === 'all' || !perTable;
  let next = state;
  if (toAll) next = { ...next, workshop: applyWorkshopAction(level, state.workshop, sessionBoard(state), action, now) };
  if (FACILITATOR_ONLY.has(action.type)) return { state: next, changed: [] };
  const changed: string[] = [];
  for (const table of toAll ? state.tables : targets(state, target)) {
    const workshop = applyWorkshopAction(level, table.workshop, table.progress.history.present, action, now);
    if (workshop !== table.workshop) {
      changed.push(table.id);
      next = withTable(next, table.id, (t) => ({ ...t, workshop }));
    }
  }
  return { state: next, changed };
}

export function lockJoining(state: SessionState, locked: boolean): SessionState {
  return { ...state, joiningLocked: locked };
}

// --- What the facilitator's dashboard shows ----------------------------------------------------

export interface TableSummary {
  id: string;
  name: string;
  connected: boolean;
  placed: number;
  links: number;
  dealt: number;
  locked: boolean;
  score: Score;
  joinedAt: number;
  lastMoveAt: number | null;
  /** Moves the server lost in an incident that the table could not send again. */
  lostMoves: number;
}

export function summarizeTable(level: Level, table: TableState, connected: boolean): TableSummary {
  const board = table.progress.history.present;
  return {
    id: table.id,
    name: table.name,
    connected,
    placed: Object.keys(board.placed).length,
    links: board.links.length,
    dealt: board.dealt,
    locked: table.workshop.locked,
    score: checkFresco(level, board, layoutOf(level)).score,
    joinedAt: table.joinedAt,
    lastMoveAt: table.lastMoveAt,
    lostMoves: table.lostMoves,
  };
}

// --- Kept on disk -----------------------------------------------------------------------------

const TableSchema = z.object({
  id: z.string().max(80),
  name: z.string().max(200),
  secretHash: z.string().max(200),
  progress: ProgressSchema,
  workshop: WorkshopSchema,
  lastSeq: z.number().int().min(0),
  lostMoves: z.number().int().min(0).default(0),
  joinedAt: z.number(),
  lastMoveAt: z.number().nullable(),
});

const SessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  code: z.string().max(20),
  levelId: z.string().max(200),
  createdAt: z.number(),
  facilitatorTokenHash: z.string().max(200),
  joiningLocked: z.boolean(),
  workshop: WorkshopSchema,
  dealt: z.number().int().min(1),
  tables: z.array(TableSchema).max(1000),
  incidents: z
    .array(z.object({ at: z.number(), problem: z.string().max(2000), setAside: z.array(z.string().max(300)).max(20) }))
    .max(100)
    .default([]),
});

export type SessionCheck = { ok: true; state: SessionState } | { ok: false; problem: string };

export function parseSession(raw: unknown): SessionCheck {
  const parsed = SessionSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: first ? `${first.path.join('.')}: ${first.message}` : 'invalid' };
  }
  return { ok: true, state: parsed.data as SessionState };
}

// --- Removing a table -------------------------------------------------------------------------

/**
 * Removes a table: the facilitator's decision (a duplicate, a table opened by mistake or by a
 * prankster), or a new table whose socket closed before it was told its secret (no one can
 * ever come back as it). Its place in the session is free again; its secret no longer opens it.
 */
export function removeTable(state: SessionState, id: string): SessionState {
  return { ...state, tables: state.tables.filter((table) => table.id !== id) };
}
