// A facilitated workshop as it is stored on the device and sent between the facilitator's
// window and the projector: the group's progress, the workshop state, and a revision number so
// that each window keeps the newest. Read back through a schema: storage and messages can hold
// anything.
import { z } from 'zod';
import { ProgressSchema } from './save';
import { PHASES } from './workshop';
import { RECORD_VERSION, type WorkshopRecord } from './workshopRevision';

export * from './workshopRevision';

const Phase = z.enum(PHASES);
const Minutes = z.number().int().min(1).max(240);
const ShortText = z.string().max(4000);

export const WorkshopSchema = z.object({
  levelId: z.string(),
  plan: z.object({ introduction: Minutes, reflection: Minutes, correction: Minutes, creative: Minutes, debrief: Minutes }),
  phase: z.union([Phase, z.literal('ended')]),
  timer: z.object({ durationMs: z.number().min(0), elapsedMs: z.number().min(0), startedAt: z.number().nullable() }),
  locked: z.boolean(),
  revealed: z.array(z.number().int().min(0)).max(2000),
  misconceptionsShown: z.boolean(),
  hint: z.union([z.object({ kind: z.literal('link'), link: z.number().int().min(0) }), z.object({ kind: z.literal('card'), card: z.string() })]).nullable(),
  highlight: z.union([z.object({ kind: z.literal('card'), card: z.string() }), z.object({ kind: z.literal('link'), link: z.string() })]).nullable(),
  frescoName: z.string().max(120),
  notes: z.array(z.object({ id: z.string(), text: z.string().max(280), x: z.number().finite(), y: z.number().finite() })).max(60),
  nextNoteId: z.number().int().min(1),
  debriefIndex: z.number().int().min(0),
  debriefAnswers: z.array(ShortText).max(50),
  commitments: ShortText,
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});

const RecordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  rev: z.number().int().min(0),
  origin: z.string().max(64),
  levelId: z.string().max(200),
  source: z.enum(['shipped', 'imported']),
  progress: ProgressSchema,
  workshop: WorkshopSchema,
});

export type RecordCheck = { ok: true; record: WorkshopRecord } | { ok: false; problem: string };

export function parseRecord(raw: unknown): RecordCheck {
  const parsed = RecordSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: first ? `${first.path.join('.')}: ${first.message}` : 'invalid' };
  }
  return { ok: true, record: parsed.data as WorkshopRecord };
}
