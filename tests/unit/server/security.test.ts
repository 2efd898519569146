// What a pupil holding the join code (or anyone on the network) can try against a session, played
// against the real server, in a process of its own as `npm start` runs it: floods that reconnect,
// places filled or held, reservations never used, prototype names as ids, other sites calling
// /api/, guesses sent all at once or across a minute. The server runs as behind a reverse proxy
// (TRUST_PROXY), so that each request can come from an address of its own: a class behind one
// school router is many clients with one address.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join as joinPath, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WRONG_CODES_PER_MINUTE } from '../../../server/attempts';
import { ADDRESS_BUDGET_DEPTH, ADDRESS_BUDGET_PER_SECOND, BUDGET_DEPTH, BUDGET_PER_SECOND, QUIET_DEPTH, QUIET_PER_SECOND } from '../../../server/messageBudget';
import { NEW_TABLES_BURST, SEAT_SECONDS } from '../../../server/places';
import { MAX_PENDING_MOVES, MAX_PROJECTORS, MAX_TABLES } from '../../../src/core/sessionProtocol';
import { atOnce, from, joinFrom, outcome, post, Refused, reserve, settled } from './addresses';
import { freePort, PLAN, tempDataDir, type Probe } from './harness';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let child: ChildProcess | null = null;
let base = '';

