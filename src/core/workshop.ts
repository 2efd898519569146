// A facilitated workshop (design/workshop.md): phases with a timer, a board the facilitator can
// lock, hints that point without telling, a correction revealed step by step, the group's name
// and notes, the debrief. Pure data and functions; time is passed in, never read.
import { missingLinks } from './check';
import { isPlaced, type Board } from './fresco';
import { batchOf, type Level } from './level';
import type { ProgressAction } from './progress';

export const PHASES = ['introduction', 'reflection', 'correction', 'creative', 'debrief'] as const;
export type PhaseId = (typeof PHASES)[number];

/** Share of the level's duration suggested for each phase (the reflection takes half). */
const PHASE_SHARES: Record<PhaseId, number> = { introduction: 0.1, reflection: 0.5, correction: 0.15, creative: 0.1, debrief: 0.15 };
const DEFAULT_DURATION_MINUTES = 30;
export const MAX_PHASE_MINUTES = 240;

export interface Timer {
  durationMs: number;
  /** Time run before the last start. */
  elapsedMs: number;
  /** When it was last started (epoch ms), or null when paused. */
  startedAt: number | null;
}

export type Pointer = { kind: 'link'; link: number } | { kind: 'card'; card: string };

export interface Note {
  id: string;
  text: string;
  x: number;
  y: number;
}

export interface Workshop {
  levelId: string;
  /** Minutes planned per phase, adjustable by the facilitator. */
  plan: Record<PhaseId, number>;
  phase: PhaseId | 'ended';
  timer: Timer;
  locked: boolean;
  /** Solution links revealed so far (indices into the level's links), in the order revealed. */
  revealed: number[];
  /** The group sees which of its arrows are misconceptions and why. */
  misconceptionsShown: boolean;
  hint: Pointer | null;
  highlight: { kind: 'card'; card: string } | { kind: 'link'; link: string } | null;
  frescoName: string;
  notes: Note[];
  nextNoteId: number;
  debriefIndex: number;
  debriefAnswers: string[];
  commitments: string;
  startedAt: number;
  endedAt: number | null;
}

export function suggestedPlan(level: Pick<Level, 'durationMinutes'>): Record<PhaseId, number> {
  const total = level.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  const plan = {} as Record<PhaseId, number>;
  for (const phase of PHASES) plan[phase] = Math.max(2, Math.round(total * PHASE_SHARES[phase]));
  return plan;
}

const minutes = (value: number) => value * 60_000;

export function startWorkshop(level: Level, plan: Record<PhaseId, number>, now: number): Workshop {
  return {
    levelId: level.id,
    plan,
    phase: 'introduction',
    timer: { durationMs: minutes(plan.introduction), elapsedMs: 0, startedAt: null },
    locked: false,
    revealed: [],
    misconceptionsShown: false,
    hint: null,
    highlight: null,
    frescoName: '',
    notes: [],
    nextNoteId: 1,
    debriefIndex: 0,
    debriefAnswers: level.debrief.map(() => ''),
    commitments: '',
    startedAt: now,
    endedAt: null,
  };
}

// --- Timer arithmetic -------------------------------------------------------------------------

