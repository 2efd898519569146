// How many messages one connection may send: a bucket that refills steadily, deep enough for a
// tablet replaying hundreds of moves made offline, too shallow for a flood.
export const BUDGET_DEPTH = 2000;
export const BUDGET_PER_SECOND = 40;

export class MessageBudget {
  private tokens = BUDGET_DEPTH;
  private updated: number;

  constructor(now: number) {
    this.updated = now;
  }

  /** Takes one message from the budget; false when it is spent. */
  take(now: number): boolean {
    this.tokens = Math.min(BUDGET_DEPTH, this.tokens + ((now - this.updated) / 1000) * BUDGET_PER_SECOND);
    this.updated = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
