// The summary across tables counts the true arrows the level did not ask for apart from the
// mistakes: they never lower a table's score.
import { describe, expect, it } from 'vitest';
import { applyBoardAction, initialBoard, type Board, type BoardAction } from '../../../src/core/fresco';
import type { Level } from '../../../src/core/level';
import { summarizeSession } from '../../../src/core/sessionSummary';
import { testLevelWithGraph } from '../fixtures';

const level = testLevelWithGraph();

function boardWith(level: Level, links: [string, string, string][]): Board {
  const actions: BoardAction[] = [
    { type: 'deal' },
    ...level.cards.map((card, i) => ({ type: 'place' as const, card: card.id, x: 300 * i, y: 0 })),
    ...links.map(([from, relation, to]) => ({ type: 'link' as const, from, to, relation })),
  ];
  return actions.reduce((board, action) => applyBoardAction(level, board, action).board, initialBoard());
}

describe('summarizeSession with a truth graph', () => {
  it('lists the true arrows not asked that tables drew, most common first, and scores them as not drawn', () => {
    const asked: [string, string, string] = ['citoyens', 'elit', 'president-republique'];
    const tables = [
      { id: 'a', name: 'A', board: boardWith(level, [asked, ['citoyens', 'controle', 'assemblee-nationale'], ['president-republique', 'represente', 'citoyens']]) },
      { id: 'b', name: 'B', board: boardWith(level, [asked, ['citoyens', 'controle', 'assemblee-nationale']]) },
      { id: 'c', name: 'C', board: boardWith(level, [asked]) },
    ];
    const summary = summarizeSession(level, tables);
    expect(summary.notAsked).toEqual([
      { index: 0, from: 'citoyens', to: 'assemblee-nationale', relation: 'controle', tables: 2 },
      { index: 1, from: 'president-republique', to: 'citoyens', relation: 'represente', tables: 1 },
    ]);
    expect(summary.misconceptions).toEqual([]);
    expect(new Set(summary.tables.map((table) => JSON.stringify(table.score)))).toEqual(new Set([JSON.stringify({ correct: 1, wrong: 0, missing: 3, total: 4, percent: 25 })]));
  });
});
