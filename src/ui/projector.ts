// The projector view (?view=projector): the group's fresco large, with the phase and the timer.
// It is the group's play surface (touch on an interactive whiteboard) unless the board is
// locked, and follows the facilitator's window both ways. No facilitator panel, no answers
// beyond what the facilitator revealed.
import { canRedo, canUndo } from '../core/history';
import { PHASES } from '../core/workshop';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { currentBoard } from '../boardHost';
import { play } from '../state/game';
import { store, type AppState } from '../state/store';
import { listenToWorkshop, resumeWorkshop, workshopAct } from '../state/workshopState';
import { h } from './dom';
import { mountHand } from './hand';
import { svgIcon, UI_ICONS } from './icon';
import { mountBoardArea } from './play';
import { mountCaptions } from './workshop/captions';
import { timerView } from './workshop/timerView';

function iconButton(action: string, icon: Parameters<typeof svgIcon>[0], onClick: () => void): HTMLButtonElement {
  return h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': action }, on: { click: onClick } }, [svgIcon(icon, 22)]);
}

/** The group's fresco with the phase and timer: the projector's, and a session table's play surface. */
export function mountProjectedFresco(parent: HTMLElement): () => void {
  const timer = timerView({ chime: false, large: true });
  const title = h('h1', { class: 'projector-title' });
  const phase = h('p', { class: 'projector-phase', attrs: { 'data-phase': true } });
  const locked = h('p', { class: 'projector-locked', attrs: { 'data-locked': true } });
  const undo = iconButton('undo', UI_ICONS.undo, () => play({ type: 'undo' }));
  const redo = iconButton('redo', UI_ICONS.redo, () => play({ type: 'redo' }));
  const zoomOut = iconButton('zoom-out', UI_ICONS.zoomOut, () => currentBoard()?.zoomBy(1 / 1.25));
  const zoomFit = iconButton('zoom-fit', UI_ICONS.fit, () => currentBoard()?.fit());
  const zoomIn = iconButton('zoom-in', UI_ICONS.zoomIn, () => currentBoard()?.zoomBy(1.25));
  const note = h('button', {
    class: 'button',
    attrs: { type: 'button', 'data-action': 'add-note' },
    on: {
      click: () => {
        const text = window.prompt(t('workshop.notePlaceholder'));
        const spot = currentBoard()?.freeSpotInView();
        if (text && spot) workshopAct({ type: 'add-note', text, ...spot });
      },
    },
  });
  const header = h('header', { class: 'topbar projector-bar' }, [
    h('div', { class: 'projector-heading' }, [title, phase]),
    h('div', { class: 'topbar-spacer' }),
    locked,
    note,
    timer.element,
    h('div', { class: 'toolbar-group' }, [undo, redo]),
    h('div', { class: 'toolbar-group' }, [zoomOut, zoomFit, zoomIn]),
  ]);
  const screen = h('div', { class: 'play projector', attrs: { 'data-screen': 'projector' } }, [header]);
  parent.append(screen);
  const board = mountBoardArea(screen, { sidePanel: true });
  const unmounts = [mountCaptions(board.area), mountHand(screen)];

  const render = (state: AppState) => {
    const { workshop, game, lang } = state;
    if (!workshop || !game) return;
    title.textContent = workshop.frescoName || displayText(game.level.title, lang);
    const index = workshop.phase === 'ended' ? PHASES.length : PHASES.indexOf(workshop.phase) + 1;
    phase.textContent = workshop.phase === 'ended' ? t('workshop.phases.ended') : t('workshop.phaseOf', { index, total: PHASES.length, name: t(`workshop.phases.${workshop.phase}`) });
    locked.hidden = !workshop.locked;
    locked.replaceChildren(svgIcon(UI_ICONS.lock, 20), t('workshop.locked'));
    note.hidden = workshop.phase !== 'creative' || workshop.locked;
    note.replaceChildren(svgIcon(UI_ICONS.note, 18), t('workshop.addNote'));
    undo.setAttribute('aria-label', t('board.undo'));
    redo.setAttribute('aria-label', t('board.redo'));
    undo.disabled = workshop.locked || !canUndo(game.progress.history);
    redo.disabled = workshop.locked || !canRedo(game.progress.history);
    zoomOut.setAttribute('aria-label', t('board.zoomOut'));
    zoomFit.setAttribute('aria-label', t('board.zoomFit'));
    zoomIn.setAttribute('aria-label', t('board.zoomIn'));
    screen.classList.toggle('is-locked', workshop.locked);
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workshop !== previous.workshop || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    timer.destroy();
    for (const unmount of unmounts) unmount();
    board.destroy();
    screen.remove();
  };
}

export function mountProjector(parent: HTMLElement): () => void {
  const root = h('div', { class: 'projector-root' });
  parent.append(root);
  const waiting = h('div', { class: 'waiting', attrs: { 'data-waiting': true } }, [h('h1', { text: t('workshop.waiting') }), h('p', { text: t('workshop.waitingHelp') })]);
  let unmount: (() => void) | null = null;
  const show = () => {
    const active = Boolean(store.getState().workshop && store.getState().game);
    if (active && !unmount) {
      waiting.remove();
      unmount = mountProjectedFresco(root);
    } else if (!active) {
      unmount?.();
      unmount = null;
      if (!waiting.isConnected) root.append(waiting);
    }
  };
  listenToWorkshop();
  show();
  void resumeWorkshop().finally(show);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workshop !== previous.workshop || state.game !== previous.game) show();
  });
  return () => {
    unsubscribe();
    unmount?.();
    root.remove();
  };
}
