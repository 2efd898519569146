// The completion screen: the fresco is right. The score, one short celebration, and the level's
// debrief questions to talk about together.
import { notAskedCount } from '../core/check';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { goToMenu } from '../router';
import { setUi, store, type AppState } from '../state/store';
import { h } from './dom';

export function mountCompletion(parent: HTMLElement): () => void {
  const dialog = h('div', { class: 'completion', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'completion-title', 'data-completion': true, hidden: true } });
  const backdrop = h('div', { class: 'backdrop', attrs: { hidden: true } });
  parent.append(backdrop, dialog);
  const close = () => setUi({ panel: 'results' });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  let previousFocus: HTMLElement | null = null;

  const render = (state: AppState) => {
    const game = state.game;
    const open = state.ui.panel === 'complete' && game?.progress.check;
    if (!open || !game) {
      if (!dialog.hidden) {
        dialog.hidden = true;
        backdrop.hidden = true;
        previousFocus?.focus();
      }
      return;
    }
    const score = game.progress.check?.score.percent ?? 100;
    const notAsked = game.progress.check ? notAskedCount(game.progress.check) : 0;
    const questions = game.level.debrief;
    const stay = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'close-completion' }, on: { click: close } }, [t('complete.keepLooking')]);
    dialog.replaceChildren(
      h('div', { class: 'completion-burst', attrs: { 'aria-hidden': 'true' } }),
      h('h2', { class: 'dialog-title', attrs: { id: 'completion-title' }, text: t('complete.title') }),
      h('p', { text: t('complete.text') }),
      h('p', { class: 'score', attrs: { 'data-score': score } }, [h('span', { class: 'score-value', text: t('complete.score', { percent: score }) })]),
      // The fresco is complete with them: the player is told they are true, and where to read why.
      ...(notAsked > 0 ? [h('p', { attrs: { 'data-not-asked': true }, text: `◇ ${t('complete.notAsked', { count: notAsked })}` })] : []),
      h('h3', { text: t('complete.debrief') }),
      questions.length > 0
        ? h('ol', { class: 'debrief-list', attrs: { 'data-debrief': true } }, questions.map((question) => h('li', { text: displayText(question, state.lang) })))
        : h('p', { text: t('complete.noDebrief') }),
      h('div', { class: 'dialog-actions' }, [
        stay,
        h('button', { class: 'button button-primary', attrs: { type: 'button', 'data-action': 'back-to-levels' }, on: { click: () => goToMenu() } }, [t('complete.backToLevels')]),
      ]),
    );
    if (dialog.hidden) {
      previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.hidden = false;
      backdrop.hidden = false;
      stay.focus();
    }
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.ui.panel !== previous.ui.panel || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    dialog.remove();
    backdrop.remove();
  };
}
