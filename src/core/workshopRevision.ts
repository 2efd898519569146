// A workshop record's envelope and the rule that picks the newest of two: what every window
// needs on each change, without the schema that checks a record read from outside
// (workshopRecord.ts, loaded when one arrives).
import type { Progress } from './progress';
import type { Workshop } from './workshop';

export const RECORD_VERSION = 1;

export interface WorkshopRecord {
  version: typeof RECORD_VERSION;
  /** Grows with every change; ties are broken by `origin`, the window that made the change. */
  rev: number;
  origin: string;
  levelId: string;
  source: 'shipped' | 'imported';
  progress: Progress;
  workshop: Workshop;
}

/** Whether `incoming` is newer than `current` (the same rule in every window, so they agree). */
export function isNewer(incoming: Pick<WorkshopRecord, 'rev' | 'origin'>, current: Pick<WorkshopRecord, 'rev' | 'origin'> | null): boolean {
  if (!current) return true;
  return incoming.rev > current.rev || (incoming.rev === current.rev && incoming.origin > current.origin);
}
