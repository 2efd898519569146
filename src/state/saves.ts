// Saved games in the browser: one per level, written after each change, read when a level opens.
import type { Level } from '../core/level';
import type { Progress } from '../core/progress';
import type { LoadedSave } from '../core/save';
import { makeSave } from '../core/saveFile';
import { keys, readItem, setAside, writeItem } from './storage';

/** Reads this level's save; the code that checks saves loads only when there is one to read. */
export async function loadSave(level: Level, now = new Date()): Promise<LoadedSave> {
  const text = readItem(keys.save(level.id));
  if (text === null) return { status: 'none' };
  const { readSave } = await import('../core/save');
  const loaded = readSave(text, level);
  if (loaded.status === 'set-aside') setAside(keys.save(level.id), `save:${level.id}`, now);
  return loaded;
}

/** False when the browser refused to store it. */
export function writeSave(level: Level, progress: Progress, now = new Date()): boolean {
  return writeItem(keys.save(level.id), JSON.stringify(makeSave(level, progress, now)));
}
