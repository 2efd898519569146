// Focusable stand-ins for the cards drawn on the canvas (the model of bbc/genie's accessibility
// layer): one button over each card of the fresco, in reading order, that a keyboard reaches with
// Tab and a screen reader reads. Enter opens the card's menu; the arrow keys move the card; F
// turns it over. Pointer input passes through them to the canvas.
import { isPlaced, positionOf } from '../core/fresco';
import { layoutOf } from '../core/progress';
import { zoneAt } from '../core/layout';
import { displayText } from '../core/text';
import { t } from '../i18n';
import { currentBoard } from '../boardHost';
import { cardTitle, play } from '../state/game';
import { getState, setUi, store, type AppState } from '../state/store';
import { openCardMenu } from './cardMenu';
import { h } from './dom';

/** World units a card moves per arrow key (a larger step with Shift). */
const STEP = 40;

function describe(state: AppState, id: string): string {
  const game = state.game!;
  const { level, progress } = game;
  const board = progress.history.present;
  const card = level.cards.find((candidate) => candidate.id === id);
  if (!card) return id;
  const zone = zoneAt(layoutOf(level), board.placed[id]!);
  const zoneLabel = zone ? level.zones.find((candidate) => candidate.id === zone)?.label : null;
  const arrows = board.links.filter((link) => link.from === id || link.to === id).length;
  return [
    cardTitle(level, id, state.lang),
    t(`kinds.${card.kind}`),
    zoneLabel ? t('menu.inZoneNow', { zone: displayText(zoneLabel, state.lang) }) : null,
    t('proxy.arrows', { count: arrows }),
    progress.faceDown.includes(id) ? t('proxy.faceDown') : null,
    t('proxy.help'),
  ]
    .filter(Boolean)
    .join('. ');
}

export function mountCardProxies(stage: HTMLElement): () => void {
  const layer = h('div', { class: 'card-proxies', attrs: { role: 'group', 'data-card-proxies': true } });
  stage.append(layer);
  const buttons = new Map<string, HTMLButtonElement>();
  let unsubscribeView: (() => void) | null = null;

  // While the fresco is panned or zoomed, moving 150 buttons at every frame would cost more than
  // drawing the fresco: they follow once the view has stopped for a moment.
  let settle: number | undefined;
  const positionSoon = () => {
    window.clearTimeout(settle);
    settle = window.setTimeout(position, 120);
  };
  const position = () => {
    const board = currentBoard();
    if (!board) return;
    // The layout is read once, before any button moves: reading it between writes would make
    // the browser lay the page out again for every card.
    const origin = stage.getBoundingClientRect();
    const boardRect = board.boardRect();
    const offset = { x: boardRect.x - origin.left, y: boardRect.y - origin.top };
    const rects = board.cardRectsOnBoard(buttons.keys());
    for (const [id, button] of buttons) {
      const rect = rects.get(id);
      if (!rect) continue;
      button.style.transform = `translate(${rect.x + offset.x}px, ${rect.y + offset.y}px)`;
      button.style.width = `${rect.width}px`;
      button.style.height = `${rect.height}px`;
    }
  };

  const render = (state: AppState) => {
    const game = state.game;
    if (!game) return;
    layer.setAttribute('aria-label', t('proxy.group'));
    const board = game.progress.history.present;
    const layout = layoutOf(game.level);
    // Reading order: zone by zone, then top to bottom, left to right.
    const zoneIndex = (id: string) => {
      const zone = zoneAt(layout, board.placed[id]!);
      return zone ? layout.zones.findIndex((candidate) => candidate.id === zone) : layout.zones.length;
    };
    const ids = Object.keys(board.placed).sort((a, b) => {
      const pa = board.placed[a]!;
      const pb = board.placed[b]!;
      return zoneIndex(a) - zoneIndex(b) || Math.round(pa.y / 60) - Math.round(pb.y / 60) || pa.x - pb.x;
    });
    for (const [id, button] of buttons) {
      if (!isPlaced(board, id)) {
        button.remove();
        buttons.delete(id);
      }
    }
    const ordered = ids.map((id) => {
      let button = buttons.get(id);
      if (!button) {
        button = h('button', { class: 'card-proxy', attrs: { type: 'button', 'data-card-proxy': id, 'data-card-id': id } });
        button.addEventListener('click', () => openCardMenu(id, 'board'));
        button.addEventListener('keydown', (event) => onKey(event, id));
        button.addEventListener('focus', () => {
          // The browser scrolls a focused element into view, which would shift the fresco's
          // frame: undo that, and pan the fresco instead.
          stage.scrollTop = 0;
          stage.scrollLeft = 0;
          currentBoard()?.showCard(id);
        });
        buttons.set(id, button);
      }
      button.setAttribute('aria-label', describe(state, id));
      return button;
    });
    const same = ordered.length === layer.children.length && ordered.every((button, i) => layer.children[i] === button);
    if (!same) {
      const focused = document.activeElement;
      layer.replaceChildren(...ordered);
      if (focused instanceof HTMLElement && layer.contains(focused) === false && ordered.includes(focused as HTMLButtonElement)) focused.focus();
    }
    position();
    if (!unsubscribeView) unsubscribeView = currentBoard()?.onViewChange(positionSoon) ?? null;
  };

  const onKey = (event: KeyboardEvent, id: string) => {
    const board = getState().game?.progress.history.present;
    const point = board ? positionOf(board, id) : null;
    if (!point) return;
    const step = event.shiftKey ? STEP * 4 : STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      play({ type: 'place', card: id, x: point.x + move[0], y: point.y + move[1] });
      window.setTimeout(() => buttons.get(id)?.focus(), 0);
    } else if (event.key.toLowerCase() === 'f') {
      event.preventDefault();
      const faceDown = getState().game?.progress.faceDown.includes(id) ?? false;
      play({ type: 'flip', card: id });
      setUi({ readingCard: faceDown ? null : id });
    }
  };

  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  // The board is mounted a little after the interface: place the buttons once it is there.
  const waitForBoard = window.setInterval(() => {
    if (!currentBoard()) return;
    window.clearInterval(waitForBoard);
    render(store.getState());
  }, 100);
  return () => {
    window.clearInterval(waitForBoard);
    window.clearTimeout(settle);
    unsubscribe();
    unsubscribeView?.();
    layer.remove();
  };
}
