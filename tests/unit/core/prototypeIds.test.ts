// Ids come from the network, from saved games and from level files: "__proto__", "constructor",
// "toString"… name what every plain object inherits, and must be nobody's card or link. The
// rules ask the fresco with own-property lookups only (the server's side of the same rules is
// tried in tests/unit/server/security.test.ts).
import { describe, expect, it } from 'vitest';
import { checkFresco, isCheckCurrent } from '../../../src/core/check';
import { applyBoardAction, handCards, initialBoard, isPlaced, positionOf, type Board } from '../../../src/core/fresco';
import { applyProgressAction, layoutOf, startProgress, type Progress } from '../../../src/core/progress';
import { makeSave, readSave } from '../../../src/core/save';
import { nextHint, startWorkshop } from '../../../src/core/workshop';
import { testLevel } from '../fixtures';

const level = testLevel();
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

function withCitizens(): Progress {
  const result = applyProgressAction(level, startProgress(), { type: 'place', card: 'citoyens', x: 0, y: 0 });
  expect(result.rejected).toBeNull();
  return result.progress;
}

describe('prototype names as ids', () => {
  it('are never on the fresco', () => {
    const board = withCitizens().history.present;
    for (const name of NAMES) {
      expect(isPlaced(board, name)).toBe(false);
      expect(positionOf(board, name)).toBeNull();
    }
    expect(isPlaced(board, 'citoyens')).toBe(true);
  });

  it('are refused as cards and links by every move', () => {
    const progress = withCitizens();
    for (const name of NAMES) {
      for (const action of [
        { type: 'place', card: name, x: 0, y: 0 },
        { type: 'return', card: name },
        { type: 'flip', card: name },
        { type: 'link', from: name, to: 'citoyens', relation: 'elit' },
        { type: 'link', from: 'citoyens', to: name, relation: 'elit' },
        { type: 'link', from: name, to: 'toString', relation: 'elit' },
        { type: 'relabel', link: name, relation: 'elit' },
        { type: 'unlink', link: name },
      ] as const) {
        const result = applyProgressAction(level, progress, action);
        expect(result.rejected, `${action.type} ${name}`).not.toBeNull();
        expect(result.progress).toBe(progress);
      }
    }
  });

  it('in a saved fresco (own keys of a parsed file) are dropped, and nothing reaches the prototype', () => {
    const board: Board = JSON.parse('{"dealt":1,"placed":{"__proto__":{"x":1,"y":1},"citoyens":{"x":0,"y":0}},"links":[{"id":"l1","from":"__proto__","to":"citoyens","relation":"elit"}],"nextLinkId":2}');
    const progress: Progress = { ...startProgress(), history: { past: [], present: board, future: [] }, faceDown: ['__proto__', 'citoyens'] };
    const loaded = readSave(JSON.stringify(makeSave(level, progress, new Date(0))), level);
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    const present = loaded.progress.history.present;
    expect(Object.getPrototypeOf(present.placed)).toBe(Object.prototype);
    expect(Object.keys(present.placed)).toEqual(['citoyens']);
    expect(present.links).toEqual([]);
    expect(loaded.progress.faceDown).toEqual(['citoyens']);
  });

  it('a saved game’s own keys never read as the loader’s answer', () => {
    const save = { ...makeSave(level, withCitizens(), new Date(0)), newer: 9, constructor: 'x' };
    expect(readSave(JSON.stringify(save), level).status).toBe('ok');
  });

  it('do not confuse the hand, the hints or the check', () => {
    const board = applyBoardAction(level, initialBoard(), { type: 'place', card: 'citoyens', x: 0, y: 0 }).board;
    expect(handCards(level, board)).toEqual(['president-republique']);
    const check = checkFresco(level, board, layoutOf(level));
    expect(isCheckCurrent(check, board)).toBe(true);
    expect(nextHint(level, startWorkshop(level, { introduction: 1, reflection: 1, correction: 1, creative: 1, debrief: 1 }, 0), board)).toEqual({ kind: 'card', card: 'citoyens' });
  });
});
