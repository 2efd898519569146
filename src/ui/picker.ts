// The relation picker: after an arrow is drawn (or to relabel one), one button per verb of the
// level (`data-relation`). It stands on the side of the fresco away from the arrow, so the arrow
// being labelled stays in sight.
import { linkSignature } from '../core/fresco';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { currentBoard } from '../boardHost';
import { cardTitle, play } from '../state/game';
import { getState, setUi, store, type AppState } from '../state/store';
import { h } from './dom';

export function cancelPendingLink(): void {
  setUi({ pendingLink: null });
}

function choose(relation: string): void {
  const { ui } = getState();
  const pending = ui.pendingLink;
  if (!pending) return;
  const done = pending.relabel
    ? play({ type: 'relabel', link: pending.relabel, relation })
    : play({ type: 'link', from: pending.from, to: pending.to, relation });
  if (done || !pending.relabel) setUi({ pendingLink: null, selectedLink: pending.relabel ?? ui.selectedLink });
}

export function mountPicker(parent: HTMLElement): () => void {
  const title = h('h2', { class: 'dialog-title', attrs: { id: 'picker-title' } });
  const sentence = h('p', { class: 'picker-sentence' });
  const choices = h('div', { class: 'picker-choices' });
  const cancel = h('button', { class: 'button button-quiet', attrs: { type: 'button', 'data-action': 'cancel-link' }, on: { click: cancelPendingLink } });
  const dialog = h('div', { class: 'picker', attrs: { role: 'dialog', 'aria-labelledby': 'picker-title', 'data-picker': true, hidden: true } }, [title, sentence, choices, cancel]);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      cancelPendingLink();
    }
  });
  parent.append(dialog);
  let openFor = '';

  const render = (state: AppState) => {
    const pending = state.ui.pendingLink;
    const game = state.game;
    if (!pending || !game) {
      if (!dialog.hidden) {
        dialog.hidden = true;
        openFor = '';
      }
      return;
    }
    const key = `${pending.from}>${pending.to}:${pending.relabel ?? ''}:${state.lang}`;
    if (key === openFor) return;
    const wasOpen = openFor !== '';
    openFor = key;
    const { level } = game;
    const links = game.progress.history.present.links;
    title.textContent = t('picker.title');
    sentence.replaceChildren(
      h('strong', { text: cardTitle(level, pending.from, state.lang) }),
      h('span', { class: 'picker-gap', text: ' … ' }),
      h('strong', { text: cardTitle(level, pending.to, state.lang) }),
    );
    const current = pending.relabel ? links.find((link) => link.id === pending.relabel)?.relation : undefined;
    choices.replaceChildren(
      ...level.relations.map((relation) => {
        const taken = relation.id !== current && links.some((link) => link.id !== pending.relabel && linkSignature(link) === linkSignature({ from: pending.from, to: pending.to, relation: relation.id }));
        return h('button', {
          class: relation.id === current ? 'relation-choice is-current' : 'relation-choice',
          text: displayText(relation.label, state.lang),
          attrs: {
            type: 'button',
            'data-relation': relation.id,
            disabled: taken,
            title: taken ? t('picker.taken') : null,
            'aria-pressed': relation.id === current ? 'true' : null,
          },
          on: { click: () => choose(relation.id) },
        });
      }),
    );
    cancel.textContent = t('picker.cancel');
    dialog.hidden = false;
    place(pending.from, pending.to);
    if (!wasOpen) choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus({ preventScroll: true });
  };

  /** On the half of the board away from the arrow's middle. */
  const place = (from: string, to: string) => {
    const board = currentBoard();
    const a = board?.cardRect(from);
    const b = board?.cardRect(to);
    const area = parent.getBoundingClientRect();
    if (!a || !b) return;
    const middleX = (a.x + a.width / 2 + b.x + b.width / 2) / 2 - area.left;
    dialog.classList.toggle('picker-left', middleX > area.width / 2);
    dialog.classList.toggle('picker-right', middleX <= area.width / 2);
  };

  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.ui.pendingLink !== previous.ui.pendingLink || state.lang !== previous.lang || state.game !== previous.game) render(state);
  });
  return () => {
    unsubscribe();
    dialog.remove();
  };
}
