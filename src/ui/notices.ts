// Messages to the player (errors, confirmations), shown at the top of every screen. Errors stay
// until dismissed; information fades after a while.
import { t } from '../i18n';
import { dismissNotice, store, type AppState } from '../state/store';
import { applyUpdate } from '../offline';
import { h } from './dom';
import { svgIcon, UI_ICONS } from './icon';

const INFO_LIFETIME_MS = 7000;

export function mountNotices(parent: HTMLElement): () => void {
  const region = h('div', { class: 'notices', attrs: { role: 'status', 'aria-live': 'polite' } });
  parent.append(region);
  const timers = new Map<number, number>();

  const render = (state: AppState) => {
    region.replaceChildren(
      ...state.notices.map((notice) => {
        if (notice.tone === 'info' && notice.key !== 'offline.updateReady' && !timers.has(notice.id)) {
          timers.set(notice.id, window.setTimeout(() => dismissNotice(notice.id), INFO_LIFETIME_MS));
        }
        return h('div', { class: `notice notice-${notice.tone}`, attrs: { 'data-notice': notice.tone, role: notice.tone === 'error' ? 'alert' : null } }, [
          h('p', { text: t(notice.key, notice.params) }),
          // The one notice with an action: a new version of the game waiting to be used.
          notice.key === 'offline.updateReady'
            ? h('button', { class: 'button', text: t('offline.update'), attrs: { type: 'button', 'data-action': 'update-app' }, on: { click: applyUpdate } })
            : null,
          h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': t('notice.dismiss'), 'data-action': 'dismiss-notice' }, on: { click: () => dismissNotice(notice.id) } }, [svgIcon(UI_ICONS.close, 18)]),
        ]);
      }),
    );
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.notices !== previous.notices || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    for (const timer of timers.values()) window.clearTimeout(timer);
    region.remove();
  };
}
