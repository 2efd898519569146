// What the clients of a workshop session may send to the server, as schemas: every message from
// the network is checked against them before anything is done with it, with bounded sizes.
// Shared by the server (validation) and the browser (types).
import { z } from 'zod';
import { MAX_TEAM_NAME } from './teamName';
import { PHASES } from './workshop';

/** Tables per session: a large fresk event runs 50 at once. */
export const MAX_TABLES = 60;
/**
 * Projectors a session accepts with only the code, besides its tables. The facilitator's own
 * connections (its token, also the projector its console opens) have places of their own.
 */
export const MAX_PROJECTORS = 8;
/** Close codes the server ends a connection with, said in words by the browser. */
export const CLOSE_REPLACED = 4001;
export const CLOSE_REMOVED = 4002;
/** Bytes of one WebSocket message the server reads (larger ones close the connection). */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Moves a table may queue while offline before it must wait for the server. */
export const MAX_PENDING_MOVES = 500;

const Id = z.string().min(1).max(80);
const Coordinate = z.number().finite().min(-1e6).max(1e6);

export const ProgressActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deal') }),
  z.object({ type: z.literal('place'), card: Id, x: Coordinate, y: Coordinate }),
  z.object({ type: z.literal('return'), card: Id }),
  z.object({ type: z.literal('link'), from: Id, to: Id, relation: Id }),
  z.object({ type: z.literal('relabel'), link: Id, relation: Id }),
  z.object({ type: z.literal('unlink'), link: Id }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('undo') }),
  z.object({ type: z.literal('redo') }),
  z.object({ type: z.literal('check') }),
  z.object({ type: z.literal('hint') }),
  z.object({ type: z.literal('flip'), card: Id }),
]);

const Phase = z.enum(PHASES);
const Text = z.string().max(4000);
const HighlightTarget = z.union([z.object({ kind: z.literal('card'), card: Id }), z.object({ kind: z.literal('link'), link: Id })]).nullable();

export const WorkshopActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('timer-start') }),
  z.object({ type: z.literal('timer-pause') }),
  z.object({ type: z.literal('timer-add'), minutes: z.number().int().min(-60).max(60) }),
  z.object({ type: z.literal('next-phase') }),
  z.object({ type: z.literal('go-to-phase'), phase: Phase }),
  z.object({ type: z.literal('set-plan'), phase: Phase, minutes: z.number().int().min(1).max(240) }),
  z.object({ type: z.literal('lock'), locked: z.boolean() }),
  z.object({ type: z.literal('hint') }),
  z.object({ type: z.literal('clear-hint') }),
  z.object({ type: z.literal('highlight'), target: HighlightTarget }),
  z.object({ type: z.literal('reveal-next') }),
  z.object({ type: z.literal('reveal-batch') }),
  z.object({ type: z.literal('reveal-all') }),
  z.object({ type: z.literal('show-misconceptions') }),
  z.object({ type: z.literal('name-fresco'), name: z.string().max(120) }),
  z.object({ type: z.literal('add-note'), text: z.string().max(280), x: Coordinate, y: Coordinate }),
  z.object({ type: z.literal('move-note'), id: Id, x: Coordinate, y: Coordinate }),
  z.object({ type: z.literal('remove-note'), id: Id }),
  z.object({ type: z.literal('debrief-go'), index: z.number().int().min(0).max(100) }),
  z.object({ type: z.literal('debrief-answer'), index: z.number().int().min(0).max(100), text: Text }),
  z.object({ type: z.literal('commitments'), text: Text }),
  z.object({ type: z.literal('end') }),
]);

/** Every table, or one of them. */
export const TargetSchema = z.union([z.literal('all'), z.object({ table: Id })]);
export type Target = z.infer<typeof TargetSchema>;

/** Messages by type, with the role allowed to send each. */
export const MESSAGES = {
  /** Sent once the client listens: the server answers with everything the client shows. */
  hello: { role: 'any', schema: z.object({}) },
  /** A table's move on its own fresco; `seq` grows by one per move of that table. */
  move: { role: 'table', schema: z.object({ seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), action: ProgressActionSchema }) },
  /**
   * The table cannot send its moves up to `to` again (asked to after a server incident, it no
   * longer has them): its sequence goes on after `to`, and the loss is said in words.
   */
  skip: { role: 'table', schema: z.object({ to: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }) },
  rename: { role: 'table', schema: z.object({ name: z.string().max(MAX_TEAM_NAME * 2) }) },
  /** A facilitator's move on tables' frescos (deal, check). */
  'table-move': { role: 'facilitator', schema: z.object({ target: TargetSchema, action: z.union([z.object({ type: z.literal('deal') }), z.object({ type: z.literal('check') })]) }) },
  act: { role: 'facilitator', schema: z.object({ target: TargetSchema, action: WorkshopActionSchema }) },
  'lock-joining': { role: 'facilitator', schema: z.object({ locked: z.boolean() }) },
  /** The table whose fresco the facilitator opens (read-only), or none. */
  watch: { role: 'facilitator', schema: z.object({ table: Id.nullable() }) },
  report: { role: 'facilitator', schema: z.object({}) },
  /** Removes a table from the session (its device is told), which frees its place. */
  'remove-table': { role: 'facilitator', schema: z.object({ table: Id }) },
} as const;

export type MessageType = keyof typeof MESSAGES;
export type Message<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['schema']>;

export const SessionRoleSchema = z.enum(['facilitator', 'table', 'projector']);
export type SessionRole = z.infer<typeof SessionRoleSchema>;

/** What a client gives to join a session (through the join request, before the WebSocket). */
export const JoinOptionsSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('facilitator'), token: z.string().min(16).max(200) }),
  z.object({
    role: z.literal('table'),
    /** A table coming back (reload, closed tab) gives its id and the secret it was given. */
    table: z.object({ id: Id, secret: z.string().min(16).max(200) }).optional(),
    lang: z.enum(['fr', 'en']).default('fr'),
  }),
  /** The projector the console opens on the facilitator's laptop gives the token: its place is the facilitator's. */
  z.object({ role: z.literal('projector'), token: z.string().min(16).max(200).optional() }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

export const CreateOptionsSchema = z.object({
  levelId: z.string().min(1).max(200),
  plan: z.object({ introduction: z.number().int().min(1).max(240), reflection: z.number().int().min(1).max(240), correction: z.number().int().min(1).max(240), creative: z.number().int().min(1).max(240), debrief: z.number().int().min(1).max(240) }),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

/** Error codes a client is told about; the browser says each in words (i18n `session.errors.*`). */
export type SessionError =
  | 'bad-message'
  | 'not-allowed'
  | 'unknown-table'
  | 'wrong-code'
  | 'bad-code'
  | 'too-many-attempts'
  /** A client (or its address) sent more messages than its budget: the rest waits until it refills. */
  | 'too-many-messages'
  | 'joining-locked'
  | 'session-full'
  | 'bad-token'
  | 'unknown-level'
  | 'too-many-pending'
  /** One address opened many new tables in a short time: the next one waits a few seconds. */
  | 'too-many-tables'
  /** Too many join requests waiting for their connection: tried again in a moment. */
  | 'busy'
  | 'too-many-notes'
  /** No copy of the session on the server can be read (its files are set aside for inspection). */
  | 'session-damaged'
  | 'server';

export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(message)'}: ${issue.message}` : 'invalid';
}
