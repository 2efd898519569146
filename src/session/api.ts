// The session server seen from a client (the browser, the tests, the benchmark): create a
// session, ask to join one, open the WebSocket. Answers are checked; errors are a code the
// interface says in words.
import { Client, type Room } from '@colyseus/sdk';
import type { CreateOptions, JoinOptions, SessionError } from '../core/sessionProtocol';

export class SessionRequestError extends Error {
  constructor(
    readonly error: SessionError | 'offline',
    readonly detail: string | null,
  ) {
    super(detail ? `${error}: ${detail}` : error);
  }
}

async function post(url: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (cause) {
    throw new SessionRequestError('offline', cause instanceof Error ? cause.message : String(cause));
  }
  let answer: unknown = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (!response.ok) {
    const { error, detail } = (answer ?? {}) as { error?: unknown; detail?: unknown };
    throw new SessionRequestError(typeof error === 'string' ? (error as SessionError) : 'server', typeof detail === 'string' ? detail : `HTTP ${response.status}`);
  }
  return answer;
}

export async function createSession(base: string, options: CreateOptions): Promise<{ code: string; token: string }> {
  const answer = (await post(`${base}/api/sessions`, options)) as { code?: unknown; token?: unknown } | null;
  if (typeof answer?.code !== 'string' || typeof answer.token !== 'string') throw new SessionRequestError('server', 'unexpected answer');
  return { code: answer.code, token: answer.token };
}

/** Joins a session: the request (checked and counted by the server), then the WebSocket. */
export async function joinSession(base: string, code: string, options: JoinOptions): Promise<Room> {
  const answer = (await post(`${base}/api/sessions/${encodeURIComponent(code)}/join`, options)) as { reservation?: unknown } | null;
  if (!answer?.reservation || typeof answer.reservation !== 'object') throw new SessionRequestError('server', 'unexpected answer');
  const client = new Client(base);
  let room: Room;
  try {
    room = await client.consumeSeatReservation(answer.reservation as Parameters<Client['consumeSeatReservation']>[0]);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const known = /^(joining-locked|session-full|bad-token|unknown-table|bad-message)$/.exec(message);
    throw new SessionRequestError(known ? (known[1] as SessionError) : 'offline', message);
  }
  // The game comes back by itself (a new join with the table's secret), also after a server restart.
  room.reconnection.enabled = false;
  return room;
}
