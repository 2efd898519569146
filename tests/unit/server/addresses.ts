// Clients of the session server seen from several network addresses: the server runs behind a
// "proxy" (TRUST_PROXY), so each request says where it comes from in X-Forwarded-For, as a
// reverse proxy would. A class behind one school router is many clients with one address.
import { Agent, request } from 'node:http';
import { Client, type Room } from '@colyseus/sdk';
import type { JoinOptions } from '../../../src/core/sessionProtocol';
import { Probe } from './harness';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

/** The join request alone: a reservation that may never be used, or the refusal. */
export function reserve(base: string, code: string, options: JoinOptions | Record<string, unknown>, address: string): Promise<Answer> {
  return post(base, `/api/sessions/${code}/join`, options, from(address));
}

export class Refused extends Error {
  constructor(readonly answer: Answer) {
    super(`refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Joins from an address: the request, then the WebSocket; the client says hello. */
export async function joinFrom(base: string, code: string, options: JoinOptions | Record<string, unknown>, address: string): Promise<{ probe: Probe; welcome: any }> {
  const answer = await reserve(base, code, options, address);
  if (answer.status !== 200) throw new Refused(answer);
  const room: Room = await new Client(base).consumeSeatReservation(answer.body.reservation);
  room.reconnection.enabled = false;
  const probe = new Probe(room);
  return { probe, welcome: await probe.hello() };
}

/** The error a join from this address gets, or "joined". */
export async function outcome(base: string, code: string, options: JoinOptions | Record<string, unknown>, address: string): Promise<string> {
  const answer = await reserve(base, code, options, address);
  return answer.status === 200 ? 'joined' : String(answer.body?.error);
}

/** Waits until a count stops moving (the server has worked through what it was sent). */
export async function settled(count: () => number, quietMs = 400, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = count();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
  }
  return last;
}

/**
 * Requests that reach the server at the same instant: one socket each, opened (and kept alive)
 * beforehand, so that the server reads them all before it has answered the first.
 */
export async function atOnce(base: string, requests: { path: string; body: unknown; headers: Record<string, string> }[]): Promise<Answer[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const call = (path: string, method: string, body: string | undefined, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((done, fail) => {
      const req = request(`${base}${path}`, { method, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () => done({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', fail);
      req.end(body);
    });
  try {
    await Promise.all(requests.map(() => call('/__healthcheck', 'GET', undefined, {})));
    const answers = await Promise.all(requests.map((r) => call(r.path, 'POST', JSON.stringify(r.body), r.headers)));
    return answers.map(({ status, text }) => ({ status, body: JSON.parse(text), headers: new Headers() }));
  } finally {
    agent.destroy();
  }
}
