// Who may take a place in a session, and for how long a join request holds one. A join request
// that is let in holds its place (a "hold") until its WebSocket opens or a few seconds pass;
// holds count like the clients they will become, so that requests never followed by a socket
// cannot lock everyone else out for long, and count per address, so that one client cannot
// take every place at once.
//
// The facilitator (its token) always gets in: its places are its own, never counted with the
// tables' or the projectors'. So does a projector that shows the token (the one the console
// opens on the facilitator's laptop). Projectors with only the code have a few places of their
// own; tables have theirs (MAX_TABLES).
//
// A class behind ONE school router is thirty tables from one address, and a large event on
// one wifi is fifty: so no address is capped below the session's size. What is capped is the
// pace: thirty new tables at once (a class scanning the QR code together), then one every three
// seconds (an event's tables arrive over minutes). A client flooding with the code thus gets
// thirty junk tables, not sixty in a blink; the facilitator removes them (and closes joining
// once the class is in), and a table that never said hello (so never got its secret) is
// dropped as soon as its socket closes.
import { randomBytes } from 'node:crypto';
import { MAX_PROJECTORS, MAX_TABLES, type SessionError } from '../src/core/sessionProtocol';
import { Buckets } from './messageBudget';

/** How long a seat reservation waits for its WebSocket (Colyseus's default is 15 s). */
export const SEAT_SECONDS = 5;
/** A hold outlives its seat a little: the answer of a request past the wrong-code limit is delayed (see routes.ts). */
const HOLD_MS = (SEAT_SECONDS + 3) * 1000;
/** New tables one address may open at once, then per minute (see above). */
export const NEW_TABLES_BURST = 30;
export const NEW_TABLES_PER_MINUTE = 20;
/** Joins of one table (a reload, the wifi coming back): its link waits 0.5, 1, 2, then 4 s between tries. */
export const TABLE_JOINS_BURST = 10;
export const TABLE_JOINS_PER_MINUTE = 30;
/** Projectors with only the code, from one address. */
export const PROJECTORS_PER_ADDRESS = 4;
/** Join requests of one address waiting for their socket (a class of thirty, with room to spare). */
export const PENDING_PER_ADDRESS = 40;
/** Connections of the facilitator kept at once (consoles, its own projectors); a new one replaces the oldest. */
export const MAX_FACILITATOR_CONNECTIONS = 4;

export type PlaceKind = 'facilitator' | 'own-projector' | 'projector' | 'new-table' | 'table';

export interface Hold {
  id: string;
  kind: PlaceKind;
  /** The table coming back, for `table`. */
  tableId: string | null;
  address: string;
  expires: number;
}

/** What the session has now, besides the holds. */
export interface Occupancy {
  tables: number;
  /** Addresses of the projectors connected with only the code. */
  projectors: string[];
}

export type PlaceAnswer = { ok: true; hold: Hold } | { ok: false; error: SessionError };

// The pace of joins is kept by the process, not by a session's room, which is disposed when its
// last client leaves and made again at the next join: it must not start afresh then.
const newTables = new Buckets(NEW_TABLES_BURST, NEW_TABLES_PER_MINUTE / 60);
const tableJoins = new Buckets(TABLE_JOINS_BURST, TABLE_JOINS_PER_MINUTE / 60);

export class Places {
  private readonly holds = new Map<string, Hold>();

  constructor(private readonly code: string) {}

  private expire(now: number): void {
    for (const [id, hold] of this.holds) if (hold.expires <= now) this.holds.delete(id);
  }

  private pending(test: (hold: Hold) => boolean): number {
    let count = 0;
    for (const hold of this.holds.values()) if (test(hold)) count++;
    return count;
  }

  /** Holds a place for a client the session lets in, or says why there is none. */
  hold(kind: PlaceKind, tableId: string | null, address: string, occupancy: Occupancy, now: number): PlaceAnswer {
    this.expire(now);
    const trusted = kind === 'facilitator' || kind === 'own-projector';
    if (!trusted && this.pending((hold) => hold.address === address) >= PENDING_PER_ADDRESS) return { ok: false, error: 'busy' };
    switch (kind) {
      case 'facilitator':
      case 'own-projector':
        // Bounded only against a runaway client: the token is the facilitator's.
        if (this.pending((hold) => hold.kind === kind) >= 2 * MAX_FACILITATOR_CONNECTIONS) return { ok: false, error: 'busy' };
        break;
      case 'projector': {
        const fromHere = occupancy.projectors.filter((other) => other === address).length + this.pending((hold) => hold.kind === 'projector' && hold.address === address);
        if (occupancy.projectors.length + this.pending((hold) => hold.kind === 'projector') >= MAX_PROJECTORS || fromHere >= PROJECTORS_PER_ADDRESS) return { ok: false, error: 'session-full' };
        break;
      }
      case 'new-table':
        if (occupancy.tables + this.pending((hold) => hold.kind === 'new-table') >= MAX_TABLES) return { ok: false, error: 'session-full' };
        if (!newTables.take(`${this.code}:${address}`, now)) return { ok: false, error: 'too-many-tables' };
        break;
      case 'table':
        // A table connecting again replaces its older connection; more than two on their way is a loop.
        if (this.pending((hold) => hold.tableId === tableId) >= 2 || !tableJoins.take(`${this.code}:${tableId}`, now)) return { ok: false, error: 'busy' };
        break;
    }
    const hold: Hold = { id: randomBytes(12).toString('base64url'), kind, tableId, address, expires: now + HOLD_MS };
    this.holds.set(hold.id, hold);
    return { ok: true, hold };
  }

  /** The hold a socket comes with, if it is still valid (it stays until `release`). */
  peek(id: unknown, now: number): Hold | undefined {
    if (typeof id !== 'string') return undefined;
    const hold = this.holds.get(id);
    return hold && hold.expires > now ? hold : undefined;
  }

  /** The socket is in: its place is now counted as a client (or a table). */
  release(id: string): void {
    this.holds.delete(id);
  }

  /** A removed table: its pending holds go, and the pace of its joins is forgotten. */
  forgetTable(tableId: string): void {
    for (const [id, hold] of this.holds) if (hold.tableId === tableId) this.holds.delete(id);
    tableJoins.forget(`${this.code}:${tableId}`);
  }
}
