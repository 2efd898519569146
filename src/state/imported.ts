// Levels opened from a file on this device: kept with what the level list shows, so that the
// list needs no validation code; the file is validated again each time it is opened.
import type { TextValue } from '../core/schema';
import { keys, readItem, writeItem } from './storage';

/** The largest level file opened: the largest shipped level is about 100 KB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export interface ImportedLevel {
  id: string;
  fileName: string;
  text: string;
  importedAt: string;
  title: TextValue;
  description: TextValue | null;
  difficulty: number | null;
  durationMinutes: number | null;
  cardCount: number;
  batchCount: number;
}

function isImported(value: unknown): value is ImportedLevel {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.fileName === 'string' &&
    typeof entry.title === 'object' &&
    entry.title !== null &&
    typeof (entry.title as Record<string, unknown>).fr === 'string'
  );
}

export function readImported(): ImportedLevel[] {
  try {
    const raw = JSON.parse(readItem(keys.imported) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isImported) : [];
  } catch {
    return [];
  }
}

export function writeImported(levels: ImportedLevel[]): boolean {
  return writeItem(keys.imported, JSON.stringify(levels));
}
