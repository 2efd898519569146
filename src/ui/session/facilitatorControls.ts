// The facilitator's session controls in the console: the code (big) with its QR code and
// address, closing joining, the table the actions aim at, the session's exports, and the
// dashboard of every table over the fresco area (open a table's fresco read-only from it).
import { displayText } from '../../core/text';
import { sessionCsv, sessionJson, sessionMarkdown, type SessionReportText } from '../../export/sessionReport';
import { t } from '../../i18n';
import { linkSentence } from '../../state/game';
import { notify, store, type AppState } from '../../state/store';
import { joinUrl, learnNetworkAddress } from '../../session/common';
import { currentFacilitator } from '../../session/facilitator';
import { h } from '../dom';
import { mountDashboard } from './dashboard';
import { qrCanvas } from './qr';
import './session.css';

function button(action: string, onClick: () => void, primary = false): HTMLButtonElement {
  return h('button', { class: primary ? 'button button-primary' : 'button', attrs: { type: 'button', 'data-action': action }, on: { click: onClick } });
}

async function exportSession(kind: 'md' | 'csv' | 'json'): Promise<void> {
  const session = currentFacilitator();
  const { game, lang } = store.getState();
  if (!session || !game) return;
  try {
    const [report, { downloadText, fileName }] = await Promise.all([session.report(), import('../../export/download')]);
    const level = game.level;
    const title = `${t('session.reportTitle')} ${displayText(level.title, lang)} ${report.code}`;
    const date = new Date(report.createdAt);
    if (kind === 'csv') return downloadText(fileName(title, date, 'csv'), sessionCsv(report), 'text/csv');
    if (kind === 'json') return downloadText(fileName(title, date, 'json'), sessionJson(level, report), 'application/json');
    const text: SessionReportText = {
      title: t('session.reportTitle'),
      level: t('report.level'),
      date: t('report.date'),
      tables: t('session.tableCount', { count: report.tables.length }).replace(/^\d+\s*/, ''),
      mean: t('session.mean', { percent: '' }).replace(/[:\s%]+$/, ''),
      misconceptions: t('session.commonMistakes'),
      missed: t('session.oftenMissed'),
      notAsked: t('session.trueNotAsked'),
      results: t('session.results'),
      links: t('report.links'),
      none: t('report.none'),
      table: t('session.yourTable'),
      placed: t('session.placed'),
      arrows: t('session.links'),
      score: t('session.score'),
      correct: '✓',
      wrong: '✗',
      missing: '○',
      connected: t('session.online'),
      sentence: (link) => linkSentence(level, link, lang),
      tablesCount: (count) => t('session.tablesCount', { count }),
    };
    downloadText(fileName(title, date, 'md'), sessionMarkdown(level, report, text, lang), 'text/markdown');
  } catch (cause) {
    notify('error', 'session.errors.server', { detail: cause instanceof Error ? cause.message : String(cause) });
  }
}

export function mountSessionControls(screen: HTMLElement, header: HTMLElement, stage: HTMLElement): () => void {
  const code = h('strong', { class: 'session-code-small', attrs: { 'data-session-code': true } });
  const status = h('span', { class: 'session-status', attrs: { 'data-connection': true } });
  const lockJoining = button('lock-joining', () => currentFacilitator()?.lockJoining(!store.getState().session?.joiningLocked));
  const targetLabel = h('label', { attrs: { for: 'session-target' } });
  const target = h('select', { class: 'text-input', attrs: { id: 'session-target', 'data-session-target': true } });
  target.addEventListener('change', () => currentFacilitator()?.aim(target.value));
  const backToDashboard = button('show-dashboard', () => currentFacilitator()?.watch(null));
  const exportReport = button('export-session-report', () => void exportSession('md'));
  const exportCsv = button('export-session-csv', () => void exportSession('csv'));
  const exportData = button('export-session-data', () => void exportSession('json'));
  const strip = h('div', { class: 'session-strip', attrs: { 'data-session-strip': true } }, [
    code,
    status,
    lockJoining,
    h('div', { class: 'field field-inline' }, [targetLabel, target]),
    backToDashboard,
    h('div', { class: 'topbar-spacer' }),
    exportReport,
    exportCsv,
    exportData,
  ]);
  header.after(strip);

  // The join panel: what the facilitator shows (or reads out) to the room.
  const bigCode = h('p', { class: 'session-code-big', attrs: { 'data-session-code-big': true } });
  const address = h('p', { class: 'session-address' });
  const qrHost = h('div', { class: 'session-qr-host' });
  const joinPanel = h('section', { class: 'session-join' }, [qrHost, h('div', {}, [address, bigCode])]);
  const overlay = h('div', { class: 'session-dashboard', attrs: { 'data-session-dashboard': true } }, [joinPanel]);
  stage.append(overlay);
  const unmountDashboard = mountDashboard(overlay);
  screen.classList.add('has-session');

  let qrFor = '';
  let shownOptions = '';
  const render = (state: AppState) => {
    const session = state.session;
    if (!session) return;
    code.textContent = `${t('session.code')} ${session.code}`;
    status.textContent = session.connected ? t('session.connected') : t('session.errors.offline');
    status.dataset.connection = session.connected ? 'online' : 'offline';
    lockJoining.textContent = session.joiningLocked ? t('session.unlockJoining') : t('session.lockJoining');
    lockJoining.setAttribute('aria-pressed', String(session.joiningLocked));
    targetLabel.textContent = t('session.target');
    const options = [{ value: 'all', text: t('session.allTables') }, ...session.tables.map((table) => ({ value: table.id, text: table.name }))];
    // Rebuilt only when the tables change: a list open under the pointer must stay open.
    const optionsKey = JSON.stringify(options);
    if (optionsKey !== shownOptions) {
      shownOptions = optionsKey;
      target.replaceChildren(...options.map((option) => h('option', { text: option.text, attrs: { value: option.value } })));
    }
    target.value = session.target;
    backToDashboard.textContent = t('session.showDashboard');
    backToDashboard.hidden = session.watching === null;
    overlay.hidden = session.watching !== null;
    exportReport.textContent = t('session.exportReport');
    exportCsv.textContent = t('session.exportCsv');
    exportData.textContent = t('session.exportData');
    const url = joinUrl(session.code);
    address.textContent = t('session.joinAt', { url: url.replace(/\?code=.*$/, '') });
    bigCode.textContent = session.code;
    joinPanel.hidden = session.joiningLocked;
    if (qrFor !== url) {
      qrFor = url;
      qrHost.replaceChildren(qrCanvas(url, `${t('session.code')} ${session.code}`, 200));
    }
  };
  render(store.getState());
  void learnNetworkAddress().then(() => render(store.getState()));
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session !== previous.session || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    unmountDashboard();
    strip.remove();
    overlay.remove();
    screen.classList.remove('has-session');
  };
}
