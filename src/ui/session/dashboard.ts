// The facilitator's dashboard: every table live — connected or not, cards placed, arrows drawn,
// its score (the tables do not see it), time since its last move — with a button to open its
// fresco, and the summary across tables once the correction is revealed.
import type { TableSummary } from '../../core/session';
import { t } from '../../i18n';
import { store, type AppState } from '../../state/store';
import { currentFacilitator } from '../../session/facilitator';
import { h } from '../dom';
import { summaryView } from './summaryView';

function ago(since: number | null, now: number): string {
  if (since === null) return t('session.never');
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  const time = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
  return t('session.ago', { time });
}

function tableItem(table: TableSummary, now: number): HTMLElement {
  return h('li', { class: table.connected ? 'session-table is-online' : 'session-table is-away', attrs: { 'data-table-id': table.id } }, [
    h('h3', { class: 'session-table-name', text: table.name }),
    h('p', { class: 'session-table-status', text: `${table.connected ? '●' : '○'} ${table.connected ? t('session.online') : t('session.away')}${table.locked ? ` · ${t('session.locked')}` : ''}` }),
    h('dl', { class: 'session-table-figures' }, [
      h('dt', { text: t('session.placed') }),
      h('dd', { text: String(table.placed), attrs: { 'data-placed': true } }),
      h('dt', { text: t('session.links') }),
      h('dd', { text: String(table.links), attrs: { 'data-links': true } }),
      h('dt', { text: t('session.score') }),
      h('dd', { text: `${table.score.percent} %`, attrs: { 'data-score': true } }),
      h('dt', { text: t('session.lastMove') }),
      h('dd', { text: ago(table.lastMoveAt, now), attrs: { 'data-last-move': true } }),
    ]),
    h('button', { class: 'button', text: t('session.openTable'), attrs: { type: 'button', 'data-action': 'open-table', 'data-table-id': table.id }, on: { click: () => currentFacilitator()?.watch(table.id) } }),
  ]);
}

export function mountDashboard(parent: HTMLElement): () => void {
  const heading = h('h2', { class: 'session-dashboard-title' });
  const list = h('ul', { class: 'session-tables', attrs: { 'data-session-tables': true } });
  const empty = h('p', { class: 'session-empty' });
  const summaryHost = h('div');
  const element = h('section', { class: 'session-board' }, [heading, empty, list, summaryHost]);
  parent.append(element);
  const render = (state: AppState) => {
    const { session, game, lang } = state;
    if (!session) return;
    heading.textContent = `${t('session.dashboard')} · ${t('session.tableCount', { count: session.tables.length })}`;
    empty.textContent = t('session.noTables');
    empty.hidden = session.tables.length > 0;
    const now = Date.now();
    list.replaceChildren(...session.tables.map((table) => tableItem(table, now)));
    const revealed = (state.workshop?.revealed.length ?? 0) > 0 || Boolean(state.workshop?.misconceptionsShown);
    summaryHost.replaceChildren(...(revealed && session.summary && game ? [summaryView(game.level, session.summary, lang)] : []));
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session !== previous.session || state.workshop !== previous.workshop || state.lang !== previous.lang) render(state);
  });
  // "Time since the last move" moves on by itself.
  const timer = window.setInterval(() => render(store.getState()), 5000);
  return () => {
    window.clearInterval(timer);
    unsubscribe();
    element.remove();
  };
}
