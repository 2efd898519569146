// What a table keeps on its device for a session (localStorage): who it is (id and secret), its
// fresco, and the moves the server has not acknowledged yet. A reload, a closed tab or a night
// offline resumes from it; it is read back through a schema, like every save.
import { z } from 'zod';
import type { Progress, ProgressAction } from '../core/progress';
import { ProgressSchema } from '../core/save';
import { ProgressActionSchema } from '../core/sessionProtocol';
import { readItem, setAside, writeItem } from '../state/storage';

export interface PendingMove {
  seq: number;
  action: ProgressAction;
}

export interface TableRecord {
  code: string;
  id: string | null;
  secret: string | null;
  name: string;
  levelId: string | null;
  /** The last sequence number used. */
  seq: number;
  pending: PendingMove[];
  progress: Progress | null;
}

const RecordSchema = z.object({
  code: z.string().max(20),
  id: z.string().max(80).nullable(),
  secret: z.string().max(200).nullable(),
  name: z.string().max(200),
  levelId: z.string().max(200).nullable(),
  seq: z.number().int().min(0),
  pending: z.array(z.object({ seq: z.number().int().min(1), action: ProgressActionSchema })).max(5000),
  progress: ProgressSchema.nullable(),
});

export const tableKey = (code: string) => `fresque:session-table:${code}`;

export function readTableRecord(code: string): TableRecord {
  const empty: TableRecord = { code, id: null, secret: null, name: '', levelId: null, seq: 0, pending: [], progress: null };
  const text = readItem(tableKey(code));
  if (text === null) return empty;
  try {
    const parsed = RecordSchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.code === code) return parsed.data as TableRecord;
  } catch {
    // set aside below
  }
  // Never delete a person's data: it goes aside, and the table joins again.
  setAside(tableKey(code), `session-table-${code}`, new Date());
  return empty;
}

export function writeTableRecord(record: TableRecord): boolean {
  return writeItem(tableKey(record.code), JSON.stringify(record));
}
