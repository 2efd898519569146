// Captions over the group's fresco during a workshop: the hint the facilitator gave, the link
// just revealed with its explanation and source, the misconceptions drawn once shown (and with
// them the true arrows the level did not ask for). Nothing here tells more than the facilitator
// chose to show.
import { judgeLink } from '../../core/check';
import { linkSignature } from '../../core/fresco';
import { displayText } from '../../core/text';
import { t } from '../../i18n';
import { cardTitle, linkSentence } from '../../state/game';
import { store, type AppState } from '../../state/store';
import { h, present } from '../dom';

export function hintText(state: AppState): string | null {
  const { game, workshop, lang } = state;
  const hint = workshop?.hint;
  if (!game || !hint) return null;
  if (hint.kind === 'card') return t('workshop.hintCard', { card: cardTitle(game.level, hint.card, lang) });
  const link = game.level.links[hint.link];
  return link ? t('workshop.hintLink', { from: cardTitle(game.level, link.from, lang), to: cardTitle(game.level, link.to, lang) }) : null;
}

export interface ExplainedArrow {
  sentence: string;
  explanation: string;
  source: string | null;
}

/** The group's arrows that are known misconceptions (the level's or its deck's), with their explanations. */
export function drawnMisconceptions(state: AppState): ExplainedArrow[] {
  const { game, lang } = state;
  if (!game) return [];
  return game.progress.history.present.links.flatMap((link) => {
    const verdict = judgeLink(game.level, link);
    const wrong = verdict.status === 'wrong' && verdict.reason === 'misconception' ? game.level.misconceptions[verdict.misconception] : undefined;
    return wrong ? [{ sentence: linkSentence(game.level, link, lang), explanation: displayText(wrong.explanation, lang), source: wrong.source }] : [];
  });
}

/** The group's arrows that are true in the deck but not asked by the level, with the deck's explanation and source. */
export function drawnNotAsked(state: AppState): ExplainedArrow[] {
  const { game, lang } = state;
  if (!game) return [];
  return game.progress.history.present.links.flatMap((link) => {
    const verdict = judgeLink(game.level, link);
    const truth = verdict.status === 'not-asked' ? game.level.truths[verdict.truth] : undefined;
    if (!truth) return [];
    return [{ sentence: linkSentence(game.level, link, lang), explanation: truth.explanation ? displayText(truth.explanation, lang) : t('check.reasonNotAsked'), source: truth.source }];
  });
}

/** Captions in a column beside the fresco (hidden when there is nothing to say). */
export function mountCaptions(area: HTMLElement): () => void {
  const box = h('aside', { class: 'captions', attrs: { 'aria-live': 'polite', 'data-captions': true, hidden: true } });
  area.append(box);
  const render = (state: AppState) => {
    const { game, workshop, lang } = state;
    if (!game || !workshop) {
      box.replaceChildren();
      box.hidden = true;
      return;
    }
    const hint = hintText(state);
    const lastIndex = workshop.revealed[workshop.revealed.length - 1];
    const last = lastIndex !== undefined ? game.level.links[lastIndex] : undefined;
    const drawn = new Set(game.progress.history.present.links.map(linkSignature));
    const lastSentence = last ? linkSentence(game.level, { from: last.from, to: last.to, relation: last.relations.find((r) => drawn.has(linkSignature({ ...last, relation: r }))) ?? last.relations[0]! }, lang) : null;
    const wrong = workshop.misconceptionsShown ? drawnMisconceptions(state) : [];
    const notAsked = workshop.misconceptionsShown ? drawnNotAsked(state) : [];
    box.replaceChildren(
      ...present<HTMLElement>([
        hint ? h('p', { class: 'caption caption-hint', text: hint }) : null,
        last && lastSentence
          ? h('div', { class: 'caption caption-revealed' }, [
              h('p', { class: 'caption-title', text: t('workshop.revealedLink', { sentence: lastSentence }) }),
              last.explanation ? h('p', { text: displayText(last.explanation, lang) }) : null,
              last.source ? h('p', { class: 'caption-source', text: last.source }) : null,
            ])
          : null,
        ...wrong.map((item) =>
          h('div', { class: 'caption caption-wrong' }, [
            h('p', { class: 'caption-title', text: t('workshop.wrongLink', { sentence: item.sentence }) }),
            h('p', { text: item.explanation }),
            item.source ? h('p', { class: 'caption-source', text: item.source }) : null,
          ]),
        ),
        ...notAsked.map((item) =>
          h('div', { class: 'caption caption-not-asked', attrs: { 'data-caption': 'not-asked' } }, [
            h('p', { class: 'caption-title', text: `◇ ${t('workshop.notAskedLink', { sentence: item.sentence })}` }),
            h('p', { text: item.explanation }),
            item.source ? h('p', { class: 'caption-source', text: item.source }) : null,
          ]),
        ),
      ]),
    );
    box.hidden = box.childElementCount === 0;
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workshop !== previous.workshop || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    box.remove();
  };
}
