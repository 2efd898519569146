import { describe, expect, it } from 'vitest';
import { applyProgressAction, startProgress, type Progress, type ProgressAction } from '../../../src/core/progress';
import { levelHash, makeSave, readSave } from '../../../src/core/save';
import { testLevel } from '../fixtures';

const level = testLevel();
const now = new Date('2026-11-27T10:00:00Z');

function played(): Progress {
  const actions: ProgressAction[] = [
    { type: 'place', card: 'citoyens', x: 100, y: 100 },
    { type: 'place', card: 'president-republique', x: 500, y: 100 },
    { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' },
    { type: 'check' },
    { type: 'flip', card: 'citoyens' },
  ];
  return actions.reduce((progress, action) => applyProgressAction(level, progress, action).progress, startProgress());
}

describe('saved games', () => {
  it('reads back exactly what was saved', () => {
    const progress = played();
    const text = JSON.stringify(makeSave(level, progress, now));
    const loaded = readSave(text, level);
    expect(loaded).toEqual({ status: 'ok', progress, notes: [] });
  });

  it('summarises a save for the level list', () => {
    expect(makeSave(level, played(), now).summary).toEqual({ placed: 2, links: 1, percent: 25, complete: false });
  });

  it('has nothing to read when nothing was saved', () => {
    expect(readSave(null, level)).toEqual({ status: 'none' });
  });

  it('sets aside a corrupted save with a reason instead of failing', () => {
    expect(readSave('{"saveVersion":1,', level)).toMatchObject({ status: 'set-aside', reason: 'corrupted' });
    expect(readSave('"just a string"', level)).toMatchObject({ status: 'set-aside', reason: 'corrupted' });
    const broken = makeSave(level, played(), now) as unknown as { progress: { history: { present: { placed: unknown } } } };
    broken.progress.history.present.placed = 'everywhere';
    const loaded = readSave(JSON.stringify(broken), level);
    expect(loaded).toMatchObject({ status: 'set-aside', reason: 'corrupted' });
    expect(loaded.status === 'set-aside' && loaded.detail).toContain('progress.history.present.placed');
  });

  it('sets aside a save from a newer version of the game', () => {
    const save = { ...makeSave(level, played(), now), saveVersion: 7 };
    expect(readSave(JSON.stringify(save), level)).toEqual({ status: 'set-aside', reason: 'newer-version', detail: 'save version 7' });
  });

  it('sets aside a save of another level', () => {
    const save = { ...makeSave(level, played(), now), levelId: 'autre' };
    expect(readSave(JSON.stringify(save), level)).toMatchObject({ status: 'set-aside', reason: 'other-level' });
  });

  it('migrates a save made with an older version of the level: keeps what still fits, drops old verdicts', () => {
    const save = makeSave(level, played(), now);
    // The level has since lost the card "citoyens" and the relation "nomme".
    const changed = testLevel();
    changed.cards = changed.cards.filter((card) => card.id !== 'citoyens');
    changed.batches = changed.batches.map((batch) => ({ ...batch, cards: batch.cards.filter((id) => id !== 'citoyens') }));
    expect(levelHash(changed)).not.toBe(levelHash(level));
    const loaded = readSave(JSON.stringify(save), changed);
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    expect(loaded.notes).toEqual([{ kind: 'level-changed' }, { kind: 'dropped-cards', cards: ['citoyens'] }, { kind: 'dropped-links', count: 1 }]);
    expect(Object.keys(loaded.progress.history.present.placed)).toEqual(['president-republique']);
    expect(loaded.progress.check).toBeNull();
    expect(loaded.progress.history.past).toEqual([]);
    expect(loaded.progress.faceDown).toEqual([]);
  });

  it('bounds the dealt batches to the level', () => {
    const save = makeSave(level, played(), now);
    save.progress.history.present.dealt = 9;
    const loaded = readSave(JSON.stringify(save), level);
    expect(loaded.status === 'ok' && loaded.progress.history.present.dealt).toBe(2);
  });
});
