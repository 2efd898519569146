// A session's size is bounded whatever its tables do: a table drawing every possible arrow of the
// largest shipped level is refused past the session's limit, in words the table can show, and its
// state (fresco and undo history, what the server keeps in memory and on disk) stays small.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyProgressAction, startProgress, type Progress } from '../../../src/core/progress';
import { addTable, applyFacilitatorMove, applyTableMove, createSession, SESSION_LIMITS, sessionRefusal, trimSessionHistory, type SessionState } from '../../../src/core/session';
import { applySessionChange } from '../../../src/core/sessionChange';
import { loadShippedLevels } from '../../../server/levels';

const levels = loadShippedLevels(resolve(import.meta.dirname, '../../../levels'));
const PLAN = { introduction: 2, reflection: 10, correction: 3, creative: 2, debrief: 3 };

const linksKept = (progress: Progress) => [...progress.history.past, progress.history.present, ...progress.history.future].reduce((sum, board) => sum + board.links.length, 0);

describe('session limits', () => {
  it('a table drawing every possible arrow of the largest level is refused past the limit, and stays small', () => {
    const level = [...levels.values()].sort((a, b) => b.cards.length - a.cards.length)[0]!;
    let state: SessionState = addTable(createSession(level, 'ABCDEF', 'hash', PLAN, 0), { id: 't', name: 'Table', secretHash: 'h' }, 0);
    while (state.dealt < level.batches.length) state = applyFacilitatorMove(level, state, 'all', { type: 'deal' }).state;
    let seq = 0;
    const move = (action: Parameters<typeof applyTableMove>[4]) => {
      const result = applyTableMove(level, state, 't', ++seq, action, seq);
      state = result.state;
      return result.outcome;
    };
    level.cards.forEach((card, i) => move({ type: 'place', card: card.id, x: (i % 10) * 200, y: Math.floor(i / 10) * 150 }));
    const refusals = new Map<string, number>();
    for (const from of level.cards) {
      for (const to of level.cards) {
        if (from === to) continue;
        for (const relation of level.relations) {
          const outcome = move({ type: 'link', from: from.id, to: to.id, relation: relation.id });
          if (outcome.kind === 'refused') refusals.set(outcome.reason, (refusals.get(outcome.reason) ?? 0) + 1);
        }
      }
    }
    const table = state.tables[0]!;
    expect(table.progress.history.present.links).toHaveLength(SESSION_LIMITS.links);
    expect(refusals.get('too-many-links')).toBe(level.cards.length * (level.cards.length - 1) * level.relations.length - SESSION_LIMITS.links);
    // Every move counts as seen, refused or not: the table's sequence goes on.
    expect(table.lastSeq).toBe(seq);
    expect(table.progress.history.past.length).toBeLessThanOrEqual(SESSION_LIMITS.historySteps);
    expect(linksKept(table.progress)).toBeLessThanOrEqual(SESSION_LIMITS.historyLinks);
    // About 110 bytes an arrow at most, 60 a card position: the whole table, history included, under 300 KB.
    expect(JSON.stringify(table).length).toBeLessThan(300_000);
    // Deleting an arrow makes room for another.
    expect(move({ type: 'unlink', link: table.progress.history.present.links[0]!.id }).kind).toBe('applied');
    expect(sessionRefusal(state.tables[0]!.progress, { type: 'link', from: 'a', to: 'b', relation: 'c' })).toBeNull();
  });

  it('trims the undo history by steps and by arrows; undo and redo then agree on both sides', () => {
    const level = levels.get('qui-elit-qui')!;
    let progress = startProgress();
    const cards = level.batches[0]!.cards;
    for (const [i, card] of cards.entries()) progress = trimSessionHistory(applyProgressAction(level, progress, { type: 'place', card, x: i * 100, y: 0 }).progress);
    for (let i = 0; i < 50; i++) progress = trimSessionHistory(applyProgressAction(level, progress, { type: 'place', card: cards[0]!, x: i, y: 5 }).progress);
    expect(progress.history.past).toHaveLength(SESSION_LIMITS.historySteps);
    // Undoing every step and redoing them all changes nothing that trimming would take away.
    let undone = progress;
    for (let i = 0; i < SESSION_LIMITS.historySteps; i++) undone = trimSessionHistory(applyProgressAction(level, undone, { type: 'undo' }).progress);
    expect(undone.history.future).toHaveLength(SESSION_LIMITS.historySteps);
    expect(applyProgressAction(level, undone, { type: 'undo' }).rejected).toBe('nothing-to-undo');
    let redone = undone;
    for (let i = 0; i < SESSION_LIMITS.historySteps; i++) redone = trimSessionHistory(applyProgressAction(level, redone, { type: 'redo' }).progress);
    expect(redone.history.present).toEqual(progress.history.present);
  });

  it('replaying the journal’s changes gives the state applied live', () => {
    const level = levels.get('qui-elit-qui')!;
    const start = createSession(level, 'ABCDEF', 'hash', PLAN, 0);
    const changes = [
      { type: 'add-table', table: { id: 't', name: 'Table', secretHash: 'h' }, at: 1 },
      { type: 'move', table: 't', seq: 1, action: { type: 'place', card: 'citoyens', x: 1, y: 2 }, at: 2 },
      { type: 'act', target: 'all', action: { type: 'lock', locked: true }, at: 3 },
      { type: 'move', table: 't', seq: 2, action: { type: 'place', card: 'maire', x: 1, y: 2 }, at: 4 },
      { type: 'skip', table: 't', to: 7 },
      { type: 'rename', table: 't', name: 'Les Castors' },
      { type: 'lock-joining', locked: true },
    ] as const;
    let replayed = start;
    for (const change of changes) replayed = applySessionChange(level, replayed, change).state;
    const table = replayed.tables[0]!;
    expect(table).toMatchObject({ name: 'Les Castors', lastSeq: 7, lostMoves: 5, lastMoveAt: 2 });
    expect(table.progress.history.present.placed).toEqual({ citoyens: { x: 1, y: 2 } });
    expect(table.workshop.locked).toBe(true);
    expect(replayed.joiningLocked).toBe(true);
  });
});
