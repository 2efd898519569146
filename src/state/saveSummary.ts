// What the level list shows of each saved game, read without the save's schema (zod stays out
// of the home screen's code).
import type { SaveSummary } from '../core/saveFile';
import { keys, readItem } from './storage';

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
