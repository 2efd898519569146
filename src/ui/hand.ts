// The hand: the cards dealt and not yet on the fresco, as DOM cards that can be dragged onto the
// board, or chosen with a tap (or Enter) and placed with a tap on the fresco.
import { freeSpot } from '../core/layout';
import { handCards } from '../core/fresco';
import { cardOf } from '../core/level';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { currentBoard } from '../boardHost';
import { playSound } from '../state/effects';
import { cardTitle, play } from '../state/game';
import { getState, setUi, store, type AppState } from '../state/store';
import { cardFront } from './cardFace';
import { openCardMenu } from './cardMenu';
import { h } from './dom';

const DRAG_SLOP = 6;
/** Sizes of a hand card in CSS pixels (see .hand-card in main.css). */
const HAND_CARD_WIDTH = 200;
const HAND_CARD_HEIGHT = 116;
const CARD_GAP = 10;
const MAX_ROWS = 3;
export const LONG_PRESS_MS = 550;

function placeAt(cardId: string, pageX: number, pageY: number): boolean {
  const board = currentBoard();
  const world = board?.pageToWorld({ x: pageX, y: pageY });
  if (!world) return false;
  const placed = getState().game?.progress.history.present.placed ?? {};
  const others = Object.entries(placed)
    .filter(([id]) => id !== cardId)
    .map(([, point]) => point);
  return play({ type: 'place', card: cardId, ...freeSpot({ x: Math.round(world.x), y: Math.round(world.y) }, others) });
}

function attachDrag(element: HTMLElement, cardId: string): void {
  element.addEventListener('pointerdown', (down) => {
    if (down.pointerType === 'mouse' && down.button !== 0) return;
    const start = { x: down.clientX, y: down.clientY };
    let ghost: HTMLElement | null = null;
    let pressedLong = false;
    element.setPointerCapture?.(down.pointerId);
    // A long press on a touch screen opens the card's menu instead of choosing it (a mouse has
    // its right click; a slow mouse drag must stay a drag).
    const longPress =
      down.pointerType === 'mouse'
        ? undefined
        : window.setTimeout(() => {
            if (ghost) return;
            pressedLong = true;
            openCardMenu(cardId, 'hand');
          }, LONG_PRESS_MS);

    const move = (event: PointerEvent) => {
      if (event.pointerId !== down.pointerId) return;
      if (!ghost && !pressedLong && Math.hypot(event.clientX - start.x, event.clientY - start.y) > DRAG_SLOP) {
        window.clearTimeout(longPress);
        const rect = element.getBoundingClientRect();
        ghost = element.cloneNode(true) as HTMLElement;
        ghost.classList.add('drag-ghost');
        ghost.removeAttribute('data-card-id');
        ghost.style.width = `${rect.width}px`;
        ghost.style.height = `${rect.height}px`;
        ghost.setAttribute('aria-hidden', 'true');
        document.body.append(ghost);
        element.classList.add('is-dragged');
        playSound('pick');
      }
      if (ghost) ghost.style.transform = `translate(${event.clientX - ghost.offsetWidth / 2}px, ${event.clientY - ghost.offsetHeight / 2}px) rotate(-2deg)`;
    };
    const end = (event: PointerEvent) => {
      if (event.pointerId !== down.pointerId) return;
      window.clearTimeout(longPress);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', end);
      element.removeEventListener('pointercancel', end);
      element.classList.remove('is-dragged');
      if (ghost) {
        ghost.remove();
        const hand = document.querySelector('[data-hand]')?.getBoundingClientRect();
        const overHand = hand && event.clientY >= hand.top && event.clientY <= hand.bottom && event.clientX >= hand.left && event.clientX <= hand.right;
        if (event.type === 'pointerup' && !overHand) placeAt(cardId, event.clientX, event.clientY);
      } else if (event.type === 'pointerup' && !pressedLong) {
        // A tap chooses the card; the next tap on the fresco places it.
        setUi({ placingCard: getState().ui.placingCard === cardId ? null : cardId });
      }
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', end);
    element.addEventListener('pointercancel', end);
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openCardMenu(cardId, 'hand');
    }
  });
  element.addEventListener('contextmenu', (event) => {
    event.preventDefault();
    openCardMenu(cardId, 'hand');
  });
}

