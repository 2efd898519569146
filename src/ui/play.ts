// The board screen of free play: top bar, the fresco with its dialogs and panels, the hand.
// `mountBoardArea` is shared with the facilitator's console and the projector view.
import { t } from '../i18n';
import { mountBoard, unmountBoard } from '../boardHost';
import { play } from '../state/game';
import { getState, notify, setUi } from '../state/store';
import { mountCompletion } from './completion';
import { h } from './dom';
import { mountHand } from './hand';
import { mountCardMenu } from './cardMenu';
import { mountCardProxies } from './cardProxies';
import { deleteSelectedLink, mountLinkBar } from './linkBar';
import { cancelPendingLink, mountPicker } from './picker';
import { closePanel, mountSidePanel } from './sidePanel';
import { mountTopbar } from './topbar';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Undo, redo, delete the selected arrow, cancel: the same keys wherever the fresco is. */
function onKey(event: KeyboardEvent): void {
  if (isTyping(event.target)) return;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z' && !event.shiftKey) {
    event.preventDefault();
    play({ type: 'undo' });
  } else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
    event.preventDefault();
    play({ type: 'redo' });
  } else if ((event.key === 'Delete' || event.key === 'Backspace') && getState().ui.selectedLink) {
    event.preventDefault();
    deleteSelectedLink();
  } else if (event.key === 'Escape') {
    const { ui } = getState();
    if (ui.menu) setUi({ menu: null });
    else if (ui.pendingLink) cancelPendingLink();
    else if (ui.selectedLink || ui.linkingFrom || ui.placingCard) setUi({ selectedLink: null, linkingFrom: null, placingCard: null });
    else if (ui.panel || ui.readingCard) closePanel();
  }
}

export interface BoardArea {
  /** The row holding the stage and the panel beside it. */
  area: HTMLElement;
  /** The fresco and what floats over it (picker, selected arrow, captions). */
  stage: HTMLElement;
  destroy(): void;
}

/** The fresco (Phaser, mounted on demand) with the picker, the arrow bar and, if asked, the side panel. */
export function mountBoardArea(parent: HTMLElement, options: { sidePanel: boolean }): BoardArea {
  const host = h('div', { class: 'board-host', attrs: { 'data-board': true } });
  const loading = h('p', { class: 'board-loading', text: t('board.loading') });
  // The stage holds the fresco and what floats over it; the panel sits beside it, hiding nothing.
  const stage = h('div', { class: 'board-stage', attrs: { role: 'region', 'aria-label': t('board.fresco') } }, [host, loading]);
  const area = h('div', { class: 'board-area' }, [stage]);
  const main = h('main', { class: 'play-main', attrs: { id: 'main' } }, [area]);
  parent.append(main);
  const unmounts = [mountCardProxies(stage), mountLinkBar(stage), mountPicker(stage), mountCardMenu(stage)];
  if (options.sidePanel) unmounts.push(mountSidePanel(area));
  document.addEventListener('keydown', onKey);
  let alive = true;
  // The fresco's code may fail to arrive (a tablet's wifi dropping on its very first visit): it
  // is fetched again when the network comes back, and the player is told, not left blank.
  const attempt = (failuresOnline: number) =>
    mountBoard(host)
      .then(() => {
        loading.remove();
        // For scripts that wait for the fresco (the benchmark): it is drawn and takes input.
        host.setAttribute('data-board-ready', '');
      })
      .catch((cause: unknown) => {
        if (!alive) return;
        const offline = !navigator.onLine;
        if (offline || failuresOnline === 0) {
          // Offline: wait for the network, however long. Online: one more try a moment later.
          loading.textContent = t('board.waitingNetwork');
          const again = () => {
            window.removeEventListener('online', again);
            window.clearTimeout(timer);
            if (alive) void attempt(offline ? failuresOnline : failuresOnline + 1);
          };
          const timer = offline ? undefined : window.setTimeout(again, 3000);
          window.addEventListener('online', again);
          return;
        }
        loading.remove();
        notify('error', 'board.boardFailed', { detail: cause instanceof Error ? cause.message : String(cause) });
      });
  void attempt(0);
  return {
    area,
    stage,
    destroy() {
      alive = false;
      document.removeEventListener('keydown', onKey);
      unmountBoard();
      for (const unmount of unmounts) unmount();
      main.remove();
    },
  };
}

export function mountPlay(parent: HTMLElement): () => void {
  const screen = h('div', { class: 'play', attrs: { 'data-screen': 'board' } });
  parent.append(screen);
  const unmountTopbar = mountTopbar(screen);
  const board = mountBoardArea(screen, { sidePanel: true });
  const unmountHand = mountHand(screen);
  const unmountCompletion = mountCompletion(screen);
  return () => {
    unmountCompletion();
    unmountHand();
    board.destroy();
    unmountTopbar();
    screen.remove();
  };
}
