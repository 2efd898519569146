// Checking with the deck's truth graph: the judge order of the format, the verdict "true, not
// asked here" (never wrong, never missing, never in the score's denominator), and a level from a
// file that contradicts the graph.
import { describe, expect, it } from 'vitest';
import { checkFresco, judgeLink, notAskedCount } from '../../../src/core/check';
import { applyBoardAction, initialBoard, type Board, type BoardAction } from '../../../src/core/fresco';
import type { Level } from '../../../src/core/level';
import { layoutFresco } from '../../../src/core/layout';
import { applyProgressAction, phaseOf, startProgress, type Progress } from '../../../src/core/progress';
import { makeSave, readSave } from '../../../src/core/save';
import { validateLevel } from '../../../src/core/validate';
import { levelFile, libraryWithGraph, testLevel, testLevelWithGraph } from '../fixtures';

const withGraph = testLevelWithGraph();
const withoutGraph = testLevel();

function boardWith(level: Level, links: [string, string, string][]): Board {
  const cards = level.cards.map((card) => card.id);
  const actions: BoardAction[] = [
    { type: 'deal' },
    ...cards.map((card, i) => ({ type: 'place' as const, card, x: 300 * i, y: 0 })),
    ...links.map(([from, relation, to]) => ({ type: 'link' as const, from, to, relation })),
  ];
  return actions.reduce((board, action) => {
    const result = applyBoardAction(level, board, action);
    if (result.rejected) throw new Error(result.rejected);
    return result.board;
  }, initialBoard());
}

const check = (level: Level, links: [string, string, string][]) => checkFresco(level, boardWith(level, links), layoutFresco(level));

const SOLUTION: [string, string, string][] = [
  ['citoyens', 'elit', 'president-republique'],
  ['citoyens', 'elit', 'assemblee-nationale'],
  ['president-republique', 'nomme', 'premier-ministre'],
  ['assemblee-nationale', 'controle', 'premier-ministre'],
];
const TRUE_NOT_ASKED: [string, string, string] = ['citoyens', 'controle', 'assemblee-nationale'];

describe('true, not asked here', () => {
  it('is the verdict on a true arrow of the deck that the level does not ask for', () => {
    const result = check(withGraph, [TRUE_NOT_ASKED]);
    expect(result.verdicts['citoyens>assemblee-nationale:controle']).toEqual({ status: 'not-asked', truth: 0 });
    expect(withGraph.truths[0]?.explanation?.fr).toBe('Les citoyens élisent les députés et peuvent ne pas les réélire.');
  });

  it('was wrong without the graph (same pair, other verb): the graph is what makes it not wrong', () => {
    expect(check(withoutGraph, [TRUE_NOT_ASKED]).verdicts['citoyens>assemblee-nationale:controle']).toEqual({ status: 'wrong', reason: 'relation', expected: 1 });
  });

  it('leaves the score as if the arrow were not drawn: not wrong, not missing, not in the denominator', () => {
    const partial = check(withGraph, SOLUTION.slice(0, 2));
    const partialAndTrue = check(withGraph, [...SOLUTION.slice(0, 2), TRUE_NOT_ASKED, ['president-republique', 'represente', 'citoyens']]);
    expect(partialAndTrue.score).toEqual(partial.score);
    expect(partialAndTrue.score).toEqual({ correct: 2, wrong: 0, missing: 2, total: 4, percent: 50 });
    expect(notAskedCount(partialAndTrue)).toBe(2);
    expect(notAskedCount(partial)).toBe(0);
  });

  it('lets the fresco be complete at 100 % with true arrows the level did not ask for', () => {
    const level = withGraph;
    const actions = [
      ...level.cards.map((card, i) => ({ type: 'place' as const, card: card.id, x: 300 * i, y: 0 })),
      ...[...SOLUTION, TRUE_NOT_ASKED].map(([from, relation, to]) => ({ type: 'link' as const, from, to, relation })),
      { type: 'check' as const },
    ];
    let progress: Progress = applyProgressAction(level, startProgress(), { type: 'deal' }).progress;
    for (const action of actions) progress = applyProgressAction(level, progress, action).progress;
    expect(progress.check?.score.percent).toBe(100);
    expect(phaseOf(progress)).toBe('complete');
  });

  it('is kept in a saved game and read back', () => {
    let progress: Progress = startProgress();
    for (const action of [
      { type: 'deal' as const },
      { type: 'place' as const, card: 'citoyens', x: 0, y: 0 },
      { type: 'place' as const, card: 'assemblee-nationale', x: 400, y: 0 },
      { type: 'link' as const, from: 'citoyens', to: 'assemblee-nationale', relation: 'controle' },
      { type: 'check' as const },
    ]) {
      progress = applyProgressAction(withGraph, progress, action).progress;
    }
    expect(progress.check?.verdicts['citoyens>assemblee-nationale:controle']?.status).toBe('not-asked');
    const loaded = readSave(JSON.stringify(makeSave(withGraph, progress, new Date('2026-12-01T10:00:00Z'))), withGraph);
    expect(loaded).toEqual({ status: 'ok', progress, notes: [] });
  });
});

