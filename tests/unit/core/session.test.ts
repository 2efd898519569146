import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, makeJoinCode, normalizeJoinCode } from '../../../src/core/joinCode';
import { addTable, applyFacilitatorAct, applyFacilitatorMove, applyTableMove, createSession, parseSession, summarizeTable, SESSION_HISTORY, type SessionState } from '../../../src/core/session';
import { JoinOptionsSchema, MESSAGES } from '../../../src/core/sessionProtocol';
import { summarizeSession } from '../../../src/core/sessionSummary';
import { cleanTeamName, teamName } from '../../../src/core/teamName';
import { sessionCsv } from '../../../src/export/sessionReport';
import { testLevel } from '../fixtures';

const level = testLevel();
const PLAN = { introduction: 2, reflection: 10, correction: 3, creative: 2, debrief: 3 };

function withTables(...ids: string[]): SessionState {
  let state = createSession(level, 'ABCDEF', 'hash', PLAN, 1000);
  for (const id of ids) state = addTable(state, { id, name: id, secretHash: 'h' }, 1000);
  return state;
}

describe('join codes', () => {
  it('use no look-alike characters and read back whatever the case, spaces or dashes', () => {
    for (const char of '0O1IL') expect(CODE_ALPHABET).not.toContain(char);
    let n = 0;
    const code = makeJoinCode(() => n++ % CODE_ALPHABET.length);
    expect(code).toBe('ABCDEF');
    expect(normalizeJoinCode(' abc-def ')).toEqual({ ok: true, code: 'ABCDEF' });
    expect(normalizeJoinCode('')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeJoinCode('ABC')).toEqual({ ok: false, problem: 'length' });
    expect(normalizeJoinCode('ABCDE0')).toEqual({ ok: false, problem: 'characters' });
  });
});

describe('team names', () => {
  it('agree in French and read naturally in English; typed names are cleaned and bounded', () => {
    expect(teamName('fr', () => 1)).toBe('Les Loutres vertes');
    expect(teamName('fr', () => 0)).toBe('Les Hérons bleus');
    expect(teamName('en', () => 0)).toBe('The Blue Herons');
    expect(cleanTeamName('  Les\n  Castors\u0007 ')).toBe('Les Castors');
    expect(cleanTeamName('   ')).toBeNull();
    expect(cleanTeamName('x'.repeat(100))).toHaveLength(40);
  });
});

