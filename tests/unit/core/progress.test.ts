import { describe, expect, it } from 'vitest';
import { applyProgressAction, phaseOf, startProgress, type Progress, type ProgressAction } from '../../../src/core/progress';
import { record, startHistory, undo, HISTORY_LIMIT } from '../../../src/core/history';
import { testLevel } from '../fixtures';

const level = testLevel();

function run(actions: ProgressAction[], from: Progress = startProgress()): Progress {
  return actions.reduce((progress, action) => {
    const result = applyProgressAction(level, progress, action);
    if (result.rejected) throw new Error(`${action.type}: ${result.rejected}`);
    return result.progress;
  }, from);
}

const placeBoth: ProgressAction[] = [
  { type: 'place', card: 'citoyens', x: 100, y: 100 },
  { type: 'place', card: 'president-republique', x: 500, y: 100 },
];

describe('undo and redo', () => {
  it('undoes and redoes every board action, in order', () => {
    const actions: ProgressAction[] = [
      ...placeBoth,
      { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'nomme' },
      { type: 'relabel', link: 'l1', relation: 'elit' },
      { type: 'place', card: 'citoyens', x: 120, y: 300 },
      { type: 'deal' },
      { type: 'unlink', link: 'l1' },
      { type: 'return', card: 'president-republique' },
      { type: 'reset' },
    ];
    const states: Progress[] = [startProgress()];
    for (const action of actions) states.push(run([action], states[states.length - 1]));
    let progress = states[states.length - 1]!;
    for (let i = states.length - 2; i >= 0; i--) {
      progress = run([{ type: 'undo' }], progress);
      expect(progress.history.present).toEqual(states[i]!.history.present);
    }
    expect(applyProgressAction(level, progress, { type: 'undo' }).rejected).toBe('nothing-to-undo');
    for (let i = 1; i < states.length; i++) {
      progress = run([{ type: 'redo' }], progress);
      expect(progress.history.present).toEqual(states[i]!.history.present);
    }
    expect(applyProgressAction(level, progress, { type: 'redo' }).rejected).toBe('nothing-to-redo');
  });

  it('forgets the undone future when a new action is made', () => {
    const progress = run([...placeBoth, { type: 'undo' }, { type: 'place', card: 'president-republique', x: 0, y: 600 }]);
    expect(progress.history.future).toEqual([]);
    expect(applyProgressAction(level, progress, { type: 'redo' }).rejected).toBe('nothing-to-redo');
  });

  it('keeps a bounded history', () => {
    let history = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) history = record(history, i);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(20);
    expect(undo(history).present).toBe(HISTORY_LIMIT + 19);
  });

  it('does not record an action that changed nothing', () => {
    const history = startHistory({ a: 1 });
    expect(record(history, history.present)).toBe(history);
  });
});

describe('phases, check, hints, flips', () => {
  it('goes playing → checked → playing on a change → complete', () => {
    let progress = run([...placeBoth, { type: 'link', from: 'citoyens', to: 'president-republique', relation: 'elit' }]);
    expect(phaseOf(progress)).toBe('playing');
    progress = run([{ type: 'check' }], progress);
    expect(phaseOf(progress)).toBe('checked');
    expect(progress.check?.score.correct).toBe(1);
    progress = run([{ type: 'unlink', link: 'l1' }], progress);
    expect(phaseOf(progress)).toBe('playing');
    // Undo brings the checked arrows back, and their verdicts with them.
    progress = run([{ type: 'undo' }], progress);
    expect(phaseOf(progress)).toBe('checked');

    progress = run(
      [
        { type: 'deal' },
        { type: 'place', card: 'assemblee-nationale', x: 100, y: 400 },
        { type: 'place', card: 'premier-ministre', x: 500, y: 400 },
        { type: 'link', from: 'citoyens', to: 'assemblee-nationale', relation: 'elit' },
        { type: 'link', from: 'president-republique', to: 'premier-ministre', relation: 'nomme' },
        { type: 'link', from: 'assemblee-nationale', to: 'premier-ministre', relation: 'controle' },
        { type: 'check' },
      ],
      progress,
    );
    expect(progress.check?.score.percent).toBe(100);
    expect(phaseOf(progress)).toBe('complete');
  });

  it('gives hints one at a time, then refuses', () => {
    const progress = run([{ type: 'hint' }, { type: 'hint' }]);
    expect(progress.hintsShown).toBe(2);
    expect(applyProgressAction(level, progress, { type: 'hint' }).rejected).toBe('no-more-hints');
  });

  it('turns placed cards over and back, and a card back in the hand shows its face', () => {
    let progress = run([...placeBoth, { type: 'flip', card: 'citoyens' }]);
    expect(progress.faceDown).toEqual(['citoyens']);
    expect(progress.history.past).toHaveLength(2);
    progress = run([{ type: 'return', card: 'citoyens' }], progress);
    expect(progress.faceDown).toEqual([]);
    expect(applyProgressAction(level, progress, { type: 'flip', card: 'citoyens' }).rejected).toBe('not-on-board');
  });

  it('forgets the check and the hints on reset', () => {
    const progress = run([...placeBoth, { type: 'hint' }, { type: 'check' }, { type: 'reset' }]);
    expect(progress.check).toBeNull();
    expect(progress.hintsShown).toBe(0);
  });
});
