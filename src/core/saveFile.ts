// What a saved game holds and how it is written: no schema here (reading one back, with its
// checks, is save.ts's job, loaded only when there is a save to read).
import { HISTORY_LIMIT } from './history';
import type { Level } from './level';
import { phaseOf, type Progress } from './progress';

export const SAVE_VERSION = 1;

/** What the level list shows without reading the whole save. */
export interface SaveSummary {
  placed: number;
  links: number;
  percent: number | null;
  complete: boolean;
}

export interface SaveFile {
  saveVersion: typeof SAVE_VERSION;
  levelId: string;
  /** Fingerprint of the level the save was made with: a changed level invalidates old verdicts. */
  levelHash: string;
  savedAt: string;
  summary: SaveSummary;
  progress: Progress;
}

/** FNV-1a over the level's JSON: cheap, stable, enough to tell that a level file changed. */
export function levelHash(level: Level): string {
  const text = JSON.stringify(level);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function summarize(progress: Progress): SaveSummary {
  const board = progress.history.present;
  const score = progress.check?.score;
  return {
    placed: Object.keys(board.placed).length,
    links: board.links.length,
    percent: score ? score.percent : null,
    complete: phaseOf(progress) === 'complete',
  };
}

export function makeSave(level: Level, progress: Progress, now: Date): SaveFile {
  const { history } = progress;
  const past = history.past.length > HISTORY_LIMIT ? history.past.slice(-HISTORY_LIMIT) : history.past;
  return {
    saveVersion: SAVE_VERSION,
    levelId: level.id,
    levelHash: levelHash(level),
    savedAt: now.toISOString(),
    summary: summarize(progress),
    progress: { ...progress, history: { ...history, past } },
  };
}
