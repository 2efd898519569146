// The page: one screen at a time (level list, board, error), with the messages and the
// screen-reader announcements above them.
import { t } from '../i18n';
import { notify, store, type Screen } from '../state/store';
import { mountAnnouncer } from './announcer';
import { h } from './dom';
import { mountErrorScreen } from './errorScreen';
import { mountHome } from './home';
import { listenForDroppedLevels } from './importLevel';
import { mountNotices } from './notices';
import { mountPlay } from './play';
import { mountFacilitator } from './facilitator/screen';
import { mountProjector } from './projector';
import { mountStatement } from './statement';

const SCREENS: Record<Screen, (parent: HTMLElement) => () => void> = {
  menu: mountHome,
  board: mountPlay,
  error: mountErrorScreen,
  facilitator: mountFacilitator,
  // A session's projector (?view=projector&code=) follows the server, not this device's workshop.
  projector: (parent) =>
    new URLSearchParams(window.location.search).has('code')
      ? lazyScreen(parent, () => import('./session/projectorScreen').then((module) => module.mountSessionProjector))
      : mountProjector(parent),
  // A table of a workshop session (?code=): its code, with the network client, loads on demand.
  statement: mountStatement,
  table: (parent) => lazyScreen(parent, () => import('./session/tableScreen').then((module) => module.mountTableScreen)),
  loading: (parent) => {
    const element = h('p', { class: 'loading', attrs: { 'data-screen': 'loading', role: 'status' }, text: t('board.loading') });
    parent.append(element);
    return () => element.remove();
  },
};

function lazyScreen(parent: HTMLElement, load: () => Promise<(parent: HTMLElement) => () => void>): () => void {
  const host = h('div', { class: 'screen-host' });
  parent.append(host);
  let unmount: (() => void) | null = null;
  let gone = false;
  load()
    .then((mount) => {
      if (!gone) unmount = mount(host);
    })
    .catch((cause: unknown) => notify('error', 'errors.loadFailed', { id: 'session', detail: cause instanceof Error ? cause.message : String(cause) }));
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