beforeAll(async () => {
  const dir = tempDataDir();
  const dist = joinPath(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(joinPath(dist, 'index.html'), '<!doctype html><title>Fresque</title><script type="module" src="/assets/main.js"></script>');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: resolve(import.meta.dirname, '../../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: joinPath(dir, 'data'), DIST_DIR: dist, TRUST_PROXY: '1', ALLOWED_ORIGINS: 'http://localhost:5173, https://fresque.example.org/' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/__healthcheck`)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error('the session server did not start');
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}, 90_000);
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

// Every test comes from addresses of its own, so that what one counts does not spill into another.
let subnet = 0;
function addresses(): (n: number) => string {
  subnet += 1;
  return (n: number) => `10.${subnet}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

async function newSession(address: string): Promise<{ code: string; token: string }> {
  const answer = await post(base, '/api/sessions', { levelId: 'qui-elit-qui', plan: PLAN }, from(address));
  expect(answer.status).toBe(201);
  return answer.body;
}

const table = { role: 'table', lang: 'fr' } as const;
const errorsOf = (probe: Probe, error: string) => probe.received.filter((r) => r.type === 'error' && r.message.error === error).length;

describe('message budgets', () => {
  it('a table reconnecting with its secret gets no fresh budget: its messages are counted per table', async () => {
    const at = addresses();
    const { code } = await newSession(at(0));
    const first = await joinFrom(base, code, table, at(1));
    const { id, secret } = first.welcome.table;
    const started = Date.now();
    let probe = first.probe;
    let processed = 0;
    for (let round = 0; round < 4; round++) {
      if (round > 0) {
        await probe.leave();
        probe = (await joinFrom(base, code, { ...table, table: { id, secret } }, at(1))).probe;
      }
      // A table may not ask for the report: each message the server works through is answered "not-allowed".
      for (let i = 0; i < BUDGET_DEPTH + 500; i++) probe.send('report', {});
      const current = probe;
      processed += await settled(() => errorsOf(current, 'not-allowed'));
    }
    const seconds = (Date.now() - started) / 1000;
    expect(processed).toBeGreaterThan(BUDGET_DEPTH / 2);
    expect(processed).toBeLessThanOrEqual(BUDGET_DEPTH + BUDGET_PER_SECOND * seconds + 20);
    await probe.leave();
  }, 120_000);

  it('many tables from one address share the address’s budget; a quiet classmate on that address still plays', async () => {
    const at = addresses();
    const { code } = await newSession(at(0));
    const perTable = BUDGET_DEPTH - 10;
    const tables = Math.ceil(ADDRESS_BUDGET_DEPTH / (perTable - QUIET_DEPTH)) + 2;
    const probes: Probe[] = [];
    for (let i = 0; i < tables; i++) probes.push((await joinFrom(base, code, table, at(1))).probe);
    const classmate = await joinFrom(base, code, table, at(1));
    const started = Date.now();
    for (const probe of probes) for (let i = 0; i < perTable; i++) probe.send('report', {});
    // Meanwhile a group of the same class plays a few moves by hand.
    for (let seq = 1; seq <= 5; seq++) {
      const acked = classmate.probe.next('ack', (ack) => ack.lastSeq === seq, 20_000);
      classmate.probe.send('move', { seq, action: { type: 'place', card: 'citoyens', x: seq * 10, y: 10 } });
      await acked;
    }
    const processed = await settled(() => probes.reduce((sum, probe) => sum + errorsOf(probe, 'not-allowed'), 0));
    const seconds = (Date.now() - started) / 1000;
    expect(processed).toBeLessThan(tables * perTable);
    expect(processed).toBeLessThanOrEqual(ADDRESS_BUDGET_DEPTH + tables * QUIET_DEPTH + (ADDRESS_BUDGET_PER_SECOND + tables * QUIET_PER_SECOND) * seconds + 20);
    expect(errorsOf(classmate.probe, 'too-many-messages')).toBe(0);
    await Promise.all([...probes, classmate.probe].map((probe) => probe.leave()));
  }, 120_000);

  it('keeps the depth for a tablet replaying its offline moves, and for a class doing it at once', async () => {
    const at = addresses();
    const { code } = await newSession(at(0));
    const place = (seq: number) => ({ seq, action: { type: 'place', card: seq % 2 ? 'citoyens' : 'president-republique', x: seq % 500, y: 10 } });
    const tablet = await joinFrom(base, code, table, at(1));
    const replayed = tablet.probe.next('ack', (ack) => ack.lastSeq === MAX_PENDING_MOVES, 30_000);
    for (let seq = 1; seq <= MAX_PENDING_MOVES; seq++) tablet.probe.send('move', place(seq));
    await replayed;

    // A class behind its school router: thirty tablets back online at once, each with its moves.
    const classSize = 30;
    const moves = 150;
    const tablets = await Promise.all(Array.from({ length: classSize }, () => joinFrom(base, code, table, at(2))));
    const acked = tablets.map(({ probe }) => probe.next('ack', (ack) => ack.lastSeq === moves, 60_000));
    for (let seq = 1; seq <= moves; seq++) for (const { probe } of tablets) probe.send('move', place(seq));
    await Promise.all(acked);
    for (const { probe } of tablets) expect(errorsOf(probe, 'too-many-messages')).toBe(0);
    await Promise.all([tablet, ...tablets].map(({ probe }) => probe.leave()));
  }, 120_000);
});

describe('places', () => {
  it('the facilitator always gets in: projectors cannot fill its place, a projector with the token has one too', async () => {
    const at = addresses();
    const { code, token } = await newSession(at(0));
    const projectors: Probe[] = [];
    const refusals: string[] = [];
    for (let i = 0; i < 12; i++) {
      try {
        projectors.push((await joinFrom(base, code, { role: 'projector' }, at(10 + i))).probe);
      } catch (cause) {
        if (!(cause instanceof Refused)) throw cause;
        refusals.push(cause.answer.body.error);
      }
    }
    expect(projectors).toHaveLength(MAX_PROJECTORS);
    expect(refusals.every((error) => error === 'session-full')).toBe(true);
    const facilitator = await joinFrom(base, code, { role: 'facilitator', token }, at(1));
    expect(facilitator.welcome.role).toBe('facilitator');
    // The projector window the facilitator opens on its own laptop carries the token.
    const own = await joinFrom(base, code, { role: 'projector', token }, at(1));
    expect(own.welcome.role).toBe('projector');
    await Promise.all([facilitator, own].map(({ probe }) => probe.leave()));
    await Promise.all(projectors.map((probe) => probe.leave()));
  }, 60_000);

  it('the facilitator removes a table: its device is told, its place is free, its secret no longer works', async () => {
    const at = addresses();
    const { code, token } = await newSession(at(0));
    const facilitator = await joinFrom(base, code, { role: 'facilitator', token }, at(0));
    // Sixty tables from three networks (one address may not open all of them at once).
    const tables: { probe: Probe; welcome: any }[] = [];
    for (let i = 0; i < MAX_TABLES; i++) tables.push(await joinFrom(base, code, table, at(1 + (i % 3))));
    expect(await outcome(base, code, table, at(4))).toBe('session-full');

    const removed = tables[7]!;
    const { id, secret } = removed.welcome.table;
    const told = facilitator.probe.next('table-removed', (message) => message.id === id);
    facilitator.probe.send('remove-table', { table: id });
    expect(await told).toEqual({ id });
    await expect.poll(() => removed.probe.closed, { timeout: 4000 }).toBe(4002);
    expect(removed.probe.received.find((r) => r.type === 'removed')).toBeTruthy();

    expect(await outcome(base, code, table, at(4))).toBe('joined');
    expect(await outcome(base, code, { ...table, table: { id, secret } }, at(1))).toBe('unknown-table');
    const refusal = facilitator.probe.next('error');
    facilitator.probe.send('remove-table', { table: id });
    expect(await refusal).toMatchObject({ error: 'unknown-table' });
    // A table cannot remove another.
    const notAllowed = tables[0]!.probe.next('error');
    tables[0]!.probe.send('remove-table', { table: tables[1]!.welcome.table.id });
    expect(await notAllowed).toMatchObject({ error: 'not-allowed' });
    await Promise.all([facilitator, ...tables].filter(({ probe }) => probe.closed === null).map(({ probe }) => probe.leave()));
  }, 120_000);

  it('join requests that never open a socket neither lock the session nor hold places for long', async () => {
    const at = addresses();
    const { code, token } = await newSession(at(0));
    const answers = await Promise.all(Array.from({ length: 80 }, () => reserve(base, code, table, at(1))));
    const reserved = answers.filter((answer) => answer.status === 200).length;
    expect(reserved).toBeLessThanOrEqual(NEW_TABLES_BURST);
    expect(answers.filter((answer) => answer.status !== 200).every((answer) => answer.body.error === 'too-many-tables')).toBe(true);
    // Everyone else joins at once: the facilitator, a table of another network, a projector.
    expect(await outcome(base, code, { role: 'facilitator', token }, at(1))).toBe('joined');
    expect(await outcome(base, code, table, at(2))).toBe('joined');
    expect(await outcome(base, code, { role: 'projector' }, at(3))).toBe('joined');

    // Reservations hold their place only a few seconds: the places come back by themselves.
    const filler = addresses();
    const held = (await Promise.all(Array.from({ length: MAX_TABLES }, (_, i) => reserve(base, code, table, filler(i % 3))))).filter((a) => a.status === 200).length;
    expect(held + reserved + 1).toBeGreaterThanOrEqual(MAX_TABLES);
    expect(await outcome(base, code, table, filler(10))).toBe('session-full');
    await new Promise((done) => setTimeout(done, (SEAT_SECONDS + 2) * 1000));
    expect(await outcome(base, code, table, filler(10))).toBe('joined');
  }, 60_000);

  it('one client cannot take every table place at once; a class behind one router all joins', async () => {
    const at = addresses();
    const { code } = await newSession(at(0));
    const flood = await Promise.all(Array.from({ length: MAX_TABLES }, () => joinFrom(base, code, table, at(1)).catch((cause: unknown) => cause)));
    const joined = flood.filter((result) => !(result instanceof Error)) as { probe: Probe }[];
    expect(joined.length).toBeLessThanOrEqual(NEW_TABLES_BURST);
    expect(flood.filter((result) => result instanceof Refused).every((result) => (result as Refused).answer.body.error === 'too-many-tables')).toBe(true);
    const classroom = await Promise.all(Array.from({ length: 30 }, () => joinFrom(base, code, table, at(2))));
    expect(classroom.every(({ welcome }) => welcome.role === 'table')).toBe(true);
    await Promise.all([...joined, ...classroom].map(({ probe }) => probe.leave()));
  }, 60_000);

  it('a table that never said hello never got its secret: its place is freed when its socket closes', async () => {
    const at = addresses();
    const { code, token } = await newSession(at(0));
    const facilitator = await joinFrom(base, code, { role: 'facilitator', token }, at(0));
    const answer = await reserve(base, code, table, at(1));
    const { Client } = await import('@colyseus/sdk');
    const room = await new Client(base).consumeSeatReservation(answer.body.reservation);
    room.reconnection.enabled = false;
    const joined = await facilitator.probe.next('table');
    const gone = facilitator.probe.next('table-removed', (message) => message.id === joined.id);
    await room.leave(true);
    await gone;
    const report = facilitator.probe.next('report');
    facilitator.probe.send('report', {});
    expect((await report).tables).toEqual([]);
    await facilitator.probe.leave();
  }, 30_000);
});

describe('prototype names as ids', () => {
  const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it('are refused as cards, links and tables, and nothing of them is kept', async () => {
    const at = addresses();
    const { code, token } = await newSession(at(0));
    const facilitator = await joinFrom(base, code, { role: 'facilitator', token }, at(0));
    const first = await joinFrom(base, code, table, at(1));
    const { id, secret } = first.welcome.table;
    const acked = first.probe.next('ack', (ack) => ack.lastSeq === 1);
    first.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 10, y: 10 } });
    await acked;
    const actions: unknown[] = [];
    for (const name of PROTOTYPE_NAMES) {
      actions.push(
        { type: 'place', card: name, x: 0, y: 0 },
        { type: 'return', card: name },
        { type: 'flip', card: name },
        { type: 'link', from: name, to: 'citoyens', relation: 'elit' },
        { type: 'link', from: 'citoyens', to: name, relation: 'elit' },
        { type: 'link', from: name, to: PROTOTYPE_NAMES[(PROTOTYPE_NAMES.indexOf(name) + 1) % PROTOTYPE_NAMES.length], relation: 'elit' },
        { type: 'link', from: 'citoyens', to: 'citoyens', relation: name },
        { type: 'relabel', link: name, relation: 'elit' },
        { type: 'unlink', link: name },
      );
    }
    let seq = 1;
    for (const action of actions) {
      seq += 1;
      const refused = first.probe.next('fresco', (message) => message.refused?.seq === seq);
      first.probe.send('move', { seq, action });
      expect((await refused).refused.reason, JSON.stringify(action)).not.toBe('not-allowed');
    }
    for (const name of PROTOTYPE_NAMES) {
      // As a message's type, too.
      const unknown = first.probe.next('error', (error) => error.error === 'bad-message');
      first.probe.send(name, {});
      expect((await unknown).detail).toContain('unknown message');
      for (const [type, message] of [
        ['watch', { table: name }],
        ['remove-table', { table: name }],
        ['act', { target: { table: name }, action: { type: 'lock', locked: true } }],
        ['table-move', { target: { table: name }, action: { type: 'deal' } }],
      ] as const) {
        const refusal = facilitator.probe.next('error');
        facilitator.probe.send(type, message);
        expect(await refusal, `${type} ${name}`).toMatchObject({ error: 'unknown-table' });
      }
      expect(await outcome(base, code, { ...table, table: { id: name, secret: 's'.repeat(32) } }, at(1))).toBe('unknown-table');
    }
    await first.probe.leave();
    const back = await joinFrom(base, code, { ...table, table: { id, secret } }, at(1));
    expect(back.welcome.lastSeq).toBe(seq);
    const board = back.welcome.progress.history.present;
    expect(Object.keys(board.placed)).toEqual(['citoyens']);
    expect(Object.getPrototypeOf(board.placed)).toBe(Object.prototype);
    expect(board.links).toEqual([]);
    expect(back.welcome.progress.faceDown).toEqual([]);
    await Promise.all([back.probe.leave(), facilitator.probe.leave()]);
  }, 60_000);
});

/** A raw HTTP request, with headers a browser would set and fetch() may not (Sec-Fetch-Site). */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += String(chunk)));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('other sites', () => {
  const EVIL = 'https://evil.example';

  it('get no CORS answer from /api/, cannot create or join a session, nor open a WebSocket', async () => {
    const at = addresses();
    const addressesAnswer = await raw(`${base}/api/addresses`, 'GET', { origin: EVIL });
    expect(addressesAnswer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw(`${base}/api/sessions`, 'OPTIONS', { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    // Even sent without a preflight (a form, text/plain), the request is refused before anything is done.
    const created = await post(base, '/api/sessions', { levelId: 'qui-elit-qui', plan: PLAN }, { ...from(at(1)), origin: EVIL });
    expect(created.status).toBe(403);
    expect(created.body).toEqual({ error: 'not-allowed', detail: 'origin' });
    const { code } = await newSession(at(0));
    const joined = await post(base, `/api/sessions/${code}/join`, { role: 'projector' }, { ...from(at(1)), origin: EVIL });
    expect(joined.status).toBe(403);
    expect(joined.headers.get('access-control-allow-origin')).toBeNull();

    // The game's own pages: same origin, said by the browser (Origin, or Sec-Fetch-Site behind a proxy that rewrites Host).
    const own = await post(base, '/api/sessions', { levelId: 'qui-elit-qui', plan: PLAN }, { ...from(at(2)), origin: base });
    expect(own.status).toBe(201);
    const proxied = await raw(`${base}/api/sessions`, 'POST', { 'content-type': 'application/json', origin: 'https://fresque.example.org', 'sec-fetch-site': 'same-origin', ...from(at(3)) }, JSON.stringify({ levelId: 'qui-elit-qui', plan: PLAN }));
    expect(proxied.status).toBe(201);

    // A WebSocket opened by another site's page, even with a reservation, is refused.
    const reservation = (await reserve(base, code, { role: 'projector' }, at(4))).body.reservation;
    const url = `${base.replace('http', 'ws')}/${reservation.processId}/${reservation.roomId}?sessionId=${reservation.sessionId}`;
    const status = await new Promise<string>((done) => {
      const socket = new WebSocket(url, { origin: EVIL });
      socket.on('open', () => {
        socket.close();
        done('open');
      });
      socket.on('unexpected-response', (_req, res) => done(`refused ${res.statusCode}`));
      socket.on('error', () => done('error'));
    });
    expect(status).toBe('refused 403');
  });

  it('every answer says nosniff, no framing, no referrer; /api/ answers are never cached', async () => {
    const answer = await raw(`${base}/api/addresses`, 'GET', {});
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});

describe('the game as npm start serves it', () => {
  it('serves the game with its CSP and answers CORS for the origins of ALLOWED_ORIGINS only', async () => {
    const page = await raw(`${base}/?code=ABCDEF`, 'GET', {});
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    for (const origin of ['http://localhost:5173', 'https://fresque.example.org']) {
      const preflight = await raw(`${base}/api/sessions`, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const created = await post(base, '/api/sessions', { levelId: 'qui-elit-qui', plan: PLAN }, { origin });
      expect(created.status).toBe(201);
      expect(created.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const other = await raw(`${base}/api/addresses`, 'GET', { origin: 'http://localhost:5174' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('wrong codes', () => {
  const guess = (n: number) => `ZZZ${'23456789'[n % 8]}${'ABCDEFGH'[Math.floor(n / 8) % 8]}${'JKMNPQRS'[Math.floor(n / 64) % 8]}`;

  it('are counted before they are answered: guesses sent all at once do not pass the limit', async () => {
    const at = addresses();
    const answers = (await atOnce(base, Array.from({ length: 78 }, (_, n) => ({ path: `/api/sessions/${guess(n)}/join`, body: { role: 'projector' }, headers: from(at(1)) })))).map((answer) => answer.body.error);
    expect(answers.filter((answer) => answer === 'wrong-code').length).toBe(WRONG_CODES_PER_MINUTE);
    expect(answers.filter((answer) => answer !== 'wrong-code').every((answer) => answer === 'too-many-attempts')).toBe(true);
  }, 30_000);

  it('past the limit, the facilitator and returning tables of that address still get in, with nothing told about other codes', async () => {
    const at = addresses();
    const tripped = at(1);
    const { code, token } = await newSession(at(0));
    const { code: other } = await newSession(at(0));
    // A table of that network joined before a pupil starts guessing, another from elsewhere.
    const before = await joinFrom(base, code, table, tripped);
    const elsewhere = await joinFrom(base, code, table, at(2));
    await Promise.all([before.probe.leave(), elsewhere.probe.leave()]);
    for (let n = 0; n < WRONG_CODES_PER_MINUTE; n++) await outcome(base, guess(1000 + n), { role: 'projector' }, tripped);
    expect(await outcome(base, guess(2000), { role: 'projector' }, tripped)).toBe('too-many-attempts');
    // Another code, right or wrong, is told nothing.
    expect(await outcome(base, other, { role: 'projector' }, tripped)).toBe('too-many-attempts');
    expect(await outcome(base, other, table, tripped)).toBe('too-many-attempts');
    expect(await outcome(base, other, { role: 'facilitator', token: 'x'.repeat(32) }, tripped)).toBe('too-many-attempts');
    expect(await outcome(base, guess(2001), { role: 'facilitator', token: 'x'.repeat(32) }, tripped)).toBe('too-many-attempts');
    // The right token and the right secrets still open the door.
    const facilitator = await joinFrom(base, code, { role: 'facilitator', token }, tripped);
    expect(facilitator.welcome.role).toBe('facilitator');
    const back = await joinFrom(base, code, { ...table, table: before.welcome.table }, tripped);
    expect(back.welcome.table.id).toBe(before.welcome.table.id);
    const moved = await joinFrom(base, code, { ...table, table: elsewhere.welcome.table }, tripped);
    expect(moved.welcome.table.id).toBe(elsewhere.welcome.table.id);
    await Promise.all([facilitator, back, moved].map(({ probe }) => probe.leave()));
  }, 60_000);

  it('are counted over a sliding minute: the limit does not start again at the minute boundary', async () => {
    const at = addresses();
    for (let n = 0; n < WRONG_CODES_PER_MINUTE; n++) expect(await outcome(base, guess(3000 + n), { role: 'projector' }, at(1))).toBe('wrong-code');
    const minute = Math.floor(Date.now() / 60_000);
    await new Promise((done) => setTimeout(done, (minute + 1) * 60_000 - Date.now() + 300));
    expect(await outcome(base, guess(4000), { role: 'projector' }, at(1))).toBe('too-many-attempts');
  }, 90_000);
});
