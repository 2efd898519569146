// The facilitator's console during a workshop: the plan and timer on top, the group's fresco
// (the same one the projector shows) with the hand, and the panel beside it.
import { isRunning, PHASES } from '../../core/workshop';
import { displayText } from '../../core/text';
import { t } from '../../i18n';
import { notify, store, type AppState } from '../../state/store';
import { keys, readItem } from '../../state/storage';
import { closeWorkshop, workshopAct } from '../../state/workshopState';
import { h } from '../dom';
import { mountHand } from '../hand';
import { svgIcon, UI_ICONS } from '../icon';
import { mountBoardArea } from '../play';
import { settingsSwitches } from '../switches';
import { timerView } from '../workshop/timerView';
import { mountFacilitatorPanel } from './panel';

export function projectorUrl(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('view', 'projector');
  url.searchParams.set('lang', store.getState().lang);
  const session = store.getState().session;
  if (session?.role === 'facilitator') url.searchParams.set('code', session.code);
  return url.toString();
}

export function openProjector(): void {
  const url = projectorUrl();
  const opened = window.open(url, 'fresque-projector', 'popup=yes,width=1280,height=800');
  if (!opened) notify('error', 'workshop.projectorBlocked', { url });
}

export function mountConsole(parent: HTMLElement, onQuit: () => void): () => void {
  const switches = settingsSwitches();
  const timer = timerView({ chime: true });
  const title = h('p', { class: 'console-title' });
  const steps = h('ol', { class: 'phase-steps', attrs: { 'data-phases': true } });
  const start = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'timer-start' }, on: { click: () => workshopAct({ type: 'timer-start' }) } }, [svgIcon(UI_ICONS.play, 20)]);
  const pause = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'timer-pause' }, on: { click: () => workshopAct({ type: 'timer-pause' }) } }, [svgIcon(UI_ICONS.pause, 20)]);
  const add = h('button', { class: 'button', text: '+1 min', attrs: { type: 'button', 'data-action': 'timer-add' }, on: { click: () => workshopAct({ type: 'timer-add', minutes: 1 }) } });
  const nextPhase = h('button', { class: 'button button-primary', attrs: { type: 'button', 'data-action': 'next-phase' }, on: { click: () => workshopAct({ type: 'next-phase' }) } });
  const lock = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'lock-board' }, on: { click: () => workshopAct({ type: 'lock', locked: !store.getState().workshop?.locked }) } });
  const projector = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'open-projector' }, on: { click: openProjector } });
  // Sessions across tables (src/session) load only when one is opened or resumed.
  const session = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'create-session' }, on: { click: () => void import('../../session/facilitator').then((module) => module.openSession()) } });
  const quit = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'quit-facilitator' }, on: { click: onQuit } }, [svgIcon(UI_ICONS.back, 20)]);
  const close = h('button', {
    class: 'button button-quiet',
    attrs: { type: 'button', 'data-action': 'close-workshop' },
    on: {
      click: () => {
        if (!window.confirm(t('workshop.closeConfirm'))) return;
        if (store.getState().session) void import('../../session/facilitator').then((module) => module.forgetSession());
        closeWorkshop();
      },
    },
  });

  const header = h('header', { class: 'topbar console-bar' }, [
    quit,
    h('div', { class: 'console-heading' }, [h('span', { class: 'console-mode' }), title]),
    steps,
    h('div', { class: 'toolbar-group timer-group' }, [timer.element, start, pause, add]),
    nextPhase,
    lock,
    projector,
    session,
    h('div', { class: 'topbar-spacer' }),
    close,
    switches.element,
  ]);
  const screen = h('div', { class: 'play console', attrs: { 'data-screen': 'facilitator' } }, [header]);
  parent.append(screen);
  const board = mountBoardArea(screen, { sidePanel: false });
  const unmounts = [mountFacilitatorPanel(board.area), mountHand(screen)];
  let unmountSession: (() => void) | null = null;
  let loadingSession = false;
  const syncSession = (state: AppState) => {
    const active = state.session?.role === 'facilitator';
    session.hidden = active;
    if (active && !unmountSession && !loadingSession) {
      loadingSession = true;
      void import('../session/facilitatorControls').then((module) => {
        loadingSession = false;
        if (store.getState().session && screen.isConnected) unmountSession = module.mountSessionControls(screen, header, board.stage);
      });
    } else if (!active && unmountSession) {
      unmountSession();
      unmountSession = null;
    }
  };
  // Back to the session this device opened, after a reload.
  if (readItem(keys.sessionFacilitator) !== null) void import('../../session/facilitator').then((module) => module.resumeFacilitator());

  const render = (state: AppState) => {
    const { workshop, game, lang } = state;
    if (!workshop || !game) return;
    (header.querySelector('.console-mode') as HTMLElement).textContent = t('workshop.modeTitle');
    title.textContent = workshop.frescoName || displayText(game.level.title, lang);
    const current = workshop.phase === 'ended' ? PHASES.length : PHASES.indexOf(workshop.phase);
    steps.replaceChildren(
      ...PHASES.map((phase, index) =>
        h('li', { class: index === current ? 'is-current' : index < current ? 'is-done' : '', attrs: { 'aria-current': index === current ? 'step' : null } }, [
          h('button', {
            class: 'step-button',
            text: t(`workshop.phases.${phase}`),
            attrs: { type: 'button', 'data-action': `go-to-${phase}`, title: t('workshop.phaseOf', { index: index + 1, total: PHASES.length, name: t(`workshop.phases.${phase}`) }) },
            on: { click: () => workshopAct({ type: 'go-to-phase', phase }) },
          }),
        ]),
      ),
    );
    start.setAttribute('aria-label', t('workshop.timerStart'));
    start.title = t('workshop.timerStart');
    pause.setAttribute('aria-label', t('workshop.timerPause'));
    pause.title = t('workshop.timerPause');
    start.disabled = isRunning(workshop.timer) || workshop.phase === 'ended';
    pause.disabled = !isRunning(workshop.timer);
    add.title = t('workshop.timerAdd');
    add.setAttribute('aria-label', t('workshop.timerAdd'));
    nextPhase.textContent = workshop.phase === 'debrief' ? t('workshop.endWorkshop') : t('workshop.nextPhase');
    nextPhase.disabled = workshop.phase === 'ended';
    lock.replaceChildren(svgIcon(workshop.locked ? UI_ICONS.lock : UI_ICONS.unlock, 18), workshop.locked ? t('workshop.unlock') : t('workshop.lock'));
    lock.setAttribute('aria-pressed', String(workshop.locked));
    projector.replaceChildren(svgIcon(UI_ICONS.projector, 18), t('workshop.openProjector'));
    quit.setAttribute('aria-label', t('workshop.quit'));
    quit.title = t('workshop.quit');
    close.textContent = t('workshop.closeWorkshop');
    session.replaceChildren(svgIcon(UI_ICONS.projector, 18), t('workshop.createSession'));
    syncSession(state);
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workshop !== previous.workshop || state.game !== previous.game || state.lang !== previous.lang) render(state);
    else if (state.session !== previous.session) syncSession(state);
  });
  return () => {
    unsubscribe();
    unmountSession?.();
    timer.destroy();
    switches.destroy();
    for (const unmount of unmounts) unmount();
    board.destroy();
    screen.remove();
  };
}
