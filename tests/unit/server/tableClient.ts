// A table for the server tests, played as the game's table window plays one (src/session/table.ts)
// through the same outbox (src/session/outbox.ts): each move numbered, kept until the server
// acknowledges it, sent again after every welcome and when asked, a gap it cannot fill said with
// `skip`. It comes back by itself when its connection drops (a killed or restarted server).
import type { Room } from '@colyseus/sdk';
import type { ProgressAction } from '../../../src/core/progress';
import { joinSession } from '../../../src/session/api';
import { acknowledge, emptyOutbox, queueMove, realign, type Outbox, type PendingMove } from '../../../src/session/outbox';

/** Cards of the first batch of "qui-elit-qui": always dealt, so every `place` applies. */
export const CARDS = ['citoyens', 'president-republique', 'assemblee-nationale', 'premier-ministre', 'parlement-europeen'];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export type Placed = Record<string, { x: number; y: number }>;

/**
 * A table as the game's table window plays one (src/session/table.ts), through the same outbox:
 * each move numbered, kept until the server acknowledges it, sent again after every welcome and
 * when asked, a gap it cannot fill said with `skip`.
 */
export class TestTable {
  id: string | null = null;
  secret: string | null = null;
  outbox: Outbox = emptyOutbox();
  readonly moves: PendingMove[] = [];
  room: Room | null = null;
  welcomes: { lastSeq: number; placed: Placed; incident: number | null }[] = [];
  gaps: { from: number; to: number; lost: number }[] = [];
  refusals: { seq: number; reason: string }[] = [];
  private stopped = false;

  constructor(
    readonly label: string,
    readonly index: number,
  ) {}

  /** Joins (or comes back), trying again until the server answers. */
  async connect(base: () => string, code: string): Promise<void> {
    while (!this.stopped) {
      try {
        const room = await joinSession(base(), code, { role: 'table', lang: 'fr', ...(this.id && this.secret ? { table: { id: this.id, secret: this.secret } } : {}) });
        this.listen(room, base, code);
        return;
      } catch {
        await sleep(100);
      }
    }
  }

  private listen(room: Room, base: () => string, code: string): void {
    this.room = room;
    room.onMessage('welcome', (message: { table: { id: string; secret?: string }; lastSeq: number; acked: number; incident?: number | null; progress: { history: { present: { placed: Placed } } } }) => {
      this.id = message.table.id;
      this.secret = message.table.secret ?? this.secret;
      this.welcomes.push({ lastSeq: message.lastSeq, placed: message.progress.history.present.placed, incident: message.incident ?? null });
      this.outbox = acknowledge(this.outbox, message.acked ?? 0);
      this.sendFrom(message.lastSeq);
    });
    room.onMessage('ack', ({ lastSeq }: { lastSeq: number }) => (this.outbox = acknowledge(this.outbox, lastSeq)));
    room.onMessage('resend', ({ from }: { from: number }) => this.sendFrom(from - 1));
    room.onMessage('gap', (gap: { from: number; to: number; lost: number }) => this.gaps.push(gap));
    room.onMessage('fresco', ({ refused }: { refused: { seq: number; reason: string } | null }) => {
      if (refused) this.refusals.push(refused);
    });
    for (const type of ['workshop', 'renamed', 'error']) room.onMessage(type, () => undefined);
    room.onLeave(() => {
      if (this.room !== room) return;
      this.room = null;
      if (!this.stopped) void this.connect(base, code);
    });
    room.send('hello', {});
  }

  private sendFrom(serverSeq: number): void {
    const plan = realign(this.outbox, serverSeq);
    this.outbox = plan.outbox;
    if (plan.skipTo !== null) this.send('skip', { to: plan.skipTo });
    for (const move of plan.send) this.send('move', move);
  }

  private send(type: string, message: unknown): void {
    try {
      this.room?.send(type, message);
    } catch {
      // Gone: sent again after the next welcome.
    }
  }

  /** A move of its own: a card of the first batch placed at (seq, index), so that every move leaves its trace. */
  move(): void {
    const seq = this.outbox.seq + 1;
    this.play({ type: 'place', card: CARDS[seq % CARDS.length]!, x: seq, y: this.index });
  }

  play(action: ProgressAction): void {
    const queued = queueMove(this.outbox, action);
    this.outbox = queued.outbox;
    this.moves.push(queued.move);
    this.send('move', queued.move);
  }

  /** The fresco the first `upTo` moves make. */
  expected(upTo: number): Placed {
    const placed: Placed = {};
    for (const { seq, action } of this.moves) if (seq <= upTo && action.type === 'place') placed[action.card] = { x: action.x, y: action.y };
    return placed;
  }

  get acked(): number {
    return this.outbox.acked;
  }

  get seq(): number {
    return this.outbox.seq;
  }

  synced(): boolean {
    return this.room !== null && this.outbox.pending.length === 0 && this.outbox.acked >= this.outbox.seq;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const room = this.room;
    this.room = null;
    await room?.leave(true).catch(() => undefined);
  }
}

