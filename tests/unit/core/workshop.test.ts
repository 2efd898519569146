import { describe, expect, it } from 'vitest';
import { applyBoardAction, initialBoard, type Board, type BoardAction } from '../../../src/core/fresco';
import {
  allows,
  applyWorkshopAction,
  elapsed,
  remaining,
  revealOrder,
  startWorkshop,
  suggestedPlan,
  type Workshop,
  type WorkshopAction,
} from '../../../src/core/workshop';
import { testLevel } from '../fixtures';

const level = testLevel();
const T0 = 1_800_000_000_000;

function board(actions: BoardAction[]): Board {
  return actions.reduce((b, action) => applyBoardAction(level, b, action).board, initialBoard());
}

function run(workshop: Workshop, steps: [WorkshopAction, number][], on: Board = initialBoard()): Workshop {
  return steps.reduce((w, [action, at]) => applyWorkshopAction(level, w, on, action, at), workshop);
}

describe('the workshop plan', () => {
  it('splits the level duration over the five phases, the reflection taking half', () => {
    expect(suggestedPlan(level)).toEqual({ introduction: 2, reflection: 10, correction: 3, creative: 2, debrief: 3 });
    expect(suggestedPlan({ ...level, durationMinutes: 120 })).toEqual({ introduction: 12, reflection: 60, correction: 18, creative: 12, debrief: 18 });
  });

  it('goes through the phases in order, each with its own time, then ends', () => {
    let w = startWorkshop(level, suggestedPlan(level), T0);
    expect(w.phase).toBe('introduction');
    const seen: string[] = [w.phase];
    for (let i = 0; i < 5; i++) {
      w = run(w, [[{ type: 'next-phase' }, T0 + i * 1000]]);
      seen.push(w.phase);
    }
    expect(seen).toEqual(['introduction', 'reflection', 'correction', 'creative', 'debrief', 'ended']);
    expect(w.endedAt).toBe(T0 + 4000);
    expect(run(w, [[{ type: 'next-phase' }, T0 + 9000]])).toBe(w);
  });

  it('lets the facilitator adjust a phase, the running phase included, within bounds', () => {
    let w = startWorkshop(level, suggestedPlan(level), T0);
    w = run(w, [[{ type: 'set-plan', phase: 'introduction', minutes: 7 }, T0], [{ type: 'set-plan', phase: 'debrief', minutes: 9999 }, T0]]);
    expect(w.plan.introduction).toBe(7);
    expect(w.timer.durationMs).toBe(7 * 60_000);
    expect(w.plan.debrief).toBe(240);
  });
});

describe('the phase timer, on a fake clock', () => {
  it('counts only while running; pause keeps what has run; time can be added', () => {
    let w = startWorkshop(level, suggestedPlan(level), T0);
    expect(remaining(w.timer, T0 + 60_000)).toBe(2 * 60_000);
    w = run(w, [[{ type: 'timer-start' }, T0]]);
    expect(remaining(w.timer, T0 + 30_000)).toBe(90_000);
    w = run(w, [[{ type: 'timer-pause' }, T0 + 30_000]]);
    expect(remaining(w.timer, T0 + 500_000)).toBe(90_000);
    w = run(w, [[{ type: 'timer-start' }, T0 + 600_000], [{ type: 'timer-add', minutes: 1 }, T0 + 600_000]]);
    expect(remaining(w.timer, T0 + 610_000)).toBe(140_000);
    expect(elapsed(w.timer, T0 + 610_000)).toBe(40_000);
    // Starting twice does not restart; running over goes negative (the facilitator decides).
    expect(run(w, [[{ type: 'timer-start' }, T0 + 700_000]]).timer).toEqual(w.timer);
    expect(remaining(w.timer, T0 + 600_000 + 200_000)).toBe(180_000 - 30_000 - 200_000);
  });

  it('starts each new phase paused, with the time planned for it', () => {
    let w = run(startWorkshop(level, suggestedPlan(level), T0), [[{ type: 'timer-start' }, T0], [{ type: 'next-phase' }, T0 + 5000]]);
    expect(w.timer).toEqual({ durationMs: 10 * 60_000, elapsedMs: 0, startedAt: null });
    w = run(w, [[{ type: 'go-to-phase', phase: 'debrief' }, T0 + 6000]]);
    expect(w.phase).toBe('debrief');
    expect(w.timer.durationMs).toBe(3 * 60_000);
  });
});

