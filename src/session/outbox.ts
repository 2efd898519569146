// A table's moves on their way to the session server, as plain data: each move numbered, kept
// until the server acknowledges it (once it is on the server's disk), then kept a while longer
// in case the server comes back from an older copy and needs it again. The table window
// (table.ts) and the crash test both play a table through these functions.
//
// Realigning with the server: the server's welcome (or `resend`) says the last move it has. The
// table sends every move after it that it still has; for the moves it no longer has, it says so
// (`skip`): the server then goes on after them and tells the table and the facilitator in
// words. Both agree on one number again, and the table never waits for a move nobody has.
import type { ProgressAction } from '../core/progress';

export interface PendingMove {
  seq: number;
  action: ProgressAction;
}

export interface Outbox {
  /** The last sequence number used. */
  seq: number;
  /** The last move the server acknowledged. */
  acked: number;
  /** Moves not acknowledged yet, in order. */
  pending: PendingMove[];
  /** The last moves acknowledged, in order: a server restored from an older copy gets them again. */
  kept: PendingMove[];
}

/** Acknowledged moves a table keeps (a few KB on the device). */
export const KEPT_MOVES = 200;

export function emptyOutbox(): Outbox {
  return { seq: 0, acked: 0, pending: [], kept: [] };
}

/** Numbers a move just played and queues it. */
export function queueMove(outbox: Outbox, action: ProgressAction): { outbox: Outbox; move: PendingMove } {
  const move = { seq: outbox.seq + 1, action };
  return { outbox: { ...outbox, seq: move.seq, pending: [...outbox.pending, move] }, move };
}

/** The server has every move up to `lastSeq` on disk. */
export function acknowledge(outbox: Outbox, lastSeq: number): Outbox {
  if (lastSeq <= outbox.acked && !outbox.pending.some((move) => move.seq <= lastSeq)) return outbox;
  const done = outbox.pending.filter((move) => move.seq <= lastSeq);
  return {
    ...outbox,
    acked: Math.max(outbox.acked, lastSeq),
    pending: done.length > 0 ? outbox.pending.filter((move) => move.seq > lastSeq) : outbox.pending,
    kept: done.length > 0 ? [...outbox.kept, ...done].slice(-KEPT_MOVES) : outbox.kept,
  };
}

export interface Realignment {
  outbox: Outbox;
  /** Moves up to this number are gone (neither the server nor the table has them): say so with `skip` first. */
  skipTo: number | null;
  /** Then send these, in order. */
  send: PendingMove[];
}

/** What to send a server whose last move is `serverSeq` (from its welcome, or `resend` from serverSeq + 1). */
export function realign(outbox: Outbox, serverSeq: number): Realignment {
  // The server has every move (or more: this device's record is older than the session's).
  if (serverSeq >= outbox.seq) return { outbox: { ...outbox, seq: serverSeq }, skipTo: null, send: [] };
  // Moves acknowledged once that the server no longer has go back in the queue.
  const back = outbox.kept.filter((move) => move.seq > serverSeq);
  const realigned: Outbox =
    back.length > 0 || outbox.acked > serverSeq
      ? { ...outbox, acked: Math.min(outbox.acked, serverSeq), pending: [...back, ...outbox.pending], kept: outbox.kept.filter((move) => move.seq <= serverSeq) }
      : outbox;
  const send = realigned.pending.filter((move) => move.seq > serverSeq);
  const first = send[0]?.seq ?? realigned.seq + 1;
  return { outbox: realigned, skipTo: first > serverSeq + 1 ? first - 1 : null, send };
}

/** The moves a fresco of the server that includes moves up to `serverSeq` does not show yet. */
export function unseen(outbox: Outbox, serverSeq: number): PendingMove[] {
  return outbox.pending.filter((move) => move.seq > serverSeq);
}
