// What the session server keeps on disk, with real files: a server restored from an older copy
// gets the tables' kept moves again and says in words what nobody has any more; a damaged file
// is set aside and the previous copy used; a full disk (a real ENOSPC, from /dev/full) delays
// acknowledgements, and writes resume by themselves once there is room; a session stays within
// its limits; a session kept in the first format is resumed.
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addTable, applyTableMove, createSession as createState } from '../../../src/core/session';
import { createSession, SessionRequestError } from '../../../src/session/api';
import { KEPT_MOVES } from '../../../src/session/outbox';
import { hashSecret } from '../../../server/secrets';
import { join, LEVELS, PLAN, startServer, tempDataDir, until, type Probe } from './harness';
import { TestTable } from './tableClient';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const hasDevFull = existsSync('/dev/full');
if (!hasDevFull && process.env.CI) throw new Error('/dev/full is missing: the full-disk test needs it (any Linux has it)');

let server: Awaited<ReturnType<typeof startServer>> | null = null;
let dataDir = tempDataDir();
const open: { stop(): Promise<void> }[] = [];
const base = () => server!.base;

/** Stops the server (tables trying to come back wait meanwhile), changes what is on disk, starts it again. */
async function restart(change?: () => void): Promise<void> {
  await stop();
  change?.();
  server = await startServer(dataDir);
}

async function stop(): Promise<void> {
  const running = server;
  server = null;
  await running?.close();
}

afterEach(async () => {
  // A client of a server restarted since never hears back from leaving: it is not waited for long.
  await Promise.all(open.splice(0).map((client) => Promise.race([client.stop(), new Promise((done) => setTimeout(done, 500))])));
});
afterAll(async () => {
  await server?.close();
});

async function freshServer(): Promise<void> {
  await stop();
  dataDir = tempDataDir();
  server = await startServer(dataDir);
}

async function facilitatorOf(code: string, token: string): Promise<{ probe: Probe; welcome: any }> {
  const joined = await join(base(), code, { role: 'facilitator', token });
  open.push({ stop: () => joined.probe.leave().then(() => undefined) });
  return joined;
}

async function tableOf(code: string, label: string, index = 0): Promise<TestTable> {
  const table = new TestTable(label, index);
  open.push(table);
  await table.connect(base, code);
  expect(await until(() => table.id !== null)).toBe(true);
  return table;
}

async function played(table: TestTable, count: number): Promise<void> {
  for (let i = 0; i < count; i++) table.move();
  expect(await until(() => table.synced()), `${table.label} is acknowledged`).toBe(true);
}

const sessionsDir = () => joinPath(dataDir, 'sessions');
const folderOf = (code: string) => joinPath(sessionsDir(), code);
const filesOf = (code: string) => readdirSync(folderOf(code)).sort();

/** Every file the server keeps for a session, whatever its layout (one file, or a folder of them), with its content. */
function keptFor(code: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(joinPath(path, name));
    else files.set(path, readFileSync(path, 'utf8'));
  };
  for (const name of readdirSync(sessionsDir())) if (name.startsWith(code)) walk(joinPath(sessionsDir(), name));
  return files;
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (cause) {
    if (cause instanceof SessionRequestError) return cause.error;
    throw cause;
  }
  throw new Error('expected a refusal');
}

