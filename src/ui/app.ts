// The page: one screen at a time (level list, board, error), with the messages and the
// screen-reader announcements above them.
import { t } from '../i18n';
import { store, type Screen } from '../state/store';
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
  projector: mountProjector,
  statement: mountStatement,
  loading: (parent) => {
    const element = h('p', { class: 'loading', attrs: { 'data-screen': 'loading', role: 'status' }, text: t('board.loading') });
    parent.append(element);
    return () => element.remove();
  },
};

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
