// A client's link to its session that comes back by itself: a join request then a WebSocket,
// opened again after a dropped connection, a lost wifi or a restarted server, sooner when the
// browser says the network is back. Errors that waiting cannot fix (wrong code, closed joining)
// stop it.
import type { Room } from '@colyseus/sdk';
import { CLOSE_REMOVED, CLOSE_REPLACED } from '../core/sessionProtocol';
import { SessionRequestError } from './api';

/**
 * Close code and reason the server uses when the same table connects again elsewhere. The code
 * alone is not enough: Colyseus closes every client with 4001 too when the server shuts down
 * (SERVER_SHUTDOWN), and after a restart the tablets must come back by themselves.
 */
export const REPLACED = CLOSE_REPLACED;
export const REPLACED_REASON = 'replaced';
const FATAL = new Set(['wrong-code', 'bad-code', 'joining-locked', 'session-full', 'bad-token', 'unknown-level', 'bad-message']);

export interface LinkEvents {
  /** A room is open: register its handlers and say hello. */
  opened(room: Room): void;
  /** The connection is lost (and will be tried again unless `final`). */
  lost(reason: string, final: boolean): void;
  /** A join failed; return true to try again (after `retry` changed what is sent, for instance). */
  refused(error: SessionRequestError): boolean;
}

export class SessionLink {
  room: Room | null = null;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly online = () => this.retryNow();

  constructor(
    private readonly open: () => Promise<Room>,
    private readonly events: LinkEvents,
  ) {
    if (typeof window !== 'undefined') window.addEventListener('online', this.online);
  }

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.room) return;
    this.timer = null;
    try {
      const room = await this.open();
      if (this.stopped) {
        void room.leave(true);
        return;
      }
      this.attempt = 0;
      this.room = room;
      room.onLeave((code: number, reason?: string) => {
        if (this.room !== room) return;
        this.room = null;
        // Replaced by a newer connection, or removed from the session by the facilitator: for good.
        const final = code === REPLACED && reason === REPLACED_REASON ? 'replaced' : code === CLOSE_REMOVED ? 'removed' : null;
        this.events.lost(final ?? reason ?? String(code), final !== null || this.stopped);
        if (!final) this.schedule();
      });
      this.events.opened(room);
    } catch (cause) {
      const error = cause instanceof SessionRequestError ? cause : new SessionRequestError('offline', cause instanceof Error ? cause.message : String(cause));
      // Waiting cannot fix a fatal error, unless the window changed what it asks (a table's lost identity).
      if (this.events.refused(error) && !FATAL.has(error.error)) this.schedule();
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.attempt += 1;
    // 0.5 s, 1 s, 2 s, then every 4 s: a classroom's wifi comes back within seconds or minutes.
    const delay = Math.min(4000, 250 * 2 ** this.attempt);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  retryNow(): void {
    if (this.stopped || this.room) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.connect();
  }

  send(type: string, message: unknown): boolean {
    if (!this.room) return false;
    try {
      this.room.send(type, message);
      return true;
    } catch {
      return false;
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.online);
    const room = this.room;
    this.room = null;
    if (room) void room.leave(true).catch(() => undefined);
  }
}
