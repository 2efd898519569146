// The session server in process: creating and joining, the role of each client, what a bad or
// oversized message gets, a dropped socket and a restarted server that lose nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession, SessionRequestError } from '../../../src/session/api';
import { join, PLAN, startServer, tempDataDir, type Probe } from './harness';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const dataDir = tempDataDir();
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(dataDir);
});
afterAll(async () => {
  await server?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (cause) {
    if (cause instanceof SessionRequestError) return cause.error;
    throw cause;
  }
  throw new Error('expected a refusal');
}

async function newSession() {
  const { code, token } = await createSession(server.base, { levelId: 'qui-elit-qui', plan: PLAN });
  const facilitator = await join(server.base, code, { role: 'facilitator', token });
  return { code, token, facilitator };
}

describe('sessions', () => {
  it('creates a session with a readable code; the facilitator joins with its token and sees no table yet', async () => {
    const { code, facilitator } = await newSession();
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(facilitator.welcome).toMatchObject({ role: 'facilitator', code, levelId: 'qui-elit-qui', tables: [], dealt: 1 });
    await facilitator.probe.leave();
  });

  it('refuses an unknown level, a wrong token, a malformed and a wrong code', async () => {
    expect(await errorOf(createSession(server.base, { levelId: 'nope', plan: PLAN }))).toBe('unknown-level');
    const { code, facilitator } = await newSession();
    expect(await errorOf(join(server.base, code, { role: 'facilitator', token: 'x'.repeat(32) }))).toBe('bad-token');
    expect(await errorOf(join(server.base, 'AB', { role: 'projector' }))).toBe('bad-code');
    expect(await errorOf(join(server.base, 'OOOOOO', { role: 'projector' }))).toBe('bad-code');
    await facilitator.probe.leave();
  });

  it('a table joins with the code, gets a name, places a card: the dashboard follows and the move is acknowledged', async () => {
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code.toLowerCase(), { role: 'table', lang: 'fr' });
    expect(table.welcome.role).toBe('table');
    expect(table.welcome.table.name).toMatch(/^Les /);
    expect(table.welcome.table.secret.length).toBeGreaterThan(20);
    expect(table.welcome).not.toHaveProperty('tables');
    await facilitator.probe.next('table', (t) => t.id === table.welcome.table.id && t.connected);

    const dashboard = facilitator.probe.next('table', (t) => t.placed === 1);
    const ack = table.probe.next('ack', (a) => a.lastSeq === 1);
    table.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 100, y: 100 } });
    expect(await dashboard).toMatchObject({ id: table.welcome.table.id, placed: 1, links: 0, connected: true });
    await ack;

    // Renaming is the table's own business; the dashboard shows it.
    const renamed = facilitator.probe.next('table', (t) => t.name === 'Les Castors');
    table.probe.send('rename', { name: '  Les   Castors ' });
    await renamed;
    await table.probe.leave();
    await facilitator.probe.next('table', (t) => !t.connected);
    await facilitator.probe.leave();
  });

  it('checks roles: a table cannot act for the facilitator, a projector cannot move, and neither sees the tables', async () => {
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'en' });
    expect(table.welcome.table.name).toMatch(/^The /);
    const projector = await join(server.base, code, { role: 'projector' });
    expect(projector.welcome).toMatchObject({ role: 'projector', tableCount: 1, summary: null });
    expect(projector.welcome).not.toHaveProperty('tables');

    for (const [probe, type, message] of [
      [table.probe, 'act', { target: 'all', action: { type: 'reveal-all' } }],
      [table.probe, 'table-move', { target: 'all', action: { type: 'deal' } }],
      [table.probe, 'watch', { table: table.welcome.table.id }],
      [table.probe, 'report', {}],
      [projector.probe, 'move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 0, y: 0 } }],
      [projector.probe, 'lock-joining', { locked: true }],
    ] as [Probe, string, unknown][]) {
      const refusal = probe.next('error');
      probe.send(type, message);
      expect(await refusal).toMatchObject({ error: 'not-allowed' });
    }
    // A table cannot deal itself a batch through a move either.
    const refused = table.probe.next('fresco', (f) => f.refused?.seq === 1);
    table.probe.send('move', { seq: 1, action: { type: 'deal' } });
    expect((await refused).refused.reason).toBe('not-allowed');
    expect((await refused).progress.history.present.dealt).toBe(1);
    await Promise.all([table.probe.leave(), projector.probe.leave(), facilitator.probe.leave()]);
  });

  it('rejects bad messages with a clear error, and closes the connection of an oversized one', async () => {
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'fr' });
    for (const [type, message, expected] of [
      ['move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 'far', y: 0 } }, /move: action.x/],
      ['move', { seq: -1, action: { type: 'undo' } }, /move: seq/],
      ['move', { seq: 1, action: { type: 'teleport' } }, /move: action.type/],
      ['rename', { name: 42 }, /rename: name/],
      ['shout', { text: 'hello' }, /unknown message "shout"/],
    ] as [string, unknown, RegExp][]) {
      const refusal = table.probe.next('error');
      table.probe.send(type, message);
      const error = await refusal;
      expect(error.error).toBe('bad-message');
      expect(error.detail).toMatch(expected);
    }
    const facilitatorRefusal = facilitator.probe.next('error');
    facilitator.probe.send('act', { target: 'all', action: { type: 'debrief-answer', index: 0, text: 'x'.repeat(5000) } });
    expect(await facilitatorRefusal).toMatchObject({ error: 'bad-message' });

    table.probe.send('rename', { name: 'x'.repeat(20_000) });
    await expect.poll(() => table.probe.closed, { timeout: 4000 }).not.toBeNull();
    await facilitator.probe.next('table', (t) => !t.connected);
    await facilitator.probe.leave();
  });

  it('locks joining: a new table is refused, a returning one comes back', async () => {
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'fr' });
    const { id, secret } = table.welcome.table;
    await table.probe.leave();
    const locked = facilitator.probe.next('master', (m) => m.joiningLocked);
    facilitator.probe.send('lock-joining', { locked: true });
    await locked;
    expect(await errorOf(join(server.base, code, { role: 'table', lang: 'fr' }))).toBe('joining-locked');
    expect(await errorOf(join(server.base, code, { role: 'table', lang: 'fr', table: { id, secret: 'y'.repeat(32) } }))).toBe('unknown-table');
    const back = await join(server.base, code, { role: 'table', lang: 'fr', table: { id, secret } });
    expect(back.welcome.table).toEqual({ id, name: table.welcome.table.name });
    await Promise.all([back.probe.leave(), facilitator.probe.leave()]);
  });

  it('the facilitator deals, locks and reveals for every table or one; a locked table cannot move', async () => {
    const { code, facilitator } = await newSession();
    const a = await join(server.base, code, { role: 'table', lang: 'fr' });
    const b = await join(server.base, code, { role: 'table', lang: 'fr' });
    const dealtA = a.probe.next('fresco', (f) => f.progress.history.present.dealt === 2);
    const dealtB = b.probe.next('fresco', (f) => f.progress.history.present.dealt === 2);
    facilitator.probe.send('table-move', { target: 'all', action: { type: 'deal' } });
    await Promise.all([dealtA, dealtB]);

    const lockedB = b.probe.next('workshop', (w) => w.workshop.locked);
    facilitator.probe.send('act', { target: { table: b.welcome.table.id }, action: { type: 'lock', locked: true } });
    await lockedB;
    const refused = b.probe.next('fresco', (f) => f.refused?.seq === 1);
    b.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 10, y: 10 } });
    expect((await refused).refused.reason).toBe('not-allowed');
    const acked = a.probe.next('ack', (m) => m.lastSeq === 1);
    a.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 10, y: 10 } });
    await acked;

    const revealed = a.probe.next('workshop', (w) => w.workshop.misconceptionsShown);
    const summary = facilitator.probe.next('summary');
    facilitator.probe.send('act', { target: 'all', action: { type: 'reveal-all' } });
    await revealed;
    expect((await summary).tables).toHaveLength(2);
    await Promise.all([a.probe.leave(), b.probe.leave(), facilitator.probe.leave()]);
  });

  it('a dropped socket loses nothing: the table rejoins with its secret, and a move sent again is not applied twice', async () => {
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'fr' });
    const { id, secret } = table.welcome.table;
    const acked = table.probe.next('ack', (m) => m.lastSeq === 2);
    table.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 10, y: 10 } });
    table.probe.send('move', { seq: 2, action: { type: 'place', card: 'president-republique', x: 300, y: 10 } });
    await acked;
    // The wifi goes: the socket dies without a goodbye.
    (table.probe.room as unknown as { connection: { transport: { ws: WebSocket } } }).connection.transport.ws.close(4999);
    await facilitator.probe.next('table', (t) => t.id === id && !t.connected);

    const back = await join(server.base, code, { role: 'table', lang: 'fr', table: { id, secret } });
    expect(back.welcome.lastSeq).toBe(2);
    expect(Object.keys(back.welcome.progress.history.present.placed)).toEqual(['citoyens', 'president-republique']);
    // The offline queue is sent again: seq 2 was already applied, seq 3 is new.
    const ack3 = back.probe.next('ack', (m) => m.lastSeq === 3);
    back.probe.send('move', { seq: 2, action: { type: 'place', card: 'president-republique', x: 300, y: 10 } });
    back.probe.send('move', { seq: 3, action: { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' } });
    await ack3;
    const dashboard = await facilitator.probe.next('table', (t) => t.id === id && t.links === 1);
    expect(dashboard).toMatchObject({ placed: 2, links: 1, connected: true });
    await Promise.all([back.probe.leave(), facilitator.probe.leave()]);
  });

  it('a restarted server resumes the session from disk: facilitator and tables come back with everything', async () => {
    const { code, token, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'fr' });
    const { id, secret } = table.welcome.table;
    const acked = table.probe.next('ack', (m) => m.lastSeq === 1);
    table.probe.send('move', { seq: 1, action: { type: 'place', card: 'citoyens', x: 42, y: 24 } });
    await acked;
    facilitator.probe.send('act', { target: 'all', action: { type: 'timer-start' } });
    await facilitator.probe.next('master', (m) => m.workshop.timer.startedAt !== null);

    await server.close();
    server = await startServer(dataDir);

    const again = await join(server.base, code, { role: 'facilitator', token });
    expect(again.welcome.tables).toMatchObject([{ id, placed: 1, connected: false }]);
    expect(again.welcome.workshop.timer.startedAt).not.toBeNull();
    const back = await join(server.base, code, { role: 'table', lang: 'fr', table: { id, secret } });
    expect(back.welcome.progress.history.present.placed).toEqual({ citoyens: { x: 42, y: 24 } });
    expect(back.welcome.lastSeq).toBe(1);
    await Promise.all([back.probe.leave(), again.probe.leave()]);
  });

  it('counts wrong codes: past the limit a minute, the address waits for codes it does not know', async () => {
    // A server of its own (one per process: Colyseus's matchmaker is global), with no count yet.
    await server.close();
    server = await startServer(tempDataDir());
    const { WRONG_CODES_PER_MINUTE } = await import('../../../server/attempts');
    const { code } = await createSession(server.base, { levelId: 'qui-elit-qui', plan: PLAN });
    const results: string[] = [];
    for (let i = 0; i < WRONG_CODES_PER_MINUTE + 2; i++) results.push(await errorOf(join(server.base, 'ZZZZZ' + '23456789'[i % 8], { role: 'projector' })));
    expect(results.slice(0, WRONG_CODES_PER_MINUTE).every((error) => error === 'wrong-code')).toBe(true);
    expect(results.slice(WRONG_CODES_PER_MINUTE)).toEqual(['too-many-attempts', 'too-many-attempts']);
    // A code this address opened still opens: telling it so tells a guesser nothing new. Any other
    // code waits (tests/unit/server/security.test.ts tries them from several addresses).
    const own = await join(server.base, code, { role: 'projector' });
    expect(own.welcome.role).toBe('projector');
    await own.probe.leave();
  });
});

