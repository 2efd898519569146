import { describe, expect, it } from 'vitest';
import { checkFresco, missingLinks, percentOf } from '../../../src/core/check';
import { applyBoardAction, initialBoard, type Board, type BoardAction } from '../../../src/core/fresco';
import { layoutFresco } from '../../../src/core/layout';
import { testLevel } from '../fixtures';

const level = testLevel();
const layout = layoutFresco(level);
const zone = (id: string) => layout.zones.find((z) => z.id === id)!.rect;
const inZone = (id: string, dx = 0) => ({ x: zone(id).x + 150 + dx, y: zone(id).y + 150 });

function boardWith(links: [string, string, string][]): Board {
  const actions: BoardAction[] = [
    { type: 'deal' },
    { type: 'place', card: 'citoyens', ...inZone('peuple') },
    { type: 'place', card: 'conseil-de-quartier', ...inZone('peuple', 260) },
    { type: 'place', card: 'president-republique', ...inZone('executif') },
    { type: 'place', card: 'premier-ministre', ...inZone('executif', 260) },
    { type: 'place', card: 'assemblee-nationale', ...inZone('parlement') },
    ...links.map(([from, relation, to]) => ({ type: 'link' as const, from, to, relation })),
  ];
  return actions.reduce((board, action) => {
    const result = applyBoardAction(level, board, action);
    if (result.rejected) throw new Error(result.rejected);
    return result.board;
  }, initialBoard());
}

const SOLUTION: [string, string, string][] = [
  ['citoyens', 'elit', 'president-republique'],
  ['citoyens', 'elit', 'assemblee-nationale'],
  ['president-republique', 'nomme', 'premier-ministre'],
  ['assemblee-nationale', 'controle', 'premier-ministre'],
];

describe('checkFresco', () => {
  it('scores an empty fresco: everything missing, nothing wrong', () => {
    const { score } = checkFresco(level, boardWith([]), layout);
    expect(score).toEqual({ correct: 0, wrong: 0, missing: 4, total: 4, percent: 0 });
  });

  it('reaches 100 with every required link, optional links neither needed nor wrong', () => {
    expect(checkFresco(level, boardWith(SOLUTION), layout).score).toEqual({ correct: 4, wrong: 0, missing: 0, total: 4, percent: 100 });
    const withOptional = checkFresco(level, boardWith([...SOLUTION, ['assemblee-nationale', 'represente', 'citoyens']]), layout);
    expect(withOptional.score.percent).toBe(100);
    expect(withOptional.verdicts['assemblee-nationale>citoyens:represente']).toEqual({ status: 'optional', expected: 4 });
  });

  it('counts a right pair with a wrong relation as wrong, and says so', () => {
    const result = checkFresco(level, boardWith([['president-republique', 'controle', 'premier-ministre']]), layout);
    expect(result.score).toMatchObject({ correct: 0, wrong: 1, missing: 4 });
    expect(result.verdicts['president-republique>premier-ministre:controle']).toEqual({ status: 'wrong', reason: 'relation', expected: 2 });
  });

  it('counts direction: a reversed arrow is wrong and recognised as reversed', () => {
    const result = checkFresco(level, boardWith([['president-republique', 'elit', 'citoyens']]), layout);
    expect(result.verdicts['president-republique>citoyens:elit']).toEqual({ status: 'wrong', reason: 'reversed', expected: 0 });
    expect(result.score.wrong).toBe(1);
  });

  it('recognises a misconception with its index, before any other reading', () => {
    const result = checkFresco(level, boardWith([['president-republique', 'nomme', 'assemblee-nationale']]), layout);
    expect(result.verdicts['president-republique>assemblee-nationale:nomme']).toEqual({ status: 'wrong', reason: 'misconception', misconception: 0 });
  });

  it('marks an arrow between unrelated cards as unexpected', () => {
    const result = checkFresco(level, boardWith([['conseil-de-quartier', 'nomme', 'premier-ministre']]), layout);
    expect(result.verdicts['conseil-de-quartier>premier-ministre:nomme']).toEqual({ status: 'wrong', reason: 'unexpected' });
  });

  it('accepts any relation of a list of alternatives', () => {
    const file = testLevel();
    file.links[2] = { ...file.links[2]!, relations: ['nomme', 'controle'] };
    const result = checkFresco(file, boardWith([['president-republique', 'controle', 'premier-ministre']]), layout);
    expect(result.score.correct).toBe(1);
  });

  it('keeps the score under 100 as soon as one arrow is wrong', () => {
    const result = checkFresco(level, boardWith([...SOLUTION, ['citoyens', 'elit', 'premier-ministre']]), layout);
    expect(result.score).toEqual({ correct: 4, wrong: 1, missing: 0, total: 4, percent: 80 });
  });

  it('scores placements in zones apart from links', () => {
    const board = boardWith(SOLUTION);
    expect(checkFresco(level, board, layout).placement).toEqual({ correct: 3, total: 3, misplaced: [] });
    const moved = applyBoardAction(level, board, { type: 'place', card: 'citoyens', ...inZone('executif', 0) }).board;
    const result = checkFresco(level, moved, layout);
    expect(result.placement).toEqual({ correct: 2, total: 3, misplaced: ['citoyens'] });
    expect(result.score.percent).toBe(100);
  });

  it('lists the required links still missing', () => {
    expect(missingLinks(level, boardWith(SOLUTION.slice(1)))).toEqual([0]);
  });
});

describe('percentOf', () => {
  it('is 100 exactly when nothing is missing or wrong', () => {
    expect(percentOf(10, 10, 0)).toBe(100);
    expect(percentOf(0, 0, 0)).toBe(100);
    expect(percentOf(99, 100, 0)).toBe(99);
    expect(percentOf(200, 200, 1)).toBe(99);
    expect(percentOf(0, 0, 1)).toBe(0);
  });
});
