// The bar shown when an arrow is selected: the arrow as a sentence, what the last check said of
// it, and the actions on it (change the verb, delete).
import { linkSignature } from '../core/fresco';
import { t } from '../i18n';
import { linkSentence, play } from '../state/game';
import { getState, setUi, store, type AppState } from '../state/store';
import { h } from './dom';
import { explainVerdict, verdictSign } from './explain';
import { svgIcon, UI_ICONS } from './icon';

export function deleteSelectedLink(): void {
  const id = getState().ui.selectedLink;
  if (id && play({ type: 'unlink', link: id })) setUi({ selectedLink: null });
}

export function relabelSelectedLink(): void {
  const { ui, game } = getState();
  const link = game?.progress.history.present.links.find((candidate) => candidate.id === ui.selectedLink);
  if (link) setUi({ pendingLink: { from: link.from, to: link.to, relabel: link.id } });
}

export function mountLinkBar(parent: HTMLElement): () => void {
  const sentence = h('p', { class: 'link-sentence' });
  const verdict = h('p', { class: 'link-verdict' });
  const relabel = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'relabel-link' }, on: { click: relabelSelectedLink } });
  const remove = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'delete-link' }, on: { click: deleteSelectedLink } });
  const close = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'deselect-link' }, on: { click: () => setUi({ selectedLink: null }) } }, [svgIcon(UI_ICONS.close, 18)]);
  const bar = h('div', { class: 'link-bar', attrs: { role: 'region', 'data-link-bar': true, hidden: true } }, [
    h('div', { class: 'link-bar-text' }, [sentence, verdict]),
    relabel,
    remove,
    close,
  ]);
  parent.append(bar);

  const render = (state: AppState) => {
    const game = state.game;
    const link = game?.progress.history.present.links.find((candidate) => candidate.id === state.ui.selectedLink);
    if (!game || !link) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    bar.setAttribute('aria-label', t('link.selected'));
    sentence.textContent = linkSentence(game.level, link, state.lang);
    const judged = game.progress.check?.verdicts[linkSignature(link)];
    const explanation = judged ? explainVerdict(game.level, judged, state.lang) : null;
    verdict.hidden = !judged;
    verdict.className = `link-verdict ${judged?.status === 'wrong' ? 'is-wrong' : judged?.status === 'not-asked' ? 'is-not-asked' : 'is-right'}`;
    // "True, but not asked here" is said in words: the sign alone would not tell it from right or wrong.
    const text = judged?.status === 'not-asked' ? t('check.notAskedSaid', { text: explanation?.text ?? '' }) : (explanation?.text ?? '');
    verdict.textContent = judged ? `${verdictSign(judged)} ${text}${explanation?.source ? ` (${explanation.source})` : ''}` : '';
    relabel.replaceChildren(svgIcon(UI_ICONS.relabel, 18), t('link.relabel'));
    remove.replaceChildren(svgIcon(UI_ICONS.remove, 18), t('link.delete'));
    close.setAttribute('aria-label', t('link.close'));
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.ui.selectedLink !== previous.ui.selectedLink || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    bar.remove();
  };
}