describe('a server restored from an older copy', () => {
  it('gets again the moves the tables kept; a gap they cannot fill is said to the table and the facilitator, and the table syncs again', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const a = await tableOf(code, 'table A', 0);
    const b = await tableOf(code, 'table B', 1);
    await Promise.all([played(a, 10), played(b, 10)]);
    // A copy of everything the server keeps, whatever its layout.
    const older = tempDataDir();
    cpSync(sessionsDir(), older, { recursive: true });
    // Acknowledged after the copy: A a few moves (it still keeps them), B more than it keeps.
    await Promise.all([played(a, 20), played(b, KEPT_MOVES + 30)]);

    // The disk lied, or the copy was restored: the server comes back with the older one.
    await restart(() => {
      rmSync(sessionsDir(), { recursive: true });
      cpSync(older, sessionsDir(), { recursive: true });
    });
    const facilitator = await facilitatorOf(code, token);
    expect(await until(() => a.welcomes.length === 2 && b.welcomes.length === 2)).toBe(true);
    expect(a.welcomes[1]!.lastSeq).toBe(10);
    expect(b.welcomes[1]!.lastSeq).toBe(10);
    expect(await until(() => a.synced() && b.synced())).toBe(true);

    // A sent its kept moves again: nothing lost, nothing to say.
    expect(a.gaps).toEqual([]);
    // B no longer had moves 11 to 40: both it and the facilitator are told.
    expect(b.gaps).toEqual([{ table: b.id, name: expect.any(String), from: 11, to: 40, lost: 30 }]);
    const told = await facilitator.probe.next('gap');
    expect(told).toMatchObject({ table: b.id, lost: 30 });
    const dashboard = await facilitator.probe.next('table', (t) => t.id === b.id && t.lostMoves === 30);
    expect(dashboard.name).toBe(told.name);

    // And both play on: new moves are applied and acknowledged.
    await Promise.all([played(a, 3), played(b, 3)]);
    await restart();
    expect(await until(() => a.welcomes.length === 3 && b.welcomes.length === 3)).toBe(true);
    expect(a.welcomes[2]!.lastSeq).toBe(a.seq);
    expect(a.welcomes[2]!.placed).toEqual(a.expected(a.seq));
    expect(b.welcomes[2]!.lastSeq).toBe(b.seq);
  }, 60_000);
});

describe('a table that cannot fill a gap', () => {
  it('is not left frozen when it never answers a resend (an older game): the server goes on after the gap and says so', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const facilitator = await facilitatorOf(code, token);
    const table = await join(base(), code, { role: 'table', lang: 'fr' });
    open.push({ stop: () => table.probe.leave().then(() => undefined) });
    const place = (seq: number) => table.probe.send('move', { seq, action: { type: 'place', card: 'citoyens', x: seq, y: 0 } });
    const first = table.probe.next('ack', (m) => m.lastSeq === 1);
    place(1);
    await first;
    // Moves 2 and 3 never come (this table dropped them): it is asked for them, and does not answer.
    const resend = table.probe.next('resend');
    place(4);
    expect(await resend).toEqual({ from: 2 });
    await new Promise((done) => setTimeout(done, 5200));
    const gap = table.probe.next('gap');
    const acked = table.probe.next('ack', (m) => m.lastSeq === 5);
    place(5);
    expect(await gap).toMatchObject({ from: 2, to: 4, lost: 3 });
    await acked;
    expect(await facilitator.probe.next('gap')).toMatchObject({ table: table.welcome.table.id, lost: 3 });
  }, 30_000);
});

