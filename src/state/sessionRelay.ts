// The seam between this window's moves and a workshop session across tables. The session code
// (src/session, with the network client) is loaded only when a session is used; it installs a
// relay here, and play() and workshopAct() hand their moves to it.
import type { ProgressAction } from '../core/progress';
import type { WorkshopAction } from '../core/workshop';

export interface SessionRelay {
  /** Before a move is applied in this window: true when the session took it instead (the facilitator's window). */
  intercept?(action: ProgressAction): boolean;
  /** After a move was applied in this window (a table's): send it to the server. */
  moved?(action: ProgressAction): void;
  /** A facilitator's workshop action: true when the session took it. */
  act?(action: WorkshopAction): boolean;
}

let relay: SessionRelay | null = null;

export function setSessionRelay(value: SessionRelay | null): void {
  relay = value;
}

export function sessionRelay(): SessionRelay | null {
  return relay;
}
