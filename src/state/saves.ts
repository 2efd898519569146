// Saved games in the browser: one per level, written after each change, read when a level opens.
import type { Level } from '../core/level';
import type { Progress } from '../core/progress';
import { makeSave, readSave, type LoadedSave, type SaveSummary } from '../core/save';
import { keys, readItem, setAside, writeItem } from './storage';

/** The short summary the level list shows, read without validating the whole save. */
export function readSummary(levelId: string): SaveSummary | null {
  try {
    const raw = JSON.parse(readItem(keys.save(levelId)) ?? 'null') as { summary?: Partial<SaveSummary> } | null;
    const summary = raw?.summary;
    if (!summary || typeof summary.placed !== 'number' || typeof summary.links !== 'number') return null;
    return {
      placed: summary.placed,
      links: summary.links,
      percent: typeof summary.percent === 'number' ? summary.percent : null,
      complete: summary.complete === true,
    };
  } catch {
    return null;
  }
}

export function loadSave(level: Level, now = new Date()): LoadedSave {
  const loaded = readSave(readItem(keys.save(level.id)), level);
  if (loaded.status === 'set-aside') setAside(keys.save(level.id), `save:${level.id}`, now);
  return loaded;
}

/** False when the browser refused to store it. */
export function writeSave(level: Level, progress: Progress, now = new Date()): boolean {
  return writeItem(keys.save(level.id), JSON.stringify(makeSave(level, progress, now)));
}
