// The projector in a session (?view=projector&code=): while tables join, the code big with its
// QR code and how many tables are in; always the phase and the timer; after the reveal, the
// summary across tables. No table's fresco, no answer before the facilitator reveals it.
import { normalizeJoinCode } from '../../core/joinCode';
import { PHASES } from '../../core/workshop';
import { displayText } from '../../core/text';
import { t } from '../../i18n';
import { joinUrl, learnNetworkAddress } from '../../session/common';
import { startProjector, stopProjector } from '../../session/projector';
import { store, type AppState } from '../../state/store';
import { h } from '../dom';
import { timerView } from '../workshop/timerView';
import { qrCanvas } from './qr';
import { summaryView } from './summaryView';
import './session.css';

export function mountSessionProjector(parent: HTMLElement): () => void {
  const checked = normalizeJoinCode(new URLSearchParams(window.location.search).get('code') ?? '');
  const root = h('div', { class: 'session-projector', attrs: { 'data-screen': 'projector' } });
  parent.append(root);
  if (!checked.ok) {
    root.append(h('h1', { text: t('session.errors.bad-code') }));
    return () => root.remove();
  }
  const timer = timerView({ chime: false, large: true });
  const title = h('h1', { class: 'projector-title' });
  const phase = h('p', { class: 'projector-phase', attrs: { 'data-phase': true } });
  const count = h('p', { class: 'session-count', attrs: { 'data-table-count': true } });
  const bigCode = h('p', { class: 'session-code-big', attrs: { 'data-session-code-big': true } });
  const address = h('p', { class: 'session-address' });
  const qrHost = h('div', { class: 'session-qr-host' });
  const join = h('section', { class: 'session-join session-join-large' }, [qrHost, h('div', {}, [h('p', { class: 'session-join-title' }), address, bigCode, count])]);
  const summaryHost = h('div', { class: 'session-projector-summary' });
  root.append(h('header', { class: 'topbar projector-bar' }, [h('div', { class: 'projector-heading' }, [title, phase]), h('div', { class: 'topbar-spacer' }), timer.element]), h('main', { attrs: { id: 'main' } }, [join, summaryHost]));

  let qrFor = '';
  const render = (state: AppState) => {
    const { session, workshop, game, lang } = state;
    if (!session) return;
    title.textContent = game ? displayText(game.level.title, lang) : t('session.connecting');
    if (workshop) {
      const index = workshop.phase === 'ended' ? PHASES.length : PHASES.indexOf(workshop.phase) + 1;
      phase.textContent = workshop.phase === 'ended' ? t('workshop.phases.ended') : t('workshop.phaseOf', { index, total: PHASES.length, name: t(`workshop.phases.${workshop.phase}`) });
    }
    timer.element.hidden = !workshop;
    (join.querySelector('.session-join-title') as HTMLElement).textContent = t('session.projectorWaiting');
    const url = joinUrl(session.code);
    address.textContent = t('session.joinAt', { url: url.replace(/\?code=.*$/, '') });
    bigCode.textContent = session.code;
    count.textContent = t('session.tableCount', { count: session.tableCount });
    const revealed = (workshop?.revealed.length ?? 0) > 0 || Boolean(workshop?.misconceptionsShown);
    join.hidden = session.joiningLocked || revealed;
    if (qrFor !== url) {
      qrFor = url;
      qrHost.replaceChildren(qrCanvas(url, `${t('session.code')} ${session.code}`, 360));
    }
    summaryHost.replaceChildren(...(revealed && session.summary && game ? [summaryView(game.level, session.summary, lang)] : []));
  };
  startProjector(checked.code);
  render(store.getState());
  void learnNetworkAddress().then(() => render(store.getState()));
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session !== previous.session || state.workshop !== previous.workshop || state.game !== previous.game || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    stopProjector();
    timer.destroy();
    root.remove();
  };
}