describe('sessions on disk', () => {
  it('forgets sessions untouched for longer than the time kept, and nothing else', async () => {
    const { SessionStore } = await import('../../../server/sessionStore');
    const { writeFileSync, utimesSync, existsSync } = await import('node:fs');
    const { join: joinPath } = await import('node:path');
    const store = new SessionStore(tempDataDir());
    const old = joinPath(store.dir, 'ABCDEF.json');
    const fresh = joinPath(store.dir, 'GHJKMN.json');
    const other = joinPath(store.dir, 'notes.txt');
    for (const path of [old, fresh, other]) writeFileSync(path, '{}');
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(other, longAgo, longAgo);
    expect(await store.sweep(30 * 24 * 3600 * 1000)).toBe(1);
    expect([existsSync(old), existsSync(fresh), existsSync(other)]).toEqual([false, true, true]);
  });
});

describe('network addresses', () => {
  it('tells the laptop’s addresses on the local network, never the loopback', async () => {
    const answer = (await (await fetch(`${server.base}/api/addresses`)).json()) as { addresses: string[] };
    expect(Array.isArray(answer.addresses)).toBe(true);
    for (const address of answer.addresses) expect(address).not.toMatch(/^127\./);
  });
});

describe('floods', () => {
  it('a connection sending far more than any table could is told once, then ignored', async () => {
    const { BUDGET_DEPTH } = await import('../../../server/messageBudget');
    // A server with no count of wrong codes (the test above used this address's up).
    await server.close();
    server = await startServer(tempDataDir());
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'fr' });
    const told = table.probe.next('error', (e) => e.error === 'too-many-messages', 10_000);
    for (let i = 0; i < BUDGET_DEPTH + 200; i++) table.probe.send('rename', { name: `Table ${i}` });
    expect(await told).toMatchObject({ error: 'too-many-messages' });
    expect(table.probe.received.filter((r) => r.type === 'error' && r.message.error === 'too-many-messages')).toHaveLength(1);
    await Promise.all([table.probe.leave(), facilitator.probe.leave()]);
  }, 30_000);
});

describe('moves in order', () => {
  it('a move after a missing one is not applied: the table is asked to send again from the gap', async () => {
    const { code, facilitator } = await newSession();
    const table = await join(server.base, code, { role: 'table', lang: 'fr' });
    const place = (seq: number, card: string) => table.probe.send('move', { seq, action: { type: 'place', card, x: seq * 10, y: 0 } });
    const first = table.probe.next('ack', (m) => m.lastSeq === 1);
    place(1, 'citoyens');
    await first;
    const resend = table.probe.next('resend');
    place(3, 'president-republique');
    place(4, 'citoyens');
    expect(await resend).toEqual({ from: 2 });
    expect(table.probe.received.filter((r) => r.type === 'resend')).toHaveLength(1);
    const all = table.probe.next('ack', (m) => m.lastSeq === 3);
    place(2, 'president-republique');
    place(3, 'citoyens');
    await all;
    const summary = await facilitator.probe.next('table', (t) => t.placed === 2);
    expect(summary.placed).toBe(2);
    await Promise.all([table.probe.leave(), facilitator.probe.leave()]);
  });
});