export function elapsed(timer: Timer, now: number): number {
  return timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

/** Time left; negative once the phase has run over (the facilitator decides when to move on). */
export function remaining(timer: Timer, now: number): number {
  return timer.durationMs - elapsed(timer, now);
}

export function isRunning(timer: Timer): boolean {
  return timer.startedAt !== null;
}

export function startTimer(timer: Timer, now: number): Timer {
  return timer.startedAt === null ? { ...timer, startedAt: now } : timer;
}

export function pauseTimer(timer: Timer, now: number): Timer {
  return timer.startedAt === null ? timer : { ...timer, elapsedMs: elapsed(timer, now), startedAt: null };
}

export function addTime(timer: Timer, ms: number): Timer {
  return { ...timer, durationMs: Math.max(0, timer.durationMs + ms) };
}

// --- What the board accepts ------------------------------------------------------------------

export type Actor = 'facilitator' | 'group';

/**
 * Whether an action on the fresco is allowed in a workshop: the group cannot deal (the
 * facilitator does), and while the board is locked it cannot change anything at all.
 */
export function allows(workshop: Workshop | null, actor: Actor, action: ProgressAction): boolean {
  if (!workshop || actor === 'facilitator') return true;
  if (workshop.phase === 'ended') return false;
  if (action.type === 'deal' || action.type === 'reset' || action.type === 'check' || action.type === 'hint') return false;
  return !workshop.locked;
}

// --- Correction -------------------------------------------------------------------------------

/**
 * The order in which the correction is revealed: batch by batch (a link belongs to the batch of
 * its later card), required links before optional ones, in the level's order within that.
 */
export function revealOrder(level: Level): number[] {
  const batchOfLink = (index: number) => {
    const link = level.links[index]!;
    return Math.max(batchOf(level, link.from), batchOf(level, link.to));
  };
  return level.links
    .map((_, index) => index)
    .sort((a, b) => batchOfLink(a) - batchOfLink(b) || Number(level.links[a]!.optional) - Number(level.links[b]!.optional) || a - b);
}

export function revealNext(level: Level, workshop: Workshop): Workshop {
  const next = revealOrder(level).find((index) => !workshop.revealed.includes(index));
  return next === undefined ? workshop : { ...workshop, revealed: [...workshop.revealed, next] };
}

/** Reveals every link of the batches dealt so far (the next batch of the correction). */
export function revealBatch(level: Level, workshop: Workshop, dealt: number): Workshop {
  const order = revealOrder(level).filter((index) => !workshop.revealed.includes(index));
  const first = order[0];
  if (first === undefined) return workshop;
  const link = level.links[first]!;
  const batch = Math.min(dealt - 1, Math.max(batchOf(level, link.from), batchOf(level, link.to)));
  const ofBatch = order.filter((index) => {
    const candidate = level.links[index]!;
    return Math.max(batchOf(level, candidate.from), batchOf(level, candidate.to)) <= Math.max(batch, 0);
  });
  return { ...workshop, revealed: [...workshop.revealed, ...(ofBatch.length > 0 ? ofBatch : [first])] };
}

export function revealAll(level: Level, workshop: Workshop): Workshop {
  const rest = revealOrder(level).filter((index) => !workshop.revealed.includes(index));
  return { ...workshop, revealed: [...workshop.revealed, ...rest], misconceptionsShown: true };
}

// --- Hints ------------------------------------------------------------------------------------

/**
 * A hint that points without telling: first a required link still missing between two cards on
 * the fresco (its two cards are shown, not the verb), else a card on the fresco with no arrow.
 */
export function nextHint(level: Level, workshop: Workshop, board: Board): Pointer | null {
  const missing = missingLinks(level, board).filter((index) => {
    const link = level.links[index]!;
    return isPlaced(board, link.from) && isPlaced(board, link.to) && !workshop.revealed.includes(index);
  });
  const previous = workshop.hint?.kind === 'link' ? workshop.hint.link : -1;
  const link = missing.find((index) => index > previous) ?? missing[0];
  if (link !== undefined) return { kind: 'link', link };
  const linked = new Set(board.links.flatMap((l) => [l.from, l.to]));
  const lonely = Object.keys(board.placed).find((id) => !linked.has(id));
  return lonely ? { kind: 'card', card: lonely } : null;
}

// --- Workshop actions -------------------------------------------------------------------------

export type WorkshopAction =
  | { type: 'timer-start' }
  | { type: 'timer-pause' }
  | { type: 'timer-add'; minutes: number }
  | { type: 'next-phase' }
  | { type: 'go-to-phase'; phase: PhaseId }
  | { type: 'set-plan'; phase: PhaseId; minutes: number }
  | { type: 'lock'; locked: boolean }
  | { type: 'hint' }
  | { type: 'clear-hint' }
  | { type: 'highlight'; target: Workshop['highlight'] }
  | { type: 'reveal-next' }
  | { type: 'reveal-batch' }
  | { type: 'reveal-all' }
  | { type: 'show-misconceptions' }
  | { type: 'name-fresco'; name: string }
  | { type: 'add-note'; text: string; x: number; y: number }
  | { type: 'move-note'; id: string; x: number; y: number }
  | { type: 'remove-note'; id: string }
  | { type: 'debrief-go'; index: number }
  | { type: 'debrief-answer'; index: number; text: string }
  | { type: 'commitments'; text: string }
  | { type: 'end' };

/** Long texts typed in a workshop are bounded: a report must stay a report. */
export const MAX_TEXT = 4000;
export const MAX_NOTES = 60;

/** A new phase starts with its own planned time, paused until the facilitator starts it. */
function toPhase(workshop: Workshop, phase: PhaseId): Workshop {
  return { ...workshop, phase, timer: { durationMs: minutes(workshop.plan[phase]), elapsedMs: 0, startedAt: null }, hint: null, highlight: null };
}

export function applyWorkshopAction(level: Level, workshop: Workshop, board: Board, action: WorkshopAction, now: number): Workshop {
  switch (action.type) {
    case 'timer-start':
      return { ...workshop, timer: startTimer(workshop.timer, now) };
    case 'timer-pause':
      return { ...workshop, timer: pauseTimer(workshop.timer, now) };
    case 'timer-add':
      return { ...workshop, timer: addTime(workshop.timer, minutes(action.minutes)) };
    case 'next-phase': {
      if (workshop.phase === 'ended') return workshop;
      const index = PHASES.indexOf(workshop.phase);
      const next = PHASES[index + 1];
      return next ? toPhase(workshop, next) : { ...workshop, phase: 'ended', endedAt: now, timer: pauseTimer(workshop.timer, now) };
    }
    case 'go-to-phase':
      return toPhase(workshop, action.phase);
    case 'set-plan': {
      const value = Math.round(Math.min(MAX_PHASE_MINUTES, Math.max(1, action.minutes)));
      if (!Number.isFinite(value)) return workshop;
      const plan = { ...workshop.plan, [action.phase]: value };
      const timer = workshop.phase === action.phase ? { ...workshop.timer, durationMs: minutes(value) } : workshop.timer;
      return { ...workshop, plan, timer };
    }
    case 'lock':
      return { ...workshop, locked: action.locked };
    case 'hint':
      return { ...workshop, hint: nextHint(level, workshop, board) };
    case 'clear-hint':
      return { ...workshop, hint: null };
    case 'highlight':
      return { ...workshop, highlight: action.target };
    case 'reveal-next':
      return revealNext(level, workshop);
    case 'reveal-batch':
      return revealBatch(level, workshop, board.dealt);
    case 'reveal-all':
      return revealAll(level, workshop);
    case 'show-misconceptions':
      return { ...workshop, misconceptionsShown: true };
    case 'name-fresco':
      return { ...workshop, frescoName: action.name.slice(0, 120) };
    case 'add-note': {
      if (workshop.notes.length >= MAX_NOTES || action.text.trim() === '') return workshop;
      const note: Note = { id: `n${workshop.nextNoteId}`, text: action.text.trim().slice(0, 280), x: action.x, y: action.y };
      return { ...workshop, notes: [...workshop.notes, note], nextNoteId: workshop.nextNoteId + 1 };
    }
    case 'move-note':
      return { ...workshop, notes: workshop.notes.map((note) => (note.id === action.id ? { ...note, x: action.x, y: action.y } : note)) };
    case 'remove-note':
      return { ...workshop, notes: workshop.notes.filter((note) => note.id !== action.id) };
    case 'debrief-go':
      return { ...workshop, debriefIndex: Math.min(Math.max(0, action.index), Math.max(0, level.debrief.length - 1)) };
    case 'debrief-answer': {
      if (action.index < 0 || action.index >= level.debrief.length) return workshop;
      const debriefAnswers = [...workshop.debriefAnswers];
      debriefAnswers[action.index] = action.text.slice(0, MAX_TEXT);
      return { ...workshop, debriefAnswers };
    }
    case 'commitments':
      return { ...workshop, commitments: action.text.slice(0, MAX_TEXT) };
    case 'end':
      return { ...workshop, phase: 'ended', endedAt: now, timer: pauseTimer(workshop.timer, now) };
  }
}
