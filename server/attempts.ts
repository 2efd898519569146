// Join codes resist guessing: wrong codes from one address are counted per minute in the
// presence (shared by every process of an event when Redis is used), and past the limit that
// address waits. Right codes are never counted: a class behind one school router joins at once.
import type { Presence } from '@colyseus/core';

/** A class behind one school router mistypes too; 30 a minute still leaves a guesser nowhere (31^6 codes). */
export const WRONG_CODES_PER_MINUTE = 30;
/** Sessions one address may open per minute (raised for the load benchmark, which opens 50 at once). */
export const SESSIONS_PER_MINUTE = Number(process.env.SESSIONS_PER_MINUTE) || 20;

function windowKey(kind: string, address: string, now: number): string {
  return `fresque:${kind}:${address}:${Math.floor(now / 60_000)}`;
}

export async function countAttempt(presence: Presence, kind: 'wrong-code' | 'create', address: string, now = Date.now()): Promise<number> {
  const key = windowKey(kind, address, now);
  const count = await presence.incr(key);
  if (count === 1) await presence.expire(key, 120);
  return count;
}

export async function attemptsSoFar(presence: Presence, kind: 'wrong-code' | 'create', address: string, now = Date.now()): Promise<number> {
  return Number((await presence.get(windowKey(kind, address, now))) ?? 0);
}