export function mountHand(parent: HTMLElement): () => void {
  const heading = h('h2', { class: 'hand-heading' });
  const help = h('p', { class: 'hand-help' });
  const list = h('ul', { class: 'hand-cards' });
  const hand = h('section', { class: 'hand', attrs: { 'data-hand': true, 'aria-labelledby': 'hand-heading' } }, [h('div', { class: 'hand-header' }, [heading, help]), list]);
  heading.id = 'hand-heading';
  parent.append(hand);
  const views = new Map<string, HTMLElement>();
  let shownLang = '';

  // The tray keeps the height of the level's largest batch, so that the fresco above does not
  // jump each time a card leaves the hand.
  const reserveRoom = (largestBatch: number) => {
    const width = list.clientWidth || hand.clientWidth || window.innerWidth - 24;
    const perRow = Math.max(1, Math.floor((width + CARD_GAP) / (HAND_CARD_WIDTH + CARD_GAP)));
    // A short window (a small laptop with the text enlarged to 200 %) keeps one row that scrolls
    // sideways, so that the fresco keeps most of the height.
    const short = window.matchMedia('(max-height: 520px)').matches;
    const rows = short ? 1 : Math.min(MAX_ROWS, Math.ceil(largestBatch / perRow));
    list.style.minHeight = `${Math.max(0, rows * (HAND_CARD_HEIGHT + CARD_GAP) - CARD_GAP)}px`;
  };

  const render = (state: AppState) => {
    const game = state.game;
    if (!game) return;
    const ids = handCards(game.level, game.progress.history.present);
    heading.textContent = `${t('board.hand')} (${ids.length})`;
    // Room for the cards in hand and for the largest batch still to come.
    const present = game.progress.history.present;
    const toCome = game.level.batches.slice(present.dealt).reduce((most, batch) => Math.max(most, batch.cards.length), 0);
    reserveRoom(Math.max(ids.length, toCome));
    const moreToDeal = game.progress.history.present.dealt < game.level.batches.length;
    const placing = state.ui.placingCard;
    help.textContent =
      placing && ids.includes(placing)
        ? t('board.placing', { title: cardTitle(game.level, placing, state.lang) })
        : ids.length === 0
          ? moreToDeal
            ? t('board.handEmptyMore')
            : t('board.handEmpty')
          : t('board.handHelp');
    if (shownLang !== state.lang) {
      for (const view of views.values()) view.remove();
      views.clear();
      shownLang = state.lang;
    }
    for (const [id, view] of views) {
      if (!ids.includes(id)) {
        view.remove();
        views.delete(id);
      }
    }
    const items = ids.map((id) => {
      let item = views.get(id);
      const card = cardOf(game.level, id);
      if (!item && card) {
        const face = h('div', {
          class: `hand-card kind-${card.kind}`,
          attrs: {
            'data-card-id': id,
            tabindex: 0,
            role: 'button',
            'aria-label': [displayText(card.title, state.lang), t(`kinds.${card.kind}`), card.summary ? displayText(card.summary, state.lang) : ''].filter(Boolean).join('. '),
          },
        }, cardFront(card, state.lang));
        attachDrag(face, id);
        item = h('li', {}, [face]);
        views.set(id, item);
      }
      item?.firstElementChild?.classList.toggle('is-placing', placing === id);
      return item;
    });
    const wanted = items.filter((item): item is HTMLElement => item !== undefined);
    // Re-inserting nodes would take focus away from the card a keyboard user is on.
    const same = wanted.length === list.children.length && wanted.every((item, i) => list.children[i] === item);
    if (!same) list.replaceChildren(...wanted);
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.game !== previous.game || state.lang !== previous.lang || state.ui.placingCard !== previous.ui.placingCard) render(state);
  });
  const onResize = () => render(store.getState());
  window.addEventListener('resize', onResize);
  return () => {
    unsubscribe();
    window.removeEventListener('resize', onResize);
    hand.remove();
  };
}