describe('a damaged session file', () => {
  it('the newest snapshot damaged: it is set aside, the previous copy and the journals give everything back, and the facilitator and tables are told', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const table = await tableOf(code, 'table');
    await played(table, 10);
    await restart();
    expect(await until(() => table.welcomes.length === 2)).toBe(true);
    await played(table, 10);
    await stop();

    const newest = filesOf(code).filter((name) => /^snapshot-\d+\.json$/.test(name)).sort((x, y) => Number(/\d+/.exec(y)![0]) - Number(/\d+/.exec(x)![0]))[0]!;
    expect(newest).toBe('snapshot-2.json');
    const text = readFileSync(joinPath(folderOf(code), newest), 'utf8');
    const at = text.indexOf('citoyens');
    writeFileSync(joinPath(folderOf(code), newest), `${text.slice(0, at)}CITOYENS${text.slice(at + 8)}`);

    server = await startServer(dataDir);
    const facilitator = await facilitatorOf(code, token);
    expect(facilitator.welcome.incidents).toHaveLength(1);
    expect(facilitator.welcome.incidents[0].problem).toMatch(/snapshot-2\.json: checksum/);
    const [aside] = facilitator.welcome.incidents[0].setAside;
    expect(aside).toMatch(/^damaged-\d{8}T\d{6}Z-snapshot-2\.json$/);
    // Kept for inspection, as it was.
    expect(readFileSync(joinPath(folderOf(code), aside), 'utf8')).toContain('CITOYENS');

    expect(await until(() => table.welcomes.length === 3)).toBe(true);
    expect(table.welcomes[2]!.lastSeq).toBe(20);
    expect(table.welcomes[2]!.placed).toEqual(table.expected(20));
    expect(table.welcomes[2]!.incident).toBe(facilitator.welcome.incidents[0].at);
    expect(table.gaps).toEqual([]);
    await played(table, 2);
  }, 60_000);

  it('a journal line damaged: the journal is set aside, the state up to the damage used, and the tables send again what follows', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const table = await tableOf(code, 'table');
    await played(table, 30);
    await stop();
    const journal = joinPath(folderOf(code), 'journal-1.log');
    const lines = readFileSync(journal, 'utf8').split('\n');

    // Damage the line of move 9 (its checksum no longer matches).
    const damaged = lines.findIndex((line) => line.includes('"seq":9,'));
    lines[damaged] = lines[damaged]!.replace('"seq":9,', '"seq":8,');
    writeFileSync(journal, lines.join('\n'));

    server = await startServer(dataDir);
    const facilitator = await facilitatorOf(code, token);
    expect(facilitator.welcome.incidents[0].problem).toMatch(new RegExp(`journal-1\\.log: line ${damaged + 1}: checksum`));
    expect(filesOf(code).some((name) => /^damaged-.*-journal-1\.log$/.test(name))).toBe(true);
    expect(await until(() => table.welcomes.length === 2)).toBe(true);
    expect(table.welcomes[1]!.lastSeq).toBe(8);
    expect(await until(() => table.synced())).toBe(true);
    expect(table.gaps).toEqual([]);
    await restart();
    expect(await until(() => table.welcomes.length === 3)).toBe(true);
    expect(table.welcomes[2]!.lastSeq).toBe(30);
    expect(table.welcomes[2]!.placed).toEqual(table.expected(30));
  }, 60_000);

  it('no copy can be read: every join is told so in words (not a server error to retry), and the files are kept', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const table = await tableOf(code, 'table');
    await played(table, 5);
    await table.stop();
    await stop();
    const before = keptFor(code);
    expect(before.size).toBeGreaterThan(0);
    let n = 0;
    for (const path of before.keys()) writeFileSync(path, `damaged file ${++n}\n`);

    server = await startServer(dataDir);
    expect(await errorOf(join(base(), code, { role: 'facilitator', token }))).toBe('session-damaged');
    expect(await errorOf(join(base(), code, { role: 'table', lang: 'fr', table: { id: table.id!, secret: table.secret! } }))).toBe('session-damaged');
    // Nothing deleted: every damaged file is still there, set aside under a name that says so.
    const after = keptFor(code);
    expect([...after.values()].sort()).toEqual(Array.from({ length: before.size }, (_, i) => `damaged file ${i + 1}\n`).sort());
    for (const path of after.keys()) expect(path).toMatch(/[\\/]damaged-[^\\/]+$/);
  }, 60_000);
});

describe.skipIf(!hasDevFull)('a full disk', () => {
  it('delays acknowledgements and tells the facilitator; once there is room, writes resume by themselves, with no new move', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const facilitator = await facilitatorOf(code, token);
    const table = await tableOf(code, 'table');
    await played(table, 3);
    // Every file the server writes next is /dev/full, whose writes fail with ENOSPC.
    const folder = folderOf(code);
    expect(filesOf(code)).toEqual(['journal-1.log', 'snapshot-1.json']);
    renameSync(joinPath(folder, 'journal-1.log'), joinPath(folder, 'journal-1.log.kept'));
    symlinkSync('/dev/full', joinPath(folder, 'journal-1.log'));
    symlinkSync('/dev/full', joinPath(folder, 'snapshot-2.json.tmp'));

    const failing = facilitator.probe.next('storage');
    table.move();
    expect((await failing).problem).toMatch(/^ENOSPC/);
    await new Promise((done) => setTimeout(done, 1500));
    expect(table.acked).toBe(3);

    // Room again: the files are as they were before the disk filled up.
    unlinkSync(joinPath(folder, 'snapshot-2.json.tmp'));
    unlinkSync(joinPath(folder, 'journal-1.log'));
    renameSync(joinPath(folder, 'journal-1.log.kept'), joinPath(folder, 'journal-1.log'));
    const back = facilitator.probe.next('storage', (m) => m.problem === null, 15_000);
    expect(await until(() => table.acked === 4, 15_000)).toBe(true);
    await back;
    await restart();
    expect(await until(() => table.welcomes.length === 2)).toBe(true);
    expect(table.welcomes[1]!.lastSeq).toBe(4);
    expect(table.welcomes[1]!.placed).toEqual(table.expected(4));
  }, 60_000);
});

