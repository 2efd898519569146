// A group's progress on one level: the fresco with its undo history, the last check, the hints
// read and the cards turned over. What is saved, resumed, and later synced to a facilitator.
import { checkFresco, isCheckCurrent, type CheckResult } from './check';
import { applyBoardAction, initialBoard, isPlaced, type Board, type BoardAction, type Rejection } from './fresco';
import { canRedo, canUndo, record, redo, startHistory, undo, type History } from './history';
import { layoutFresco, type FrescoLayout } from './layout';
import type { Level } from './level';

export interface Progress {
  history: History<Board>;
  check: CheckResult | null;
  hintsShown: number;
  /** Cards turned over to read their back. Not undoable: reading is not a move. */
  faceDown: string[];
}

export type Phase = 'playing' | 'checked' | 'complete';

export type ProgressAction =
  | BoardAction
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'check' }
  | { type: 'hint' }
  | { type: 'flip'; card: string };

export interface ProgressResult {
  progress: Progress;
  rejected: Rejection | 'nothing-to-undo' | 'nothing-to-redo' | 'no-more-hints' | null;
}

export function startProgress(): Progress {
  return { history: startHistory(initialBoard()), check: null, hintsShown: 0, faceDown: [] };
}

const layouts = new WeakMap<Level, FrescoLayout>();

/** The level's layout, computed once per level. */
export function layoutOf(level: Level): FrescoLayout {
  let layout = layouts.get(level);
  if (!layout) {
    layout = layoutFresco(level);
    layouts.set(level, layout);
  }
  return layout;
}

export function phaseOf(progress: Progress): Phase {
  const { check } = progress;
  if (!check || !isCheckCurrent(check, progress.history.present)) return 'playing';
  return check.score.percent === 100 ? 'complete' : 'checked';
}

function withBoard(progress: Progress, board: Board): Progress {
  // Cards back in the hand or gone by undo show their face again.
  const faceDown = progress.faceDown.filter((id) => isPlaced(board, id));
  return { ...progress, faceDown: faceDown.length === progress.faceDown.length ? progress.faceDown : faceDown };
}

export function applyProgressAction(level: Level, progress: Progress, action: ProgressAction): ProgressResult {
  const { history } = progress;
  switch (action.type) {
    case 'undo':
      if (!canUndo(history)) return { progress, rejected: 'nothing-to-undo' };
      return { progress: withBoard({ ...progress, history: undo(history) }, undo(history).present), rejected: null };
    case 'redo':
      if (!canRedo(history)) return { progress, rejected: 'nothing-to-redo' };
      return { progress: withBoard({ ...progress, history: redo(history) }, redo(history).present), rejected: null };
    case 'check':
      return { progress: { ...progress, check: checkFresco(level, history.present, layoutOf(level)) }, rejected: null };
    case 'hint':
      if (progress.hintsShown >= level.hints.length) return { progress, rejected: 'no-more-hints' };
      return { progress: { ...progress, hintsShown: progress.hintsShown + 1 }, rejected: null };
    case 'flip': {
      if (!isPlaced(history.present, action.card)) return { progress, rejected: 'not-on-board' };
      const faceDown = progress.faceDown.includes(action.card)
        ? progress.faceDown.filter((id) => id !== action.card)
        : [...progress.faceDown, action.card];
      return { progress: { ...progress, faceDown }, rejected: null };
    }
    default: {
      const result = applyBoardAction(level, history.present, action);
      if (result.rejected) return { progress, rejected: result.rejected };
      const next = withBoard({ ...progress, history: record(history, result.board) }, result.board);
      // A reset starts the level again: the last check and the hints read go too.
      return { progress: action.type === 'reset' ? { ...next, check: null, hintsShown: 0, faceDown: [] } : next, rejected: null };
    }
  }
}
