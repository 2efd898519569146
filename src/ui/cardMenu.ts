// The menu of actions on one card, for those who do not drag: the keyboard (Enter on a card),
// a long press on a touch screen, a right click. From the hand: where to place it (in view, in a
// zone, next to a card). On the fresco: turn it over, draw an arrow to another card, move it,
// take it back, and its arrows (change the verb, delete) — everything dragging does.
import { cardOf } from '../core/level';
import { isPlaced } from '../core/fresco';
import { layoutOf } from '../core/progress';
import { zoneAt } from '../core/layout';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { currentBoard } from '../boardHost';
import { cardTitle, linkSentence, play } from '../state/game';
import { getState, setUi, store, type AppState } from '../state/store';
import { h, present } from './dom';

type Step = 'main' | 'link' | 'place';

export function openCardMenu(card: string, from: 'board' | 'hand'): void {
  setUi({ menu: { card, from }, selectedLink: null });
}

function closeMenu(): void {
  const menu = getState().ui.menu;
  setUi({ menu: null });
  // Back to where the keyboard was: the card's proxy on the fresco, or the card in the hand.
  const selector = menu?.from === 'hand' ? `.hand [data-card-id="${CSS.escape(menu.card)}"]` : `[data-card-proxy="${CSS.escape(menu?.card ?? '')}"]`;
  focusLater(selector);
}

/**
 * Gives the focus to `selector` once the interface has caught up, unless the player has already
 * moved on: a late focus must never pull a fast keyboard user back to a card they left.
 */
function focusLater(selector: string): void {
  const now = document.querySelector<HTMLElement>(selector);
  if (now) {
    now.focus();
    return;
  }
  window.setTimeout(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    document.querySelector<HTMLElement>(selector)?.focus();
  }, 50);
}

function place(card: string, spot: { x: number; y: number } | null): void {
  if (!spot) return;
  setUi({ menu: null });
  if (play({ type: 'place', card, x: spot.x, y: spot.y })) focusLater(`[data-card-proxy="${CSS.escape(card)}"]`);
}

function action(name: string, text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  return h('button', { class: 'menu-item', text, attrs: { type: 'button', 'data-action': name, ...attrs }, on: { click: onClick } });
}

export function mountCardMenu(parent: HTMLElement): () => void {
  const title = h('h2', { class: 'dialog-title', attrs: { id: 'card-menu-title' } });
  const body = h('div', { class: 'menu-body' });
  const dialog = h('div', { class: 'card-menu', attrs: { role: 'dialog', 'aria-labelledby': 'card-menu-title', 'data-card-menu': true, hidden: true } }, [title, body]);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeMenu();
    }
  });
  parent.append(dialog);
  let step: Step = 'main';
  let shownFor = '';
  /** Set when the menu changes step: the focus goes to its first choice. */
  let refocus = false;
  const goTo = (next: Step) => {
    step = next;
    refocus = true;
    render(store.getState());
  };

  const placeChoices = (state: AppState, card: string): HTMLElement[] => {
    const game = state.game!;
    const board = game.progress.history.present;
    const handle = currentBoard();
    const zones = layoutOf(game.level).zones;
    const others = Object.keys(board.placed).filter((id) => id !== card);
    return present<HTMLElement>([
      action('place-in-view', t('menu.placeInView'), () => place(card, handle?.freeSpotInView() ?? null)),
      zones.length > 0 ? h('h3', { text: t('menu.inZone') }) : null,
      ...zones.map((zone) => {
        const def = game.level.zones.find((candidate) => candidate.id === zone.id);
        return action('place-in-zone', def ? displayText(def.label, state.lang) : zone.id, () => place(card, handle?.spotInZone(zone.id, card) ?? null), { 'data-zone': zone.id });
      }),
      others.length > 0 ? h('h3', { text: t('menu.nextTo') }) : null,
      ...others.map((id) => action('place-next-to', cardTitle(game.level, id, state.lang), () => place(card, handle?.spotNextTo(id, card) ?? null), { 'data-next-to': id })),
    ]);
  };

  const render = (state: AppState) => {
    const menu = state.ui.menu;
    const game = state.game;
    if (!menu || !game || !cardOf(game.level, menu.card)) {
      if (!dialog.hidden) {
        dialog.hidden = true;
        shownFor = '';
      }
      return;
    }
    const key = `${menu.card}:${menu.from}:${state.lang}`;
    if (key !== shownFor) step = menu.from === 'hand' ? 'place' : 'main';
    const board = game.progress.history.present;
    const onBoard = isPlaced(board, menu.card);
    const name = cardTitle(game.level, menu.card, state.lang);
    title.textContent = name;
    let content: HTMLElement[];
    if (step === 'place') {
      content = [h('p', { text: onBoard ? t('menu.moveWhere') : t('menu.placeWhere') }), ...placeChoices(state, menu.card)];
    } else if (step === 'link') {
      const targets = Object.keys(board.placed).filter((id) => id !== menu.card);
      content = [
        h('p', { text: t('menu.linkTo', { card: name }) }),
        ...targets.map((id) =>
          action('link-to', cardTitle(game.level, id, state.lang), () => setUi({ menu: null, pendingLink: { from: menu.card, to: id, relabel: null } }), { 'data-target-card': id }),
        ),
      ];
    } else {
      const links = board.links.filter((link) => link.from === menu.card || link.to === menu.card);
      const zone = onBoard ? zoneAt(layoutOf(game.level), board.placed[menu.card]!) : null;
      const zoneLabel = zone ? game.level.zones.find((candidate) => candidate.id === zone)?.label : null;
      const faceDown = game.progress.faceDown.includes(menu.card);
      content = present<HTMLElement>([
        zoneLabel ? h('p', { class: 'menu-where', text: t('menu.inZoneNow', { zone: displayText(zoneLabel, state.lang) }) }) : null,
        action('menu-flip', faceDown ? t('menu.flipBack') : t('menu.flip'), () => {
          play({ type: 'flip', card: menu.card });
          setUi({ readingCard: faceDown ? null : menu.card });
          closeMenu();
        }),
        action('menu-link', t('menu.link'), () => goTo('link')),
        action('menu-move', t('menu.move'), () => goTo('place')),
        action('menu-return', t('menu.return'), () => {
          play({ type: 'return', card: menu.card });
          setUi({ menu: null });
        }),
        links.length > 0 ? h('h3', { text: t('menu.arrows') }) : null,
        ...links.map((link) =>
          h('div', { class: 'menu-link' }, [
            h('p', { text: linkSentence(game.level, link, state.lang) }),
            action('menu-relabel', t('link.relabel'), () => setUi({ menu: null, pendingLink: { from: link.from, to: link.to, relabel: link.id }, selectedLink: link.id }), { 'data-link-id': link.id }),
            action('menu-delete', t('link.delete'), () => play({ type: 'unlink', link: link.id }), { 'data-link-id': link.id }),
          ]),
        ),
      ]);
    }
    const hadFocus = dialog.contains(document.activeElement);
    body.replaceChildren(...content, action('close-menu', t('menu.close'), closeMenu));
    const opening = dialog.hidden || key !== shownFor;
    dialog.hidden = false;
    dialog.classList.toggle('is-hand', menu.from === 'hand');
    shownFor = key;
    if (opening || hadFocus || refocus) {
      refocus = false;
      body.querySelector<HTMLElement>('button')?.focus();
    }
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.ui.menu !== previous.ui.menu || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    dialog.remove();
  };
}