describe('limits', () => {
  it('a table past the arrows a fresco may hold is refused with the reason; the facilitator past the notes too', async () => {
    await freshServer();
    const { code, token } = await createSession(base(), { levelId: 'qui-elit-qui', plan: PLAN });
    const facilitator = await facilitatorOf(code, token);
    const table = await tableOf(code, 'table');
    facilitator.probe.send('table-move', { target: 'all', action: { type: 'deal' } });
    const cards = ['citoyens', 'president-republique', 'assemblee-nationale', 'premier-ministre', 'parlement-europeen', 'conseil-municipal', 'maire', 'departements', 'grands-electeurs', 'senat'];
    await new Promise((done) => setTimeout(done, 300));
    cards.forEach((card, i) => table.play({ type: 'place', card, x: i * 200, y: 0 }));
    const relations = ['elit', 'nomme', 'represente', 'participe-a'];
    let links = 0;
    for (const from of cards) for (const to of cards) for (const relation of relations) if (from !== to && links++ <= 200) table.play({ type: 'link', from, to, relation });
    expect(await until(() => table.refusals.length > 0)).toBe(true);
    expect(table.refusals).toEqual([{ seq: cards.length + 201, reason: 'too-many-links' }]);
    expect(await until(() => table.synced())).toBe(true);

    for (let i = 0; i < 60; i++) facilitator.probe.send('act', { target: 'all', action: { type: 'add-note', text: `note ${i}`, x: i, y: 0 } });
    const refusal = facilitator.probe.next('error');
    facilitator.probe.send('act', { target: 'all', action: { type: 'add-note', text: 'one more', x: 0, y: 0 } });
    expect(await refusal).toEqual({ error: 'too-many-notes', detail: '60' });
  }, 60_000);
});

describe('a session kept in the first format', () => {
  it('is resumed, and kept in the new one from then on', async () => {
    await freshServer();
    const { loadShippedLevels } = await import('../../../server/levels');
    const level = loadShippedLevels(LEVELS).get('qui-elit-qui')!;
    const token = 't'.repeat(32);
    const secret = 's'.repeat(32);
    let state = addTable(createState(level, 'HJKMNP', hashSecret(token), PLAN, 1000), { id: 'old-table', name: 'Les Castors', secretHash: hashSecret(secret) }, 1000);
    state = applyTableMove(level, state, 'old-table', 1, { type: 'place', card: 'citoyens', x: 5, y: 6 }, 2000).state;
    // As the first format wrote it: no fields added since.
    const { incidents: _incidents, ...first } = state;
    const legacy = joinPath(dataDir, 'sessions', 'HJKMNP.json');
    writeFileSync(legacy, JSON.stringify({ ...first, tables: first.tables.map(({ lostMoves: _lost, ...table }) => table) }));

    const facilitator = await facilitatorOf('HJKMNP', token);
    expect(facilitator.welcome.tables).toMatchObject([{ id: 'old-table', name: 'Les Castors', placed: 1 }]);
    const back = await join(base(), 'HJKMNP', { role: 'table', lang: 'fr', table: { id: 'old-table', secret } });
    open.push({ stop: () => back.probe.leave().then(() => undefined) });
    expect(back.welcome).toMatchObject({ lastSeq: 1, acked: 1 });
    expect(back.welcome.progress.history.present.placed).toEqual({ citoyens: { x: 5, y: 6 } });
    expect(await until(() => !existsSync(legacy))).toBe(true);
    expect(filesOf('HJKMNP')).toContain('snapshot-1.json');
  }, 30_000);
});
