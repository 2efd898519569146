// What a table keeps on its device for a session (localStorage): who it is (id and secret), its
// fresco, the moves the server has not acknowledged yet and the last ones it has (outbox.ts). A
// reload, a closed tab or a night offline resumes from it; it is read back through a schema,
// like every save.
import { z } from 'zod';
import type { Progress } from '../core/progress';
import { ProgressSchema } from '../core/save';
import { ProgressActionSchema } from '../core/sessionProtocol';
import { readItem, setAside, writeItem } from '../state/storage';
import { KEPT_MOVES, type Outbox, type PendingMove } from './outbox';

export type { PendingMove };

export interface TableRecord extends Outbox {
  code: string;
  id: string | null;
  secret: string | null;
  name: string;
  levelId: string | null;
  progress: Progress | null;
  /** The last server incident (a damaged file) this table was told about, by its time. */
  incidentSeen: number | null;
}

const MoveSchema = z.object({ seq: z.number().int().min(1), action: ProgressActionSchema });

const RecordSchema = z.object({
  code: z.string().max(20),
  id: z.string().max(80).nullable(),
  secret: z.string().max(200).nullable(),
  name: z.string().max(200),
  levelId: z.string().max(200).nullable(),
  seq: z.number().int().min(0),
  // Records written before acknowledged moves were kept have none.
  acked: z.number().int().min(0).default(0),
  pending: z.array(MoveSchema).max(5000),
  kept: z.array(MoveSchema).max(KEPT_MOVES).default([]),
  progress: ProgressSchema.nullable(),
  incidentSeen: z.number().nullable().default(null),
});

export const tableKey = (code: string) => `fresque:session-table:${code}`;

export function readTableRecord(code: string): TableRecord {
  const empty: TableRecord = { code, id: null, secret: null, name: '', levelId: null, seq: 0, acked: 0, pending: [], kept: [], progress: null, incidentSeen: null };
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
