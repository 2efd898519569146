// The slim bar above the fresco: level title, batch, and the actions (deal, hint, check, undo,
// redo, zoom, start again, print the cards), each a button with `data-action`.
import { canRedo, canUndo } from '../core/history';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { goToMenu } from '../router';
import { currentBoard } from '../boardHost';
import { check, play } from '../state/game';
import { getState, setUi, store, type AppState } from '../state/store';
import { h } from './dom';
import { svgIcon, UI_ICONS } from './icon';
import { printCards } from './printCards';
import { settingsSwitches } from './switches';
import type { IconNode } from 'lucide';

function button(action: string, icon: IconNode, onClick: () => void, withText: boolean): HTMLButtonElement {
  const element = h('button', {
    class: withText ? 'button toolbar-button' : 'icon-button',
    attrs: { type: 'button', 'data-action': action },
    on: { click: onClick },
  });
  element.append(svgIcon(icon, 20));
  if (withText) element.append(h('span', { class: 'button-label' }));
  return element;
}

function label(element: HTMLButtonElement, text: string, withText: boolean): void {
  if (withText) {
    const span = element.querySelector('.button-label');
    if (span && span.textContent !== text) span.textContent = text;
  } else element.setAttribute('aria-label', text);
  element.title = text;
}

/** Reveals the next hint of the level (one at a time) and shows those read so far. */
export function showHint(): void {
  const game = getState().game;
  if (!game) return;
  if (game.progress.hintsShown < game.level.hints.length) play({ type: 'hint' });
  setUi({ panel: 'hints' });
}

export function mountTopbar(parent: HTMLElement): () => void {
  const switches = settingsSwitches();
  const back = button('back', UI_ICONS.back, () => goToMenu(), true);
  const title = h('h1', { class: 'level-heading' });
  const batch = h('span', { class: 'batch-indicator', attrs: { 'data-batch': true } });
  const deal = button('next-batch', UI_ICONS.deal, () => play({ type: 'deal' }), true);
  const hint = button('hint', UI_ICONS.hint, showHint, true);
  const hintCount = h('span', { class: 'badge', attrs: { 'aria-hidden': 'true' } });
  hint.append(hintCount);
  const checkButton = button('check', UI_ICONS.check, () => check(), true);
  checkButton.classList.add('button-primary');
  const undo = button('undo', UI_ICONS.undo, () => play({ type: 'undo' }), false);
  const redo = button('redo', UI_ICONS.redo, () => play({ type: 'redo' }), false);
  const zoomOut = button('zoom-out', UI_ICONS.zoomOut, () => currentBoard()?.zoomBy(1 / 1.25), false);
  const zoomFit = button('zoom-fit', UI_ICONS.fit, () => currentBoard()?.fit(), false);
  const zoomIn = button('zoom-in', UI_ICONS.zoomIn, () => currentBoard()?.zoomBy(1.25), false);
  const textView = button('fresco-text', UI_ICONS.text, () => setUi({ panel: getState().ui.panel === 'text' ? null : 'text' }), false);
  const reset = button(
    'reset',
    UI_ICONS.reset,
    () => {
      if (window.confirm(t('board.resetConfirm'))) play({ type: 'reset' });
    },
    false,
  );
  const print: HTMLButtonElement = button(
    'print-cards',
    UI_ICONS.print,
    () => {
      const game = getState().game;
      if (game) void printCards(game.level, print);
    },
    false,
  );

  const bar = h('header', { class: 'topbar' }, [
    back,
    h('div', { class: 'topbar-title' }, [title, batch]),
    deal,
    h('div', { class: 'topbar-spacer' }),
    h('div', { class: 'toolbar-group' }, [hint, checkButton]),
    h('div', { class: 'toolbar-group', attrs: { role: 'group' } }, [undo, redo]),
    h('div', { class: 'toolbar-group', attrs: { role: 'group' } }, [zoomOut, zoomFit, zoomIn, textView]),
    reset,
    print,
    switches.element,
  ]);
  parent.append(bar);

  const render = (state: AppState) => {
    const game = state.game;
    if (!game) return;
    const { level, progress } = game;
    const board = progress.history.present;
    title.textContent = displayText(level.title, state.lang);
    label(back, t('board.back'), true);
    back.setAttribute('aria-label', t('board.backLabel'));
    const total = level.batches.length;
    batch.textContent = t('board.batch', { current: board.dealt, total });
    batch.hidden = total <= 1;
    deal.hidden = total <= 1;
    label(deal, t('board.nextBatchShort'), true);
    deal.title = board.dealt >= total ? t('board.allDealt') : t('board.nextBatch');
    deal.disabled = board.dealt >= total;
    label(hint, t('board.hint'), true);
    hint.setAttribute('aria-label', level.hints.length > 0 ? t('board.hintCount', { shown: progress.hintsShown, total: level.hints.length }) : t('board.hint'));
    hintCount.textContent = `${progress.hintsShown}/${level.hints.length}`;
    hint.disabled = level.hints.length === 0;
    label(checkButton, t('board.check'), true);
    label(undo, t('board.undo'), false);
    label(redo, t('board.redo'), false);
    undo.disabled = !canUndo(progress.history);
    redo.disabled = !canRedo(progress.history);
    label(zoomOut, t('board.zoomOut'), false);
    label(zoomFit, t('board.zoomFit'), false);
    label(zoomIn, t('board.zoomIn'), false);
    label(reset, t('board.reset'), false);
    label(textView, t('text.open'), false);
    textView.setAttribute('aria-pressed', String(state.ui.panel === 'text'));
    label(print, t('print.cards'), false);
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.game !== previous.game || state.lang !== previous.lang || state.ui.panel !== previous.ui.panel) render(state);
  });
  return () => {
    unsubscribe();
    switches.destroy();
    bar.remove();
  };
}
