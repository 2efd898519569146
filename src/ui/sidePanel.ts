// The panel beside the fresco: the back of a card being read, the result of a check with an
// explanation for each mistake, or the hints read so far.
import { isCheckCurrent } from '../core/check';
import { linkSignature } from '../core/fresco';
import { cardOf } from '../core/level';
import { displayText, type Lang } from '../core/text';
import { t } from '../i18n';
import { handCards } from '../core/fresco';
import { layoutOf } from '../core/progress';
import { zoneAt } from '../core/layout';
import { cardTitle, linkSentence, play } from '../state/game';
import { setUi, store, type AppState, type Game } from '../state/store';
import { openCardMenu } from './cardMenu';
import { kindBand } from './cardFace';
import { h, present } from './dom';
import { explainVerdict, verdictSign } from './explain';
import { cardIconNode } from './cardIcon';
import { svgIcon, UI_ICONS } from './icon';

function readerContent(game: Game, cardId: string, lang: Lang): HTMLElement[] {
  const card = cardOf(game.level, cardId);
  if (!card) return [];
  return present<HTMLElement>([
    h('div', { class: `reader-card kind-${card.kind}` }, [
      kindBand(card),
      h('div', { class: 'card-head' }, [svgIcon(cardIconNode(card.icon, card.kind), 28), h('h2', { class: 'card-title', attrs: { id: 'panel-title' }, text: displayText(card.title, lang) })]),
    ]),
    card.summary ? h('p', { class: 'reader-summary', text: displayText(card.summary, lang) }) : null,
    h('p', { class: 'reader-explanation', text: card.explanation ? displayText(card.explanation, lang) : t('card.noExplanation') }),
    card.source ? h('p', { class: 'reader-source' }, [h('strong', { text: `${t('card.source')} : ` }), card.source]) : null,
  ]);
}

function resultsContent(game: Game, lang: Lang): HTMLElement[] {
  const check = game.progress.check;
  if (!check) return [];
  const { score, placement } = check;
  const board = game.progress.history.present;
  const links = board.links.map((link) => ({ link, verdict: check.verdicts[linkSignature(link)] })).filter((entry) => entry.verdict);
  const wrong = links.filter((entry) => entry.verdict?.status === 'wrong');
  const right = links.filter((entry) => entry.verdict?.status === 'correct' || entry.verdict?.status === 'optional');
  const notAsked = links.filter((entry) => entry.verdict?.status === 'not-asked');
  const optional = links.filter((entry) => entry.verdict?.status === 'optional').length;
  const itemClass = { wrong: 'is-wrong', 'not-asked': 'is-not-asked', correct: 'is-right', optional: 'is-right' } as const;
  const item = (entry: (typeof links)[number]) => {
    const verdict = entry.verdict!;
    const explanation = explainVerdict(game.level, verdict, lang);
    return h('li', { class: `result-item ${itemClass[verdict.status]}`, attrs: { 'data-verdict': verdict.status } }, [
      h('p', { class: 'result-sentence' }, [h('span', { class: 'result-sign', attrs: { 'aria-hidden': 'true' }, text: verdictSign(verdict) }), linkSentence(game.level, entry.link, lang)]),
      explanation ? h('p', { class: 'result-explanation', text: explanation.text }) : null,
      explanation?.source ? h('p', { class: 'result-source', text: explanation.source }) : null,
    ]);
  };
  return present<HTMLElement>([
    h('h2', { class: 'dialog-title', attrs: { id: 'panel-title' }, text: t('check.title') }),
    !isCheckCurrent(check, board) ? h('p', { class: 'stale', text: t('check.stale') }) : null,
    h('p', { class: 'score', attrs: { 'data-score': score.percent } }, [h('span', { class: 'score-value', text: t('check.score', { percent: score.percent }) })]),
    h('ul', { class: 'score-details' }, [
      h('li', { text: `✓ ${t('check.correct', { count: score.correct })} / ${score.total}` }),
      h('li', { text: `✗ ${t('check.wrong', { count: score.wrong })}` }),
      h('li', { text: score.missing > 0 ? `… ${t('check.missing', { count: score.missing })}` : t('check.noneMissing') }),
      optional > 0 ? h('li', { text: `✓ ${t('check.optional', { count: optional })}` }) : null,
      notAsked.length > 0 ? h('li', { text: `◇ ${t('check.notAsked', { count: notAsked.length })}` }) : null,
      placement ? h('li', { text: t('check.placement', { correct: placement.correct, total: placement.total }) }) : null,
    ]),
    placement && placement.misplaced.length > 0
      ? h('p', { class: 'misplaced', text: t('check.misplaced', { cards: placement.misplaced.map((id) => cardTitle(game.level, id, lang)).join(', ') }) })
      : null,
    wrong.length > 0 ? h('h3', { text: t('check.mistakes') }) : null,
    wrong.length > 0 ? h('ul', { class: 'result-list' }, wrong.map(item)) : null,
    // True arrows the level did not ask for: apart from the mistakes and from the score.
    notAsked.length > 0 ? h('h3', { text: t('check.notAskedTitle') }) : null,
    notAsked.length > 0 ? h('p', { class: 'result-note', text: t('check.notAskedIntro') }) : null,
    notAsked.length > 0 ? h('ul', { class: 'result-list', attrs: { 'data-not-asked': true } }, notAsked.map(item)) : null,
    right.length > 0 ? h('h3', { text: t('check.good') }) : null,
    right.length > 0 ? h('ul', { class: 'result-list' }, right.map(item)) : null,
  ]);
}

