// Saved games: the envelope written to storage, read back through migrations and checked against
// the level as it is today. A save never breaks the game: what cannot be read is set aside with
// a reason, what no longer fits the level is dropped with a note.
import { z } from 'zod';
import { isDealt, type Board } from './fresco';
import type { Level } from './level';
import { startProgress, type Progress } from './progress';
import { levelHash, SAVE_VERSION } from './saveFile';

export * from './saveFile';

const PointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
const BoardSchema = z.object({
  dealt: z.number().int().min(1),
  placed: z.record(z.string(), PointSchema),
  links: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), relation: z.string() })),
  nextLinkId: z.number().int().min(1),
});
const VerdictSchema = z.union([
  z.object({ status: z.enum(['correct', 'optional']), expected: z.number().int().min(0) }),
  z.object({ status: z.literal('not-asked'), truth: z.number().int().min(0) }),
  z.object({ status: z.literal('wrong'), reason: z.literal('misconception'), misconception: z.number().int().min(0) }),
  z.object({ status: z.literal('wrong'), reason: z.enum(['relation', 'reversed']), expected: z.number().int().min(0) }),
  z.object({ status: z.literal('wrong'), reason: z.literal('unexpected') }),
]);
const CountsSchema = z.object({
  correct: z.number().int().min(0),
  wrong: z.number().int().min(0),
  missing: z.number().int().min(0),
  total: z.number().int().min(0),
  percent: z.number().min(0).max(100),
});
export const ProgressSchema = z.object({
  history: z.object({ past: z.array(BoardSchema), present: BoardSchema, future: z.array(BoardSchema) }),
  check: z
    .object({
      verdicts: z.record(z.string(), VerdictSchema),
      score: CountsSchema,
      placement: z.object({ correct: z.number().int(), total: z.number().int(), misplaced: z.array(z.string()) }).nullable(),
    })
    .nullable(),
  hintsShown: z.number().int().min(0),
  faceDown: z.array(z.string()),
});
const SaveSchema = z.object({
  saveVersion: z.literal(SAVE_VERSION),
  levelId: z.string(),
  levelHash: z.string(),
  savedAt: z.string(),
  summary: z.object({ placed: z.number(), links: z.number(), percent: z.number().nullable(), complete: z.boolean() }),
  progress: ProgressSchema,
});

export type LoadedSave =
  | { status: 'none' }
  | { status: 'ok'; progress: Progress; notes: SaveNote[] }
  /** The save cannot be used: keep it aside (never delete a player's data) and start clean. */
  | { status: 'set-aside'; reason: 'corrupted' | 'newer-version' | 'other-level'; detail: string };

export type SaveNote =
  | { kind: 'level-changed' }
  | { kind: 'dropped-cards'; cards: string[] }
  | { kind: 'dropped-links'; count: number };

/**
 * Older save versions are brought up to the current one step by step here
 * (`migrations[n]` turns version n into n + 1). Version 1 is the first.
 */
const migrations: Record<number, (save: Record<string, unknown>) => Record<string, unknown>> = {};

function migrate(raw: Record<string, unknown>): Record<string, unknown> | { newer: number } | null {
  let save = raw;
  let version = typeof save.saveVersion === 'number' ? save.saveVersion : NaN;
  if (!Number.isInteger(version)) return null;
  if (version > SAVE_VERSION) return { newer: version };
  while (version < SAVE_VERSION) {
    const step = migrations[version];
    if (!step) return null;
    save = step(save);
    version += 1;
  }
  return save;
}

/** Keeps what still makes sense for the level as it is now. */
function reconcileBoard(level: Level, board: Board, dropped: Set<string>): { board: Board; droppedLinks: number } {
  const dealt = Math.min(Math.max(1, board.dealt), level.batches.length);
  const bounded = { ...board, dealt };
  const placed: Board['placed'] = {};
  for (const [id, point] of Object.entries(board.placed)) {
    if (isDealt(level, bounded, id)) placed[id] = point;
    else dropped.add(id);
  }
  const relations = new Set(level.relations.map((relation) => relation.id));
  const links = board.links.filter((link) => link.from in placed && link.to in placed && link.from !== link.to && relations.has(link.relation));
  const maxId = Math.max(0, ...links.map((link) => Number(link.id.replace(/^l/, '')) || 0));
  return {
    board: { dealt, placed, links, nextLinkId: Math.max(board.nextLinkId, maxId + 1) },
    droppedLinks: board.links.length - links.length,
  };
}

export function readSave(text: string | null, level: Level): LoadedSave {
  if (text === null) return { status: 'none' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    return { status: 'set-aside', reason: 'corrupted', detail: cause instanceof Error ? cause.message : 'not JSON' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { status: 'set-aside', reason: 'corrupted', detail: 'not an object' };
  }
  const migrated = migrate(raw as Record<string, unknown>);
  if (migrated === null) return { status: 'set-aside', reason: 'corrupted', detail: 'unknown save version' };
  if ('newer' in migrated) {
    return { status: 'set-aside', reason: 'newer-version', detail: `save version ${String(migrated.newer)}` };
  }
  const parsed = SaveSchema.safeParse(migrated);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { status: 'set-aside', reason: 'corrupted', detail: first ? `${first.path.join('.')}: ${first.message}` : 'invalid' };
  }
  const save = parsed.data;
  if (save.levelId !== level.id) return { status: 'set-aside', reason: 'other-level', detail: save.levelId };

  const notes: SaveNote[] = [];
  const dropped = new Set<string>();
  const { board, droppedLinks } = reconcileBoard(level, save.progress.history.present, dropped);
  const sameLevel = save.levelHash === levelHash(level);
  if (!sameLevel) notes.push({ kind: 'level-changed' });
  if (dropped.size > 0) notes.push({ kind: 'dropped-cards', cards: [...dropped] });
  if (droppedLinks > 0) notes.push({ kind: 'dropped-links', count: droppedLinks });

  // Verdicts and undo steps refer to the level they were made with; keep them only if it is unchanged.
  const progress: Progress = sameLevel
    ? { ...save.progress, history: { ...save.progress.history, present: board } }
    : { ...startProgress(), history: { past: [], present: board, future: [] }, hintsShown: Math.min(save.progress.hintsShown, level.hints.length) };
  progress.faceDown = progress.faceDown.filter((id) => id in board.placed);
  return { status: 'ok', progress, notes };
}