describe('what the board accepts', () => {
  const w = startWorkshop(level, suggestedPlan(level), T0);
  const move = { type: 'place', card: 'citoyens', x: 1, y: 1 } as const;

  it('lets the group move and link, but only the facilitator deals, resets, checks', () => {
    expect(allows(w, 'group', move)).toBe(true);
    expect(allows(w, 'group', { type: 'link', from: 'a', to: 'b', relation: 'elit' })).toBe(true);
    for (const type of ['deal', 'reset', 'check', 'hint'] as const) {
      expect(allows(w, 'group', { type })).toBe(false);
      expect(allows(w, 'facilitator', { type })).toBe(true);
    }
  });

  it('refuses every move of the group while locked, and after the end', () => {
    const locked = run(w, [[{ type: 'lock', locked: true }, T0]]);
    for (const action of [move, { type: 'undo' } as const, { type: 'flip', card: 'citoyens' } as const, { type: 'unlink', link: 'l1' } as const]) {
      expect(allows(locked, 'group', action)).toBe(false);
    }
    expect(allows(locked, 'facilitator', move)).toBe(true);
    expect(allows(run(locked, [[{ type: 'lock', locked: false }, T0]]), 'group', move)).toBe(true);
    expect(allows(run(w, [[{ type: 'end' }, T0]]), 'group', move)).toBe(false);
  });

  it('lets anyone play outside a workshop', () => {
    expect(allows(null, 'group', { type: 'deal' })).toBe(true);
  });
});

describe('the correction', () => {
  it('is revealed batch by batch, required links first', () => {
    // Batch 1 holds citoyens and president-republique: link 0 only; the rest involve batch 2.
    expect(revealOrder(level)).toEqual([0, 1, 2, 3, 4, 5]);
    const reordered = { ...level, links: [level.links[4]!, level.links[2]!, level.links[0]!] };
    expect(revealOrder(reordered)).toEqual([2, 1, 0]);
  });

  it('reveals link by link, by batch, or all at once, never twice', () => {
    const w = startWorkshop(level, suggestedPlan(level), T0);
    const one = run(w, [[{ type: 'reveal-next' }, T0]]);
    expect(one.revealed).toEqual([0]);
    const dealt = board([{ type: 'deal' }]);
    const batch = run(one, [[{ type: 'reveal-batch' }, T0]], dealt);
    expect(batch.revealed).toEqual([0, 1, 2, 3, 4, 5]);
    const all = run(w, [[{ type: 'reveal-next' }, T0], [{ type: 'reveal-all' }, T0]]);
    expect(all.revealed).toEqual([0, 1, 2, 3, 4, 5]);
    expect(all.misconceptionsShown).toBe(true);
    expect(run(all, [[{ type: 'reveal-next' }, T0]])).toEqual(all);
  });

  it('reveals the first batch only while one batch is dealt', () => {
    const w = startWorkshop(level, suggestedPlan(level), T0);
    expect(run(w, [[{ type: 'reveal-batch' }, T0]], initialBoard()).revealed).toEqual([0]);
  });
});

describe('hints', () => {
  it('point at a missing link between two cards on the fresco, one after another', () => {
    const on = board([
      { type: 'deal' },
      { type: 'place', card: 'citoyens', x: 0, y: 0 },
      { type: 'place', card: 'president-republique', x: 400, y: 0 },
      { type: 'place', card: 'assemblee-nationale', x: 0, y: 400 },
    ]);
    let w = run(startWorkshop(level, suggestedPlan(level), T0), [[{ type: 'hint' }, T0]], on);
    expect(w.hint).toEqual({ kind: 'link', link: 0 });
    w = run(w, [[{ type: 'hint' }, T0]], on);
    expect(w.hint).toEqual({ kind: 'link', link: 1 });
  });

  it('name a card with no arrow when no missing link has both its cards on the fresco', () => {
    const on = board([{ type: 'place', card: 'citoyens', x: 0, y: 0 }]);
    const w = run(startWorkshop(level, suggestedPlan(level), T0), [[{ type: 'hint' }, T0]], on);
    expect(w.hint).toEqual({ kind: 'card', card: 'citoyens' });
  });
});

describe('creative phase and debrief', () => {
  it('keeps the fresco name, bounded notes and the answers to each question', () => {
    let w = startWorkshop(level, suggestedPlan(level), T0);
    w = run(w, [
      [{ type: 'name-fresco', name: 'Notre démocratie' }, T0],
      [{ type: 'add-note', text: '  Le vote blanc ?  ', x: 10, y: 20 }, T0],
      [{ type: 'add-note', text: '   ', x: 0, y: 0 }, T0],
      [{ type: 'move-note', id: 'n1', x: 50, y: 60 }, T0],
      [{ type: 'debrief-answer', index: 0, text: 'Le maire !' }, T0],
      [{ type: 'debrief-answer', index: 7, text: 'hors sujet' }, T0],
      [{ type: 'debrief-go', index: 5 }, T0],
      [{ type: 'commitments', text: 'Aller voter.' }, T0],
    ]);
    expect(w.frescoName).toBe('Notre démocratie');
    expect(w.notes).toEqual([{ id: 'n1', text: 'Le vote blanc ?', x: 50, y: 60 }]);
    expect(w.debriefAnswers).toEqual(['Le maire !']);
    expect(w.debriefIndex).toBe(0);
    expect(w.commitments).toBe('Aller voter.');
    expect(run(w, [[{ type: 'remove-note', id: 'n1' }, T0]]).notes).toEqual([]);
  });
});
