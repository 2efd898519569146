// The page: one screen at a time (level list, board, error), with the messages and the
// screen-reader announcements above them.
import { prefetchBoard } from '../board/prefetch';
import { t } from '../i18n';
import { notify, store, type Screen } from '../state/store';
import { mountAnnouncer } from './announcer';
import { h } from './dom';
import { mountErrorScreen } from './errorScreen';
import { mountHome } from './home';
import { listenForDroppedLevels } from './importLevel';
import { mountNotices } from './notices';

const SCREENS: Record<Screen, (parent: HTMLElement) => () => void> = {
  menu: mountHome,
  // Every screen but the level list loads its code when it is first shown: the home screen of a
  // school laptop on a slow network downloads only what it needs.
  board: (parent) => lazyScreen(parent, 'board', () => import('./play').then((module) => module.mountPlay)),
  error: mountErrorScreen,
  facilitator: (parent) => lazyScreen(parent, 'facilitator', () => import('./facilitator/screen').then((module) => module.mountFacilitator)),
  // A session's projector (?view=projector&code=) follows the server, not this device's workshop.
  projector: (parent) =>
    new URLSearchParams(window.location.search).has('code')
      ? lazyScreen(parent, 'session', () => import('./session/projectorScreen').then((module) => module.mountSessionProjector))
      : lazyScreen(parent, 'projector', () => import('./projector').then((module) => module.mountProjector)),
  statement: (parent) => lazyScreen(parent, 'statement', () => import('./statement').then((module) => module.mountStatement)),
  // A table of a workshop session (?code=): its code, with the network client, loads on demand.
  table: (parent) => lazyScreen(parent, 'session', () => import('./session/tableScreen').then((module) => module.mountTableScreen)),
  loading: (parent) => {
    // A level is on its way: the board's screen, its code and its typefaces come at the same time.
    void import('./play').catch(() => undefined);
    prefetchBoard();
    const element = h('p', { class: 'loading', attrs: { 'data-screen': 'loading', role: 'status' }, text: t('board.loading') });
    parent.append(element);
    return () => element.remove();
  },
};

function lazyScreen(parent: HTMLElement, name: string, load: () => Promise<(parent: HTMLElement) => () => void>): () => void {
  const host = h('div', { class: 'screen-host' });
  const waiting = h('p', { class: 'loading', attrs: { role: 'status' }, text: t('board.loading') });
  host.append(waiting);
  parent.append(host);
  let unmount: (() => void) | null = null;
  let gone = false;
  load()
    .then((mount) => {
      waiting.remove();
      if (!gone) unmount = mount(host);
    })
    .catch((cause: unknown) => {
      waiting.remove();
      notify('error', 'errors.loadFailed', { id: name, detail: cause instanceof Error ? cause.message : String(cause) });
    });
  return () => {
    gone = true;
    unmount?.();
    host.remove();
  };
}

export function mountApp(root: HTMLElement): void {
  const screenHost = h('div', { class: 'screen' });
  root.append(screenHost);
  mountNotices(root);
  mountAnnouncer(root);
  listenForDroppedLevels(root);
  let shown: Screen | null = null;
  let unmount: (() => void) | null = null;
  const show = (screen: Screen) => {
    if (screen === shown) return;
    unmount?.();
    shown = screen;
    unmount = SCREENS[screen](screenHost);
  };
  show(store.getState().screen);
  store.subscribe((state) => show(state.screen));
}
