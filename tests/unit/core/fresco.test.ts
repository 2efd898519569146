import { describe, expect, it } from 'vitest';
import { applyBoardAction, dealtCards, handCards, initialBoard, type Board, type BoardAction } from '../../../src/core/fresco';
import { testLevel } from '../fixtures';

const level = testLevel();

function run(actions: BoardAction[], from: Board = initialBoard()): Board {
  return actions.reduce((board, action) => {
    const result = applyBoardAction(level, board, action);
    if (result.rejected) throw new Error(`${action.type} rejected: ${result.rejected}`);
    return result.board;
  }, from);
}

describe('board actions', () => {
  it('starts with the first batch in the hand', () => {
    const board = initialBoard();
    expect(handCards(level, board)).toEqual(['citoyens', 'president-republique']);
  });

  it('deals batches in order and refuses to deal past the last', () => {
    const board = run([{ type: 'deal' }]);
    expect(dealtCards(level, board)).toHaveLength(5);
    expect(applyBoardAction(level, board, { type: 'deal' }).rejected).toBe('nothing-to-deal');
  });

  it('places only dealt cards, and a moved card goes on top of the stack', () => {
    expect(applyBoardAction(level, initialBoard(), { type: 'place', card: 'premier-ministre', x: 0, y: 0 }).rejected).toBe('not-dealt');
    const board = run([
      { type: 'place', card: 'citoyens', x: 100, y: 100 },
      { type: 'place', card: 'president-republique', x: 400, y: 100 },
      { type: 'place', card: 'citoyens', x: 120, y: 300 },
    ]);
    expect(Object.keys(board.placed)).toEqual(['president-republique', 'citoyens']);
    expect(board.placed.citoyens).toEqual({ x: 120, y: 300 });
    expect(handCards(level, board)).toEqual([]);
  });

  it('refuses positions that are not numbers', () => {
    expect(applyBoardAction(level, initialBoard(), { type: 'place', card: 'citoyens', x: Number.NaN, y: 0 }).rejected).toBe('bad-position');
  });

  it('links placed cards with a relation of the level, once', () => {
    const placed = run([
      { type: 'place', card: 'citoyens', x: 100, y: 100 },
      { type: 'place', card: 'president-republique', x: 400, y: 100 },
    ]);
    const linked = run([{ type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' }], placed);
    expect(linked.links).toEqual([{ id: 'l1', from: 'citoyens', to: 'president-republique', relation: 'elit' }]);
    expect(applyBoardAction(level, linked, { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' }).rejected).toBe('duplicate-link');
    expect(applyBoardAction(level, placed, { type: 'link', from: 'citoyens', to: 'citoyens', relation: 'elit' }).rejected).toBe('same-card');
    expect(applyBoardAction(level, placed, { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'vote' }).rejected).toBe('unknown-relation');
    expect(applyBoardAction(level, initialBoard(), { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' }).rejected).toBe('not-on-board');
    // The same two cards may carry a second arrow with another verb, and the reverse arrow.
    const both = run(
      [
        { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'controle' },
        { type: 'link', from: 'president-republique', to: 'citoyens', relation: 'represente' },
      ],
      linked,
    );
    expect(both.links.map((link) => link.id)).toEqual(['l1', 'l2', 'l3']);
  });

  it('relabels and deletes an arrow', () => {
    const board = run([
      { type: 'place', card: 'citoyens', x: 100, y: 100 },
      { type: 'place', card: 'president-republique', x: 400, y: 100 },
      { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'nomme' },
      { type: 'relabel', link: 'l1', relation: 'elit' },
    ]);
    expect(board.links[0]?.relation).toBe('elit');
    expect(applyBoardAction(level, board, { type: 'relabel', link: 'l1', relation: 'elit' }).board).toBe(board);
    expect(run([{ type: 'unlink', link: 'l1' }], board).links).toEqual([]);
    expect(applyBoardAction(level, board, { type: 'unlink', link: 'l9' }).rejected).toBe('unknown-link');
  });

  it('takes a card back to the hand with its arrows', () => {
    const board = run([
      { type: 'place', card: 'citoyens', x: 100, y: 100 },
      { type: 'place', card: 'president-republique', x: 400, y: 100 },
      { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' },
      { type: 'return', card: 'citoyens' },
    ]);
    expect(board.links).toEqual([]);
    expect(handCards(level, board)).toEqual(['citoyens']);
  });

  it('resets to the start', () => {
    const board = run([{ type: 'deal' }, { type: 'place', card: 'citoyens', x: 1, y: 1 }, { type: 'reset' }]);
    expect(board).toEqual(initialBoard());
  });
});
