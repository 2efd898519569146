// How many messages the session server works through, counted where a flood cannot escape the
// count by opening a new connection: per table (whatever connection it comes back on) and per
// network address (whatever tables it opens), with buckets that refill steadily. A connection
// past its budget is told once, then ignored until the budget refills.
//
// A class behind one school router is thirty tables with one address, so the address's budget
// must not be what a quiet table waits for when a classmate floods: each table first spends an
// allowance of its own (what a group playing by hand sends, with room for a burst), and only
// what goes beyond it is taken from the address's budget. The facilitator's connections never
// draw from it: a pupil flooding on the school's wifi must not silence the console.
import { MAX_PENDING_MOVES } from '../src/core/sessionProtocol';

/** A table: deep enough for a tablet replaying every move it may keep offline, and more. */
export const BUDGET_DEPTH = 2000;
export const BUDGET_PER_SECOND = 40;
/** What a table sends without touching its address's budget: a group plays a move every few seconds. */
export const QUIET_DEPTH = 200;
export const QUIET_PER_SECOND = 2;
/**
 * One address: thirty tablets of a class replaying a full offline queue each, at once; then
 * 200 messages a second, a hundred times what a class playing by hand sends, which costs the
 * server about one percent of a core.
 */
export const ADDRESS_BUDGET_DEPTH = 30 * MAX_PENDING_MOVES;
export const ADDRESS_BUDGET_PER_SECOND = 200;

/** A bucket of tokens that refills steadily up to its depth. */
export class Bucket {
  private tokens: number;
  private updated: number;

  constructor(
    readonly depth: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = depth;
    this.updated = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.depth, this.tokens + (Math.max(0, now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
  }

  /** Takes one token; false when there is none. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether it would be full again by now (nothing to remember about it). */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.depth;
  }
}

/** Buckets by key (an address, a table), forgotten once full again so that the map stays small. */
export class Buckets {
  private readonly buckets = new Map<string, Bucket>();
  private swept = 0;

  constructor(
    readonly depth: number,
    readonly perSecond: number,
  ) {}

  private bucket(key: string, now: number): Bucket {
    if (now - this.swept > 60_000) this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Bucket(this.depth, this.perSecond, now)));
    return bucket;
  }

  take(key: string, now: number): boolean {
    return this.bucket(key, now).take(now);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  sweep(now: number): void {
    this.swept = now;
    for (const [key, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(key);
  }
}

// Kept by the process, not by a session's room: a room with no client left is disposed and
// made again at the next join, and its budgets must not start full again. One address's flood
// weighs on every session of the process, so its budget is shared by all of them.
const addressBudgets = new Buckets(ADDRESS_BUDGET_DEPTH, ADDRESS_BUDGET_PER_SECOND);
const tableBudgets = new Buckets(BUDGET_DEPTH, BUDGET_PER_SECOND);
const quietBudgets = new Buckets(QUIET_DEPTH, QUIET_PER_SECOND);

export type Sender = { kind: 'table'; table: string; address: string } | { kind: 'projector'; address: string } | { kind: 'facilitator' };

/** The budgets of one session's clients. */
export class MessageBudgets {
  private readonly connections = new WeakMap<object, Bucket>();

  constructor(private readonly code: string) {}

  /** Whether one more message from this sender (on this connection) is worked through. */
  take(connection: object, sender: Sender, now: number): boolean {
    if (sender.kind === 'table') {
      const key = `${this.code}:${sender.table}`;
      if (!tableBudgets.take(key, now)) return false;
      return quietBudgets.take(key, now) || addressBudgets.take(sender.address, now);
    }
    let own = this.connections.get(connection);
    if (!own) this.connections.set(connection, (own = new Bucket(BUDGET_DEPTH, BUDGET_PER_SECOND, now)));
    if (!own.take(now)) return false;
    return sender.kind === 'facilitator' || addressBudgets.take(sender.address, now);
  }

  /** A table removed from the session: nothing of it is kept. */
  forgetTable(table: string): void {
    tableBudgets.forget(`${this.code}:${table}`);
    quietBudgets.forget(`${this.code}:${table}`);
  }
}
