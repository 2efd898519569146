// A table's outbox: moves kept until acknowledged, then kept a while; realigning with a server
// that has fewer moves than it acknowledged (restored from an older copy) sends them again, and
// says `skip` for those the table no longer has.
import { describe, expect, it } from 'vitest';
import { acknowledge, emptyOutbox, KEPT_MOVES, queueMove, realign, unseen, type Outbox } from '../../../src/session/outbox';

const place = (x: number) => ({ type: 'place', card: 'citoyens', x, y: 0 }) as const;

function played(count: number, from: Outbox = emptyOutbox()): Outbox {
  let outbox = from;
  for (let i = 0; i < count; i++) outbox = queueMove(outbox, place(outbox.seq + 1)).outbox;
  return outbox;
}

const seqs = (moves: { seq: number }[]) => moves.map((move) => move.seq);

describe('a table’s outbox', () => {
  it('numbers moves, keeps them until acknowledged, then keeps the last ones acknowledged', () => {
    let outbox = played(5);
    expect(outbox.seq).toBe(5);
    expect(seqs(outbox.pending)).toEqual([1, 2, 3, 4, 5]);
    outbox = acknowledge(outbox, 3);
    expect(outbox.acked).toBe(3);
    expect(seqs(outbox.pending)).toEqual([4, 5]);
    expect(seqs(outbox.kept)).toEqual([1, 2, 3]);
    // An older acknowledgement changes nothing.
    expect(acknowledge(outbox, 2)).toBe(outbox);
    outbox = acknowledge(played(KEPT_MOVES + 50, outbox), KEPT_MOVES + 55);
    expect(outbox.pending).toEqual([]);
    expect(outbox.kept).toHaveLength(KEPT_MOVES);
    expect(outbox.kept.at(-1)!.seq).toBe(KEPT_MOVES + 55);
  });

  it('after a reconnection, sends what the server has not seen, and keeps what it has seen until it is on disk', () => {
    const outbox = acknowledge(played(6), 2);
    // The server saw moves up to 4 (in memory), has 2 on disk.
    const plan = realign(outbox, 4);
    expect(plan.skipTo).toBeNull();
    expect(seqs(plan.send)).toEqual([5, 6]);
    expect(seqs(plan.outbox.pending)).toEqual([3, 4, 5, 6]);
    expect(seqs(unseen(plan.outbox, 4))).toEqual([5, 6]);
  });

  it('sends again the moves a server restored from an older copy lost, from the ones it kept', () => {
    const outbox = acknowledge(played(10), 8);
    const plan = realign(outbox, 5);
    expect(plan.skipTo).toBeNull();
    expect(seqs(plan.send)).toEqual([6, 7, 8, 9, 10]);
    expect(plan.outbox.acked).toBe(5);
    expect(seqs(plan.outbox.kept)).toEqual([1, 2, 3, 4, 5]);
    expect(seqs(plan.outbox.pending)).toEqual([6, 7, 8, 9, 10]);
  });

  it('says which moves are gone when it no longer has them, and sends the rest', () => {
    // Every move acknowledged, most of them no longer kept.
    const outbox = acknowledge(played(KEPT_MOVES + 30), KEPT_MOVES + 20);
    expect(outbox.kept[0]!.seq).toBe(21);
    const plan = realign(outbox, 10);
    expect(plan.skipTo).toBe(20);
    expect(plan.send[0]!.seq).toBe(21);
    expect(plan.send.at(-1)!.seq).toBe(KEPT_MOVES + 30);
    // Nothing kept at all: every move after the server's is gone.
    expect(realign({ seq: 12, acked: 12, pending: [], kept: [] }, 7)).toMatchObject({ skipTo: 12, send: [] });
  });

  it('takes the server’s number when the server has more than this device remembers', () => {
    const plan = realign(played(3), 9);
    expect(plan).toMatchObject({ skipTo: null, send: [] });
    expect(plan.outbox.seq).toBe(9);
    expect(queueMove(plan.outbox, place(0)).move.seq).toBe(10);
  });
});