function hintsContent(game: Game, lang: Lang): HTMLElement[] {
  const { hints } = game.level;
  const shown = hints.slice(0, game.progress.hintsShown);
  return present<HTMLElement>([
    h('h2', { class: 'dialog-title', attrs: { id: 'panel-title' }, text: t('check.hintsTitle') }),
    hints.length === 0 ? h('p', { text: t('check.noHints') }) : null,
    shown.length > 0 ? h('ol', { class: 'hint-list' }, shown.map((hint) => h('li', { text: displayText(hint, lang) }))) : null,
    game.progress.hintsShown < hints.length
      ? h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'next-hint' }, on: { click: () => play({ type: 'hint' }) } }, [svgIcon(UI_ICONS.hint, 18), t('check.nextHint')])
      : null,
  ]);
}

/**
 * The whole fresco as structured text for screen readers (and anyone who prefers reading): each
 * zone with its cards and their explanations, every arrow as a sentence, the hand; with the same
 * actions as on the board.
 */
function textContent(game: Game, lang: Lang): HTMLElement[] {
  const { level, progress } = game;
  const board = progress.history.present;
  const layout = layoutOf(level);
  const groups = new Map<string | null, string[]>();
  for (const id of Object.keys(board.placed)) {
    const zone = zoneAt(layout, board.placed[id]!);
    groups.set(zone, [...(groups.get(zone) ?? []), id]);
  }
  const cardItem = (id: string) => {
    const card = cardOf(level, id);
    if (!card) return null;
    return h('li', { class: 'text-card' }, [
      h('p', {}, [h('strong', { text: displayText(card.title, lang) }), ` (${t(`kinds.${card.kind}`)})`]),
      card.summary ? h('p', { text: displayText(card.summary, lang) }) : null,
      card.explanation ? h('p', { class: 'text-explanation', text: displayText(card.explanation, lang) }) : null,
      card.source ? h('p', { class: 'result-source', text: `${t('card.source')} : ${card.source}` }) : null,
      h('button', { class: 'button', text: t('text.actions', { card: displayText(card.title, lang) }), attrs: { type: 'button', 'data-action': 'card-actions', 'data-card-id-ref': id }, on: { click: () => openCardMenu(id, 'board') } }),
    ]);
  };
  const zoneOrder: (string | null)[] = [...layout.zones.map((zone) => zone.id), null];
  const sections = zoneOrder.flatMap((zoneId) => {
    const ids = groups.get(zoneId);
    if (!ids?.length) return [];
    const label = zoneId ? level.zones.find((zone) => zone.id === zoneId)?.label : null;
    return [h('h3', { text: label ? displayText(label, lang) : layout.zones.length > 0 ? t('text.noZone') : t('text.onFresco') }), h('ul', { class: 'text-cards' }, present(ids.map(cardItem)))];
  });
  const hand = handCards(level, board);
  return present<HTMLElement>([
    h('h2', { class: 'dialog-title', attrs: { id: 'panel-title' }, text: t('text.title') }),
    Object.keys(board.placed).length === 0 ? h('p', { text: t('text.empty') }) : null,
    ...sections,
    h('h3', { text: t('text.arrows', { count: board.links.length }) }),
    board.links.length > 0
      ? h(
          'ol',
          { class: 'text-arrows' },
          board.links.map((link) =>
            h('li', {}, [
              h('p', { text: linkSentence(level, link, lang) }),
              h('button', { class: 'button', text: t('link.relabel'), attrs: { type: 'button', 'data-action': 'text-relabel' }, on: { click: () => setUi({ pendingLink: { from: link.from, to: link.to, relabel: link.id }, selectedLink: link.id }) } }),
              h('button', { class: 'button', text: t('link.delete'), attrs: { type: 'button', 'data-action': 'text-delete' }, on: { click: () => play({ type: 'unlink', link: link.id }) } }),
            ]),
          ),
        )
      : h('p', { text: t('text.noArrows') }),
    h('h3', { text: t('text.hand', { count: hand.length }) }),
    hand.length > 0
      ? h('ul', {}, hand.map((id) => h('li', {}, [h('button', { class: 'button', text: t('text.place', { card: cardTitle(level, id, lang) }), attrs: { type: 'button', 'data-action': 'text-place' }, on: { click: () => openCardMenu(id, 'hand') } })])))
      : null,
  ]);
}

export function closePanel(): void {
  setUi({ panel: null, readingCard: null });
}

export function mountSidePanel(parent: HTMLElement): () => void {
  const body = h('div', { class: 'panel-body' });
  const close = h('button', { class: 'icon-button panel-close', attrs: { type: 'button', 'data-action': 'close-panel' }, on: { click: closePanel } }, [svgIcon(UI_ICONS.close, 20)]);
  const panel = h('aside', { class: 'side-panel', attrs: { 'data-panel': true, hidden: true, 'aria-labelledby': 'panel-title' } }, [close, body]);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closePanel();
    }
  });
  parent.append(panel);

  const render = (state: AppState) => {
    const { game, ui } = state;
    const kind = ui.panel === 'results' || ui.panel === 'hints' || ui.panel === 'text' ? ui.panel : ui.readingCard ? 'reader' : null;
    if (!game || !kind) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    panel.dataset.panel = kind;
    close.setAttribute('aria-label', t('check.close'));
    const content =
      kind === 'results'
        ? resultsContent(game, state.lang)
        : kind === 'hints'
          ? hintsContent(game, state.lang)
          : kind === 'text'
            ? textContent(game, state.lang)
            : readerContent(game, ui.readingCard ?? '', state.lang);
    // Rebuilding the panel must not throw a keyboard user out of it.
    const focused = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    body.replaceChildren(...content);
    if (focused) (panel.querySelector<HTMLElement>(`[data-action="${focused}"]`) ?? close).focus();
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.ui.panel !== previous.ui.panel || state.ui.readingCard !== previous.ui.readingCard || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    panel.remove();
  };
}
