// The journal of a session's folder, with real files: what it says is on disk is the state it
// wrote (never a newer one in memory), changes arriving together are written together, the
// folder stays bounded however long a session runs, and a last line a crash cut short is
// ignored when the session is read back.
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTable, createSession, type SessionState } from '../../../src/core/session';
import { applySessionChange, type SessionChange } from '../../../src/core/sessionChange';
import { loadShippedLevels } from '../../../server/levels';
import { SessionStore } from '../../../server/sessionStore';
import { LEVELS, PLAN, tempDataDir, until } from './harness';

const levels = loadShippedLevels(LEVELS);
const level = levels.get('qui-elit-qui')!;
const CARDS = level.batches[0]!.cards;

/** A session with one table, and a way to apply and journal its moves as the room does. */
function session(store: SessionStore, code: string) {
  let state: SessionState = addTable(createSession(level, code, 'hash', PLAN, 0), { id: 't', name: 'Table', secretHash: 'h' }, 0);
  const durable: SessionState[] = [];
  const journal = store.open(code, () => state, { durable: (written) => durable.push(written), trouble: () => undefined }, null);
  let seq = 0;
  const move = () => {
    seq += 1;
    const change: SessionChange = { type: 'move', table: 't', seq, action: { type: 'place', card: CARDS[seq % CARDS.length]!, x: seq, y: 0 }, at: seq };
    state = applySessionChange(level, state, change).state;
    journal.append(change, state);
  };
  return { journal, durable, move, state: () => state, seq: () => seq };
}

const lastSeqOf = (state: SessionState) => state.tables[0]!.lastSeq;

describe('a session’s journal', () => {
  it('says on disk only the state it wrote; changes arriving meanwhile wait for the next write, together', async () => {
    const store = new SessionStore(tempDataDir());
    const s = session(store, 'ABCDEF');
    expect(await s.journal.whenDurable()).toBe(true);
    s.move();
    // The write of move 1 is on its way (next turn of the event loop); moves 2 to 50 arrive meanwhile.
    await new Promise((done) => setImmediate(done));
    for (let i = 0; i < 49; i++) s.move();
    expect(await s.journal.whenDurable()).toBe(true);
    const told = s.durable.slice(1).map(lastSeqOf);
    // The first write held move 1 alone, although the session in memory was at 50 when it ended.
    expect(told[0]).toBe(1);
    expect(told.at(-1)).toBe(50);
    // Grouped: far fewer writes than moves.
    expect(told.length).toBeLessThan(10);
    await store.close('ABCDEF', s.journal);

    const loaded = await store.load('ABCDEF', levels);
    expect(loaded.kind === 'ok' && lastSeqOf(loaded.state)).toBe(50);
  });

  it('stays bounded: the journal is folded into a snapshot as it grows, and only two generations are kept', async () => {
    const store = new SessionStore(tempDataDir(), { compactBytes: 16 * 1024 });
    const s = session(store, 'GHJKMN');
    const folder = store.folder('GHJKMN');
    let largest = 0;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 50; i++) s.move();
      await s.journal.whenDurable();
      const names = readdirSync(folder);
      largest = Math.max(largest, names.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0));
      expect(names.filter((name) => name.startsWith('snapshot-')).length).toBeLessThanOrEqual(2);
    }
    const stateBytes = JSON.stringify(s.state()).length;
    // Two snapshots and two journals, each journal folded once past the larger of 16 KB and the snapshot.
    expect(largest).toBeLessThan(4 * Math.max(16 * 1024, stateBytes) + 64 * 1024);
    await store.close('GHJKMN', s.journal);
    const loaded = await store.load('GHJKMN', levels);
    expect(loaded.kind === 'ok' && [lastSeqOf(loaded.state), loaded.recovery]).toEqual([2000, null]);
  });

  it('reads back a session whose journal ends with a line a crash cut short, without calling it damaged', async () => {
    const store = new SessionStore(tempDataDir());
    const s = session(store, 'PQRSTU');
    for (let i = 0; i < 5; i++) s.move();
    await s.journal.whenDurable();
    await store.close('PQRSTU', s.journal);
    // Half a line, as a crash in the middle of a write leaves it (it was never acknowledged).
    appendFileSync(join(store.folder('PQRSTU'), 'journal-1.log'), '1234abcd {"n":7,"change":{"type":"mo');
    const loaded = await store.load('PQRSTU', levels);
    expect(loaded.kind).toBe('ok');
    expect(loaded.kind === 'ok' && [lastSeqOf(loaded.state), loaded.recovery]).toEqual([5, null]);
    // Resumed, it writes a new generation and goes on from there.
    if (loaded.kind !== 'ok') return;
    const resumed = store.open('PQRSTU', () => loaded.state, { durable: () => undefined, trouble: () => undefined }, loaded.resume);
    expect(await resumed.whenDurable()).toBe(true);
    expect(await until(() => readdirSync(store.folder('PQRSTU')).includes('snapshot-2.json'))).toBe(true);
    await store.close('PQRSTU', resumed);
  });
});
