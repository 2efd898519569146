// A table's screen in a session (?code=XXXXXX): its team name (changeable), the connection and
// the moves waiting to be sent, then the fresco with the phase and the timer, as on the
// projector of a single-device workshop.
import { normalizeJoinCode } from '../../core/joinCode';
import { t } from '../../i18n';
import { currentTable, startTable, stopTable } from '../../session/table';
import { store, type AppState } from '../../state/store';
import { h } from '../dom';
import { mountProjectedFresco } from '../projector';
import './session.css';

function home(): void {
  stopTable();
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('lang', store.getState().lang);
  window.location.assign(url.toString());
}

export function mountTableScreen(parent: HTMLElement): () => void {
  const root = h('div', { class: 'table-screen', attrs: { 'data-screen': 'table' } });
  parent.append(root);
  const raw = new URLSearchParams(window.location.search).get('code') ?? '';
  const checked = normalizeJoinCode(raw);
  if (!checked.ok) {
    root.append(
      h('main', { class: 'waiting', attrs: { id: 'main' } }, [
        h('h1', { text: t('session.errors.bad-code') }),
        h('button', { class: 'button button-primary', text: t('session.backHome'), attrs: { type: 'button', 'data-action': 'back' }, on: { click: home } }),
      ]),
    );
    return () => root.remove();
  }

  const nameLabel = h('label', { attrs: { for: 'team-name' } });
  const nameInput = h('input', { class: 'text-input', attrs: { id: 'team-name', type: 'text', maxlength: 40, autocomplete: 'off', 'data-team-name': true } });
  const rename = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'rename-team' }, on: { click: () => currentTable()?.rename(nameInput.value) } });
  nameInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') currentTable()?.rename(nameInput.value);
  });
  const code = h('span', { class: 'session-code-small' });
  const status = h('span', { class: 'session-status', attrs: { 'data-connection': 'offline', role: 'status' } });
  const retry = h('button', { class: 'button button-quiet', attrs: { type: 'button', 'data-action': 'retry' }, on: { click: () => currentTable()?.retry() } });
  const bar = h('div', { class: 'session-strip table-strip', attrs: { 'data-session-strip': true } }, [h('div', { class: 'field field-inline' }, [nameLabel, nameInput, rename]), h('div', { class: 'topbar-spacer' }), code, status, retry]);
  const waiting = h('p', { class: 'loading', attrs: { role: 'status' } });
  const surface = h('div', { class: 'table-surface' }, [waiting]);
  root.append(bar, surface);

  let unmountFresco: (() => void) | null = null;
  let shownName = '';
  const render = (state: AppState) => {
    const session = state.session;
    nameLabel.textContent = t('session.teamName');
    rename.textContent = t('session.rename');
    retry.textContent = t('session.retry');
    waiting.textContent = session?.connected ? t('session.waitingForLevel') : t('session.connecting');
    if (session) {
      code.textContent = `${t('session.code')} ${session.code}`;
      const online = session.connected;
      status.dataset.connection = online ? 'online' : 'offline';
      status.textContent = session.removed
        ? t('session.removedStatus')
        : [online ? t('session.connected') : t('session.offline'), session.pending > 0 ? t('session.pending', { count: session.pending }) : ''].filter(Boolean).join(' · ');
      retry.hidden = online || session.removed === true;
      const name = session.table?.name ?? '';
      if (name !== shownName && document.activeElement !== nameInput) {
        nameInput.value = name;
        shownName = name;
      }
    }
    const ready = Boolean(state.game);
    if (ready && !unmountFresco) {
      waiting.remove();
      unmountFresco = mountProjectedFresco(surface);
    } else if (!ready && unmountFresco) {
      unmountFresco();
      unmountFresco = null;
      surface.append(waiting);
    }
  };
  startTable(checked.code);
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session !== previous.session || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    unmountFresco?.();
    root.remove();
  };
}