describe('session rules', () => {
  it('a table joining late starts with the batches dealt to all', () => {
    let state = withTables('a');
    state = applyFacilitatorMove(level, state, 'all', { type: 'deal' }).state;
    state = addTable(state, { id: 'b', name: 'b', secretHash: 'h' }, 2000);
    expect(state.tables.map((t) => t.progress.history.present.dealt)).toEqual([2, 2]);
  });

  it('applies a table move once, refuses what the group may not do, and counts refused moves as seen', () => {
    let state = withTables('a');
    const place = { type: 'place', card: 'citoyens', x: 1, y: 2 } as const;
    let result = applyTableMove(level, state, 'a', 1, place, 5000);
    expect(result.outcome).toEqual({ kind: 'applied' });
    state = result.state;
    expect(state.tables[0]!.lastMoveAt).toBe(5000);
    expect(applyTableMove(level, state, 'a', 1, place, 6000).outcome).toEqual({ kind: 'duplicate' });
    result = applyTableMove(level, state, 'a', 2, { type: 'deal' }, 6000);
    expect(result.outcome).toEqual({ kind: 'refused', reason: 'not-allowed' });
    expect(result.state.tables[0]!.lastSeq).toBe(2);
    result = applyTableMove(level, result.state, 'a', 3, { type: 'place', card: 'senat', x: 0, y: 0 }, 6000);
    expect(result.outcome).toEqual({ kind: 'refused', reason: 'not-dealt' });
    expect(applyTableMove(level, state, 'nobody', 1, place, 0).outcome.kind).toBe('refused');
  });

  it('keeps a bounded undo history for each table', () => {
    let state = withTables('a');
    for (let seq = 1; seq <= SESSION_HISTORY + 10; seq++) state = applyTableMove(level, state, 'a', seq, { type: 'place', card: 'citoyens', x: seq, y: 0 }, seq).state;
    expect(state.tables[0]!.progress.history.past).toHaveLength(SESSION_HISTORY);
  });

  it('deals and locks for every table or one; phases go to all; notes stay with the facilitator', () => {
    let state = withTables('a', 'b');
    let result = applyFacilitatorMove(level, state, { table: 'b' }, { type: 'deal' });
    expect(result.changed).toEqual(['b']);
    expect(result.state.dealt).toBe(1);
    state = result.state;
    result = applyFacilitatorAct(level, state, { table: 'a' }, { type: 'lock', locked: true }, 0);
    expect(result.state.tables.map((t) => t.workshop.locked)).toEqual([true, false]);
    expect(result.state.workshop.locked).toBe(false);
    state = result.state;
    expect(applyTableMove(level, state, 'a', 1, { type: 'place', card: 'citoyens', x: 0, y: 0 }, 0).outcome).toEqual({ kind: 'refused', reason: 'not-allowed' });
    // A phase change is the session's, even when aimed at one table.
    result = applyFacilitatorAct(level, state, { table: 'a' }, { type: 'next-phase' }, 0);
    expect([result.state.workshop.phase, ...result.state.tables.map((t) => t.workshop.phase)]).toEqual(['reflection', 'reflection', 'reflection']);
    result = applyFacilitatorAct(level, result.state, 'all', { type: 'add-note', text: 'Idée', x: 0, y: 0 }, 0);
    expect(result.changed).toEqual([]);
    expect(result.state.workshop.notes).toHaveLength(1);
    expect(result.state.tables[0]!.workshop.notes).toHaveLength(0);
  });

  it('summarizes a table for the dashboard and the tables for the projector', () => {
    let state = withTables('a', 'b');
    state = applyFacilitatorMove(level, state, 'all', { type: 'deal' }).state;
    const moves = [
      { type: 'place', card: 'citoyens', x: 0, y: 0 },
      { type: 'place', card: 'president-republique', x: 300, y: 0 },
      { type: 'place', card: 'premier-ministre', x: 600, y: 0 },
      { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' },
      { type: 'link', from: 'citoyens', to: 'premier-ministre', relation: 'elit' },
    ] as const;
    for (const id of ['a', 'b']) moves.forEach((action, i) => (state = applyTableMove(level, state, id, i + 1, action, 0).state));
    const summary = summarizeTable(level, state.tables[0]!, true);
    expect(summary).toMatchObject({ id: 'a', connected: true, placed: 3, links: 2, dealt: 2, score: { correct: 1, wrong: 1, total: 4 } });
    const across = summarizeSession(level, state.tables.map((t) => ({ id: t.id, name: t.name, board: t.progress.history.present })));
    expect(across.misconceptions).toEqual([{ index: 1, from: 'citoyens', to: 'premier-ministre', relation: 'elit', tables: 2 }]);
    expect(across.missed[0]).toMatchObject({ tables: 2 });
    expect(across.meanPercent).toBe(summary.score.percent);
  });

  it('reads back what it wrote, and says what is wrong with a damaged file', () => {
    const state = withTables('a');
    expect(parseSession(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, state });
    const damaged = parseSession({ ...state, tables: [{ ...state.tables[0], lastSeq: -1 }] });
    expect(damaged).toMatchObject({ ok: false });
    expect(!damaged.ok && damaged.problem).toMatch(/tables\.0\.lastSeq/);
  });
});

describe('protocol', () => {
  it('bounds what clients send', () => {
    expect(MESSAGES.move.schema.safeParse({ seq: 1, action: { type: 'place', card: 'a', x: Infinity, y: 0 } }).success).toBe(false);
    expect(MESSAGES.act.schema.safeParse({ target: 'all', action: { type: 'name-fresco', name: 'x'.repeat(121) } }).success).toBe(false);
    expect(MESSAGES['table-move'].schema.safeParse({ target: { table: 't1' }, action: { type: 'reset' } }).success).toBe(false);
    expect(JoinOptionsSchema.safeParse({ role: 'facilitator', token: 'short' }).success).toBe(false);
    expect(JoinOptionsSchema.parse({ role: 'table' })).toEqual({ role: 'table', lang: 'fr' });
  });
});

describe('session report', () => {
  it('writes one CSV line per table, with names that cannot run as spreadsheet formulas', () => {
    const state = withTables('a');
    const table = { ...summarizeTable(level, state.tables[0]!, false), name: '=HYPERLINK("x")', board: state.tables[0]!.progress.history.present };
    const csv = sessionCsv({ code: 'ABCDEF', createdAt: 0, workshop: state.workshop, tables: [table], summary: summarizeSession(level, []) });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