describe('the judge order', () => {
  it('1. a solution link first: correct, or optional', () => {
    expect(judgeLink(withGraph, { from: 'citoyens', to: 'assemblee-nationale', relation: 'elit' })).toEqual({ status: 'correct', expected: 1 });
    expect(judgeLink(withGraph, { from: 'assemblee-nationale', to: 'citoyens', relation: 'represente' })).toEqual({ status: 'optional', expected: 4 });
  });

  it('2. then a misconception of the level, with the level’s explanation (the deck has one for the same arrow)', () => {
    const verdict = judgeLink(withGraph, { from: 'president-republique', to: 'assemblee-nationale', relation: 'nomme' });
    expect(verdict).toEqual({ status: 'wrong', reason: 'misconception', misconception: 0 });
    expect(withGraph.misconceptions[0]).toMatchObject({ origin: 'level', explanation: { fr: 'Les députés sont élus.' } });
  });

  it('3. then a misconception of the deck between the level’s cards, explained by the graph even though the level does not list it', () => {
    const verdict = judgeLink(withGraph, { from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' });
    expect(verdict).toEqual({ status: 'wrong', reason: 'misconception', misconception: 2 });
    expect(withGraph.misconceptions[2]).toMatchObject({ origin: 'deck', source: 'Constitution, art. 24' });
    // Without the graph it was only "reversed" (the level has the other direction).
    expect(judgeLink(withoutGraph, { from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' })).toEqual({ status: 'wrong', reason: 'reversed', expected: 3 });
    expect(check(withGraph, [['premier-ministre', 'elit', 'assemblee-nationale']]).score.wrong).toBe(1);
  });

  it('4. then a true triple of the graph, a nuanced one too', () => {
    expect(judgeLink(withGraph, { from: 'president-republique', to: 'citoyens', relation: 'represente' })).toEqual({ status: 'not-asked', truth: 1 });
  });

  it('5. then the heuristics of the solution: wrong verb, reversed, unexpected', () => {
    expect(judgeLink(withGraph, { from: 'president-republique', to: 'premier-ministre', relation: 'controle' })).toEqual({ status: 'wrong', reason: 'relation', expected: 2 });
    expect(judgeLink(withGraph, { from: 'premier-ministre', to: 'president-republique', relation: 'nomme' })).toEqual({ status: 'wrong', reason: 'reversed', expected: 2 });
    expect(judgeLink(withGraph, { from: 'conseil-de-quartier', to: 'premier-ministre', relation: 'nomme' })).toEqual({ status: 'wrong', reason: 'unexpected' });
  });
});

describe('a level from a file that contradicts the graph', () => {
  const file = levelFile() as Record<string, any>;
  // Its solution asks for a deck misconception; it calls a true arrow a misconception.
  file.solution.links.push({ from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' });
  file.misconceptions.push({ from: 'citoyens', to: 'assemblee-nationale', relation: 'controle', explanation: { fr: 'Selon ce niveau, non.' } });
  const { value: imported, issues } = validateLevel(file, libraryWithGraph());

  it('still plays, told of the contradictions as warnings', () => {
    expect(imported).not.toBeNull();
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(issues).toHaveLength(2);
  });

  it('is judged by its own solution and misconceptions for its own arrows', () => {
    const level = imported!;
    expect(judgeLink(level, { from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' })).toEqual({ status: 'correct', expected: 6 });
    const verdict = judgeLink(level, { from: 'citoyens', to: 'assemblee-nationale', relation: 'controle' });
    expect(verdict).toEqual({ status: 'wrong', reason: 'misconception', misconception: 2 });
    expect(level.misconceptions[2]?.explanation.fr).toBe('Selon ce niveau, non.');
  });

  it('keeps the graph for the arrows it says nothing of', () => {
    expect(judgeLink(imported!, { from: 'president-republique', to: 'citoyens', relation: 'represente' }).status).toBe('not-asked');
  });
});
