// The facilitator's dashboard: every table live — connected or not, cards placed, arrows drawn,
// its score (the tables do not see it), time since its last move — with a button to open its
// fresco and one to remove it from the session (asked first: its fresco goes with it), and the
// summary across tables once the correction is revealed.
import type { TableSummary } from '../../core/session';
import { t } from '../../i18n';
import { store, type AppState } from '../../state/store';
import { currentFacilitator } from '../../session/facilitator';
import { h, setText } from '../dom';
import { summaryView } from './summaryView';

function ago(since: number | null, now: number): string {
  if (since === null) return t('session.never');
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  const time = seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
  return t('session.ago', { time });
}

interface TableItem {
  element: HTMLElement;
  update(table: TableSummary, now: number): void;
}

/** One table's card, built once and updated in place: focus stays where it is while the figures change. */
function tableItem(id: string): TableItem {
  const name = h('h3', { class: 'session-table-name' });
  const status = h('p', { class: 'session-table-status' });
  const lost = h('p', { class: 'session-table-lost', attrs: { 'data-lost-moves': true, hidden: true } });
  const figures = (['placed', 'links', 'score', 'last-move'] as const).map((key) => ({ key, term: h('dt'), value: h('dd', { attrs: { [`data-${key}`]: true } }) }));
  const open = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'open-table', 'data-table-id': id }, on: { click: () => currentFacilitator()?.watch(id) } });
  const remove = h('button', {
    class: 'button button-quiet',
    attrs: { type: 'button', 'data-action': 'remove-table', 'data-table-id': id },
    on: { click: () => window.confirm(t('session.removeConfirm', { name: name.textContent ?? '' })) && currentFacilitator()?.removeTable(id) },
  });
  const actions = h('div', { class: 'session-table-actions' }, [open, remove]);
  const element = h('li', { class: 'session-table', attrs: { 'data-table-id': id } }, [name, status, lost, h('dl', { class: 'session-table-figures' }, figures.flatMap((f) => [f.term, f.value])), actions]);
  return {
    element,
    update(table, now) {
      element.className = table.connected ? 'session-table is-online' : 'session-table is-away';
      setText(name, table.name);
      setText(status, `${table.connected ? '●' : '○'} ${table.connected ? t('session.online') : t('session.away')}${table.locked ? ` · ${t('session.locked')}` : ''}`);
      // Moves a server incident lost for good stay said on the table's card.
      setText(lost, table.lostMoves > 0 ? t('session.lostMoves', { count: table.lostMoves }) : '');
      lost.hidden = table.lostMoves === 0;
      const values = { placed: String(table.placed), links: String(table.links), score: `${table.score.percent} %`, 'last-move': ago(table.lastMoveAt, now) };
      const terms = { placed: t('session.placed'), links: t('session.links'), score: t('session.score'), 'last-move': t('session.lastMove') };
      for (const figure of figures) {
        setText(figure.term, terms[figure.key]);
        setText(figure.value, values[figure.key]);
      }
      setText(open, t('session.openTable'));
      open.setAttribute('aria-label', `${t('session.openTable')} : ${table.name}`);
      setText(remove, t('session.removeTable'));
      remove.setAttribute('aria-label', `${t('session.removeTable')} : ${table.name}`);
    },
  };
}

export function mountDashboard(parent: HTMLElement): () => void {
  const heading = h('h2', { class: 'session-dashboard-title' });
  const list = h('ul', { class: 'session-tables', attrs: { 'data-session-tables': true } });
  const empty = h('p', { class: 'session-empty' });
  const summaryHost = h('div');
  const element = h('section', { class: 'session-board' }, [heading, empty, list, summaryHost]);
  const items = new Map<string, TableItem>();
  parent.append(element);
  const render = (state: AppState) => {
    const { session, game, lang } = state;
    if (!session) return;
    heading.textContent = `${t('session.dashboard')} · ${t('session.tableCount', { count: session.tables.length })}`;
    empty.textContent = t('session.noTables');
    empty.hidden = session.tables.length > 0;
    const now = Date.now();
    // Tables that left the session (removed) leave the dashboard too.
    const present = new Set(session.tables.map((table) => table.id));
    for (const [id, item] of items) {
      if (!present.has(id)) {
        item.element.remove();
        items.delete(id);
      }
    }
    for (const table of session.tables) {
      let item = items.get(table.id);
      if (!item) {
        item = tableItem(table.id);
        items.set(table.id, item);
        list.append(item.element);
      }
      item.update(table, now);
    }
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
