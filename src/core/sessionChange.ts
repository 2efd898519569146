// Every change of a session's state as plain data: what the server applies when a message
// arrives and what its journal keeps on disk (one line per change), so that replaying the
// journal over the last snapshot gives the very state the server had. Each change carries what
// applying it needs (time, ids, hashes): replaying is pure.
import { z } from 'zod';
import type { Level } from './level';
import { addTable, applyFacilitatorAct, applyFacilitatorMove, applyTableMove, lockJoining, removeTable, renameTable, skipMoves, type MoveOutcome, type SessionState } from './session';
import { ProgressActionSchema, TargetSchema, WorkshopActionSchema } from './sessionProtocol';

const Id = z.string().min(1).max(80);

export const SessionChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add-table'), table: z.object({ id: Id, name: z.string().max(200), secretHash: z.string().max(200) }), at: z.number() }),
  z.object({ type: z.literal('rename'), table: Id, name: z.string().max(200) }),
  /** The facilitator removed the table (or it left before it got its secret): its place is free. */
  z.object({ type: z.literal('remove-table'), table: Id }),
  /** A table's move, applied or refused (a refused move still counts as seen). */
  z.object({ type: z.literal('move'), table: Id, seq: z.number().int().min(1), action: ProgressActionSchema, at: z.number() }),
  /** Moves a table could not send again after an incident: its sequence goes on from `to`. */
  z.object({ type: z.literal('skip'), table: Id, to: z.number().int().min(1) }),
  z.object({ type: z.literal('table-move'), target: TargetSchema, action: z.union([z.object({ type: z.literal('deal') }), z.object({ type: z.literal('check') })]) }),
  z.object({ type: z.literal('act'), target: TargetSchema, action: WorkshopActionSchema, at: z.number() }),
  z.object({ type: z.literal('lock-joining'), locked: z.boolean() }),
]);
export type SessionChange = z.infer<typeof SessionChangeSchema>;

export interface ChangeResult {
  state: SessionState;
  /** Tables whose fresco or workshop changed. */
  changed: string[];
  /** For a table's move: applied, duplicate or refused. */
  outcome: MoveOutcome | null;
  /** For a skip: how many moves were lost. */
  lost: number;
}

/** Applies one change with the session's rules (the same functions whether live or replayed). */
export function applySessionChange(level: Level, state: SessionState, change: SessionChange): ChangeResult {
  const result = (next: SessionState, changed: string[] = [], outcome: MoveOutcome | null = null, lost = 0): ChangeResult => ({ state: next, changed, outcome, lost });
  switch (change.type) {
    case 'add-table':
      return result(addTable(state, change.table, change.at), [change.table.id]);
    case 'rename':
      return result(renameTable(state, change.table, change.name), [change.table]);
    case 'remove-table':
      return result(removeTable(state, change.table));
    case 'move': {
      const moved = applyTableMove(level, state, change.table, change.seq, change.action, change.at);
      return result(moved.state, moved.outcome.kind === 'applied' ? [change.table] : [], moved.outcome);
    }
    case 'skip': {
      const skipped = skipMoves(state, change.table, change.to);
      return result(skipped.state, skipped.lost > 0 ? [change.table] : [], null, skipped.lost);
    }
    case 'table-move': {
      const moved = applyFacilitatorMove(level, state, change.target, change.action);
      return result(moved.state, moved.changed);
    }
    case 'act': {
      const acted = applyFacilitatorAct(level, state, change.target, change.action, change.at);
      return result(acted.state, acted.changed);
    }
    case 'lock-joining':
      return result(lockJoining(state, change.locked));
  }
}
