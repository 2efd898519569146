// Join codes resist guessing: wrong codes, tokens and secrets from one address are counted in
// the presence (shared by every process of an event when Redis is used), over a sliding minute,
// and past the limit that address waits. Each request takes its place in the count before it is
// answered (an atomic increment), so that guesses sent all at once cannot all pass, and gives it
// back once it proves right: right codes are never counted, a class behind one router joins at
// once. The minute slides: the count of the previous minute weighs for the part of it still
// within the last sixty seconds, so that the limit does not start again at the minute boundary.
import type { Presence } from '@colyseus/core';

/** A class behind one school router mistypes too; 30 a minute still leaves a guesser nowhere (31^6 codes). */
export const WRONG_CODES_PER_MINUTE = 30;
/** Sessions one address may open per minute (raised for the load benchmark, which opens 50 at once). */
export const SESSIONS_PER_MINUTE = Number(process.env.SESSIONS_PER_MINUTE) || 20;
/** How long a code that an address joined stays known to it (a long workshop, with some margin). */
export const KNOWN_CODE_SECONDS = 6 * 3600;

const WINDOW_MS = 60_000;

export type AttemptKind = 'wrong-code' | 'create';

const windowKey = (kind: AttemptKind, address: string, window: number) => `fresque:${kind}:${address}:${window}`;

/** A place taken in an address's count: given back if the attempt proves right. */
export interface Attempt {
  /** Whether the attempt is within the limit (else it was not counted). */
  allowed: boolean;
  /** Gives the place back: the attempt was right. */
  refund(): Promise<void>;
}

/** Counts in the two windows, the previous one weighted by how much of it is within the last minute. */
async function estimate(presence: Presence, kind: AttemptKind, address: string, now: number, current: number): Promise<number> {
  const window = Math.floor(now / WINDOW_MS);
  const previous = Number((await presence.get(windowKey(kind, address, window - 1))) ?? 0);
  const elapsed = (now - window * WINDOW_MS) / WINDOW_MS;
  return current + previous * (1 - elapsed);
}

/**
 * Takes a place in the count of `kind` for this address, before the attempt is answered. Past
 * `limit` over the sliding minute the place is given back at once and the attempt is not allowed.
 */
export async function takeAttempt(presence: Presence, kind: AttemptKind, address: string, limit: number, now = Date.now()): Promise<Attempt> {
  const key = windowKey(kind, address, Math.floor(now / WINDOW_MS));
  const count = await presence.incr(key);
  if (count === 1) await presence.expire(key, 3 * 60);
  let refunded = false;
  const refund = async () => {
    if (refunded) return;
    refunded = true;
    await presence.decr(key);
  };
  if ((await estimate(presence, kind, address, now, count)) > limit) {
    await refund();
    return { allowed: false, refund: async () => undefined };
  }
  return { allowed: true, refund };
}

/** Counts an attempt that failed whatever the limit (a wrong secret from an address past it). */
export async function countAttempt(presence: Presence, kind: AttemptKind, address: string, now = Date.now()): Promise<void> {
  const key = windowKey(kind, address, Math.floor(now / WINDOW_MS));
  if ((await presence.incr(key)) === 1) await presence.expire(key, 3 * 60);
}

// --- Codes an address already knows ------------------------------------------------------------
// Past the limit, an answer that depended on the code would tell a guesser it is right. A code
// this address has joined (or opened) before tells it nothing new: it stays open to it.

const knownKey = (address: string, code: string) => `fresque:known:${address}:${code}`;

export async function rememberCode(presence: Presence, address: string, code: string): Promise<void> {
  await presence.setex(knownKey(address, code), '1', KNOWN_CODE_SECONDS);
}

export async function knowsCode(presence: Presence, address: string, code: string): Promise<boolean> {
  return presence.exists(knownKey(address, code));
}
